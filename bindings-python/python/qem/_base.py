"""What every chapter 4 class and enumeration of :mod:`qem.models` is built on: that
module is generated from the API description, this one is written by hand. How answers
are read (every documented attribute present, unknown fields and values kept) is
described there."""

from __future__ import annotations

import json
from enum import Enum

from . import _native

# typing is for the type checker only: importing it would cost every `import qem`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Dict, Optional, Tuple, Type, Union


# ---------------------------------------------------------------- enumerations


class UnknownEnumValue(str):
    """An enumeration value this SDK does not know (a newer server's): the server's text,
    readable like a member (``.name`` and ``.value`` are that text) and equal to it."""

    __slots__ = ()

    @property
    def name(self) -> str:
        """The server's text, as a member's name would be."""
        return str(self)

    @property
    def value(self) -> str:
        """The server's text."""
        return str(self)


class _WireEnum(Enum):
    """An enumeration read from REST strings; other spellings go in ``_ALIASES``."""

    @classmethod
    def from_wire(cls, value: Any) -> Any:
        """The member for a REST string or number; an unknown string becomes an
        :class:`UnknownEnumValue`, an unknown number stays as it is."""
        if value is None or isinstance(value, cls):
            return value
        if isinstance(value, str):
            member = cls.__members__.get(value)
            if member is None:
                alias = _ALIASES.get(cls.__name__, {}).get(value)
                member = cls.__members__.get(alias) if alias else None
            return member if member is not None else UnknownEnumValue(value)
        if isinstance(value, int) and not isinstance(value, bool):
            try:
                return cls(value)
            except ValueError:
                return value
        return value


class AuthenticationMethod(Enum):
    """How AemClient authenticates: use ACTIVE_DIRECTORY for AD and OpenID Connect alike."""

    ACTIVE_DIRECTORY = 0
    SAML = 1


# Other spellings of enumeration members, by class (filled by `qem.models`): read by
# `_WireEnum.from_wire` and by the native reader.
_ALIASES: Dict[str, Dict[str, str]] = {}


# ---------------------------------------------------------------- objects


class AttrDict(dict):  # type: ignore[type-arg]
    """A JSON object whose keys are also attributes (``d.key`` and ``d["key"]``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


_SECRET_WORDS = ("password", "secret", "token", "jwt")


def _is_secret(key: str) -> bool:
    k = key.lower()
    return any(w in k for w in _SECRET_WORDS)


class _Spelling:
    """Another spelling of an attribute that the guide also writes (``cdc_position`` for
    ``cdcposition``, ``IncludedPattern`` for ``included_pattern``): reading or setting
    it reads or sets the attribute itself."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        return getattr(obj, self.target)

    def __set__(self, obj: Any, value: Any) -> None:
        setattr(obj, self.target, value)


class ExportText(str):
    """An export document as text (chapter 4: "Exported task JSON file as a string").

    Qlik's client handed back the bytes the server sent, so scripts written for it call
    ``.decode('utf-8')``: that works here too and answers the text itself."""

    __slots__ = ()

    def decode(self, encoding: str = "utf-8", errors: str = "strict") -> str:
        """The text itself (the document is already decoded)."""
        return str(self)


class AemObject:
    """Base of every payload and answer class.

    Subclasses declare ``_fields`` (the documented attributes, with the defaults of the
    no-argument constructor), ``_enums``, ``_objects``, ``_lists`` and ``_ints`` (how
    answer fields are read), ``_aliases`` (two spellings holding one value) and
    ``_fallbacks`` (a field read from another name when the server sends only that).

    An answer always has every documented attribute: one the server left out is None
    (an empty list for lists; an empty object of its class for a nested object, as
    Qlik's client gives for a null one).
    """

    _fields: ClassVar[Dict[str, Any]] = {}
    _enums: ClassVar[Dict[str, Type[_WireEnum]]] = {}
    _objects: ClassVar[Dict[str, Any]] = {}
    _lists: ClassVar[Dict[str, Any]] = {}
    _ints: ClassVar[Tuple[str, ...]] = ()
    _aliases: ClassVar[Tuple[Tuple[str, str], ...]] = ()
    _fallbacks: ClassVar[Tuple[Tuple[str, str], ...]] = ()
    _wire_type: ClassVar[Optional[str]] = None

    def __init__(self, j: Union[None, str, bytes, Dict[str, Any]] = None) -> None:
        if not j:
            for k, v in self._fields.items():
                setattr(self, k, list(v) if isinstance(v, list) else v)
            d = self.__dict__
            for a, b in self._aliases:
                if a in d:
                    d[b] = d[a]
                elif b in d:
                    d[a] = d[b]
            return
        # One reading of answers for the SDK and for users: the native `fill`.
        if isinstance(j, (bytes, bytearray)):
            j = bytes(j).decode("utf-8")
        elif isinstance(j, dict):
            j = json.dumps(j, default=to_wire)
        elif not isinstance(j, str):
            raise TypeError("{0}: expected a JSON object, not {1}".format(type(self).__name__, type(j).__name__))
        _native.fill(self, j)

    def __repr__(self) -> str:
        skip = {b for _, b in self._aliases}
        fields = ", ".join(
            "{0}={1}".format(k, "'***'" if _is_secret(k) and v else repr(v))
            for k, v in self.__dict__.items()
            if not k.startswith("$") and k not in skip
        )
        return "{0}({1})".format(type(self).__name__, fields)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> Dict[str, Any]:
        """The object as the JSON object it is sent as."""
        out = to_wire(self)
        assert isinstance(out, dict)
        return out


def to_wire(obj: Any) -> Any:
    """Converts a payload (objects, enums, lists, dicts) to JSON values.

    ``None`` attributes are left out (absent); enumerations are sent by name except
    load orders, which are numbers; server definitions carry their ``$type``.
    """
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if isinstance(obj, _WireEnum):
        return obj.name
    if isinstance(obj, Enum):  # StandardLoadOrder: a number on the wire
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [to_wire(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_wire(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, AemObject):
        out: Dict[str, Any] = {}
        if obj._wire_type:
            out["$type"] = obj._wire_type
        skip = {b for _, b in obj._aliases}
        for k, v in obj.__dict__.items():
            if v is None or k in skip:
                continue
            out[k] = to_wire(v)
        return out
    raise TypeError("cannot send a {0} as JSON".format(type(obj).__name__))


def _read_kind(kinds: Dict[str, Any], j: Dict[str, Any]) -> Any:
    """Reads ``j`` as the class of a table of kinds (``{"$type" part: class, "": default}``)
    that its ``$type`` (else ``type``) names, as the clients read such answers."""
    t = j.get("$type") or j.get("type") or ""
    cls = kinds[""]
    if isinstance(t, str):
        for key, sub in kinds.items():
            if key and key in t:
                cls = sub
                break
    return cls(j)


class _TaskDetailsView(AemObject):
    """Task details: ``.task`` (the guide's ``AemGetTaskDetailsResp.task``) is the details
    themselves (or, for details read from JSON wrapped in ``{"task": ...}``, the wrapped
    ones)."""

    @property
    def task(self) -> Any:
        """The guide's ``AemGetTaskDetailsResp.task``: the details themselves."""
        inner = self.__dict__.get("task")
        return inner if isinstance(inner, _TaskDetailsView) else self
