"""What-if re-evaluation of the example: one dimension weight moved, every default method re-ranked.

Peer in the same run: a full ``mcda.evaluate`` (AHP weights and the decision matrix recomputed),
which is what a tool without the split would do on every slider move. Target: under 5 ms.
"""
from __future__ import annotations

import statistics
import time

import numpy as np

from mcda import evaluate, load_scenario
from mcda.engine import analysis
from mcda.scenario import bundled as resources


def timed(fn, runs: int) -> float:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return statistics.median(out)


def main() -> None:
    scenario = load_scenario(resources.EXAMPLE, lint=False)
    base = evaluate(scenario, agreement=False)
    values = iter(np.linspace(0.01, 0.6, 10_000))

    def move():
        local = analysis.rescale_local(base.local["goal"], "security", float(next(values)))
        return analysis.whatif(base, {"goal": local})

    move()
    fast = timed(move, 200)
    full = timed(lambda: evaluate(scenario, agreement=False), 10)
    print(f"what-if re-evaluation ({', '.join(base.methods)}), median of 200: {fast * 1000:.2f} ms (target < 5 ms)")
    print(f"full evaluate (AHP + decision matrix + ranking), median of 10: {full * 1000:.1f} ms")
    print(f"ratio full / what-if: {full / fast:.0f}x")


if __name__ == "__main__":
    main()
