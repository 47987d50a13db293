"""The shared conformance cases (tests/conformance/cases/*.json, and cloud/*.json through
qem.cloud) through the modern clients, following tests/conformance/README.md: helpers through their typed methods,
everything else (and every expected error) through the generic entry."""

from __future__ import annotations

import inspect
import json
import time
from pathlib import Path
from typing import Any

import pytest

import qem
import qem.cloud
import qem.kinetic
import qem.veeam

SERVICES = json.loads(qem._native.operations())["services"]
# Each service's helpers, run through their typed methods.
HELPERS = {s["name"]: {h["name"] for h in s["helpers"]} for s in SERVICES}

CONFORMANCE = Path(__file__).resolve().parents[2] / "tests" / "conformance"
CASES = [p for d in ("cases", "cloud", "kinetic", "veeam") for p in sorted(CONFORMANCE.glob(d + "/*.json"))]


def matches(expect: Any, got: Any, path: str = "$") -> None:
    if expect == "$any":
        assert got is not None, "{0}: expected a value".format(path)
        return
    if isinstance(expect, dict):
        assert isinstance(got, dict), "{0}: expected an object, got {1!r}".format(path, got)
        for k, v in expect.items():
            assert k in got, "{0}: missing key {1!r} in {2!r}".format(path, k, got)
            matches(v, got[k], "{0}.{1}".format(path, k))
    elif isinstance(expect, list):
        assert isinstance(got, list), "{0}: expected an array, got {1!r}".format(path, got)
        assert len(expect) == len(got), "{0}: expected {1} items, got {2}: {3!r}".format(
            path, len(expect), len(got), got
        )
        for i, (e, g) in enumerate(zip(expect, got)):
            matches(e, g, "{0}[{1}]".format(path, i))
    else:
        assert expect == got, "{0}: expected {1!r}, got {2!r}".format(path, expect, got)


def typed_call(client: Any, method: str, args: dict) -> Any:  # type: ignore[type-arg]
    """A helper through its typed method (a wait's milliseconds as seconds); its answer as
    JSON values, as the generic entry gives it."""
    kwargs = dict(args)
    for ms, seconds in (("timeout_ms", "timeout"), ("poll_ms", "poll_interval")):
        if ms in kwargs:
            kwargs[seconds] = kwargs.pop(ms) / 1000.0
    fn = getattr(client, method)
    assert set(kwargs) <= set(inspect.signature(fn).parameters), (method, kwargs)
    got = fn(**kwargs)
    return qem.models.to_wire(got) if isinstance(got, qem.models.AemObject) else got


def login_kwargs(login: Any) -> dict:  # type: ignore[type-arg]
    if not login:
        return {"username": "QEM\\admin", "password": "admin-pass"}
    kwargs = {k: v for k, v in login.items() if k in ("username", "password", "api_token", "jwt", "saml")}
    kwargs.update(login.get("options") or {})
    return kwargs


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(mock: Any, path: Path) -> None:
    case = json.loads(path.read_text())
    mock.control("PUT", "faults", {"latency_ms": 0, "error_rate": 0.0, "drop_rate": 0.0})
    if case.get("state") is not None:
        mock.control("PUT", "state", case["state"])
    else:
        mock.control("POST", "reset", {})
    mock.control("DELETE", "requests")  # a case sees its own requests only
    login = case.get("login") or {}
    service = case.get("service", "qem")
    if service == "qlik_cloud":
        client = qem.cloud.Client(mock.root + "/qlik-cloud", ca_file=mock.cert, **case["credentials"])
    elif service == "kinetic":
        client = qem.kinetic.Client(mock.root + "/kinetic-task", ca_file=mock.cert, **case["credentials"])
    elif service == "veeam":
        client = qem.veeam.Client(mock.root + "/veeam", ca_file=mock.cert, **case["credentials"])
    else:
        client = qem.Client(mock.base_url, ca_file=mock.cert, **login_kwargs(login))
    try:
        want_login_error = login.get("expect_login_error") or case.get("expect_login_error")
        if want_login_error:
            with pytest.raises(qem.AemClientException) as info:
                client.login()
            assert info.value.error_code == want_login_error
            return
        for i, step in enumerate(case.get("steps", [])):
            where = "step {0} ({1})".format(i, step.get("method") or step.get("mock"))
            if "mock" in step:
                action = step["mock"]
                if action == "expire_sessions":
                    mock.control("POST", "expire-sessions", {})
                elif action == "sleep":
                    time.sleep(step.get("ms", 0) / 1000.0)
                elif action == "faults":
                    mock.control("PUT", "faults", step.get("faults") or {})
                elif action == "clear_requests":
                    mock.control("DELETE", "requests")
                elif action == "expect_requests":
                    seen = mock.control("GET", "requests") or []
                    if "operation" in step:
                        seen = [r for r in seen if r.get("operation") == step["operation"]]
                    try:
                        matches(step.get("expect") or [], seen)
                    except AssertionError as e:
                        raise AssertionError("{0}: {1}".format(where, e)) from None
                else:
                    raise AssertionError("unknown mock action " + action)
                continue
            args = step.get("args") or {}
            if "expect_error" in step:
                with pytest.raises(qem.AemClientException) as info:
                    client.call(step["method"], args)
                assert info.value.error_code == step["expect_error"], "{0}: {1}".format(where, info.value)
                if "expect_http_status" in step:
                    assert info.value.http_status == step["expect_http_status"], where
                continue
            try:
                if step["method"] in HELPERS[service]:
                    got = typed_call(client, step["method"], args)
                else:
                    got = client.call(step["method"], args)
            except qem.AemClientException as e:
                raise AssertionError("{0}: unexpected {1}".format(where, e)) from e
            if step.get("expect") is not None:
                try:
                    matches(step["expect"], got)
                except AssertionError as e:
                    raise AssertionError("{0}: {1}".format(where, e)) from None
    finally:
        try:
            client.close()
        except qem.AemClientException:
            pass
