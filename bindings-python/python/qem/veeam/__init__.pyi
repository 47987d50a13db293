"""Veeam Backup Enterprise Manager's job clone (see __init__.py)."""

from ..types import (
    VeeamClonedJob as VeeamClonedJob,
    VeeamEntityReferences as VeeamEntityReferences,
    VeeamLink as VeeamLink,
    VeeamRef as VeeamRef,
    VeeamTask as VeeamTask,
)
from ._async import AsyncClient as AsyncClient
from ._client import Client as Client

__all__ = [
    "Client",
    "AsyncClient",
    "VeeamClonedJob",
    "VeeamEntityReferences",
    "VeeamLink",
    "VeeamRef",
    "VeeamTask",
]
