"""`qem.veeam.AsyncClient`: the methods of `qem.veeam.Client` as coroutines, imported
(with asyncio) when first used."""

from __future__ import annotations

from .._async import _Async
from ._client import _ServiceBase

__all__ = ["AsyncClient"]


class AsyncClient(_Async, _ServiceBase):
    """The asyncio client of one Veeam Backup Enterprise Manager: the methods of
    :class:`qem.veeam.Client` as coroutines.

    Calls run on the SDK's own I/O threads; the event loop never blocks.
    """
