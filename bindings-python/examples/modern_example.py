"""The modern surface: keyword constructors, context managers, asyncio, helpers."""

import asyncio
from typing import List

import qem
from qem.models import AemTaskInfoDetailedBase

URL = "https://localhost/attunityenterprisemanager"


def blocking() -> None:
    with qem.Client(URL, username="QEM\\admin", password="admin-pass", ca_file="ca.pem") as client:
        for task in client.get_task_list("Local Server").taskList:
            print(task.name, task.state)
        run = client.run_task("Local Server", "SalesDBBackup", option=qem.AemRunTaskOptions.RELOAD_TARGET, timeout=60)
        print(run.state)
        report = client.stop_tasks("Local Server", tags=["sales"], drain=True, timeout=300)
        print(report.succeeded, report.failed)
        details = client.run_task_and_wait("Local Server", "SalesDBBackup", timeout=120)
        assert details.state == qem.AemTaskState.RUNNING
        written: int = client.export_task_to_file("Local Server", "SalesDBBackup", "task.json", withendpoints=True)
        print(written)
        raw = client.call("get_task_details", {"server": "Local Server", "task": "SalesDBBackup"})
        print(raw["state"])
        try:
            client.get_task_details("Local Server", "missing")
        except qem.NotFoundError as e:
            print(e.error_code, e.http_status)


async def many() -> List[AemTaskInfoDetailedBase]:
    async with qem.AsyncClient.with_api_token(URL, "token") as client:
        return await asyncio.gather(*(client.get_task_details("Local Server", "SalesDBBackup") for _ in range(10)))


if __name__ == "__main__":
    blocking()
    print(len(asyncio.run(many())))
