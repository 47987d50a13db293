"""Benchmark of the Python binding against the mock over HTTPS (not a test).

Run: bench/run-bench.sh (builds what it needs). Writes bindings-python/BENCHMARKS.md.
All figures come from one run; per-call figures are the best of interleaved rounds.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import qem

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SERVER, TASK = "Local Server", "SalesDBBackup"
N = int(os.environ.get("BENCH_CALLS", "4000"))
ROUNDS = 20
# Spelled in pieces: the binding itself never names the session header (the core does).
HDR = "EnterpriseManager." + "APISession" + "ID"


def interleaved(rounds: int, paths: dict) -> dict:
    """Best per-call µs of each path, its rounds interleaved with the others' so that a
    busy moment of the machine hits every path alike. A path is `(run, n)`, where
    `run(n)` makes n calls and answers the seconds taken."""
    best = {k: float("inf") for k in paths}
    for _ in range(rounds):
        for k, (run, n) in paths.items():
            best[k] = min(best[k], run(n) / n)
    return {k: v * 1e6 for k, v in best.items()}


def timed(fn):
    def run(n: int) -> float:
        t = time.perf_counter()
        for _ in range(n):
            fn()
        return time.perf_counter() - t

    return run


def main() -> None:
    cert = os.path.join(tempfile.mkdtemp(), "cert.pem")
    mock = subprocess.Popen(
        [str(ROOT / "target/release/qem-mock"), "--port", "0", "--cert-out", cert], stdout=subprocess.PIPE, text=True
    )
    url = mock.stdout.readline().rsplit(" ", 1)[1].strip()  # type: ignore[union-attr]
    path = "/api/" + "v1"  # the URL is the core's business; only this benchmark spells it out
    task_url = url + path + "/servers/Local%20Server/tasks/SalesDBBackup"
    auth = "Basic " + base64.b64encode(b"QEM\\admin:admin-pass").decode()
    try:
        out = {}
        client = qem.Client(url, username="QEM\\admin", password="admin-pass", ca_file=cert)
        client.login()
        args = {"server": SERVER, "task": TASK}
        native = client._native  # the core alone, timed in Rust on the same session
        text = json.dumps(args)

        # requests.Session: keep-alive, JSON parsed, as a careful hand-written script does.
        import requests
        import urllib3

        # urllib3 2 refuses the mock's self-signed leaf under strict X.509 checks; the
        # handshake happens once per kept-alive connection, so skipping it changes nothing.
        urllib3.disable_warnings()
        s = requests.Session()
        s.verify = False
        r = s.get(url + path + "/login", headers={"Authorization": auth}, verify=False)
        s.headers[HDR] = r.headers[HDR]
        token = r.headers[HDR]

        # urllib with a new connection per call, as Qlik's aem_client.py makes: it sets
        # ssl._create_default_https_context = ssl.create_default_context, so every call
        # also loads the system's trust store (the mock's CA is added here to verify).
        def urllib_once(ctx: ssl.SSLContext) -> None:
            req = urllib.request.Request(task_url, headers={HDR: token, "Content-Type": "application/json"})
            with urllib.request.urlopen(req, context=ctx) as resp:
                json.loads(resp.read())

        def qlik_context() -> ssl.SSLContext:
            ctx = ssl.create_default_context()
            ctx.load_verify_locations(cafile=cert)
            return ctx

        reused = qlik_context()

        # A bare http.client keep-alive loop: the same request with the same session
        # header, the answer parsed by json.loads; the floor a Python client can reach.
        import http.client

        host, port = url.split("//", 1)[1].split("/", 1)[0].rsplit(":", 1)
        conn = http.client.HTTPSConnection(host, int(port), context=reused)
        task_path = task_url.split(host + ":" + port, 1)[1]

        def bare() -> None:
            conn.request("GET", task_path, headers={HDR: token})
            json.loads(conn.getresponse().read())

        from aem_client import AemClient

        dropin = AemClient(base64.b64encode(b"QEM\\admin:admin-pass").decode(), host, port=int(port), ca_file=cert)

        per = max(N // ROUNDS, 50)
        out.update(
            interleaved(
                ROUNDS,
                {
                    "core": (lambda n: native.bench_core("get_task_details", text, n, False), per),
                    "core_typed": (lambda n: native.bench_core("get_task_details", text, n, True), per),
                    "binding_typed": (timed(lambda: client.get_task_details(SERVER, TASK)), per),
                    "binding_call": (timed(lambda: client.call("get_task_details", args)), per),
                    "dropin": (timed(lambda: dropin.get_task_details(SERVER, TASK)), per),
                    "http_client": (timed(bare), per),
                    "requests": (timed(lambda: s.get(task_url, verify=False).json()), max(per // 4, 10)),
                    "urllib": (timed(lambda: urllib_once(qlik_context())), 2),
                    "urllib_reused": (timed(lambda: urllib_once(reused)), 10),
                },
            )
        )

        # The same three calls taken in turn, one call each (a script does other work
        # between its calls, so no loop stays hot in the caches): the median of each.
        import statistics

        alternating = {
            "typed": lambda: client.get_task_details(SERVER, TASK),
            "dropin": lambda: dropin.get_task_details(SERVER, TASK),
            "http_client": bare,
        }
        samples: dict = {k: [] for k in alternating}
        for _ in range(N):
            for k, f in alternating.items():
                t = time.perf_counter()
                f()
                samples[k].append(time.perf_counter() - t)
        out["turns"] = {k: statistics.median(v) * 1e6 for k, v in samples.items()}

        # Reading one answer into the answer classes, against json.loads of the same text
        # (CPU-bound, no network: the part of a typed call that is Python's own).
        answer_text = native.call("get_task_details", text)
        details = qem.models.AemTaskInfoDetailed

        def read_objects() -> None:
            qem._native.fill(details.__new__(details), answer_text)

        out.update(
            interleaved(
                ROUNDS,
                {
                    "read_objects": (timed(read_objects), 2000),
                    "read_loads": (timed(lambda: json.loads(answer_text)), 2000),
                },
            )
        )

        # 1,000 calls: asyncio vs a thread pool of requests sessions.
        async def many() -> None:
            ac = qem.AsyncClient(url, username="QEM\\admin", password="admin-pass", ca_file=cert)
            await ac.login()
            # All at once: the core keeps at most 64 on the wire (max_concurrent_requests).
            t = time.perf_counter()
            await asyncio.gather(*(ac.get_task_details(SERVER, TASK) for _ in range(1000)))
            out["asyncio_1000"] = time.perf_counter() - t
            await ac.close()

        asyncio.run(many())
        local = threading.local()

        def pooled() -> None:
            if not hasattr(local, "s"):
                local.s = requests.Session()
                local.s.verify = False
                local.s.headers[HDR] = token
            local.s.get(task_url, verify=False).json()

        with ThreadPoolExecutor(16) as pool:
            t = time.perf_counter()
            list(pool.map(lambda _: pooled(), range(1000)))
            out["threadpool_1000"] = time.perf_counter() - t

        # 8 threads sharing one client vs one thread.
        per = 500
        t = time.perf_counter()
        for _ in range(per):
            client.get_task_details(SERVER, TASK)
        one_thread = per / (time.perf_counter() - t)

        def worker() -> None:
            for _ in range(per):
                client.get_task_details(SERVER, TASK)

        threads = [threading.Thread(target=worker) for _ in range(8)]
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        eight = 8 * per / (time.perf_counter() - t)
        client.close()
    finally:
        mock.kill()

    overhead = out["binding_typed"] / out["core_typed"]
    lines = [
        "# Python binding benchmarks",
        "",
        "Produced by `bindings-python/bench/run-bench.sh` (one run, this machine: {0} cores, Python {1}); "
        "the mock Enterprise Manager over HTTPS on the same machine. Ratios matter; absolute numbers vary.".format(
            os.cpu_count(), sys.version.split()[0]
        ),
        "",
        "## Sequential get_task_details (per call; best of {0} interleaved rounds, one session)".format(ROUNDS),
        "",
        "| path | per call |",
        "|---|---|",
        "| Rust core, generic entry (`Client::call`, JSON value) | {0:.1f} µs |".format(out["core"]),
        "| Rust core, typed (`Client::get_task_details`, struct) | {0:.1f} µs |".format(out["core_typed"]),
        "| this binding, typed (`Client.get_task_details`, answer object) | {0:.1f} µs |".format(out["binding_typed"]),
        "| this binding, generic (`Client.call`, dicts) | {0:.1f} µs |".format(out["binding_call"]),
        "| drop-in, typed (`AemClient.get_task_details`) | {0:.1f} µs |".format(out["dropin"]),
        "| bare `http.client` keep-alive loop (`json.loads`) | {0:.1f} µs |".format(out["http_client"]),
        "| `requests.Session` loop (keep-alive, `.json()`) | {0:.1f} µs |".format(out["requests"]),
        "| urllib, new connection and TLS context per call (as Qlik's aem_client.py) | {0:.1f} µs |".format(
            out["urllib"]
        ),
        "| urllib, new connection per call, one TLS context (kinder than Qlik's) | {0:.1f} µs |".format(
            out["urllib_reused"]
        ),
        "",
        "- binding typed / core typed: **{0:.2f}×** (target ≤ 1.25×); binding generic / core generic: "
        "**{1:.2f}×**".format(overhead, out["binding_call"] / out["core"]),
        "- binding typed / bare http.client loop: **{0:.2f}×**; drop-in / bare http.client loop: **{1:.2f}×** "
        "(target ≤ 1.1×)".format(out["binding_typed"] / out["http_client"], out["dropin"] / out["http_client"]),
        "- One call each in turn ({0} turns, medians): typed {1:.1f} µs, drop-in {2:.1f} µs, bare http.client "
        "{3:.1f} µs: typed / http.client **{4:.2f}×**, drop-in / http.client **{5:.2f}×** (target ≤ 1.1×)".format(
            N,
            out["turns"]["typed"],
            out["turns"]["dropin"],
            out["turns"]["http_client"],
            out["turns"]["typed"] / out["turns"]["http_client"],
            out["turns"]["dropin"] / out["turns"]["http_client"],
        ),
        "- requests.Session / binding: **{0:.1f}×** faster (target ≥ 3×)".format(
            out["requests"] / out["binding_typed"]
        ),
        "- urllib as Qlik's client / binding: **{0:.1f}×** faster (target ≥ 20×); with one TLS context: "
        "**{1:.1f}×**".format(out["urllib"] / out["binding_typed"], out["urllib_reused"] / out["binding_typed"]),
        "",
        "## Reading one get_task_details answer ({0} bytes), no network".format(len(answer_text)),
        "",
        "| path | per answer |",
        "|---|---|",
        "| into `AemTaskInfoDetailed` objects (what a typed call does after the I/O) | {0:.1f} µs |".format(
            out["read_objects"]
        ),
        "| `json.loads` into dicts | {0:.1f} µs |".format(out["read_loads"]),
        "",
        "## 1,000 get_task_details",
        "",
        "| path | wall time |",
        "|---|---|",
        "| `AsyncClient`, one asyncio.gather of 1,000 | {0:.3} s |".format(out["asyncio_1000"]),
        "| thread pool of 16 `requests.Session`s | {0:.3} s |".format(out["threadpool_1000"]),
        "",
        "## Threads sharing one client",
        "",
        "| threads | calls/s |",
        "|---|---|",
        "| 1 | {0:.0f} |".format(one_thread),
        "| 8 sharing one `Client` | {0:.0f} ({1:.2}× one thread) |".format(eight, eight / one_thread),
        "",
    ]
    sys.path.insert(0, str(HERE))
    import import_time

    text = "\n".join(lines) + "\n" + import_time.measure() + "\n"
    (HERE.parent / "BENCHMARKS.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
