"""qem.kinetic: the typed Kinetic Task clients against the mock's web application."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import qem
from qem.kinetic import AsyncClient, Client, KineticCloneTreesResult


def app(mock: Any, **kw: Any) -> Client:
    return Client(mock.root + "/kinetic-task", ca_file=mock.cert, **kw)


def test_clone_trees_by_fields_and_by_payload(mock: Any) -> None:
    mock.reset()
    with app(mock) as task:
        done = task.clone_trees(
            source_from="Playground",
            source_to="Playground",
            group_from="Testing",
            group_to="Docs",
            names=["Another Tree"],
        )
        assert isinstance(done, KineticCloneTreesResult)
        assert done.message == "Cloned 1 tree." and done.trees[0].sourceGroup == "Docs"
        body = {
            "source": {"from": "Playground", "to": "Playground"},
            "sourceGroup": {"from": "Testing", "to": "Archive"},
            "localRoutines": [{"from": "routine_playground_testing_v1", "to": "routine_archive_v1"}],
        }
        all_three = task.clone_trees(payload=body)
        assert [t.definitionId for t in all_three.trees if t.definitionId] == ["routine_archive_v1"]
        with pytest.raises(qem.AemClientException) as info:
            task.clone_trees(payload=body)
        assert info.value.error_code == "BAD_REQUEST" and "already exists" in info.value.message
        with pytest.raises(qem.InvalidArgumentError):
            task.clone_trees(source_from="Playground")


def test_basic_credentials_and_the_async_client(mock: Any) -> None:
    mock.reset()
    with app(mock, username="admin", password="wrong") as task:
        with pytest.raises(qem.UnauthorizedError) as info:
            task.clone_trees(source_from="Playground", source_to="Playground", group_from="Testing", group_to="X")
        assert info.value.http_status == 401 and "wrong" not in repr(task)

    async def main() -> None:
        url = mock.root + "/kinetic-task"
        async with AsyncClient(url, ca_file=mock.cert, username="admin", password="admin-pass") as task:
            done = await task.clone_trees(
                source_from="Kinetic Request", source_to="Playground", group_from="None", group_to="X"
            )
            assert done.message == "Cloned 0 trees."

    asyncio.run(main())
