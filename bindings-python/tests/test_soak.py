"""The soak under faults (issue 11), through the Python binding: see soak_worker.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def test_soak_loses_no_read_and_repeats_no_change(mock: Any) -> None:
    mock.reset()
    try:
        done = subprocess.run(
            [sys.executable, str(HERE / "soak_worker.py"), mock.base_url, mock.cert],
            capture_output=True,
            text=True,
            timeout=180,
        )
    finally:
        mock.reset()
    assert done.returncode == 0, "the soak process did not end cleanly: {0}\n{1}".format(done.returncode, done.stderr)
    r = json.loads(done.stdout.strip().splitlines()[-1])
    assert r["read_failed"] == 0, r["read_failures"]
    assert r["foreign_errors"] == [], r["foreign_errors"]
    assert r["applied_twice"] == [], r["applied_twice"]
    assert r["resent"] == [], r["resent"]
    assert r["deletes_logged"] > 100, r
    assert r["clones_logged"] * 10 >= r["changes"] * 9, r
    s = r["stats"]
    for k in ("faulted", "dropped", "lost", "expired_sessions"):
        assert s[k] > 0, "no {0}: {1}".format(k, s)
    assert s["logins"] > 10, s
    line = (
        "soak (Python): {calls} calls ({reads} reads, {changes} clone/delete pairs) by 16 threads on one client "
        "in {seconds} s; {requests} requests, {faulted} x 503, {dropped} dropped, {lost} lost, "
        "{expired} sessions expired, {logins} logins; read failures 0, state changes failed {failed} {codes} "
        "(never repeated), sent twice {resent}, applied twice {twice}, exit 0"
    ).format(
        resent=r["resent_count"],
        twice=r["applied_twice_count"],
        calls=r["calls"],
        reads=r["reads"],
        changes=r["changes"],
        seconds=r["seconds"],
        requests=s["requests"],
        faulted=s["faulted"],
        dropped=s["dropped"],
        lost=s["lost"],
        expired=s["expired_sessions"],
        logins=s["logins"],
        failed=sum(r["change_failures"].values()),
        codes=r["change_failures"],
    )
    print(line)
    out = HERE.parents[1] / "target" / "soak-python.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(line + "\n")
