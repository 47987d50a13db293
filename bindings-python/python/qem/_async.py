"""`AsyncClient`: the methods of `Client` as coroutines.

A module of its own so that ``import qem`` does not import asyncio (about 40 ms): it is
imported the first time ``qem.AsyncClient`` is used.
"""

from __future__ import annotations

import asyncio

from ._client import _ClientBase, _Common
from ._convert import _dumps, _loads, _same
from .errors import _from_native

# typing is for the type checker only: importing it would cost every `import qem`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Iterable, Optional, Tuple

__all__ = ["AsyncClient"]


def _settle(fut: "asyncio.Future[Tuple[bool, Any]]", ok: bool, text: Any) -> None:
    if not fut.done():
        fut.set_result((ok, text))


class _Async(_Common):
    """The asyncio calls of a client, whatever its service."""

    async def _go(
        self, start: Callable[[Callable[[bool, Any], None]], Any], loads: Callable[[Any], Any] = _loads
    ) -> Any:
        loop = asyncio.get_running_loop()
        fut: "asyncio.Future[Tuple[bool, Any]]" = loop.create_future()

        def done(ok: bool, text: str) -> None:  # runs on an SDK thread
            try:
                loop.call_soon_threadsafe(_settle, fut, ok, text)
            except RuntimeError:
                pass  # the loop is closed; nobody waits any more

        handle = start(done)
        try:
            ok, text = await fut
        except asyncio.CancelledError:
            handle.abort()
            raise
        if not ok:
            raise _from_native(text)
        return loads(text)

    async def _call(self, method: str, payload: str) -> Any:
        return await self._go(lambda done: self._native.call_async(method, payload, done))

    async def _run_async(
        self,
        method: str,
        args: Dict[str, Any],
        spec: Any,
        post: Optional[Callable[[Any], Any]] = None,
        timeout_ms: Any = None,
    ) -> Any:
        payload = _dumps(args)
        native = self._native
        answer = await self._go(lambda done: native.call_async(method, payload, done, True, spec, timeout_ms), _same)
        return answer if post is None else post(answer)

    # Calling it checks nothing and runs nothing: the generated methods check their
    # arguments at the call site, and the work happens when the coroutine is awaited.
    _run = _run_async

    async def call(self, method: str, args: Optional[Dict[str, Any]] = None, **kwargs: Any) -> Any:
        """The generic entry (see :meth:`Client.call`)."""
        return await self._run_async(method, self._args(method, args, kwargs), None)

    async def close(self) -> None:
        """Logs out and refuses later calls. Closing twice is fine."""
        await self._go(lambda done: self._native.close_async(done))

    async def gather(self, calls: Iterable[Any], limit: int = 16) -> list:  # type: ignore[type-arg]
        """Awaits many calls with at most ``limit`` in flight; answers in order."""
        sem = asyncio.Semaphore(limit)

        async def one(c: Any) -> Any:
            async with sem:
                return await c

        return list(await asyncio.gather(*(one(c) for c in calls)))

    async def __aenter__(self) -> Any:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        try:
            await self.close()
        except Exception:
            if exc[0] is None:
                raise


class AsyncClient(_Async, _ClientBase):
    """The asyncio client: the methods of :class:`Client` as coroutines.

    Calls run on the SDK's own I/O threads; the event loop never blocks. Use it as an
    async context manager to log out at the end.
    """

    async def login(self) -> None:
        """Logs in now (again), replacing any session."""
        await self._call("login", "{}")

    async def logout(self) -> None:
        """Ends the session; a later call logs in again."""
        await self._call("logout", "{}")
