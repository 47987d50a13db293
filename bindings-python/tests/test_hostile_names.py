"""Hostile names (tests/conformance/hostile-names.json) through every name argument of
every operation: each either reaches the server as exactly one segment of the method
called, or is refused with INVALID_ARGUMENT before anything is sent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import qem
from aem_client import AemClient

TABLE = json.loads((Path(__file__).resolve().parents[2] / "tests" / "conformance" / "hostile-names.json").read_text())
NAME_ARGS = ("server", "task", "endpoint")
# What Python strings can hold and UTF-8 cannot: refused by the core, naming the argument.
SURROGATES = ["\ud800", "a\udfffb"]


def expand(entry: Any) -> str:
    return entry if isinstance(entry, str) else entry["repeat"] * entry["times"]


def arg_names(op: Dict[str, Any]) -> List[str]:
    return [a["name"] for a in op["args"]]


def base_args(op: Dict[str, Any]) -> Dict[str, Any]:
    args = {a: TABLE["base_args"][a] for a in arg_names(op) if a in TABLE["base_args"]}
    if op["method"] in TABLE["payloads"]:
        args["payload"] = TABLE["payloads"][op["method"]]
    return args


def cases() -> List[Tuple[Dict[str, Any], str]]:
    return [(op, arg) for op in qem.operations() for arg in NAME_ARGS if arg in arg_names(op)]


def non_login(mock: Any) -> List[Dict[str, Any]]:
    return [r for r in mock.control("GET", "requests") if r["operation"] != "login"]


@pytest.mark.parametrize("op,arg", cases(), ids=["{0}-{1}".format(op["method"], arg) for op, arg in cases()])
def test_every_name_reaches_its_method_or_nothing(mock: Any, op: Dict[str, Any], arg: str) -> None:
    mock.reset()
    with mock.client(max_retries=0) as client:
        client.get_server_list()  # logged in: a refused call must not even log in again
        refused = [expand(e) for e in TABLE["refused"]] + SURROGATES
        sent = [expand(e) for e in TABLE["sent"]]
        for name, must_refuse in [(n, True) for n in refused] + [(n, False) for n in sent]:
            shown = repr(name[:20])
            args = base_args(op)
            args[arg] = name
            mock.control("DELETE", "requests")
            error = None
            try:
                client.call(op["method"], args)
            except qem.AemClientException as e:
                error = e
            log = mock.control("GET", "requests")
            if must_refuse:
                assert isinstance(error, qem.InvalidArgumentError), "{0}({1}={2}) gave {3!r}".format(
                    op["method"], arg, shown, error
                )
                assert error.error_code == "INVALID_ARGUMENT"
                assert "`{0}`".format(arg) in error.message, error.message
                assert log == [], "{0}({1}={2}) sent {3}".format(op["method"], arg, shown, log)
            else:
                assert error is None or error.error_code != "INVALID_ARGUMENT", error
                seen = [r for r in log if r["operation"] != "login"]
                assert len(seen) == 1, "{0}({1}={2}): {3}".format(op["method"], arg, shown, seen)
                assert seen[0]["operation"] == op["method"]
                assert seen[0]["names"].get(arg) == name, "{0} arrived as {1}".format(shown, seen[0]["names"])


@pytest.mark.parametrize("name", [".", "..", "\ud800"])
def test_the_drop_in_refuses_the_same_names(mock: Any, name: str) -> None:
    mock.reset()
    token = "YXBpLXRva2VuOnBhdC1hZG1pbi0xMjM="  # api-token:pat-admin-123
    with AemClient(token, mock.host, mock.port, verify_certificate=False) as c:
        mock.control("DELETE", "requests")
        for call in (
            lambda: c.get_task_details("Local Server", name),
            lambda: c.run_task(None, name, "SalesDBBackup", qem.AemRunTaskOptions.RESUME_PROCESSING),
            lambda: c.delete_endpoint("Local Server", name),
        ):
            with pytest.raises(qem.InvalidArgumentError):
                call()
        assert mock.control("GET", "requests") == []


def string_args() -> List[Tuple[Dict[str, Any], str]]:
    """Every argument of every operation that takes text (names, filters, timestamps,
    configuration), and the payload of those that take one."""
    out = []
    for op in qem.operations():
        for arg in arg_names(op):
            if arg == "payload" and op["method"] in TABLE["payloads"]:
                out.append((op, arg))
            elif isinstance(TABLE["base_args"].get(arg, "text"), str) and arg != "payload":
                out.append((op, arg))
    return out


@pytest.mark.parametrize(
    "op,arg", string_args(), ids=["{0}-{1}".format(op["method"], arg) for op, arg in string_args()]
)
def test_a_lone_surrogate_in_any_argument_is_refused_by_the_core(mock: Any, op: Dict[str, Any], arg: str) -> None:
    mock.reset()
    with mock.client(max_retries=0) as client:
        client.get_server_list()
        args = base_args(op)
        if arg == "payload":
            payload = TABLE["payloads"][op["method"]]
            args[arg] = payload + "\ud800" if isinstance(payload, str) else {"note": "a\udfffb", "doc": payload}
        else:
            args[arg] = "x\ud800"
        mock.control("DELETE", "requests")
        with pytest.raises(qem.InvalidArgumentError) as info:
            client.call(op["method"], args)
        assert info.value.error_code == "INVALID_ARGUMENT"
        assert "`{0}`".format(arg) in info.value.message, info.value.message
        assert "surrogate" in info.value.message
        assert mock.control("GET", "requests") == []


def test_typed_methods_refuse_lone_surrogates_in_filters_and_timestamps(mock: Any) -> None:
    mock.reset()
    with mock.client(max_retries=0) as client:
        client.get_server_list()
        mock.control("DELETE", "requests")
        for arg, call in (
            ("schema", lambda: client.get_table_list("Local Server", "SalesDBBackup", schema="\ud800")),
            ("table", lambda: client.get_table_statuses("Local Server", "SalesDBBackup", table="a\udfff")),
            ("end_timestamp", lambda: client.export_audit_trail("2024-01-01T00:00:00", end_timestamp="\ud800")),
        ):
            with pytest.raises(qem.InvalidArgumentError) as info:
                call()
            assert "`{0}`".format(arg) in info.value.message, info.value.message
        assert mock.control("GET", "requests") == []
