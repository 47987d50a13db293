"""Bad input, method by method and parameter by parameter: a wrong type is a TypeError
naming the parameter (before anything is sent), None where the guide allows it means
absent, a closed client says so, and odd values never crash the interpreter."""

from __future__ import annotations

import asyncio
import base64
import inspect
import math
from typing import Any, Callable, Dict, List, Tuple

import pytest

import qem
from qem.models import (
    AemAuthorizationAcl,
    AemCloneTaskReq,
    AemDeleteOldChangeDataReq,
    AemRunTaskOptions,
    AemRunTaskReq,
    AemServer,
    AemSetChangeDataRetentionBarrierReq,
    AemTaskState,
    TableSelectionDefinition,
)
from test_guide import CHAPTER_4

SERVER = "Local Server"
TASK = "SalesDBBackup"

# A valid value for every parameter name chapter 4 uses.
VALID: Dict[str, Any] = {
    "server": SERVER,
    "task": TASK,
    "endpoint": "Oracle Source",
    "schema": "SALES",
    "table": "ORDERS",
    "configuration": "Oracle Source",
    "start_timestamp": "2020-01-01T00:00:00Z",
    "end_timestamp": "2030-01-01T00:00:00Z",
    "includequeued": True,
    "includeloading": True,
    "includecompleted": True,
    "includechangeprocessing": True,
    "includeerror": True,
    "deletetasklogs": False,
    "withendpoints": False,
    "recycle": False,
    "timeout": 30,
    "option": AemRunTaskOptions.RESUME_PROCESSING,
}
PAYLOAD: Dict[str, Callable[[], Any]] = {
    "put_server_license": lambda: "expiration_date=2031-01-01",
    "put_server": AemServer,
    "put_server_acl": AemAuthorizationAcl,
    "put_task_table_selection": TableSelectionDefinition,
    "set_task_table_selection": TableSelectionDefinition,
    "import_task": lambda: "{}",
    "import_all": lambda: "{}",
    "run_task": AemRunTaskReq,
    "patch_endpoint": lambda: [],
    "delete_old_change_data": AemDeleteOldChangeDataReq,
    "set_change_data_retention_barrier": AemSetChangeDataRetentionBarrierReq,
    "clone_task": AemCloneTaskReq,
}
# A plausible wrong type for each kind of parameter (object() is wrong for all of them).
WRONG: Dict[str, Any] = {
    "server": 42,
    "task": b"task",
    "endpoint": ["Oracle Source"],
    "schema": 1,
    "table": 2.5,
    "configuration": 7,
    "start_timestamp": 637410358250082194,  # ticks must be text, as in the guide
    "end_timestamp": 1,
    "includequeued": "yes",
    "includeloading": 1,
    "includecompleted": "true",
    "includechangeprocessing": 0,
    "includeerror": [],
    "deletetasklogs": "False",
    "withendpoints": 1,
    "recycle": "no",
    "timeout": "30",
    "option": 3.5,
    "payload": 42,
    "cdcposition": 7,
}


def arguments(name: str) -> Dict[str, Any]:
    params = dict(CHAPTER_4)[name]
    return {p: (PAYLOAD[name]() if p == "payload" else VALID[p]) for p, _d in params}


CASES: List[Tuple[str, str]] = [(n, p) for n, params in CHAPTER_4 for p, _d in params]


def modern_params(name: str) -> List[str]:
    """The modern method's parameters (names first, the rest by keyword); none when the
    modern clients do not have the guide's name (its other spellings)."""
    fn = getattr(qem.Client, name, None)
    return [] if fn is None else [p for p in inspect.signature(fn).parameters if p != "self"]


def modern_arguments(name: str) -> Dict[str, Any]:
    valid = dict(VALID, cdcposition="")
    return {p: (PAYLOAD[name]() if p == "payload" else valid[p]) for p in modern_params(name)}


MODERN_CASES: List[Tuple[str, str]] = [(n, p) for n, _params in CHAPTER_4 for p in modern_params(n)]


def offline(cls: Any) -> Any:
    # Nothing is sent before a wrong argument is refused; if it were, this fails fast.
    return cls("https://127.0.0.1:9/attunityenterprisemanager", username="u", password="p", max_retries=0)


@pytest.mark.parametrize("name,param", MODERN_CASES, ids=["{0}-{1}".format(n, p) for n, p in MODERN_CASES])
def test_wrong_types_raise_type_error_naming_the_parameter(name: str, param: str) -> None:
    blocking, aio = offline(qem.Client), offline(qem.AsyncClient)
    for bad in (object(), WRONG[param]):
        args = modern_arguments(name)
        args[param] = bad
        for client in (blocking, aio):
            with pytest.raises(TypeError) as info:
                getattr(client, name)(**args)  # AsyncClient checks at the call, not the await
            assert "'{0}'".format(param) in str(info.value), (client, str(info.value))
            assert name in str(info.value) or param == "payload"


def test_dropin_wrong_types_and_constructor(fresh: Any) -> None:
    from aem_client import AemClient, AuthenticationMethod

    b64 = base64.b64encode(b"QEM\\admin:admin-pass").decode("ascii")
    with AemClient(b64, fresh.host, port=fresh.port, ca_file=fresh.cert) as c:
        for name, param in CASES:
            args = arguments(name)
            args[param] = object()
            with pytest.raises(TypeError, match="'{0}'".format(param)):
                getattr(c, name)(**args)
        with pytest.raises(TypeError, match="'includechangeProcessing'"):
            c.get_table_statuses(SERVER, TASK, includechangeProcessing="yes")
    for kw, bad in [
        ("b64_username_password", b"not text"),
        ("machine_name", None),
        ("port", "443"),
        ("port", True),
        ("url", None),
        ("verify_certificate", "false"),
        ("authentication_method", "ACTIVE_DIRECTORY"),
    ]:
        args: Dict[str, Any] = {"b64_username_password": b64, "machine_name": fresh.host}
        args[kw] = bad
        with pytest.raises(TypeError, match="'{0}'".format(kw)):
            AemClient(**args)
    assert AuthenticationMethod.ACTIVE_DIRECTORY  # the one accepted value


def test_none_means_absent(fresh: Any) -> None:
    """None for every optional parameter is the same as leaving it out."""
    from aem_client import AemClient

    b64 = base64.b64encode(b"QEM\\admin:admin-pass").decode("ascii")
    with AemClient(b64, fresh.host, port=fresh.port, ca_file=fresh.cert) as c:
        flags = dict.fromkeys(
            ["includequeued", "includeloading", "includecompleted", "includechangeprocessing", "includeerror"]
        )
        assert len(c.get_table_list(SERVER, TASK, None, None, **flags).tablelist) == 2
        assert len(c.get_table_statuses(SERVER, TASK, None, None, **flags).table_details) == 2
        assert c.run_task(None, SERVER, TASK, None, None).state == AemTaskState.RUNNING
        assert c.stop_task(SERVER, TASK, None).state == AemTaskState.STOPPED
        assert c.test_endpoint(SERVER, "Oracle Source", None).status is not None
        assert c.export_task(SERVER, TASK, None).startswith("{")
        assert c.export_audit_trail("2020-01-01T00:00:00Z", None)
        c.reconfigure_endpoint_no_wait(SERVER, "Oracle Source", "Oracle Source", None)
        # The server needs these three: None is refused before sending, clearly.
        for call in (
            lambda: c.reconfigure_endpoint_no_wait(SERVER, "Oracle Source"),
            lambda: c.reload_table(SERVER, TASK),
            lambda: c.resume_table(SERVER, TASK, "SALES", None),
        ):
            with pytest.raises(qem.InvalidArgumentError) as info:
                call()
            assert info.value.error_code == "INVALID_ARGUMENT" and "required" in info.value.message
        c.delete_task(SERVER, TASK, None)
        assert c.get_task_list(SERVER).taskList == []


def test_closed_clients_say_so(fresh: Any) -> None:
    from aem_client import AemClient

    b64 = base64.b64encode(b"QEM\\admin:admin-pass").decode("ascii")
    dropin = AemClient(b64, fresh.host, port=fresh.port, ca_file=fresh.cert)
    dropin.close()
    dropin.close()  # twice is fine
    assert dropin.closed and "closed" in repr(dropin)
    modern = fresh.client()
    modern.close()
    for c, args in ((dropin, arguments), (modern, modern_arguments)):
        for name, _params in CHAPTER_4:
            if not hasattr(c, name):
                continue
            with pytest.raises(qem.ClientClosedError) as info:
                getattr(c, name)(**args(name))
            assert info.value.error_code == "CLIENT_CLOSED" and "closed" in info.value.message
    with pytest.raises(qem.ClientClosedError):
        modern.login()

    async def main() -> None:
        async with qem.AsyncClient(
            fresh.base_url, username="QEM\\admin", password="admin-pass", ca_file=fresh.cert
        ) as c:
            await c.get_server_list()
        with pytest.raises(qem.ClientClosedError):
            await c.get_task_details(SERVER, TASK)

    asyncio.run(main())


ODD: List[Any] = [
    None,
    0,
    -1,
    2**64,
    10**30,
    1.5,
    math.nan,
    math.inf,
    "",
    " ",
    "\x00",
    "\udcff",
    "名前 ✓",
    "a" * 70000,
    "../..",
    b"\xff\xfe",
    [],
    [None],
    {},
    {"a": object()},
    object(),
    True,
    AemTaskState.RUNNING,
]


def test_odd_values_never_crash(fresh: Any) -> None:
    """Every parameter of every method, given odd values: an exception the caller can
    catch, or an answer; never a crash, never anything but these exception types."""
    from aem_client import AemClient

    b64 = base64.b64encode(b"QEM\\admin:admin-pass").decode("ascii")
    allowed = (TypeError, ValueError, qem.AemClientException, RecursionError)
    calls = 0
    with AemClient(b64, fresh.host, port=fresh.port, ca_file=fresh.cert, read_timeout=10) as c:
        for name, param in CASES:
            if name in ("delete_server", "import_all") and param == "server":
                continue  # would remove the world the other cases use; covered elsewhere
            for value in ODD:
                args = arguments(name)
                args[param] = value
                try:
                    getattr(c, name)(**args)
                except allowed:
                    pass
                calls += 1
        assert c.get_server_list().serverList  # the client still works
    assert calls > 2000
    # Answer classes fed odd JSON.
    for text in ["", "null", "[]", "1", '"x"', "{", b"\xff", '{"taskList": 5}', '{"taskList": [1, null, "x"]}']:
        try:
            qem.models.AemGetTaskListResp(text)
        except allowed:
            pass
    assert qem.models.AemGetTaskListResp('{"taskList": [1, null]}').taskList == [1, None]
