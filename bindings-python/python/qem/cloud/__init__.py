"""The Qlik Cloud Tasks API of one tenant (``qlik-cloud-tasks-api.txt``).

- :class:`Client` (blocking, thread-safe) and :class:`AsyncClient` (asyncio), with the
  ten operations by their snake names (``get_tasks``, ``start_task``, ...) and
  ``start_task_and_wait``; ``call(method, args)`` reaches any of them by the spec's
  names too (``getTasks``, ``runId``).
- Answers are the classes of :mod:`qem.types` (``CloudTask``, ``CloudRun``, pages with
  ``data`` and ``links``): every documented field exists, unknown ones are kept.
- Failures raise the errors of :mod:`qem.errors`, with Qlik's own ``error_code``
  (``TASKS-404``), the HTTP status, the operation and ``trace_id``.

    from qem.cloud import Client
    with Client("https://tenant.eu.qlikcloud.com", api_key=key) as tenant:
        for task in tenant.get_tasks(resource_id="app-id", all=True).data:
            print(task.id, task.name)
"""

from __future__ import annotations

from ..types import (
    CloudLink,
    CloudLinks,
    CloudOrchestration,
    CloudRun,
    CloudRunPage,
    CloudStartResult,
    CloudTask,
    CloudTaskMetadata,
    CloudTaskPage,
    CloudTrigger,
)
from .._client import _lazy_async
from ._client import Client

__all__ = [
    "Client",
    "AsyncClient",
    "CloudLink",
    "CloudLinks",
    "CloudOrchestration",
    "CloudRun",
    "CloudRunPage",
    "CloudStartResult",
    "CloudTask",
    "CloudTaskMetadata",
    "CloudTaskPage",
    "CloudTrigger",
]


# AsyncClient (and asyncio with it) is imported when first used.
__getattr__, __dir__ = _lazy_async(__name__, __all__)
