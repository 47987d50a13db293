"""Type stubs of what the chapter 4 classes are built on (see _base.py)."""

from enum import Enum
from typing import Any, ClassVar, Dict, Sequence, Tuple

from typing_extensions import Self

class UnknownEnumValue(str):
    @property
    def name(self) -> str: ...
    @property
    def value(self) -> str: ...

class _WireEnum(Enum):  # type: ignore[misc]  # members live in subclasses
    @classmethod
    def from_wire(cls, value: Any) -> Any: ...

class AuthenticationMethod(Enum):
    ACTIVE_DIRECTORY = 0
    SAML = 1

_ALIASES: Dict[str, Dict[str, str]]

class AttrDict(Dict[str, Any]):
    def __getattr__(self, name: str) -> Any: ...
    def __setattr__(self, name: str, value: Any) -> None: ...

class ExportText(str):
    def decode(self, encoding: str = ..., errors: str = ...) -> str: ...

class AemObject:
    _fields: ClassVar[Dict[str, Any]]
    _aliases: ClassVar[Sequence[Tuple[str, str]]]
    def __getattr__(self, name: str) -> Any: ...  # fields newer than this SDK stay readable
    def __init__(self, j: None | str | bytes | dict[str, Any] = None) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def to_dict(self) -> dict[str, Any]: ...

def to_wire(obj: Any) -> Any: ...

class _TaskDetailsView(AemObject):
    @property
    def task(self) -> Self: ...
