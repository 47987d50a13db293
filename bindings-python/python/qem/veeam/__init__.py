"""Veeam Backup Enterprise Manager's job clone (``veeam-em-clone-job.txt``).

- :class:`Client` (blocking, thread-safe) and :class:`AsyncClient` (asyncio) with
  ``clone_job`` (the job as a GUID or ``urn:veeam:Job:<guid>``; a backup's ``job_name``,
  ``folder_name`` and ``repository_uid``, or ``kind`` Replica, BackupCopy or
  ImmediateBackupCopy with their fields), ``get_task``, ``delete_task``, ``get_jobs``,
  ``get_repositories`` and ``clone_job_and_wait``; ``call(method, args)`` reaches them by
  name too.
- One logon session (``X-RestSvcSessionId``), renewed once when it expires, logged off
  by ``close()``; no cookies are kept. XML both ways: answers arrive as the classes of
  :mod:`qem.types` (``VeeamTask`` with ``TaskId``, ``State``, ``Result``, ``Links``).
- Failures raise the errors of :mod:`qem.errors` with Veeam's message verbatim and a code
  from the status (``UNAUTHORIZED``, ``FORBIDDEN``, ``NOT_FOUND``...); a clone that did
  not succeed is ``TASK_FAILED``.

    from qem.veeam import Client
    with Client("https://em.example.net:9398", username=user, password=pw) as em:
        repo = em.get_repositories().Refs[0].UID
        made = em.clone_job_and_wait(job=job_id, job_name="Nightly SQL (copy)",
                                     folder_name="NightlySqlCopy", repository_uid=repo)
        print(made.job_name, made.job_id)
"""

from __future__ import annotations

from ..types import VeeamClonedJob, VeeamEntityReferences, VeeamLink, VeeamRef, VeeamTask
from .._client import _lazy_async
from ._client import Client

__all__ = [
    "Client",
    "AsyncClient",
    "VeeamClonedJob",
    "VeeamEntityReferences",
    "VeeamLink",
    "VeeamRef",
    "VeeamTask",
]


# AsyncClient (and asyncio with it) is imported when first used.
__getattr__, __dir__ = _lazy_async(__name__, __all__)
