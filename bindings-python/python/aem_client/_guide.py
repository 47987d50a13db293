"""What :class:`aem_client.AemClient` has beyond the generated chapter 4 methods
(``_guide_ops.py``, from ``codegen/templates/python/guide.json``): False flags are not
sent and exports answer text, as Qlik's client does; and the wait helpers and file
streaming of the SDK's first release, with their signatures of then."""

from __future__ import annotations

from qem import models as m
from qem._convert import (
    _export_text,
    _name,
    _opt_bool,
    _opt_str,
    _option,
    _path,
    _same,
    _seconds_ms,
    _states,
    _written,
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
            post: Callable[[Any], Any] = _same,
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

    # helpers people write by hand today
    def wait_for_task_state(
        self, server: Any, task: Any, states: Any, timeout: Any = 60.0, poll_interval: Any = 0.25
    ) -> Any:
        """Polls a task until it is in one of ``states``; answers its details.

        Raises ``TimeoutError`` (``WAIT_TIMEOUT``) when ``timeout`` seconds pass first.
        """
        fn = "wait_for_task_state"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "states": _states(fn, states),
            "timeout_ms": _seconds_ms(fn, "timeout", timeout),
            "poll_ms": _seconds_ms(fn, "poll_interval", poll_interval),
        }
        return self._run(fn, args, m._TASK_DETAILS)

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
        fn = "run_task_and_wait"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "option": _option(fn, option),
            "cdcposition": _opt_str(fn, "cdcposition", cdcposition),
            "timeout_ms": _seconds_ms(fn, "timeout", timeout),
            "poll_ms": _seconds_ms(fn, "poll_interval", poll_interval),
        }
        if args["option"] is None:
            args["option"] = "RESUME_PROCESSING"
        return self._run(fn, args, m._TASK_DETAILS)

    def stop_task_and_wait(self, server: Any, task: Any, timeout: Any = 300.0, poll_interval: Any = 0.25) -> Any:
        """Stops a task and waits until it is STOPPED; answers its details."""
        fn = "stop_task_and_wait"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "timeout_ms": _seconds_ms(fn, "timeout", timeout),
            "poll_ms": _seconds_ms(fn, "poll_interval", poll_interval),
        }
        return self._run(fn, args, m._TASK_DETAILS)

    # streaming to and from files
    def export_task_to_file(self, server: Any, task: Any, path: Any, withendpoints: Any = False) -> Any:
        """Streams a task export into a file; answers the number of bytes written."""
        fn = "export_task"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "withendpoints": _opt_bool(fn, "withendpoints", withendpoints),
            "file": _path("export_task_to_file", "path", path),
        }
        return self._run(fn, args, None, _written)

    def export_all_to_file(self, server: Any, path: Any) -> Any:
        """Streams a whole-server export into a file; answers the number of bytes written."""
        fn = "export_all"
        args = {"server": _name(fn, "server", server), "file": _path("export_all_to_file", "path", path)}
        return self._run(fn, args, None, _written)

    def export_audit_trail_to_file(self, path: Any, start_timestamp: Any, end_timestamp: Any = None) -> Any:
        """Streams the audit trail into a file; answers the number of bytes written."""
        fn = "export_audit_trail"
        args = {
            "start_timestamp": _name(fn, "start_timestamp", start_timestamp),
            "end_timestamp": _opt_str(fn, "end_timestamp", end_timestamp),
            "file": _path("export_audit_trail_to_file", "path", path),
        }
        return self._run(fn, args, None, _written)

    def import_task_from_file(self, path: Any, server: Any, task: Any) -> Any:
        """Streams a task document from a file into a server."""
        fn = "import_task"
        args = {
            "payload_file": _path("import_task_from_file", "path", path),
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
        }
        return self._run(fn, args, None)

    def import_all_from_file(self, path: Any, server: Any) -> Any:
        """Streams a whole-server document from a file into a server."""
        fn = "import_all"
        args = {"payload_file": _path("import_all_from_file", "path", path), "server": _name(fn, "server", server)}
        return self._run(fn, args, None)
