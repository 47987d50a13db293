"""The soak (issue 11), run as its own process by test_soak.py so that a clean exit is
part of the result: 16 threads share one blocking client for a few thousand mixed calls
while the mock injects 503s, dropped connections, lost answers and latency and ends
every session a quarter second after its login. Prints one JSON line of figures and
findings; exits 0 when it finished (the test judges the findings)."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import Counter
from typing import Any, Dict, List

import qem
from qem.testing import MockServer

BASE, CERT = sys.argv[1], sys.argv[2]
SERVER, TASK = "Local Server", "SalesDBBackup"
WORKERS, ROUNDS, SECONDS = 16, 600, 45.0
FAULTS = {
    "latency_ms": 1,
    "error_rate": 0.05,
    "error_status": 503,
    "drop_rate": 0.02,
    "lose_rate": 0.02,
    "session_max_age_ms": 250,
    "seed": 7,
}


control = MockServer.attach(BASE, CERT).control


def main() -> None:
    state = control("GET", "state")
    state["settings"].update(request_log_size=200000, run_delay_ms=20, stop_delay_ms=20)
    control("PUT", "state", state)
    control("DELETE", "requests")
    before = control("GET", "stats")
    control("PUT", "faults", FAULTS)
    client = qem.Client(BASE, ca_file=CERT, username="QEM\\admin", password="admin-pass", max_retries=8)
    reads = [
        lambda: client.get_server_list(),
        lambda: client.get_task_list(SERVER),
        lambda: client.get_task_details(SERVER, TASK),
        lambda: client.get_table_statuses(SERVER, TASK),
        lambda: client.get_endpoint_list(SERVER),
        lambda: client.export_task(SERVER, TASK),
    ]
    lock = threading.Lock()
    read_count = Counter()  # type: Counter[str]
    read_failures: List[str] = []
    foreign: List[str] = []  # failures that are not the SDK's own error type
    change_failures: Counter[str] = Counter()
    changes: List[Dict[str, Any]] = []
    deadline = time.monotonic() + SECONDS
    started = time.monotonic()

    def change(method: str, args: Dict[str, Any]) -> bool:
        try:
            client.call(method, args)
            return True
        except qem.AemClientException as e:
            with lock:
                change_failures[e.error_code] += 1
            return False
        except Exception as e:  # noqa: BLE001 - the finding is that it happened
            with lock:
                foreign.append(repr(e))
            return False

    def worker(w: int) -> None:
        for i in range(ROUNDS):
            if time.monotonic() > deadline:
                return
            try:
                reads[(w + i) % len(reads)]()
                with lock:
                    read_count["ok"] += 1
            except Exception as e:  # noqa: BLE001
                with lock:
                    read_count["failed"] += 1
                    read_failures.append(repr(e))
            if i % 4 == 0:
                name = "soak-{0}-{1}".format(w, i)
                cloned = change("clone_task", {"server": SERVER, "task": TASK, "payload": {"new_task_name": name}})
                deleted = cloned and change("delete_task", {"server": SERVER, "task": name})
                with lock:
                    changes.append({"name": name, "cloned": cloned, "deleted": deleted})

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    control("PUT", "faults", {})
    client.close()

    applied = Counter((e["action"], e["object"]) for e in control("GET", "state")["audit_trail"])
    twice = []
    for c in changes:
        clones, deletes = applied[("CloneTask", c["name"])], applied[("DeleteTask", c["name"])]
        if clones > 1 or deletes > 1 or (c["cloned"] and clones != 1) or (c["deleted"] and deletes != 1):
            twice.append("{0}: {1} clones, {2} deletes, client saw {3}".format(c["name"], clones, deletes, c))
    # Every clone (its name in the body) and delete (in the URL) reached the server as at
    # most one request that may have acted: one answered 440, 503 (injected before
    # processing) or dropped before processing did not act.
    acted = Counter(
        (r["operation"], r["names"].get("new_task_name" if r["operation"] == "clone_task" else "task"))
        for r in control("GET", "requests")
        if r["operation"] in ("clone_task", "delete_task")
        and r["outcome"] in ("answered", "lost")
        and r["status"] != 440
    )
    resent = sorted("{0} {1}".format(*key) for key, n in acted.items() if n > 1)
    after = control("GET", "stats")
    delta = {k: after[k] - before.get(k, 0) for k in after if k not in ("in_flight", "peak_in_flight")}
    print(
        json.dumps(
            {
                "calls": sum(read_count.values()) + sum(1 + c["cloned"] for c in changes),
                "reads": sum(read_count.values()),
                "read_failures": read_failures[:5],
                "read_failed": read_count["failed"],
                "changes": len(changes),
                "change_failures": dict(change_failures),
                "foreign_errors": foreign[:5],
                "applied_twice": twice[:5],
                "applied_twice_count": len(twice),
                "resent": resent[:5],
                "resent_count": len(resent),
                "deletes_logged": sum(1 for op, _ in acted if op == "delete_task"),
                "clones_logged": sum(1 for op, _ in acted if op == "clone_task"),
                "stats": delta,
                "seconds": round(elapsed, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
