"""What `import qem` (and `import aem_client`) costs above a bare interpreter.

Run: python bench/import_time.py (with the wheel installed by pip, which compiles its
bytecode, as a user's would be). Starts each command in turn,
A B A B ..., as a whole process, prints the medians and rewrites the import section of
bindings-python/BENCHMARKS.md. bench.py includes the same section.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
START, END = "<!-- import-time -->", "<!-- /import-time -->"
COMMANDS = {
    "bare `python -c pass`": "pass",
    "`import qem`": "import qem",
    "`import aem_client`": "import aem_client",
    "`import qem` then `qem.AsyncClient` (asyncio imported)": "import qem; qem.AsyncClient",
}


def measure(rounds: int = 40) -> str:
    env = dict(os.environ)
    times: dict = {k: [] for k in COMMANDS}
    for _ in range(rounds):
        for label, code in COMMANDS.items():
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
            times[label].append(time.perf_counter() - t)
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    bare = med["bare `python -c pass`"]
    lines = [
        START,
        "## Import time (whole processes, median of {0} interleaved rounds)".format(rounds),
        "",
        "| command | wall | above bare |",
        "|---|---|---|",
    ]
    for k, v in med.items():
        lines.append("| {0} | {1:.1f} ms | {2:+.1f} ms |".format(k, v, v - bare))
    lines += [
        "",
        "- `import qem` above a bare interpreter: **{0:.1f} ms** (target at most 20 ms)".format(
            med["`import qem`"] - bare
        ),
        END,
    ]
    return "\n".join(lines)


def write_section(section: str) -> None:
    path = HERE.parent / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else ""
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text)


if __name__ == "__main__":
    out = measure()
    print(out)
    write_section(out)
