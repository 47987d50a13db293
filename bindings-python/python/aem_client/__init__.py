"""Drop-in replacement of Qlik's ``aem_client.py`` (chapter 4 of the API guide).

``from aem_client import *`` gives :class:`AemClient`, the payload and answer classes,
the enumerations and :class:`AemClientException`, with the documented names, parameter
order and defaults. Underneath is the SDK's core: one kept-alive HTTPS connection pool,
sessions renewed transparently, retried reads, and the GIL released while waiting.
"""

from __future__ import annotations

import base64 as _b64
from typing import Any, Optional

from qem._client import Client as _Client
from qem.errors import AemClientException
from qem.models import *  # noqa: F401,F403 - the documented names
from qem.models import AuthenticationMethod as _AuthMethod
from qem.models import __all__ as _model_names

__all__ = ["AemClient", "AemClientException", "AttUtil"] + list(_model_names)


class AttUtil(object):
    """Helpers of Qlik's client that scripts use."""

    @staticmethod
    def get_b64_user_pass(username: str, password: str) -> str:
        """base64 of ``username:password``, AemClient's first argument."""
        return _b64.b64encode("{0}:{1}".format(username, password).encode()).decode("ascii")


class AemClient(_Client):
    """The chapter 4 client: logs in on construction.

    ``b64_username_password`` is base64 of ``DOMAIN\\user:password``,
    ``api-token:<personal access token>`` or ``jwt:<token>``; ``machine_name`` and
    ``port`` name the Enterprise Manager machine; ``url`` may hold ``{0}`` for them;
    ``verify_certificate=False`` accepts any server certificate.
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
            raise TypeError("authentication_method must be of type AuthenticationMethod")
        if authentication_method is not _AuthMethod.ACTIVE_DIRECTORY:
            raise AemClientException("INVALID_ARGUMENT", "only AuthenticationMethod.ACTIVE_DIRECTORY is supported")
        host = machine_name if port == 443 else "{0}:{1}".format(machine_name, port)
        full_url = url.format(host) if "{0}" in url else url
        super().__init__(
            full_url,
            b64=b64_username_password,
            verify_certificate=verify_certificate,
            ca_file=ca_file,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
        )
        self.login()

    def get_table_list(
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
    ) -> Any:
        """The tables of a task matching states, schema and table patterns (4.16)."""
        return super().get_table_list(
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
    ) -> Any:
        """Load and change-processing figures of a task's tables (4.19)."""
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
