"""The Qlik Cloud Tasks API of one tenant (see __init__.py)."""

from ..types import (
    CloudLink as CloudLink,
    CloudLinks as CloudLinks,
    CloudOrchestration as CloudOrchestration,
    CloudRun as CloudRun,
    CloudRunPage as CloudRunPage,
    CloudStartResult as CloudStartResult,
    CloudTask as CloudTask,
    CloudTaskMetadata as CloudTaskMetadata,
    CloudTaskPage as CloudTaskPage,
    CloudTrigger as CloudTrigger,
)
from ._async import AsyncClient as AsyncClient
from ._client import Client as Client

__all__ = [
    "Client",
    "AsyncClient",
    "CloudLink",
    "CloudLinks",
    "CloudOrchestration",
    "CloudRun",
    "CloudRunPage",
    "CloudStartResult",
    "CloudTask",
    "CloudTaskMetadata",
    "CloudTaskPage",
    "CloudTrigger",
]
