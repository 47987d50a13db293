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
from .._client import _lazy_async
from ._client import Client

__all__ = [
    "Client",
    "AsyncClient",
    "KineticCloneTreesRequest",
    "KineticCloneTreesResult",
    "KineticFromTo",
    "KineticTree",
]


# AsyncClient (and asyncio with it) is imported when first used.
__getattr__, __dir__ = _lazy_async(__name__, __all__)
