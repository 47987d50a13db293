"""What :class:`aem_client.AemClient` has beyond the generated chapter 4 methods
(``_guide_ops.py``, from ``codegen/templates/python/guide.json``): False flags are not
sent and exports answer text, as Qlik's client does; and the wait helpers and file
streaming of the SDK's first release, with their signatures of then."""

from __future__ import annotations

from qem import models as m
from qem._convert import (
    _export_text,
    _opt_bool,
)

from ._guide_ops import _GuideOperations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Optional


class _GuideMethods(_GuideOperations):
    """The drop-in's ways over the generated chapter 4 methods, and its helpers."""

    # Qlik's client sends include flags always; "false" has no effect (4.19), so the
    # drop-in leaves False out, while the modern clients send what they are given.
    _false_is_absent = False
    _export_as_text = False

    if TYPE_CHECKING:

        def _run(
            self,
            method: str,
            args: Dict[str, Any],
            spec: Any,
            post: Optional[Callable[[Any], Any]] = None,
            timeout_ms: Any = None,
        ) -> Any: ...

    def _flag(self, fn: str, name: str, value: Any) -> Optional[bool]:
        v = _opt_bool(fn, name, value)
        return None if (v is False and self._false_is_absent) else v

    def _export(self, fn: str, args: Dict[str, Any], timeout_ms: Any = None) -> Any:
        # The drop-in returns the document as text (chapter 4): the server's own bytes.
        if self._export_as_text:
            args["raw"] = True
            return self._run(fn, args, None, _export_text, timeout_ms)
        return self._run(fn, args, None, timeout_ms=timeout_ms)

    # The first release's wait helpers and file streaming, with their signatures of then,
    # over the modern methods (which check the arguments and name the method).
    def wait_for_task_state(
        self, server: Any, task: Any, states: Any, timeout: Any = 60.0, poll_interval: Any = 0.25
    ) -> Any:
        """Polls a task until it is in one of ``states``; answers its details.

        Raises ``TimeoutError`` (``WAIT_TIMEOUT``) when ``timeout`` seconds pass first.
        """
        return super().wait_for_task_state(server, task, states, timeout=timeout, poll_interval=poll_interval)

    def run_task_and_wait(
        self,
        server: Any,
        task: Any,
        option: Any = m.AemRunTaskOptions.RESUME_PROCESSING,
        cdcposition: Any = None,
        timeout: Any = 300.0,
        poll_interval: Any = 0.25,
    ) -> Any:
        """Runs a task and waits until it is RUNNING; answers its details.

        Raises ``AemClientException`` (``TASK_FAILED``) when the task ends in ERROR.
        """
        return super().run_task_and_wait(
            server, task, option=option, cdcposition=cdcposition, timeout=timeout, poll_interval=poll_interval
        )

    def stop_task_and_wait(self, server: Any, task: Any, timeout: Any = 300.0, poll_interval: Any = 0.25) -> Any:
        """Stops a task and waits until it is STOPPED; answers its details."""
        return super().stop_task_and_wait(server, task, timeout=timeout, poll_interval=poll_interval)

    def export_task_to_file(self, server: Any, task: Any, path: Any, withendpoints: Any = False) -> Any:
        """Streams a task export into a file; answers the number of bytes written."""
        return super().export_task_to_file(server, task, path, withendpoints=withendpoints)

    def export_audit_trail_to_file(self, path: Any, start_timestamp: Any, end_timestamp: Any = None) -> Any:
        """Streams the audit trail into a file; answers the number of bytes written."""
        return super().export_audit_trail_to_file(start_timestamp, path, end_timestamp=end_timestamp)

    def import_task_from_file(self, path: Any, server: Any, task: Any) -> Any:
        """Streams a task document from a file into a server."""
        return super().import_task_from_file(server, task, path)

    def import_all_from_file(self, path: Any, server: Any) -> Any:
        """Streams a whole-server document from a file into a server."""
        return super().import_all_from_file(server, path)
