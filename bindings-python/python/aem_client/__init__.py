"""Drop-in replacement of Qlik's ``aem_client.py`` (chapter 4 of the API guide).

``from aem_client import *`` gives :class:`AemClient`, the payload and answer classes,
the enumerations and :class:`AemClientException`, with the documented names, parameter
order and defaults. Underneath is the SDK's core: one kept-alive HTTPS connection pool,
sessions renewed transparently, retried reads, and the GIL released while waiting.

Qlik's module has no ``__all__``, so a star import of it also brought the modules it
imports (``base64``, ``json``, ``os``, ``sys``, ``OrderedDict``, ``Enum``...); Qlik's own
sample scripts rely on that, so this module exports them too.
"""

from __future__ import annotations

# The modules and names Qlik's aem_client.py imports, exported by its star import.
import base64
import json
import os
import ssl
import sys
from collections import OrderedDict
from enum import Enum
from typing import Any, Dict, Optional
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import Request, urlopen

from qem._client import Client as _Client
from qem._convert import _opt_bool
from qem.errors import AemClientException

# The categories of AemClientException, as attributes (``aem_client.NotFoundError``); not
# star-exported, where ConnectionError and TimeoutError would hide the built-in names.
from qem.errors import (  # noqa: F401
    ClientClosedError,
    ConnectionError,
    InvalidArgumentError,
    InvalidResponseError,
    LocalIOError,
    NotFoundError,
    ServerError,
    SessionError,
    TimeoutError,
    TlsError,
    UnauthorizedError,
)
from qem.models import *  # noqa: F401,F403 - the documented names
from qem.models import AemObject as _AemObject
from qem.models import AuthenticationMethod as _AuthMethod
from qem.models import __all__ as _model_names

from ._guide import _GuideMethods

use_python_env_3X = sys.version_info > (3,)
base_string_type = str
HEADERS_CONTENT_TYPE = "Content-Type"
HEADERS_CONTENT_LENGTH = "Content-Length"

__all__ = [
    "AemClient",
    "AemClientException",
    "AttUtil",
    # what Qlik's module imports and defines at its top
    "base64",
    "json",
    "os",
    "ssl",
    "sys",
    "OrderedDict",
    "Enum",
    "quote",
    "Request",
    "urlopen",
    "HTTPError",
    "URLError",
    "use_python_env_3X",
    "base_string_type",
    "HEADERS_CONTENT_TYPE",
    "HEADERS_CONTENT_LENGTH",
] + list(_model_names)


class AttUtil(object):
    """The helpers of Qlik's client that scripts use."""

    @staticmethod
    def quote_param(url_param: Any) -> str:
        """A URL parameter as Qlik's client writes it: an enumeration by its name, then
        percent-encoded."""
        if isinstance(url_param, Enum):
            url_param = url_param.name
        return quote(str(url_param).encode("utf-8"))

    @staticmethod
    def attobject_from_json(obj: Any) -> Any:
        """JSON text (or bytes) as Python values; a dict is returned as it is."""
        if isinstance(obj, dict):
            return obj
        if isinstance(obj, (bytes, bytearray)):
            obj = bytes(obj).decode("utf-8")
        if isinstance(obj, str):
            return json.loads(obj)
        return obj

    @staticmethod
    def attobject_to_json(obj: Any) -> Any:
        """A payload or answer object as JSON values, the way Qlik's client serializes
        it: enumerations by name, objects as ``{"$type": class name, ...attributes}``."""
        if isinstance(obj, Enum):
            return obj.name
        if obj is None or isinstance(obj, (str, int, float, bool, bytes)):
            return obj
        if isinstance(obj, (list, tuple)):
            return [AttUtil.attobject_to_json(x) for x in obj]
        if isinstance(obj, dict):
            return OrderedDict((k, AttUtil.attobject_to_json(v)) for k, v in obj.items())
        if isinstance(obj, _AemObject) or hasattr(obj, "__dict__"):
            out: Dict[str, Any] = OrderedDict()
            out["$type"] = type(obj).__name__
            skip = {b for _, b in getattr(obj, "_aliases", ())}
            for k, v in vars(obj).items():
                if k not in skip:
                    out[k] = AttUtil.attobject_to_json(v)
            return out
        return obj

    @staticmethod
    def validate_params(param_dict: Dict[str, Dict[str, Any]]) -> None:
        """Checks ``{"name": {"value": v, "type": t}}``: a TypeError names the first
        parameter whose value is not of its type."""
        for key, item in param_dict.items():
            if not isinstance(item["value"], item["type"]):
                raise TypeError(
                    'Param: "{0}" should be of type: "{1}", but was: "{2}"'.format(
                        key, item["type"], type(item["value"])
                    )
                )

    @staticmethod
    def get_b64_user_pass(username: str, password: str) -> str:
        """base64 of ``username:password``, AemClient's first argument."""
        return base64.b64encode("{0}:{1}".format(username, password).encode()).decode("ascii")


class AemClient(_GuideMethods, _Client):
    """The chapter 4 client (4.2): logs in on construction.

    ``b64_username_password`` is base64 of ``domain\\user:password`` (Active Directory),
    ``api-token:<personal access token>`` (OpenID Connect) or ``jwt:<token>``, sent as
    the login's Basic credentials. The URL is ``url`` with ``{0}`` replaced by
    ``machine_name`` (``machine_name:port`` when ``port`` is not 443), as Qlik's client
    builds it. ``verify_certificate=False`` accepts any server certificate.
    ``authentication_method`` is ``AuthenticationMethod.ACTIVE_DIRECTORY`` for Active
    Directory and OpenID Connect alike (the guide's value), or, as in Qlik's newer
    client, ``AuthenticationMethod.SAML``: ``b64_username_password`` is then the SAML
    message, posted as the login body with no Authorization header.

    Beyond Qlik's client: ``ca_file`` (a PEM file of trusted certificates),
    ``connect_timeout`` and ``read_timeout`` (seconds), and ``close()`` / ``with`` to log
    out at the end.
    """

    _false_is_absent = True
    _export_as_text = True

    def __init__(
        self,
        b64_username_password: str,
        machine_name: str,
        port: int = 443,
        url: str = "https://{0}/attunityenterprisemanager",
        verify_certificate: bool = True,
        authentication_method: Any = _AuthMethod.ACTIVE_DIRECTORY,
        *,
        ca_file: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
    ) -> None:
        fn = "AemClient"
        if not isinstance(b64_username_password, str):
            raise TypeError(
                "{0}() argument 'b64_username_password' must be str, not {1}".format(
                    fn, type(b64_username_password).__name__
                )
            )
        if not isinstance(machine_name, str):
            raise TypeError(
                "{0}() argument 'machine_name' must be str, not {1}".format(fn, type(machine_name).__name__)
            )
        if isinstance(port, bool) or not isinstance(port, int):
            raise TypeError("{0}() argument 'port' must be int, not {1}".format(fn, type(port).__name__))
        if not isinstance(url, str):
            raise TypeError("{0}() argument 'url' must be str, not {1}".format(fn, type(url).__name__))
        if not isinstance(verify_certificate, bool):
            raise TypeError(
                "{0}() argument 'verify_certificate' must be bool, not {1}".format(
                    fn, type(verify_certificate).__name__
                )
            )
        if not isinstance(authentication_method, _AuthMethod):
            raise TypeError(
                "{0}() argument 'authentication_method' must be AuthenticationMethod, not {1}".format(
                    fn, type(authentication_method).__name__
                )
            )
        host = machine_name if port == 443 else "{0}:{1}".format(machine_name, port)
        try:
            full_url = url.format(host)
        except (IndexError, KeyError, ValueError):  # other braces in the URL: leave them
            full_url = url.replace("{0}", host)
        # With SAML, Qlik's client posts the message itself as the login body.
        saml = authentication_method is _AuthMethod.SAML
        super().__init__(
            full_url,
            b64=None if saml else b64_username_password,
            saml=b64_username_password if saml else None,
            verify_certificate=verify_certificate,
            ca_file=ca_file,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
        )
        self.login()

    def get_table_statuses(
        self,
        server: Any,
        task: Any,
        schema: Any = None,
        table: Any = None,
        includequeued: Any = False,
        includeloading: Any = False,
        includecompleted: Any = False,
        includechangeprocessing: Any = False,
        includeerror: Any = False,
        *,
        includechangeProcessing: Any = None,
    ) -> Any:
        """Load and change-processing figures of a task's tables (4.19).

        Answers AemGetTableStatusesResp (``table_details``). ``includechangeProcessing``
        is the guide's other spelling of ``includechangeprocessing``.
        """
        if includechangeProcessing is not None:
            includechangeprocessing = _opt_bool(
                "get_table_statuses", "includechangeProcessing", includechangeProcessing
            )
        return super().get_table_statuses(
            server,
            task,
            schema,
            table,
            includequeued,
            includeloading,
            includecompleted,
            includechangeprocessing,
            includeerror,
        )

    # The guide's other names (4.35 - 4.37 show the .NET names in their syntax).
    def delete_old_data(self, payload: Any, server: Any, task: Any) -> Any:
        """The guide's other name of :meth:`delete_old_change_data` (4.35, ``DeleteOldData``)."""
        return self.delete_old_change_data(payload, server, task)

    def DeleteOldData(self, payload: Any, server: Any, task: Any) -> Any:  # noqa: N802 - the guide's name
        """The guide's other name of :meth:`delete_old_change_data` (4.35)."""
        return self.delete_old_change_data(payload, server, task)

    def setChangeDataRetentionBarrier(self, payload: Any, server: Any, task: Any) -> Any:  # noqa: N802
        """The guide's other name of :meth:`set_change_data_retention_barrier` (4.36)."""
        return self.set_change_data_retention_barrier(payload, server, task)

    def GetChangeDataRetentionBarrier(self, server: Any, task: Any) -> Any:  # noqa: N802
        """The guide's other name of :meth:`get_change_data_retention_barrier` (4.37)."""
        return self.get_change_data_retention_barrier(server, task)
