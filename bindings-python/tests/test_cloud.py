"""qem.cloud: the typed Qlik Cloud Tasks clients against the mock's tenant."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import qem
import qem.cloud
from qem.cloud import AsyncClient, Client, CloudRun, CloudTask, CloudTaskPage


def tenant(mock: Any, **kw: Any) -> Client:
    kw.setdefault("api_key", "key-dev")
    return Client(mock.root + "/qlik-cloud", ca_file=mock.cert, **kw)


@pytest.fixture()
def fresh(mock: Any) -> Any:
    mock.reset()
    mock.control("PUT", "state", {"qlik_cloud": {"settings": {"run_ms": 50}}})
    return mock


def test_every_operation_answers_its_model(fresh: Any) -> None:
    with tenant(fresh) as c:
        page = c.get_tasks(resource_id="app-1", limit=1)
        assert isinstance(page, CloudTaskPage)
        assert len(page.data) == 1 and "page=" in page.links.next.href
        everything = c.get_tasks(resource_id="app-1", all=True)
        assert len(everything.data) == 2
        created = c.create_task(
            {"name": "py", "specVersion": "0.8", "resourceId": "app-py", "later": {"kept": True}},
            migrate_from="rt-1",
        )
        assert isinstance(created, CloudTask)
        assert created.metadata.migratedFrom == "rt-1" and created.later == {"kept": True}
        created.description = "changed"
        updated = c.update_task(created.id, created)  # a model goes back as it came
        assert updated.description == "changed" and updated.later == {"kept": True}
        # What was never set is not sent back (no empty `states`, which would empty the task).
        assert updated.states is None and "states" not in c.call("get_task", {"id": created.id})
        assert c.get_task(created.id).name == "py"
        assert c.start_task(created.id, source="manual").message
        run = c.get_last_task_run(created.id)
        assert isinstance(run, CloudRun) and run.taskId == created.id
        runs = c.get_task_runs(created.id, all=True)
        assert len(runs.data) == 1
        log = c.get_task_run_log(created.id, runs.data[0].id)
        assert isinstance(log, str) and log
        assert c.get_tasks_resource_runs("app-py").data[0].taskId == created.id
        waited = c.start_task_and_wait(created.id, timeout=5, poll_interval=0.02)
        assert waited.status == "SUCCEEDED"
        assert c.delete_task(created.id) is None
        with pytest.raises(qem.NotFoundError) as info:
            c.get_task(created.id)
        assert info.value.http_status == 404 and info.value.operation == "GetTask"
        assert info.value.error_code.startswith("TASKS-")
        assert info.value.trace_id
        # The generic entry takes the spec's names.
        assert c.call("getTask", {"id": "task-1"})["name"] == "Reload sales"


def test_a_failed_run_and_the_permissions(fresh: Any) -> None:
    with tenant(fresh) as c:
        with pytest.raises(qem.AemClientException) as info:
            c.start_task_and_wait("task-2", poll_interval=0.02)
        assert info.value.error_code == "TASK_FAILED"
    with tenant(fresh, api_key="key-viewer") as viewer:
        with pytest.raises(qem.AemClientException) as info:
            viewer.get_task("task-1")
        assert info.value.http_status == 403


def test_bad_input_is_refused_before_sending(fresh: Any) -> None:
    with pytest.raises(qem.InvalidArgumentError):
        Client(fresh.root + "/qlik-cloud", ca_file=fresh.cert)
    with pytest.raises(qem.InvalidArgumentError):
        Client(fresh.root + "/qlik-cloud", ca_file=fresh.cert, api_key="k", client_id="c", client_secret="s")
    fresh.control("DELETE", "requests")
    with tenant(fresh) as c:
        for bad in (
            lambda: c.get_task(""),
            lambda: c.get_task(".."),
            lambda: c.get_tasks(resource_id="app-1", limit=-1),
        ):
            with pytest.raises(qem.InvalidArgumentError):
                bad()
        with pytest.raises(TypeError):
            c.create_task(42)
        # Enterprise Manager's methods are not there, and by name they are refused.
        assert not hasattr(c, "get_server_list")
        with pytest.raises(qem.InvalidArgumentError) as info:
            c.call("get_server_list")
        assert "qem" in info.value.message and "qlik_cloud" in info.value.message
    assert fresh.control("GET", "requests") == []


def test_oauth_and_no_secret_in_repr(fresh: Any) -> None:
    c = tenant(fresh, api_key=None, client_id="m2m-client", client_secret="m2m-secret")
    assert c.get_task("task-1").id == "task-1"
    assert "m2m-secret" not in repr(c) and "qlik-cloud" in repr(c)
    c.close()
    assert c.closed
    with pytest.raises(qem.ClientClosedError):
        c.get_task("task-1")


def test_the_async_client(fresh: Any) -> None:
    assert qem.cloud.AsyncClient is AsyncClient

    async def main() -> None:
        async with AsyncClient(fresh.root + "/qlik-cloud", ca_file=fresh.cert, api_key="key-dev") as c:
            tasks = await c.gather([c.get_task("task-1") for _ in range(20)], limit=8)
            assert {t.name for t in tasks} == {"Reload sales"}
            page = await c.get_tasks(resource_id="app-1", all=True)
            assert len(page.data) == 2
            run = await c.start_task_and_wait("task-1", timeout=5, poll_interval=0.02)
            assert run.status == "SUCCEEDED"

    asyncio.run(main())
