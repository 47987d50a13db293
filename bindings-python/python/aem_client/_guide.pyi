"""Type stubs of what AemClient has beyond the generated chapter 4 methods (see _guide.py)."""

import os
from typing import Optional, Sequence, Union

from qem.models import AemRunTaskOptions, AemTaskInfoDetailedBase, AemTaskState

from ._guide_ops import _GuideOperations

PathLike = Union[str, "os.PathLike[str]"]

class _GuideMethods(_GuideOperations):
    def wait_for_task_state(
        self,
        server: str,
        task: str,
        states: Union[AemTaskState, str, Sequence[Union[AemTaskState, str]]],
        timeout: float = ...,
        poll_interval: float = ...,
    ) -> AemTaskInfoDetailedBase:
        """Polls a task until it is in one of ``states``; answers its details.

        Raises ``TimeoutError`` (``WAIT_TIMEOUT``) when ``timeout`` seconds pass first."""
        ...
    def run_task_and_wait(
        self,
        server: str,
        task: str,
        option: Union[AemRunTaskOptions, str, int, None] = ...,
        cdcposition: Optional[str] = ...,
        timeout: float = ...,
        poll_interval: float = ...,
    ) -> AemTaskInfoDetailedBase:
        """Runs a task and waits until it is RUNNING; answers its details.

        Raises ``AemClientException`` (``TASK_FAILED``) when the task ends in ERROR."""
        ...
    def stop_task_and_wait(
        self, server: str, task: str, timeout: float = ..., poll_interval: float = ...
    ) -> AemTaskInfoDetailedBase:
        """Stops a task and waits until it is STOPPED; answers its details."""
        ...
    def export_task_to_file(self, server: str, task: str, path: PathLike, withendpoints: Optional[bool] = ...) -> int:
        """Streams a task export into a file; answers the number of bytes written."""
        ...
    def export_audit_trail_to_file(
        self, path: PathLike, start_timestamp: str, end_timestamp: Optional[str] = ...
    ) -> int:
        """Streams the audit trail into a file; answers the number of bytes written."""
        ...
    def import_task_from_file(self, path: PathLike, server: str, task: str) -> None:
        """Streams a task document from a file into a server."""
        ...
    def import_all_from_file(self, path: PathLike, server: str) -> None:
        """Streams a whole-server document from a file into a server."""
        ...
