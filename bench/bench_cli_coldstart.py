"""Cold-start time of the CLI commands on the example scenario (fresh interpreter each run).

Peer in the same run: the bare interpreter with numpy imported (what any numpy tool pays),
so the ratio says how much our own start-up adds. Run: python bench/bench_cli_coldstart.py
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "scenarios" / "example_tender.json")
RUNS = 7

COMMANDS = {
    "python -c 'import numpy' (peer floor)": [sys.executable, "-c", "import numpy"],
    "mcda validate": [sys.executable, "-m", "mcda.cli", "validate", EXAMPLE, "--no-warnings"],
    "mcda weights": [sys.executable, "-m", "mcda.cli", "weights", EXAMPLE, "--format", "json"],
    "mcda rank --no-agreement (no pymcdm import)": [
        sys.executable, "-m", "mcda.cli", "rank", EXAMPLE, "--format", "json", "--no-agreement"],
    "mcda rank (default methods + agreement)": [sys.executable, "-m", "mcda.cli", "rank", EXAMPLE, "--format", "json"],
}


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    print(f"cold start, median of {RUNS} runs (each a fresh interpreter), {sys.version.split()[0]}")
    floor = None
    for label, cmd in COMMANDS.items():
        timed(cmd)  # warm the OS file cache, not the interpreter
        t = statistics.median(timed(cmd) for _ in range(RUNS))
        floor = floor or t
        print(f"  {label:45s} {t * 1000:7.0f} ms   ({t / floor:4.1f}x the numpy floor)")


if __name__ == "__main__":
    main()
