"""Benchmark of the SMAA kernels (a script, not a test): run ``python bench/bench_smaa.py``.

Measures, in one run on this machine:

1. rank acceptability, 10 vendors x 114 criteria, 100,000 weight samples,
   TOPSIS (vector normalisation): our time against a per-sample loop over
   pymcdm's TOPSIS, timed on 2,000 samples and extrapolated linearly to
   100,000 (the loop's cost is linear in the samples);
2. the same call against this machine's matrix-product bound: the
   formulation's flops (two products S x m by m x n, 2 S m n flops each)
   divided by the rate of ``W2 @ B.T`` alone on the same shapes (the two
   timed alternately, best of 9 each);
3. sample-and-rank end to end (``smaa``: sampling, ranks, central weights,
   confidence factors) for 1,000,000 samples, chunked: time, and peak traced
   memory (tracemalloc, separate run).

Timings are the best of several repeats (other processes may share the CPU);
the environment (OPENBLAS_CORETYPE, thread counts) is left as it is.
"""
from __future__ import annotations

import os
import platform
import statistics
import sys
import time
import tracemalloc

import numpy as np

from mcda.sensitivity import rank_acceptability, smaa, uniform_simplex
from mcda.sensitivity.kernel import score_model
from mcda.sensitivity.smaa import default_chunk_size

N_VENDORS, N_CRITERIA = 10, 114
S_MAIN, S_LOOP, S_BIG = 100_000, 2_000, 1_000_000


def best_of(f, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def environment() -> None:
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs")
    print(f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}, "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(unset)')}, "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '(unset)')}")
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        print("threadpoolctl: not installed")
        try:
            cfg = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
            print(f"BLAS: {cfg.get('name')} {cfg.get('version')} "
                  f"({cfg.get('openblas configuration', '')})")
        except Exception:  # pragma: no cover - informational only
            pass
    else:
        for pool in threadpool_info():
            print("threadpoolctl:", {k: pool.get(k) for k in
                                     ("internal_api", "version", "num_threads", "architecture")})


def problem(seed: int = 20261127):
    rng = np.random.default_rng(seed)
    X = rng.uniform(1.0, 10.0, (N_VENDORS, N_CRITERIA))
    types = np.where(rng.random(N_CRITERIA) < 0.3, -1, 1)
    return X, types, rng


def main() -> None:
    environment()
    print("load average at start: %.2f %.2f %.2f" % os.getloadavg())
    X, types, rng = problem()
    W = uniform_simplex(rng, S_MAIN, N_CRITERIA)
    print(f"\nproblem: {N_VENDORS} vendors x {N_CRITERIA} criteria, TOPSIS, vector normalisation;"
          f" default chunk {default_chunk_size(N_VENDORS, N_CRITERIA)} samples")

    sm = score_model(X, types, "topsis", "vector")
    B = np.ascontiguousarray(sm.to_ideal)  # (n, m)
    W2 = W * W
    # ours and the bare product, timed alternately so that both see the same machine state
    for _ in range(3):  # warm-up (allocator, BLAS threads, CPU clock)
        rank_acceptability(X, types, W, "topsis", "vector")
        W2 @ B.T
    t_ours, t_gemm = [], []
    for _ in range(11):
        t_ours.append(best_of(lambda: rank_acceptability(X, types, W, "topsis", "vector"), 1)[0])
        t_gemm.append(best_of(lambda: W2 @ B.T, 1)[0])
    ours_best, ours_med = min(t_ours), statistics.median(t_ours)
    gemm_best, gemm_med = min(t_gemm), statistics.median(t_gemm)

    # 1. ours vs the pymcdm loop -----------------------------------------------------
    from pymcdm import normalizations as pn
    from pymcdm.methods import TOPSIS

    body = TOPSIS(pn.vector_normalization)
    Wl = W[:S_LOOP]

    def loop():
        acc = np.zeros((N_VENDORS, N_VENDORS))
        for w in Wl:
            c = body(X, w, types)
            r = np.argsort(np.argsort(-c))
            acc[np.arange(N_VENDORS), r] += 1
        return acc / S_LOOP

    loop_t, _ = best_of(loop, 2)
    loop_extrap = loop_t * S_MAIN / S_LOOP
    same = np.array_equal(loop(), rank_acceptability(X, types, Wl, "topsis", "vector"))
    print("\n[1] rank acceptability, 100,000 samples")
    print(f"  ours (rank_acceptability, whole call)   best {ours_best * 1e3:8.1f} ms, "
          f"median {ours_med * 1e3:8.1f} ms (11 runs)")
    print(f"  pymcdm TOPSIS loop on {S_LOOP:,} samples      {loop_t:8.3f} s "
          f"({loop_t / S_LOOP * 1e6:.0f} us per sample, best of 2)")
    print(f"  loop extrapolated linearly to {S_MAIN:,}  {loop_extrap:8.1f} s")
    print(f"  speed-up                                {loop_extrap / ours_best:8.0f}x best, "
          f"{loop_extrap / ours_med:.0f}x median (target >= 1000x)")
    print(f"  equal acceptability on the loop's {S_LOOP:,} samples: {same}")

    # 2. fraction of the matrix-product bound ---------------------------------------------
    flops_one = 2.0 * S_MAIN * N_CRITERIA * N_VENDORS
    rate = flops_one / gemm_best
    bound = 2 * flops_one / rate  # the formulation's two products at the measured rate
    print("\n[2] against the matrix-product bound")
    print(f"  W2 @ B.T alone ({S_MAIN:,} x {N_CRITERIA} by {N_CRITERIA} x {N_VENDORS})     "
          f"best {gemm_best * 1e3:8.1f} ms, median {gemm_med * 1e3:8.1f} ms "
          f"-> {rate / 1e9:.2f} GFLOP/s")
    print(f"  bound for 2 products ({2 * flops_one / 1e9:.3f} GFLOP)       {bound * 1e3:8.1f} ms")
    print(f"  ours (timed alternately with it)        best {ours_best * 1e3:8.1f} ms")
    print(f"  fraction of bound (bound / ours)        {bound / ours_best:8.2f} "
          f"(target >= 0.2, aim 0.5); with medians {2 * gemm_med / ours_med:.2f}")
    # stricter floor: what the formulation needs at least, done unchunked in two numpy calls
    B2 = np.vstack([sm.to_ideal, sm.to_anti])

    def floor():
        np.multiply(W, W, out=W2)
        return W2 @ B2.T

    floor_best, _ = best_of(floor, 9)
    print(f"  stricter floor: W*W then ONE fused product with [A+; A-] (m x 2n), unchunked: "
          f"{floor_best * 1e3:.1f} ms -> ours / floor = {ours_best / floor_best:.2f}")
    print("  chunk size   ours (best of 5)")
    for c in (1024, 2048, 4096, 8192, 16384):
        tc, _ = best_of(lambda c=c: rank_acceptability(X, types, W, "topsis", "vector",
                                                       chunk_size=c), 5)
        print(f"  {c:10d}   {tc * 1e3:8.1f} ms")

    # 3. sample-and-rank end to end, 10^6 samples ------------------------------------------
    t_big, t_big_med = best_of(lambda: smaa(X, types, "topsis", "vector", n_samples=S_BIG,
                                            seed=1), 3)
    tracemalloc.start()
    res = smaa(X, types, "topsis", "vector", n_samples=S_BIG, seed=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\n[3] smaa end to end, {S_BIG:,} samples (uniform sampling included), chunked")
    print(f"  time                                    best {t_big:8.2f} s, median {t_big_med:8.2f} s "
          f"({t_big / S_BIG * 1e6:.2f} us per sample)")
    print(f"  peak traced memory                      {peak / 2**20:8.1f} MB (limit 500 MB; "
          f"the samples alone would be {S_BIG * N_CRITERIA * 8 / 2**20:.0f} MB)")
    print(f"  first-rank acceptability               {np.array2string(res.first_rank, precision=3)}")
    print(f"  rows/cols sum to 1: {np.allclose(res.acceptability.sum(0), 1)}/"
          f"{np.allclose(res.acceptability.sum(1), 1)}")
    print("\nload average at end: %.2f %.2f %.2f (other processes share these CPUs)"
          % os.getloadavg())


if __name__ == "__main__":
    main()
