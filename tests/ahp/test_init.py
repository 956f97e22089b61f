"""mcda.ahp (package): the stable public API re-exported with __all__."""
from __future__ import annotations

import inspect

import mcda.ahp as ahp

STABLE = ["priorities", "consistency", "RI_TABLES", "random_index", "gci", "complete", "next_question",
          "repair_hints", "aggregate_judgments", "aggregate_priorities", "consensus", "judgment_spread",
          "check_matrix"]


def test_all_names_exist_and_stable_names_are_exported():
    for name in ahp.__all__:
        assert hasattr(ahp, name), name
    assert set(STABLE) <= set(ahp.__all__)
    assert len(set(ahp.__all__)) == len(ahp.__all__)


def test_stable_signatures():
    assert list(inspect.signature(ahp.priorities).parameters)[:2] == ["matrix", "method"]
    assert inspect.signature(ahp.priorities).parameters["method"].default == "eigenvector"
    p = inspect.signature(ahp.consistency).parameters
    assert p["ri_table"].default == "alonso_lamata" and p["threshold"].default == 0.10
    assert inspect.signature(ahp.complete).parameters["method"].default == "lambda_max"
    assert "labels" in inspect.signature(ahp.next_question).parameters
    p = inspect.signature(ahp.repair_hints).parameters
    assert {"k", "method", "ri_table", "labels"} <= set(p)
    assert list(inspect.signature(ahp.aggregate_judgments).parameters)[:2] == ["matrices", "weights"]
    p = inspect.signature(ahp.aggregate_priorities).parameters
    assert p["mode"].default == "geometric"
    p = inspect.signature(ahp.check_matrix).parameters
    assert p["allow_missing"].default is True and p["labels"].default is None


def test_results_are_frozen_dataclasses():
    r = ahp.consistency([[1, 2], [0.5, 1]])
    try:
        r.cr = 1.0
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("ConsistencyResult must be frozen")
    for field in ("lambda_max", "ci", "ri", "cr", "ri_table", "threshold", "acceptable", "n", "missing"):
        assert hasattr(r, field)
