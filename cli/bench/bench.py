"""Times `qem` as whole processes against the mock, in one run, and writes cli/BENCHMARKS.md.

- `qem task show` (start, login, one call, logout) against curl making the same three
  requests (three curl processes in one shell, as a script would) and against a Python
  script doing it the way Qlik's aem_client.py does (urllib, a new TLS context and
  connection per request);
- `qem --version`: the start-up alone;
- `qem tasks stop --all --concurrency 32` over 500 running tasks on 5 servers: wall time
  and the peak memory of the process.

Usage: python3 cli/bench/bench.py QEM_BINARY (run-bench.sh builds it and calls this).
"""

import json
import os
import resource
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

QEM = sys.argv[1]
ROUNDS = 20
SERVER, TASK = "Local Server", "SalesDBBackup"

tmp = tempfile.mkdtemp(prefix="qem-bench-")
ca = os.path.join(tmp, "ca.pem")
mock = subprocess.Popen([QEM, "mock", "--port", "0", "--cert-out", ca], stdout=subprocess.PIPE, text=True)
url = mock.stdout.readline().strip()
root = url.rsplit("/", 1)[0]
ctx = ssl.create_default_context(cafile=ca)


def control(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(root + "/mock/" + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, context=ctx, timeout=60) as r:
        text = r.read()
    return json.loads(text) if text.strip() else None


env = dict(os.environ, QEM_URL=url, QEM_USER="QEM\\admin", QEM_PASSWORD="admin-pass", QEM_CA_FILE=ca,
           QEM_CONFIG=os.path.join(tmp, "config.json"))
env.pop("QEM_CONTEXT", None)

api = url + "/api/v1"
task_url = api + "/servers/Local%20Server/tasks/SalesDBBackup"
curl_script = f"""
set -e
sid=$(curl -s --cacert {ca} -u 'QEM\\admin:admin-pass' -D - -o /dev/null '{api}/login' | tr -d '\\r' | sed -n 's/^[Ee]nterprise[Mm]anager\\.[Aa][Pp][Ii][Ss]ession[Ii][Dd]: //p')
curl -s --cacert {ca} -H "EnterpriseManager.APISessionID: $sid" '{task_url}' > /dev/null
curl -s --cacert {ca} -H "EnterpriseManager.APISessionID: $sid" '{api}/logout' > /dev/null
"""
qlik_script = f"""
import base64, json, ssl, urllib.request
def ctx():
    # Qlik's aem_client.py builds a context (and a connection) for every request.
    c = ssl.create_default_context(cafile={ca!r})
    return c
auth = "Basic " + base64.b64encode(b"QEM\\\\admin:admin-pass").decode()
r = urllib.request.urlopen(urllib.request.Request({api!r} + "/login", headers={{"Authorization": auth}}), context=ctx())
sid = r.headers["EnterpriseManager.APISessionID"]
h = {{"EnterpriseManager.APISessionID": sid}}
json.loads(urllib.request.urlopen(urllib.request.Request({task_url!r}, headers=h), context=ctx()).read())
urllib.request.urlopen(urllib.request.Request({api!r} + "/logout", headers=h), context=ctx()).read()
"""

commands = {
    "qem": [QEM, "task", "show", SERVER, TASK, "--json"],
    "curl": ["bash", "-c", curl_script],
    "python": [sys.executable, "-c", qlik_script],
    "version": [QEM, "--version"],
}
times = {k: [] for k in commands}
for _ in range(ROUNDS):
    for name, cmd in commands.items():
        t = time.perf_counter()
        done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times[name].append(time.perf_counter() - t)
        if done.returncode != 0:
            sys.exit(f"{name} failed: {done.stderr.decode()}")
med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
best = {k: min(v) * 1e3 for k, v in times.items()}

# 500 running tasks on 5 servers.
for i in range(1, 6):
    control("POST", "generate", {"server": f"Big{i}", "tasks": 100, "tables_per_task": 2})
control("PUT", "state", dict(control("GET", "state"), settings=dict(control("GET", "state").get("settings", {}), request_log_size=100)))
ran = subprocess.run([QEM, "tasks", "run", "--name", "*", "--concurrency", "32", "--no-wait", "--json"], env=env, capture_output=True, text=True)
started = json.loads(ran.stdout)["succeeded"] if ran.stdout else 0
time.sleep(2)
before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
t = time.perf_counter()
stop = subprocess.run([QEM, "tasks", "stop", "--all", "--concurrency", "32", "--json"], env=env, capture_output=True, text=True)
wall = time.perf_counter() - t
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
report = json.loads(stop.stdout)
mock.terminate()

lines = [
    "# `qem` command-line benchmarks",
    "",
    "Produced by `bash cli/bench/run-bench.sh`: the release `qem` binary as whole processes against",
    "`qem mock` (HTTPS) on this 2-core machine, interleaved, {0} rounds each, in one run. Ratios matter;".format(ROUNDS),
    "absolute numbers vary.",
    "",
    "## `qem task show` as a whole process (start, login, call, logout)",
    "",
    "| command | median | best |",
    "|---|---|---|",
    "| `qem task show \"{0}\" {1} --json` | {2:.1f} ms | {3:.1f} ms |".format(SERVER, TASK, med["qem"], best["qem"]),
    "| curl, the same three requests (three processes in one shell script) | {0:.1f} ms | {1:.1f} ms |".format(med["curl"], best["curl"]),
    "| Python, as Qlik's aem_client.py (urllib, a TLS context and connection a request) | {0:.1f} ms | {1:.1f} ms |".format(med["python"], best["python"]),
    "",
    "- qem / curl: **{0:.2f}×** (goal ≤ 1.5×): one process and one TLS connection kept alive for the".format(med["qem"] / med["curl"]),
    "  three requests, where curl starts three processes and makes three TLS handshakes",
    "- Python as Qlik's client / qem: **{0:.1f}×** slower".format(med["python"] / med["qem"]),
    "",
    "## Start-up",
    "",
    "- `qem --version`: **{0:.1f} ms** median ({1:.1f} ms best): parsing arguments, nothing else".format(med["version"], best["version"]),
    "",
    "## `qem tasks stop --all --concurrency 32` over 501 running tasks on 6 servers",
    "",
    "- {0} tasks started first (`qem tasks run --name '*' --no-wait`: 100 on each of 5 generated servers, and the default world's one);".format(started),
    "  then the stop, each task waited for until STOPPED: **{0:.2f} s** wall time, {1} stopped, {2} failed".format(wall, report["succeeded"], report["failed"]),
    "- peak memory of the `qem` processes: **{0:.1f} MB** (the largest child's maximum RSS)".format(max(peak_kb, before) / 1024),
    "",
]
text = "\n".join(lines)
print(text)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "BENCHMARKS.md")
with open(out, "w") as f:
    f.write(text)
print("written to", os.path.normpath(out))
