"""Benchmark: completing incomplete pairwise comparison matrices, ours vs AHPy, in the same run.

Cases (seeded): a 19x19 matrix with 85 of its 171 pairs missing and a 20x20 matrix with
96 of its 190 pairs missing; judgments are a random consistent matrix perturbed by
log-normal noise and rounded to Saaty's 1/9..9 scale; the missing pairs are random but
keep the comparison graph connected (a random spanning tree is always judged).

Ours: ``mcda.ahp.complete(method="lambda_max")`` (Newton's method on the convex
``lambda_max``-in-log-coordinates problem, Bozóki, Fülöp & Rónyai 2010) and
``method="llsm"`` (one Laplacian solve).  AHPy: ``ahpy.Compare`` with the missing pairs
left out, which completes them by cyclic coordinate descent with ``minimize_scalar``
(its own implementation of the same paper); its time includes its weight computation.

Run: ``python bench/bench_ahp_completion.py [--repeat 20] [--ahpy-repeat 3]``.
Prints the median wall time of each, the ratio, and how close the completions are.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings

import numpy as np

from mcda.ahp import SAATY_SCALE, complete, nearest_scale_value, principal_eigen


def make_case(n: int, n_missing: int, seed: int, noise: float = 0.35) -> np.ndarray:
    """Seeded incomplete matrix of Saaty-scale judgments with a connected comparison graph."""
    rng = np.random.default_rng(seed)
    w = rng.uniform(0.2, 1.0, n)
    a = np.outer(w, 1 / w) * np.exp(rng.normal(0, noise, (n, n)))
    iu = np.triu_indices(n, 1)
    a[iu] = nearest_scale_value(a[iu])
    a[iu[1], iu[0]] = 1 / a[iu]
    np.fill_diagonal(a, 1.0)
    order = rng.permutation(n)
    tree = {tuple(sorted((int(order[k]), int(order[rng.integers(0, k)])))) for k in range(1, n)}
    candidates = [(int(i), int(j)) for i, j in zip(*iu, strict=True) if (int(i), int(j)) not in tree]
    pick = rng.choice(len(candidates), size=n_missing, replace=False)
    for t in pick:
        i, j = candidates[t]
        a[i, j] = a[j, i] = np.nan
    return a


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(times)


def ahpy_complete(a: np.ndarray):
    import ahpy

    n = a.shape[0]
    names = [f"c{i:02d}" for i in range(n)]
    comparisons = {(names[i], names[j]): float(a[i, j])
                   for i in range(n) for j in range(i + 1, n) if not np.isnan(a[i, j])}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cmp = ahpy.Compare("bench", comparisons, precision=10, random_index="dd")
    order = [cmp._elements.index(nm) for nm in names]
    return cmp._matrix[np.ix_(order, order)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of ours (median reported)")
    parser.add_argument("--ahpy-repeat", type=int, default=3, help="timed runs of AHPy (median reported)")
    args = parser.parse_args(argv)
    try:
        import ahpy  # noqa: F401
        have_ahpy = True
    except ImportError:
        have_ahpy = False
    print(f"numpy {np.__version__}; Saaty scale of {len(SAATY_SCALE)} values; "
          f"AHPy {'available' if have_ahpy else 'NOT installed (pip install ahpy)'}")
    for n, n_missing, seed in [(19, 85, 19), (20, 96, 20)]:
        a = make_case(n, n_missing, seed)
        total = n * (n - 1) // 2
        print(f"\n{n}x{n}, {n_missing}/{total} pairs missing (seed {seed})")
        ours = complete(a, "lambda_max")
        t_lam = median_ms(lambda a=a: complete(a, "lambda_max"), args.repeat)
        t_llsm = median_ms(lambda a=a: complete(a, "llsm"), args.repeat)
        lam_ours = principal_eigen(ours)[0]
        lam_llsm = principal_eigen(complete(a, "llsm"))[0]
        print(f"  ours lambda_max : {t_lam:9.2f} ms   lambda_max = {lam_ours:.10f}")
        print(f"  ours llsm       : {t_llsm:9.2f} ms   lambda_max = {lam_llsm:.10f}")
        if have_ahpy:
            theirs = ahpy_complete(a)
            t_ahpy = median_ms(lambda a=a: ahpy_complete(a), args.ahpy_repeat)
            lam_theirs = principal_eigen(theirs)[0]
            miss = np.isnan(a)
            dev = float(np.abs(np.log(theirs[miss]) - np.log(ours[miss])).max())
            print(f"  AHPy Compare    : {t_ahpy:9.2f} ms   lambda_max = {lam_theirs:.10f}")
            print(f"  ratio AHPy / ours lambda_max = {t_ahpy / t_lam:8.1f}x;  AHPy / ours llsm = "
                  f"{t_ahpy / t_llsm:8.1f}x")
            print(f"  max |ln(a_AHPy / a_ours)| over missing cells = {dev:.2e}; "
                  f"lambda_max(AHPy) - lambda_max(ours) = {lam_theirs - lam_ours:.2e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
