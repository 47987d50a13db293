"""Argument checks and answer glue shared by the clients (hand-written): each check
raises the TypeError or ValueError Python's own functions would, naming the method and
the argument; what it answers is what the core is sent."""

from __future__ import annotations

import json
import math
import os
from enum import Enum

from . import models as m

# typing is for the type checker only: importing it would cost every `import qem`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional, Tuple

# NaN and infinities are not JSON: refused here (ValueError) rather than sent.
_encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False, allow_nan=False, separators=(",", ":"))
_dumps = _encoder.encode
# JSONEncoder.encode builds its C encoder again on every call; one built once serves
# every call the same (no indent, no circular check, NaN refused with ValueError).
_c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
_c_encode_str = getattr(json.encoder, "c_encode_basestring", None)
if _c_make_encoder is not None and _c_encode_str is not None:
    _c_encoder = _c_make_encoder(None, _encoder.default, _c_encode_str, None, ":", ",", False, False, False)

    def _dumps(o: Any) -> str:  # noqa: F811 - the faster spelling of the same encoder
        return "".join(_c_encoder(o, 0))


_loads = json.loads


# ---------------------------------------------------------------- argument checks


def _type_error(fn: str, name: str, want: str, value: Any) -> TypeError:
    return TypeError("{0}() argument '{1}' must be {2}, not {3}".format(fn, name, want, type(value).__name__))


def _name(fn: str, name: str, value: Any) -> str:
    # Text UTF-8 cannot carry (a lone surrogate) is refused by the core, naming the
    # argument, like every other argument it checks.
    if not isinstance(value, str):
        raise _type_error(fn, name, "str", value)
    return value


def _opt_str(fn: str, name: str, value: Any) -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _type_error(fn, name, "str or None", value)
    return value


def _opt_bool(fn: str, name: str, value: Any) -> Optional[bool]:
    if value is None:
        return None
    if not isinstance(value, bool):
        raise _type_error(fn, name, "bool or None", value)
    return value


def _opt_int(fn: str, name: str, value: Any) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(fn, name, "int or None", value)
    return value


def _seconds_ms(fn: str, name: str, value: Any) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _type_error(fn, name, "a number of seconds", value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("{0}() argument '{1}' must be a finite number of seconds, not {2}".format(fn, name, value))
    if value < 0:
        raise ValueError("{0}() argument '{1}' must not be negative".format(fn, name))
    return int(round(value * 1000))


def _path(fn: str, name: str, value: Any) -> str:
    if not isinstance(value, (str, os.PathLike)):
        raise _type_error(fn, name, "a path (str or os.PathLike)", value)
    return os.fspath(value)


def _option(fn: str, value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, m.AemRunTaskOptions):
        return value.name
    if isinstance(value, str):
        return value
    if isinstance(value, Enum):
        return value.name
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return m.AemRunTaskOptions(value).name
        except ValueError:
            raise ValueError(
                "{0}() argument 'option': {1} is not an AemRunTaskOptions value".format(fn, value)
            ) from None
    raise _type_error(fn, "option", "AemRunTaskOptions or str", value)


def _payload(fn: str, value: Any, kinds: Tuple[type, ...], want: str) -> Any:
    """An object payload: one of ``kinds``, a dict, or JSON text (sent as it is)."""
    if value is None:
        return None
    if isinstance(value, kinds) or isinstance(value, (dict, list)):
        return m.to_wire(value)
    if isinstance(value, str):
        return value
    raise _type_error(fn, "payload", want, value)


def _document(fn: str, value: Any) -> Any:
    """A document payload: text, bytes (UTF-8) or a dict."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    if isinstance(value, dict):
        return m.to_wire(value)
    raise _type_error(fn, "payload", "str, bytes or dict", value)


def _same(v: Any) -> Any:
    return v


def _text(fn: str, value: Any) -> str:
    """A text payload (a license): text, or UTF-8 bytes."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    if not isinstance(value, str):
        raise _type_error(fn, "payload", "str", value)
    return value


def _body(fn: str, value: Any, kinds: Tuple[type, ...]) -> Any:
    """A required object payload: one of ``kinds``, a dict or list, or JSON text."""
    want = " or ".join([k.__name__ for k in kinds] + ["dict"]) if kinds else "a list or its JSON text"
    body = _payload(fn, value, kinds, want)
    if body is None:
        raise _type_error(fn, "payload", want, value)
    return body


def _named(value: Any, field: str) -> Any:
    """A payload given as one name (not JSON text): ``{field: name}``."""
    if isinstance(value, str) and not value.lstrip().startswith("{"):
        return {field: value}
    return value


def _strings(fn: str, name: str, value: Any, required: bool = False) -> Any:
    """Names, states or tags: one or a list, each text or an enumeration member."""
    if value is None and not required:
        return None
    if isinstance(value, (str, Enum)):
        value = [value]
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise _type_error(fn, name, "a str or a list of them", value)
    out = []
    for v in value:
        if isinstance(v, Enum):
            out.append(v.name)
        elif isinstance(v, str):
            out.append(v)
        else:
            raise _type_error(fn, name, "str or enumeration items", v)
    return out


def _opt_dict(fn: str, name: str, value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _type_error(fn, name, "dict or None", value)
    return m.to_wire(value)


def _export_text(v: Any) -> Any:
    return m.ExportText(v) if isinstance(v, str) else v


def _written(v: Any) -> int:
    return int(v.get("bytes", 0)) if isinstance(v, dict) else 0
