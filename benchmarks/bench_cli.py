"""`sseref --help` against `python -c pass`: what the command line costs before it does anything.

Both are fresh processes, alternated, timed from spawn to exit; the table gives medians and
the ratio. Usage: .venv/bin/python benchmarks/bench_cli.py [--rounds 21]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    rows = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "sseref --help": [sys.executable, "-m", "sseref", "--help"],
        "sseref stats": [sys.executable, "-m", "sseref", "stats"],
    }
    times: dict[str, list[float]] = {name: [] for name in rows}
    for command in rows.values():  # one warm-up each: the first run reads files from disk
        _time(command)
    for _ in range(args.rounds):
        for name, command in rows.items():
            times[name].append(_time(command))
    base = statistics.median(times["python -c pass"])
    print(f"| command | median ms | p90 ms | ratio to python -c pass |  ({args.rounds} rounds)")
    print("|---|---:|---:|---:|")
    for name, values in times.items():
        med = statistics.median(values)
        p90 = statistics.quantiles(values, n=10)[-1]
        print(f"| `{name}` | {med:.1f} | {p90:.1f} | {med / base:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
