"""Python-specific behaviour: the drop-in surface end to end, threads, fork, asyncio,
Ctrl-C, bad input, errors, logging."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from typing import Any, List

import pytest

import qem
from qem import _native

SERVER = "Local Server"
TASK = "SalesDBBackup"


def b64(user: str, password: str) -> str:
    return base64.b64encode("{0}:{1}".format(user, password).encode()).decode("ascii")


def dropin(mock: Any) -> Any:
    from aem_client import AemClient

    return AemClient(b64("QEM\\admin", "admin-pass"), mock.host, port=mock.port, ca_file=mock.cert)


# ---------------------------------------------------------------- drop-in surface


def test_star_import_exports_the_documented_names() -> None:
    ns: dict = {}
    exec("from aem_client import *", ns)
    for name in [
        "AemClient",
        "AemClientException",
        "AuthenticationMethod",
        "AemRunTaskOptions",
        "AemTaskState",
        "AemServerState",
        "AemLicenseState",
        "AemPlatform",
        "EndpointRole",
        "AemTaskStopReason",
        "AemTableState",
        "StandardLoadOrder",
        "TableType",
        "AemReplicateServer",
        "AemComposeServer",
        "AemAuthorizationAcl",
        "AemRoleDef",
        "AemUserRef",
        "AemGroupRef",
        "AemRunTaskReq",
        "TableSelectionDefinition",
        "TableSelection",
        "AemDeleteOldChangeDataReq",
        "AemSetChangeDataRetentionBarrierReq",
        "AemGetServerListResp",
        "AemTaskInfoDetailed",
    ]:
        assert name in ns, name
    from enum import Enum

    assert issubclass(ns["AemTaskState"], Enum)
    assert ns["AemRunTaskOptions"].RESUME_PROCESSING.value == 1
    assert ns["StandardLoadOrder"].HIGH.value == 1000


def test_dropin_guide_examples_end_to_end(fresh: Any) -> None:
    from aem_client import (
        AemClientException,
        AemRunTaskOptions,
        AemRunTaskReq,
        AemServerState,
        AemTableState,
        AemTaskState,
        StandardLoadOrder,
        TableSelection,
        TableSelectionDefinition,
        TableType,
    )

    c = dropin(fresh)
    resp = c.get_server_list()
    assert resp.serverList[0].name == SERVER
    assert resp.serverList[0].state == AemServerState.MONITORED
    details = c.get_server_details(SERVER)
    assert details.server_details.configuration.host == "rep1.example.net"
    tasks = c.get_task_list(SERVER)
    assert tasks.taskList[0].state == AemTaskState.STOPPED
    run = c.run_task(AemRunTaskReq(), SERVER, TASK, AemRunTaskOptions.RESUME_PROCESSING, 30)
    assert run.state == AemTaskState.RUNNING
    task = c.get_task_details(SERVER, TASK)
    assert task.state == AemTaskState.RUNNING
    assert task.task.name == TASK
    tables = c.get_table_list(SERVER, TASK)
    assert len(tables.tablelist) == 2
    statuses = c.get_table_statuses(SERVER, TASK)
    assert statuses.table_details[0].table_full_load_info.transferred_row_count >= 0
    assert isinstance(statuses.table_details[0].state, AemTableState)
    # 4.18's example payload, as the guide writes it.
    sel = TableSelectionDefinition()
    t = TableSelection()
    t.owner = "SALES"
    t.name = "ORD%"
    t.load_order = StandardLoadOrder.LOWER.value
    sel.included_pattern.append(t)
    t = TableSelection()
    t.owner = "SALES"
    t.name = "ORDERS"
    t.load_order = StandardLoadOrder.HIGH.value
    t.table_type = TableType.TABLE
    sel.explicit_included_tables.append(t)
    c.put_task_table_selection(sel, SERVER, TASK)
    c.set_task_table_selection(sel, SERVER, TASK)
    got = c.get_task_table_selection(SERVER, TASK)
    assert got.explicit_included_tables[0].name == "ORDERS"
    exported = c.export_task(SERVER, TASK)
    assert isinstance(exported, str) and json.loads(exported)["cmd.replication_definition"]
    stop = c.stop_task(SERVER, TASK)
    assert stop.state == AemTaskState.STOPPED
    with pytest.raises(AemClientException) as info:
        c.get_task_details(SERVER, "no such task")
    assert info.value.error_code == "AEM_TASK_NOT_FOUND"
    assert info.value.message


def test_dropin_wrong_password_raises_at_construction(fresh: Any) -> None:
    from aem_client import AemClient, AemClientException

    with pytest.raises(AemClientException) as info:
        AemClient(b64("QEM\\admin", "wrong"), fresh.host, port=fresh.port, ca_file=fresh.cert)
    assert info.value.error_code == "UNAUTHORIZED_REQUEST"


def test_dropin_acl_and_server_payload_classes(fresh: Any) -> None:
    from aem_client import AemAuthorizationAcl, AemRoleDef, AemUserRef

    c = dropin(fresh)
    acl = AemAuthorizationAcl()
    acl.admin_role = AemRoleDef()
    u = AemUserRef()
    u.name = "QEM\\admin"
    acl.admin_role.users.append(u)
    c.put_server_acl(acl, SERVER)
    back = c.get_server_acl(SERVER)
    assert back.admin_role.users[0].name == "QEM\\admin"
    srv = c.get_server(SERVER)
    assert srv.host == "rep1.example.net"
    assert type(srv).__name__ == "AemReplicateServer"


def test_unknown_enum_values_stay_readable() -> None:
    from aem_client import AemGetTaskListResp, AemTaskState

    r = AemGetTaskListResp({"taskList": [{"name": "x", "state": "HIBERNATING", "stop_reason": "NEW_REASON"}]})
    assert r.taskList[0].state == "HIBERNATING"
    assert AemGetTaskListResp({"taskList": [{"state": "RECOVERING"}]}).taskList[0].state == AemTaskState.RECOVERY


def test_answers_are_read_by_class_plans() -> None:
    """Answers and user-built objects share one reading (the native `fill`)."""
    from aem_client import (
        AemComposeDWTaskInfoDetailed,
        AemGetEndpointListResp,
        AemGetTableListResp,
        AemTaskInfoDetailed,
        AemTaskState,
        TaskEndpoint,
    )

    d = qem.models.task_details({"type": "ComposeDWTaskInfoDetailed", "state": "RUNNING", "future": {"x": [1]}})
    assert type(d) is AemComposeDWTaskInfoDetailed and d.state == AemTaskState.RUNNING
    assert d.future.x == [1] and d.future["x"] == [1]  # unknown fields: attributes and keys
    t = AemTaskInfoDetailed(
        '{"source_endpoint": {"name": "src"}, "cdc_transactions_counters": {"applied_comitted_transaction_count": 3}}'
    )
    assert type(t.source_endpoint) is TaskEndpoint and t.source_endpoint.name == "src"
    counters = t.cdc_transactions_counters  # the guide's typo and its correction alike
    assert counters.applied_comitted_transaction_count == counters.applied_committed_transaction_count == 3
    assert AemGetTableListResp({"TableList": [{"table": "T"}]}).tablelist[0].table == "T"
    e = AemGetEndpointListResp(b'{"endpointList": [{"name": "e", "isLicensed": true, "role": "SOURCE"}]}')
    assert e.endpointList[0].is_licensed is True and e.endpointList[0].role.name == "SOURCE"
    # A dict holding SDK objects is read too; JSON that is not an object is refused.
    assert AemTaskInfoDetailed({"state": AemTaskState.ERROR}).state == AemTaskState.ERROR
    with pytest.raises(TypeError):
        AemTaskInfoDetailed("[1, 2]")
    with pytest.raises(ValueError):
        AemTaskInfoDetailed("{not json")


def test_requests_in_flight_are_bounded(fresh: Any) -> None:
    fresh.control("PUT", "faults", {"latency_ms": 30})
    fresh.control("DELETE", "stats")
    try:
        with fresh.client(max_concurrent_requests=2) as c:
            threads = [threading.Thread(target=c.get_server_list) for _ in range(8)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
        assert fresh.control("GET", "stats")["peak_in_flight"] == 2
    finally:
        fresh.control("PUT", "faults", {"latency_ms": 0})
    with pytest.raises(qem.InvalidArgumentError):
        qem.Client("https://h/x", username="u", password="p", max_concurrent_requests=0)


# ---------------------------------------------------------------- coverage of the core


def test_every_core_operation_is_a_method() -> None:
    from aem_client import AemClient

    ops = qem.operations()
    assert len(ops) >= 36
    for op in ops:
        if op["method"] in ("login", "logout"):
            continue
        assert callable(getattr(qem.Client, op["method"], None)), op["method"]
        assert callable(getattr(qem.AsyncClient, op["method"], None)), op["method"]
        assert callable(getattr(AemClient, op["method"], None)), op["method"]


def test_import_qem_leaves_asyncio_and_logging_unimported() -> None:
    # Most scripts are blocking: asyncio (and concurrent.futures), logging and typing are
    # imported only by those that use them. AsyncClient still works, importing asyncio then.
    code = (
        "import sys, qem\n"
        "heavy = ('asyncio', 'concurrent.futures', 'logging', 'typing')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "assert 'AsyncClient' in dir(qem)\n"
        "import aem_client\n"
        "print(sorted(m for m in heavy[:3] if m in sys.modules))\n"
        "print(qem.AsyncClient.__name__, 'asyncio' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "[]", "AsyncClient True"], out


def test_generated_methods_refuse_a_native_module_of_another_description(monkeypatch: Any) -> None:
    import importlib

    import qem._operations as ops

    assert ops.DESCRIPTION_FINGERPRINT == _native.description_fingerprint()
    assert open(ops.__file__).readline().startswith("# Generated by `cargo run -p qem-codegen`")
    monkeypatch.setattr(_native, "description_fingerprint", lambda: "0000000000000000")
    with pytest.raises(ImportError, match="another API description"):
        importlib.reload(ops)


def test_helpers_are_typed_methods_on_both_clients(fresh: Any) -> None:
    with fresh.client() as c:
        assert c.select_tasks(SERVER, all=True) == [TASK]
        snap = c.snapshot_task_states(SERVER)
        assert isinstance(snap, qem.types.TaskStateSnapshot) and snap.tasks[0].name == TASK
        report = c.run_tasks(SERVER, names=TASK, timeout=20, poll_interval=0.05)
        assert isinstance(report, qem.types.BulkReport)
        assert report.succeeded == 1 and report.tasks[0].state == "RUNNING" and report.tasks[0].error_code is None
        assert "qem_task" in c.prometheus_metrics(SERVER, pattern="Sales*")
        with pytest.raises(TypeError, match="'names'"):
            c.stop_tasks(SERVER, names=42)

    async def main() -> None:
        async with qem.AsyncClient(
            fresh.base_url, username="QEM\\admin", password="admin-pass", ca_file=fresh.cert
        ) as a:
            assert await a.select_tasks(SERVER, states=[qem.AemTaskState.RUNNING]) == [TASK]
            d = await a.stop_task_and_wait(SERVER, TASK, timeout=20, poll_interval=0.05)
            assert d.state == qem.AemTaskState.STOPPED

    asyncio.run(main())


def test_per_call_timeout_and_with_options(fresh: Any) -> None:
    with fresh.client() as c:
        c.get_server_list()
        quick = c.with_options(timeout=0.3, retries=0)
        assert type(quick) is qem.Client and quick.url == c.url
        fresh.control("DELETE", "requests")
        fresh.control("PUT", "faults", {"latency_ms": 1000})
        for call in (lambda: c.get_task_list(SERVER, timeout=0.3), lambda: quick.get_task_list(SERVER)):
            started = time.monotonic()
            with pytest.raises(qem.TimeoutError) as info:
                call()
            assert info.value.error_code == "TIMEOUT" and time.monotonic() - started < 0.9
        # No retries on the handle; the client keeps its own; one session for both.
        fresh.control("PUT", "faults", {"fail_next": {"get_task_list": 1}})
        with pytest.raises(qem.AemClientException):
            quick.get_task_list(SERVER)
        fresh.control("PUT", "faults", {"fail_next": {"get_task_list": 1}})
        assert c.get_task_list(SERVER).taskList
        assert [r for r in fresh.control("GET", "requests") if r["operation"] == "login"] == []
        with pytest.raises(TypeError, match="'retries'"):
            c.with_options(retries="3")
        with pytest.raises(qem.InvalidArgumentError):
            c.with_options(retries=99)

    async def main() -> None:
        async with qem.AsyncClient(
            fresh.base_url, username="QEM\\admin", password="admin-pass", ca_file=fresh.cert
        ) as a:
            fresh.control("PUT", "faults", {"latency_ms": 1000})
            with pytest.raises(qem.TimeoutError):
                await a.get_task_list(SERVER, timeout=0.3)
            with pytest.raises(qem.TimeoutError):
                await a.with_options(timeout=0.3).get_server_list()
            fresh.control("PUT", "faults", {"latency_ms": 0})

    asyncio.run(main())
    fresh.reset()


def test_records_reach_logging_imported_after_qem(fresh: Any) -> None:
    # The logger is looked up lazily: a program importing logging after qem still gets
    # the records (here in a child process, where logging is not yet imported).
    code = (
        "import sys, qem\n"
        "assert 'logging' not in sys.modules\n"
        "import logging\n"
        "logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format='%(name)s %(message)s')\n"
        "c = qem.Client({0!r}, username='QEM\\\\admin', password='admin-pass', ca_file={1!r})\n"
        "c.get_server_list()\n"
        "c.close()\n"
    ).format(fresh.base_url, fresh.cert)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "qem " in out and "admin-pass" not in out, out


# ---------------------------------------------------------------- modern surface


def test_modern_client_context_manager_logs_out(fresh: Any) -> None:
    with fresh.client() as c:
        assert c.get_task_list(SERVER).taskList[0].name == TASK
    assert c.closed
    with pytest.raises(qem.ClientClosedError) as info:
        c.get_server_list()
    assert info.value.error_code == "CLIENT_CLOSED"


def test_credential_kinds(fresh: Any) -> None:
    for c in (
        qem.Client.with_api_token(fresh.base_url, "pat-admin-123", ca_file=fresh.cert),
        qem.Client.with_jwt(fresh.base_url, "eyJ.admin.jwt", ca_file=fresh.cert),
        qem.Client.with_password(fresh.base_url, "QEM\\admin", "admin-pass", ca_file=fresh.cert),
        qem.Client(host=fresh.host, port=fresh.port, username="admin@QEM", password="admin-pass", ca_file=fresh.cert),
    ):
        with c:
            assert c.get_server_list().serverList


def test_wait_helpers_and_files(fresh: Any, tmp_path: Any) -> None:
    with fresh.client() as c:
        d = c.run_task_and_wait(SERVER, TASK, timeout=20)
        assert d.state == qem.AemTaskState.RUNNING
        d = c.stop_task_and_wait(SERVER, TASK, timeout=20)
        assert d.state == qem.AemTaskState.STOPPED
        d = c.wait_for_task_state(SERVER, TASK, [qem.AemTaskState.STOPPED], timeout=5)
        assert d.name == TASK
        path = tmp_path / "task.json"
        n = c.export_task_to_file(SERVER, TASK, path, withendpoints=True)
        assert n == path.stat().st_size > 0
        c.delete_task(SERVER, TASK)
        c.import_task_from_file(SERVER, TASK, path)
        assert c.get_task_details(SERVER, TASK).name == TASK
        all_path = tmp_path / "all.json"
        assert c.export_all_to_file(SERVER, str(all_path)) > 0


def test_asyncio_gather_many_calls(fresh: Any) -> None:
    async def main() -> List[Any]:
        async with qem.AsyncClient(
            fresh.base_url, username="QEM\\admin", password="admin-pass", ca_file=fresh.cert
        ) as c:
            await c.login()
            results = await asyncio.gather(*(c.get_task_details(SERVER, TASK) for _ in range(100)))
            raw = await c.call("get_task_list", {"server": SERVER})
            assert raw["taskList"][0]["name"] == TASK
            with pytest.raises(qem.NotFoundError):
                await c.get_task_details(SERVER, "missing")
            return results

    results = asyncio.run(main())
    assert len(results) == 100 and all(r.name == TASK for r in results)


def test_asyncio_cancellation(fresh: Any) -> None:
    fresh.control("PUT", "faults", {"latency_ms": 2000})

    async def main() -> None:
        c = qem.AsyncClient(fresh.base_url, username="QEM\\admin", password="admin-pass", ca_file=fresh.cert)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(c.get_server_list(), 0.2)
        c2 = c  # the client stays usable after a cancelled call
        assert c2 is c

    started = time.monotonic()
    asyncio.run(main())
    assert time.monotonic() - started < 1.5
    fresh.control("PUT", "faults", {"latency_ms": 0})


def test_threads_share_one_client(fresh: Any) -> None:
    c = fresh.client()
    errors: List[BaseException] = []
    counts = [0] * 8

    def work(i: int) -> None:
        try:
            for _ in range(25):
                assert c.get_task_details(SERVER, TASK).name == TASK
                counts[i] += 1
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert counts == [25] * 8
    c.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_child_after_fork_creates_and_uses_a_client(fresh: Any) -> None:
    parent = fresh.client()
    parent.get_server_list()  # the runtime and a pool exist before the fork
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            with fresh.client() as child:
                if child.get_task_details(SERVER, TASK).name == TASK:
                    code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert parent.get_server_list().serverList
    parent.close()


def _in_child(body: Any) -> int:
    """Runs ``body`` in a child made by os.fork(); answers its exit status. The child
    is killed by SIGALRM after 30 s, so a hang fails the test instead of hanging it."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            signal.alarm(30)
            code = 0 if body() else 3
        except BaseException:
            code = 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return status


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_client_made_before_fork_works_in_the_child_and_the_parent(fresh: Any) -> None:
    parent = fresh.client()
    aparent = qem.AsyncClient(fresh.base_url, username="QEM\\admin", password="admin-pass", ca_file=fresh.cert)
    parent.get_server_list()  # a session, a pool and the runtime exist before the fork
    asyncio.run(aparent.get_server_list())
    logins = fresh.control("GET", "stats")["logins"]

    def child() -> bool:
        async def both() -> bool:
            details = await aparent.get_task_details(SERVER, TASK)
            return bool(details.name == TASK)

        return bool(parent.get_task_details(SERVER, TASK).name == TASK) and asyncio.run(both())

    for _ in range(2):
        status = _in_child(child)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    # Each child logged in with its own session (two clients, two children)...
    assert fresh.control("GET", "stats")["logins"] == logins + 4
    # ...and never ended the parent's: the parent goes on without logging in again.
    assert parent.get_server_list().serverList
    assert asyncio.run(aparent.get_task_details(SERVER, TASK)).name == TASK
    assert fresh.control("GET", "stats")["logins"] == logins + 4
    parent.close()
    asyncio.run(aparent.close())


_POOL_CLIENT: Any = None


def _pool_work(i: int) -> str:
    return str(_POOL_CLIENT.get_task_details(SERVER, TASK).name) + str(i)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_fork_pool_shares_a_client_made_before_it(fresh: Any) -> None:
    import multiprocessing

    global _POOL_CLIENT
    _POOL_CLIENT = fresh.client()
    _POOL_CLIENT.get_server_list()
    try:
        with multiprocessing.get_context("fork").Pool(4) as pool:
            got = pool.map_async(_pool_work, range(16)).get(timeout=60)
        assert got == [TASK + str(i) for i in range(16)]
        assert _POOL_CLIENT.get_server_list().serverList
    finally:
        _POOL_CLIENT.close()
        _POOL_CLIENT = None


def test_ctrl_c_interrupts_a_long_call(fresh: Any) -> None:
    c = fresh.client()
    c.login()
    fresh.control("PUT", "faults", {"latency_ms": 5000})

    def on_alarm(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(KeyboardInterrupt):
            c.get_server_list()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        fresh.control("PUT", "faults", {"latency_ms": 0})
    assert time.monotonic() - started < 1.5
    assert c.get_server_list().serverList  # still usable
    c.close()


# ---------------------------------------------------------------- bad input and errors


def test_type_errors_name_the_parameter(fresh: Any) -> None:
    c = fresh.client()
    with pytest.raises(TypeError, match="'server'"):
        c.get_task_list(42)
    with pytest.raises(TypeError, match="'task'"):
        c.get_task_details(SERVER, None)
    with pytest.raises(TypeError, match="'timeout'"):
        c.stop_task(SERVER, TASK, timeout="30")
    with pytest.raises(TypeError, match="'timeout'"):
        c.stop_task(SERVER, TASK, timeout=True)
    with pytest.raises(TypeError, match="'includequeued'"):
        c.get_table_list(SERVER, TASK, includequeued="yes")
    with pytest.raises(TypeError, match="'option'"):
        c.run_task(SERVER, TASK, option=3.5)
    with pytest.raises(TypeError, match="'payload'"):
        c.put_server_acl(SERVER, object())
    with pytest.raises(TypeError, match="'password'"):
        qem.Client(fresh.base_url, username="u", password=b"x")  # type: ignore[arg-type]
    from aem_client import AemClient

    with pytest.raises(TypeError, match="'port'"):
        AemClient("eA==", "host", port="443")  # type: ignore[arg-type]


def test_none_means_absent(fresh: Any) -> None:
    with fresh.client() as c:
        r = c.get_table_list(SERVER, TASK, schema=None, table=None, includequeued=None)
        assert len(r.tablelist) == 2
        assert c.run_task(SERVER, TASK, timeout=None).state == qem.AemTaskState.RUNNING


def test_error_codes_are_constants_of_qem_codes(fresh: Any) -> None:
    from qem import codes

    with fresh.client() as c:
        with pytest.raises(qem.InvalidArgumentError) as info:
            c.get_task_details(SERVER, "a\x00b")
    assert info.value.error_code == codes.INVALID_ARGUMENT
    assert info.value.kind in codes.KINDS
    assert {"CONNECTION_ERROR", "WAIT_TIMEOUT", "INTERNAL_ERROR"} <= set(codes.__all__)


def test_invalid_arguments_and_odd_input_do_not_crash(fresh: Any) -> None:
    with fresh.client() as c:
        with pytest.raises(qem.InvalidArgumentError) as info:
            c.get_task_details(SERVER, "a\x00b")
        assert info.value.error_code == "INVALID_ARGUMENT"
        assert isinstance(info.value, ValueError)
        with pytest.raises(qem.InvalidArgumentError):
            c.call("no_such_method", {})
        with pytest.raises(qem.InvalidArgumentError):
            c.get_task_details("", TASK)
        with pytest.raises(TypeError):
            c.call("get_task_list", [1, 2])  # type: ignore[arg-type]
        with pytest.raises(qem.InvalidArgumentError):  # a lone surrogate: UTF-8 cannot carry it
            c.call("get_task_list", {"server": "\udcff"})
    with pytest.raises(qem.InvalidArgumentError):
        qem.Client("not a url", username="u", password="p")
    with pytest.raises(qem.InvalidArgumentError):
        qem.Client("https://h/x")  # no credential
    with pytest.raises(ValueError):
        _native.NativeClient("{not json")


def test_exception_hierarchy_and_attributes(fresh: Any) -> None:
    assert issubclass(qem.SessionError, qem.AemClientException)
    assert issubclass(qem.ConnectionError, qem.AemClientException)
    assert issubclass(qem.TimeoutError, qem.AemClientException)
    assert issubclass(qem.NotFoundError, qem.AemClientException)
    assert issubclass(qem.InvalidArgumentError, qem.AemClientException)
    with fresh.client() as c:
        with pytest.raises(qem.NotFoundError) as info:
            c.get_server_details("nowhere")
        e = info.value
        assert (e.error_code, e.http_status, e.operation) == ("AEM_SERVER_NOT_FOUND", 500, "GetServerDetails")
        assert "AEM_SERVER_NOT_FOUND" in str(e)
    dead = qem.Client(
        "https://127.0.0.1:9/attunityenterprisemanager", username="u", password="p", connect_timeout=2, max_retries=0
    )
    with pytest.raises(qem.ConnectionError) as cinfo:
        dead.get_server_list()
    assert cinfo.value.http_status is None
    fresh.control("PUT", "faults", {"latency_ms": 3000})
    try:
        slow = fresh.client(connect_timeout=0.3, read_timeout=0.3, max_retries=0)
        with pytest.raises(qem.TimeoutError):
            slow.get_server_list()
    finally:
        fresh.control("PUT", "faults", {"latency_ms": 0})


def test_logging_receives_records_without_secrets(fresh: Any) -> None:
    records: List[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    logger = logging.getLogger("qem")
    handler = Keep()
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        secret = "admin-pass"
        with fresh.client(password=secret) as c:
            c.get_task_details(SERVER, TASK)
        from aem_client import AemClient

        token = b64("QEM\\admin", secret)
        AemClient(token, fresh.host, port=fresh.port, ca_file=fresh.cert).close()
        # A SAML message: logged in with, renewed with, and refused: never in a log
        # record, a repr or an error a user sees.
        xml = (
            '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
            'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Assertion><saml:Subject>'
            "<saml:NameID>{0}</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>"
        )
        saml = base64.b64encode(xml.format("samluser@qem.example").encode()).decode("ascii")
        stranger = base64.b64encode(xml.format("nobody@elsewhere.example").encode()).decode("ascii")
        with qem.Client(fresh.base_url, saml=saml, ca_file=fresh.cert) as c:
            c.get_server_list()
            fresh.control("POST", "expire-sessions", {})
            c.get_server_list()
            seen = [repr(c), str(c)]
        with pytest.raises(qem.AemClientException) as refused:
            qem.Client(fresh.base_url, saml=stranger, ca_file=fresh.cert).login()
        seen += [str(refused.value), repr(refused.value)]
        with pytest.raises(qem.AemClientException) as unreachable:
            qem.Client("https://127.0.0.1:9/attunityenterprisemanager", saml=saml, max_retries=0).get_server_list()
        seen += [str(unreachable.value), repr(unreachable.value)]
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)
    assert any("GetTaskDetails" in r for r in records), records[:5]
    assert any("logged in" in r for r in records), records[:5]
    for r in records + seen:
        assert secret not in r and token not in r, r
        assert saml not in r and stranger not in r, r
