"""TOPSIS at scale: our kernel vs pymcdm's TOPSIS on the same data, same run.

Run: ``python bench/bench_topsis_scale.py [--n 100000] [--m 114] [--repeat 5]``

Reports, for each normalisation (vector, minmax):

* wall time of :func:`mcda.methods.topsis` (best of ``--repeat``) and of
  ``pymcdm.methods.TOPSIS`` with pymcdm's own normalisation of the same rule
  (best of ``--pymcdm-repeat``), and their ratio;
* the largest absolute difference between the two closeness vectors;
* peak memory allocated during one call of each (tracemalloc, which tracks
  numpy's allocations), as a multiple of the matrix's size.

A script, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import gc
import platform
import time
import tracemalloc

import numpy as np


def best_time(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def peak_memory(fn) -> int:
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    out = fn()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    del out
    return peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="vendors (rows)")
    ap.add_argument("--m", type=int, default=114, help="criteria (columns)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of our TOPSIS (best kept)")
    ap.add_argument("--pymcdm-repeat", type=int, default=2, help="timed runs of pymcdm's TOPSIS")
    ap.add_argument("--seed", type=int, default=20261127)
    args = ap.parse_args()

    from mcda.methods import topsis

    t0 = time.perf_counter()
    from pymcdm import normalizations as pn
    from pymcdm.methods import TOPSIS
    t_import = time.perf_counter() - t0

    rng = np.random.default_rng(args.seed)
    X = rng.uniform(1.0, 100.0, size=(args.n, args.m))
    w = rng.uniform(0.1, 1.0, size=args.m)
    w /= w.sum()
    types = np.where(rng.random(args.m) < 0.3, -1, 1)
    mb = X.nbytes / 2**20

    print(f"TOPSIS scale benchmark: n={args.n} vendors x m={args.m} criteria, "
          f"matrix {mb:.1f} MiB (float64), {int((types < 0).sum())} cost criteria")
    print(f"numpy {np.__version__}, Python {platform.python_version()}, {platform.machine()}; "
          f"pymcdm import took {t_import:.2f} s (not counted)")
    header = (f"{'normalisation':<14}{'ours (s)':>10}{'pymcdm (s)':>12}{'speed-up':>10}"
              f"{'max |dC|':>11}{'ours peak/matrix':>18}{'pymcdm peak/matrix':>20}")
    print(header)
    print("-" * len(header))
    for name, pfunc in (("vector", pn.vector_normalization), ("minmax", pn.minmax_normalization)):
        ours_t, ours_c = best_time(lambda name=name: topsis(X, w, types, normalization=name), args.repeat)
        body = TOPSIS(normalization_function=pfunc)
        theirs_t, theirs_c = best_time(lambda body=body: body(X, w, types, validation=False), args.pymcdm_repeat)
        diff = float(np.max(np.abs(np.asarray(ours_c) - np.asarray(theirs_c))))
        peak = peak_memory(lambda name=name: topsis(X, w, types, normalization=name))
        theirs_peak = peak_memory(lambda body=body: body(X, w, types, validation=False))
        print(f"{name:<14}{ours_t:>10.3f}{theirs_t:>12.3f}{theirs_t / ours_t:>9.1f}x"
              f"{diff:>11.1e}{peak / X.nbytes:>17.2f}x{theirs_peak / X.nbytes:>19.2f}x")
    print("peak mem = extra bytes allocated at the peak of one topsis() call "
          "(the input matrix itself not counted), tracemalloc")


if __name__ == "__main__":
    main()
