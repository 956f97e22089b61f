"""Hostile numeric input to the kernels (issue 11, items 5, 8, 11): refused with a located
:class:`MCDAError` (in English and Chinese) or handled, never a traceback, a hang or unbounded memory.

One table, :data:`CASES`: ``id -> (call, expected)``. ``expected`` is ``("refused", regex)`` or
``("handled", check)``. Cheap calls run in process; the ones that could blow up (10,000 vendors)
run in a subprocess under a memory cap (``RLIMIT_AS``) and a timeout.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mcda.engine.scores import aggregate_scores
from mcda.errors import MCDAError
from mcda.methods import rank, run_method
from mcda.normalization import normalize
from mcda.sensitivity import central_weights, rank_acceptability, smaa, weight_stability

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
X2 = [[1.0, 2.0], [2.0, 1.0], [3.0, 3.0]]
T2 = [1, 1]
W2 = [0.5, 0.5]


def _topsis(matrix=X2, weights=W2, types=T2, **kw):
    return run_method("topsis", matrix, weights, types, **kw)


def _wsm(matrix=X2, weights=W2, types=T2, **kw):
    return run_method("wsm", matrix, weights, types, **kw)


def _ranks_are(*expected):
    return lambda res: list(res.ranks) == list(expected)


#: id -> (call, expected); a call is a zero-argument function, or ("subprocess", code) for the heavy ones
CASES = {
    # complex input is refused, never cast (the imaginary part would be dropped)
    "complex matrix": (lambda: _topsis([[1 + 1j, 2], [2, 1]]), ("refused", r"must be real numbers; found complex")),
    "complex weights": (lambda: _wsm(weights=[0.5 + 0j, 0.5]), ("refused", r"weights must be real numbers")),
    "complex weight samples": (lambda: rank_acceptability(X2, T2, np.array([[0.5, 0.5j]]), "wsm"),
                               ("refused", r"weight samples must be real numbers")),
    "complex scores to rank": (lambda: rank([1 + 2j, 3]), ("refused", r"scores must be real numbers")),
    "complex member scores": (lambda: aggregate_scores(np.ones((1, 1, 1), dtype=complex)),
                              ("refused", r"must be real numbers")),
    # NaN, inf
    "NaN cell": (lambda: _topsis([[np.nan, 1], [1, 2]], criteria=["price", "quality"], vendors=["a", "b"]),
                 ("refused", r"row 0 \(vendor 'a'\), column 0 \(criterion 'price'\) = nan")),
    "inf cell": (lambda: _wsm([[np.inf, 1], [1, 2]]),
                 ("refused", r"missing or infinite value\(s\): row 0, column 0 = inf")),
    "NaN weight": (lambda: _wsm(weights=[np.nan, 1]),
                   ("refused", r"weights must be finite and >= 0; found column 0 = nan")),
    "inf weight": (lambda: _topsis(weights=[np.inf, 1]), ("refused", r"weights must be finite and >= 0")),
    "NaN weight sample": (lambda: rank_acceptability(X2, T2, [[0.5, 0.5], [np.nan, 1]], "wsm"),
                          ("refused", r"weight samples must be finite and >= 0; found nan in sample 1, criterion 0")),
    # subnormal and huge weights: the one rule on a weight total, the weights blamed
    "subnormal weights": (lambda: _topsis(weights=[5e-324, 0.0]),
                          ("refused", r"weights must sum to a normal positive number \(at least 2.23e-308\)")),
    "subnormal weights wsm": (lambda: _wsm(weights=[5e-324, 5e-324]), ("refused", r"normal positive number")),
    "subnormal weight sample": (lambda: rank_acceptability(X2, T2, [[0.5, 0.5], [5e-324, 0]], "wsm"),
                                ("refused", r"weight sample 1 sums to 4.94e-324, not a normal positive number")),
    "overflowing weight sum": (lambda: _wsm(weights=[1e308, 1e308]),
                               ("refused", r"weights are too large: their sum overflows")),
    "overflowing weight products": (lambda: _topsis(weights=[1e200, 1e200]),
                                    ("refused", r"TOPSIS produced a non-finite score .*the weights are too large")),
    "overflowing weight sample": (lambda: rank_acceptability(X2, T2, [[1e308, 1e308]], "wsm"),
                                  ("refused", r"weight sample 0 is too large")),
    "huge matrix values": (lambda: _topsis([[1e308, 1], [1e307, 2]]), ("handled", _ranks_are(1, 2))),
    # zero weights: refused the same way in every kernel
    "zero weights": (lambda: _wsm(weights=[0, 0]), ("refused", r"weights must not all be zero")),
    "all-zero sample in rank_acceptability": (lambda: rank_acceptability(X2, T2, [[0.5, 0.5], [0, 0]], "wsm"),
                                              ("refused", r"weight sample 1 is all zero")),
    "all-zero sample in central_weights": (lambda: central_weights(X2, T2, [[0.5, 0.5], [0, 0]], "wsm"),
                                           ("refused", r"weight sample 1 is all zero")),
    "zero member weights": (lambda: aggregate_scores(np.ones((2, 1, 1)), [0, 0]),
                            ("refused", r"member weights must not all be zero")),
    # empty, ragged, wrong dtype
    "empty matrix": (lambda: _topsis(np.zeros((0, 2))), ("refused", r"at least one vendor and one criterion")),
    "ragged matrix": (lambda: _wsm([[1, 2], [3]]), ("refused", r"must be numeric, a rectangular array")),
    "object matrix with None": (lambda: _wsm(np.array([[1, None], [2, 3]], dtype=object)),
                                ("refused", r"row 0, column 1 = nan")),
    "object matrix with text": (lambda: _wsm(np.array([[1, "x"], [2, 3]], dtype=object)),
                                ("refused", r"must be numeric; found text 'x'")),
    "text matrix": (lambda: _topsis([["1", "2"], ["3", "4"]]), ("refused", r"must be numeric; found text '1'")),
    "boolean matrix": (lambda: _topsis([[True, False], [False, True]]), ("refused", r"found booleans")),
    "boolean weights": (lambda: _wsm(weights=[True, True]), ("refused", r"weights must be numeric; found booleans")),
    "text weights": (lambda: _wsm(weights=["0.5", "0.5"]), ("refused", r"weights must be numeric; found text")),
    "3-D matrix": (lambda: normalize(np.ones((2, 2, 2)), T2), ("refused", r"must be a column \(n,\) or a matrix")),
    # ratio normalisations need values >= 0
    "negative with max": (lambda: _wsm([[-1, 2], [2, 1]]), ("refused", r"max normalisation needs values >= 0")),
    "negative with sum": (lambda: _wsm([[1, 2], [-2, 1]], normalization="sum"), ("refused", r"row 1, column 0 = -2")),
    "negative with vector": (lambda: _topsis([[-1, 2], [2, 1]]), ("handled", lambda r: len(r.ranks) == 2)),
    # mismatched lengths
    "weights too short": (lambda: _wsm(weights=[1.0]), ("refused", r"expected 2 weights \(one per criterion\)")),
    "types too long": (lambda: _wsm(types=[1, 1, 1]), ("refused", r"expected 2 criterion types")),
    "bad type value": (lambda: _wsm(types=[1, 2]), ("refused", r"\+1 \(benefit\) or -1 \(cost\); found column 1: 2")),
    "labels mismatch": (lambda: _wsm(vendors=["a"]), ("refused", r"expected 3 vendor labels")),
    "stability weights not summing to 1": (lambda: weight_stability(X2, [0.2, 0.2], T2, "wsm"),
                                           ("refused", r"weights must sum to 1")),
    # one vendor
    "one vendor topsis": (lambda: _topsis([[1.0, 2.0]]), ("handled", _ranks_are(1))),
    "one vendor smaa": (lambda: smaa([[1.0, 2.0]], T2, n_samples=10, seed=0),
                        ("handled", lambda r: r.acceptability.tolist() == [[1.0]])),
    # the scale's bounds: one tolerance, aggregated cells clipped to their members' range
    "scale value one rounding step above the bound": (
        lambda: normalize([[5.000000000000001], [1.0]], [1], "scale", bounds=[(1, 5)]),
        ("handled", lambda r: r.tolist() == [[1.0], [0.0]])),
    "scale value outside the bound": (lambda: normalize([[5.1], [1.0]], [1], "scale", bounds=[(1, 5)]),
                                      ("refused", r"row 0, column 0 = 5.1 \(bounds 1..5\)")),
    "weighted mean of equal scores": (lambda: aggregate_scores([[[5.0]], [[5.0]]], [0.6, 0.3]).matrix,
                                      ("handled", lambda m: m.tolist() == [[5.0]])),
    # many vendors: bounded memory or refused up front, with the limit and the way out
    "10,000 vendors rank acceptability": (("subprocess", """
        from mcda.sensitivity import rank_acceptability
        X = np.random.default_rng(0).random((10_000, 5))
        rank_acceptability(X, [1] * 5, np.full((100, 5), 0.2), "wsm")
        """), ("refused", r"at most 2000 vendors; found 10000\. Shortlist the vendors")),
    "10,000 vendors smaa": (("subprocess", """
        from mcda.sensitivity import smaa
        smaa(np.random.default_rng(0).random((10_000, 5)), [1] * 5, n_samples=10_000, seed=0)
        """), ("refused", r"rank acceptability .* at most 2000 vendors")),
    "10,000 vendors stability": (("subprocess", """
        from mcda.sensitivity import weight_stability
        iv = weight_stability(np.random.default_rng(0).random((10_000, 5)), [0.2] * 5, [1] * 5, "topsis")
        print(iv.shape)
        """), ("handled", lambda out: "(5, 2)" in out)),
    "10,000 vendors ranking": (("subprocess", """
        from mcda.methods import run_method
        r = run_method("topsis", np.random.default_rng(0).random((10_000, 115)), [1 / 115] * 115, [1] * 115)
        print(r.ranks.size)
        """), ("handled", lambda out: "10000" in out)),
}

#: memory cap (address space) and timeout of a subprocess case
CAP_BYTES = 1536 * 1024 * 1024
TIMEOUT_S = 600  # generous: a loaded CI machine; the work itself takes seconds

_PRELUDE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
import numpy as np
from mcda.errors import MCDAError
try:
{body}
except MCDAError as exc:
    print("MCDAError:", exc)
    print("ZH:", exc.render("zh"))
    sys.exit(3)
"""


def run_capped(body: str, cap: int = CAP_BYTES, timeout: float = TIMEOUT_S) -> subprocess.CompletedProcess:
    """Run ``body`` in a fresh interpreter under a memory cap and a timeout."""
    code = _PRELUDE.format(cap=cap, body=textwrap.indent(textwrap.dedent(body).strip(), "    "))
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=ROOT)


def test_the_table_covers_the_categories():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_hostile_input(case):
    call, (outcome, check) = CASES[case]
    if isinstance(call, tuple):
        proc = run_capped(call[1])
        if outcome == "refused":
            assert proc.returncode == 3, proc.stdout + proc.stderr
            assert re.search(check, proc.stdout), proc.stdout
            assert CJK.search(proc.stdout.split("ZH:", 1)[1])
        else:
            assert proc.returncode == 0, proc.stdout + proc.stderr
            assert check(proc.stdout), proc.stdout
        return
    if outcome == "refused":
        with pytest.raises(MCDAError, match=check) as info:
            call()
        exc = info.value
        assert exc.code and exc.code.startswith("err."), exc.code
        zh = exc.render("zh")
        assert CJK.search(zh) and "{" not in zh, zh
    else:
        assert check(call())


# ----------------------------------------------------------------------------- property
_floats = st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True, width=64)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrix=hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=5),
                         elements=_floats),
       weights=hnp.arrays(np.float64, st.integers(1, 5), elements=_floats),
       method=st.sampled_from(["topsis", "wsm", "ahp_ideal", "ahp_distributive"]))
def test_any_float_matrix_and_weights_rank_or_raise_mcda_error(matrix, weights, method):
    types = [1] * matrix.shape[1]
    try:
        res = run_method(method, matrix, weights, types)
    except MCDAError as exc:
        assert exc.render("zh")
        return
    assert np.isfinite(res.scores).all() and res.ranks.min() == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrix=hnp.arrays(np.float64, st.tuples(st.integers(1, 4), st.just(3)), elements=_floats),
       samples=hnp.arrays(np.float64, st.tuples(st.integers(1, 4), st.just(3)), elements=_floats))
def test_any_float_matrix_and_weight_samples_give_acceptabilities_or_mcda_error(matrix, samples):
    try:
        acc = rank_acceptability(matrix, [1, 1, 1], samples, "topsis")
    except MCDAError:
        return
    np.testing.assert_allclose(acc.sum(axis=1), 1.0)


# ----------------------------------------------------------------------------- 1,000 vendors
def _many_vendors(n: int) -> dict:
    """The example tender with ``n`` vendors scored at random by its three members (115 criteria)."""
    from mcda.scenario import bundled

    data = json.loads(Path(bundled.EXAMPLE).read_text(encoding="utf-8"))
    rng = np.random.default_rng(1)
    vendors = [{"id": f"v{i:05d}", "name": {"zh": f"供应商{i}", "en": f"Vendor {i}"}} for i in range(n)]
    scores = {}
    for member, per_vendor in data["scores"].items():
        keys = list(next(iter(per_vendor.values())))
        scores[member] = {v["id"]: {k: (float(round(rng.uniform(2e5, 9e5), -3)) if "annual_fee" in k
                                        else float(rng.integers(1, 6))) for k in keys} for v in vendors}
    data["vendors"], data["scores"] = vendors, scores
    return data


def test_sensitivity_of_1000_vendors_runs_in_bounded_memory(tmp_path):
    """What ``mcda sensitivity`` computes, on 1,000 vendors x 115 criteria with the default samples,
    under a 1.5 GB address-space cap: it completes, and the peak resident memory stays under 1 GB."""
    path = tmp_path / "many.json"
    path.write_text(json.dumps(_many_vendors(1000)), encoding="utf-8")
    proc = run_capped(f"""
        import time
        from mcda.engine import analysis
        from mcda.engine.evaluation import evaluate
        from mcda.scenario.io import load_scenario
        t0 = time.perf_counter()
        sc = load_scenario({str(path)!r}, lint=False)
        e = evaluate(sc, agreement=False)
        s = sc.settings.sensitivity
        for method in ("topsis", "wsm"):
            r = analysis.run_smaa(e, method, s.samples, s.seed, s.model)
            assert r.samples == s.samples and r.acceptability.shape == (1000, 1000)
            analysis.stability_table(e, method, "dimensions")
            analysis.critical_sentences(e, method, "en")
            analysis.tornado_table(e, method)
        analysis.reversal_check(e, None)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"done in {{time.perf_counter() - t0:.1f}} s, peak {{peak:.0f}} MB")
        """, timeout=1800)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    peak = float(re.search(r"peak (\d+) MB", proc.stdout).group(1))
    assert peak < 1024, proc.stdout


# ----------------------------------------------------------------------------- every code has a text
KERNEL_SOURCES = [*sorted((ROOT / "mcda" / "methods").glob("*.py")),
                  *sorted((ROOT / "mcda" / "normalization").glob("*.py")),
                  *sorted((ROOT / "mcda" / "sensitivity").glob("*.py")),
                  *[ROOT / "mcda" / "engine" / f"{m}.py" for m in ("scores", "node_paths", "node_smaa", "explain")]]
#: codes built from a variable part (f-strings), expanded
BUILT_CODES = [*(f"err.method.weights_{k}" for k in ("zero", "subnormal", "overflow")),
               *(f"err.smaa.sample_{k}" for k in ("zero", "subnormal", "overflow")),
               "err.method.labels_vendor", "err.method.labels_criterion",
               *(f"err.scores.labels_{k}" for k in ("member", "vendor", "criterion")),
               *(f"err.scores.{k}" for k in ("member", "vendor", "criterion"))]


def test_every_error_code_of_the_kernels_is_in_the_catalogue_in_both_languages():
    from mcda.text import catalogue

    found = set(BUILT_CODES)
    for path in KERNEL_SOURCES:
        found |= set(re.findall(r"""(?:code=|phrase\()["'](err\.[a-z_.]+)["']""", path.read_text(encoding="utf-8")))
    missing = sorted(c for c in found if c not in catalogue())
    assert not missing
    assert len(found) > 100
