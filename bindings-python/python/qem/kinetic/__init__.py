"""Kinetic Task's clone-trees (``kinetic-task-clone-trees.txt``).

- :class:`Client` (blocking, thread-safe) and :class:`AsyncClient` (asyncio) with
  ``clone_trees``: the spec's body as ``payload``, or its fields by name
  (``source_from``, ``source_to``, ``group_from``, ``group_to``, ``names``,
  ``local_routines`` as pairs or a map); ``call(method, args)`` reaches it by name too.
- Answers are the classes of :mod:`qem.types` (``KineticCloneTreesResult`` with its
  ``trees``): every documented field exists, unknown ones are kept.
- Failures raise the errors of :mod:`qem.errors` with the server's message verbatim and a
  code from the status (``BAD_REQUEST``, ``UNAUTHORIZED``, ``FORBIDDEN``...).

    from qem.kinetic import Client
    with Client("https://kinetic.example.net/kinetic-task", username=user, password=pw) as task:
        done = task.clone_trees(source_from="Playground", source_to="Playground",
                                group_from="Testing", group_to="Documentation")
        print(done.message, [t.name for t in done.trees])
"""

from __future__ import annotations

from ..types import KineticCloneTreesRequest, KineticCloneTreesResult, KineticFromTo, KineticTree
from ._client import Client

__all__ = [
    "Client",
    "AsyncClient",
    "KineticCloneTreesRequest",
    "KineticCloneTreesResult",
    "KineticFromTo",
    "KineticTree",
]


def __getattr__(name: str) -> object:
    # As in qem: asyncio is imported with AsyncClient, when it is first used.
    if name == "AsyncClient":
        from ._async import AsyncClient

        globals()["AsyncClient"] = AsyncClient
        return AsyncClient
    raise AttributeError("module 'qem.kinetic' has no attribute {0!r}".format(name))


def __dir__() -> list:  # type: ignore[type-arg]
    return sorted(set(globals()) | set(__all__))
