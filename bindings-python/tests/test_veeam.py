"""qem.veeam: the typed Veeam Backup Enterprise Manager clients against the mock's /veeam."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import qem
from qem.veeam import AsyncClient, Client, VeeamClonedJob, VeeamTask

JOB = "78c3919c-54d7-43fe-b047-485d3566f11f"
REPO = "c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44"


def em(mock: Any, **kw: Any) -> Client:
    kw.setdefault("username", "EM\\admin")
    kw.setdefault("password", "admin-pass")
    return Client(mock.root + "/veeam", ca_file=mock.cert, **kw)


def test_clone_and_wait_the_task_and_the_lists(mock: Any) -> None:
    mock.reset()
    mock.control("DELETE", "requests")
    with em(mock) as c:
        repo = c.get_repositories().Refs[0].UID
        assert repo == "urn:veeam:Repository:" + REPO
        task = c.clone_job("urn:veeam:Job:" + JOB, "Py copy", folder_name="PyCopy", repository_uid=repo)
        assert isinstance(task, VeeamTask) and task.State == "Running" and task.Links[0].Rel == "Delete"
        made = c.clone_job_and_wait(JOB, "Py copy 2", folder_name="PyCopy2", repository_uid=REPO, poll_interval=0.05)
        assert isinstance(made, VeeamClonedJob) and made.job_name == "Py copy 2"
        assert made.task.Result.Success is True
        assert any(r.UID == made.job_uid for r in c.get_jobs().Refs)
        with pytest.raises(qem.AemClientException) as info:
            c.clone_job_and_wait(JOB, "Py copy 2", folder_name="Again", repository_uid=REPO, poll_interval=0.05)
        assert info.value.error_code == "TASK_FAILED" and "already exists" in info.value.message
        with pytest.raises(qem.InvalidArgumentError):
            c.clone_job("not-a-guid", "x", folder_name="y", repository_uid=REPO)
    log = [r for r in mock.control("GET", "requests") if r["operation"] == "veeam"]
    assert log and all(r["names"]["cookie"] == "none" for r in log)
    assert log[-1]["method"] == "DELETE" and "/logonSessions/" in log[-1]["path"]


def test_wrong_password_and_the_async_client(mock: Any) -> None:
    mock.reset()
    with em(mock, password="wrong-pass") as c:
        with pytest.raises(qem.UnauthorizedError) as info:
            c.get_repositories()
        assert info.value.http_status == 401 and "wrong-pass" not in repr(c)

    async def main() -> None:
        async with AsyncClient(
            mock.root + "/veeam", ca_file=mock.cert, username="EM\\admin", password="admin-pass"
        ) as c:
            task = await c.clone_job(JOB, "Async copy", folder_name="AsyncCopy", repository_uid=REPO)
            assert task.State == "Running"
            await c.delete_task(task.TaskId)
            with pytest.raises(qem.NotFoundError):
                await c.get_task(task.TaskId)

    asyncio.run(main())
