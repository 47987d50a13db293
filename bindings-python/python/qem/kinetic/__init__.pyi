"""Kinetic Task's clone-trees (see __init__.py)."""

from ..types import (
    KineticCloneTreesRequest as KineticCloneTreesRequest,
    KineticCloneTreesResult as KineticCloneTreesResult,
    KineticFromTo as KineticFromTo,
    KineticTree as KineticTree,
)
from ._async import AsyncClient as AsyncClient
from ._client import Client as Client

__all__ = [
    "Client",
    "AsyncClient",
    "KineticCloneTreesRequest",
    "KineticCloneTreesResult",
    "KineticFromTo",
    "KineticTree",
]
