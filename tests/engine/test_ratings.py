"""Rating scales (mcda.engine.ratings): preset and derived intensities, the linear default."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tender_fixture import load, tender  # noqa: E402

from mcda.engine import decision_problem, evaluate  # noqa: E402
from mcda.engine.ratings import PRESET_FIVE_LEVELS, intensity_table, rate, ratings_from_judgments  # noqa: E402
from mcda.errors import ScenarioError  # noqa: E402
from mcda.scenario.lint import lint  # noqa: E402


def _rated(data: dict, **scale) -> dict:
    data["scales"]["r5"].update(scale)
    return data


def _spread_q1(data: dict) -> dict:
    for mid, x in zip(("m1", "m2", "m3"), (5, 4, 3), strict=True):
        data["scores"][mid]["A"]["q1"] = x
    return data


def test_preset_intensities_worked_example():
    """Preset 优秀 1.0 / 良好 0.6 / 一般 0.3 / 较差 0.15 / 差 0.05; members rate vendor A 5, 4, 3 on q1.

    Linear: mean 4, scale-normalised (4 - 1) / 4 = 0.75.
    Rated: (1.0 + 0.6 + 0.3) / 3 = 0.63333, bounds 0.05..1, normalised (0.63333 - 0.05) / 0.95 = 0.61404.
    """
    linear = decision_problem(load(_spread_q1(tender())))
    assert linear.matrix[0, 0] == 4.0 and tuple(linear.bounds[0]) == (1.0, 5.0)
    rated = decision_problem(load(_rated(_spread_q1(tender()), intensities=PRESET_FIVE_LEVELS)))
    np.testing.assert_allclose(rated.matrix[0, 0], 1.9 / 3)
    np.testing.assert_allclose(rated.bounds[0], [0.05, 1.0])
    np.testing.assert_allclose((rated.matrix[0, 0] - 0.05) / 0.95, 0.614035, atol=1e-6)
    np.testing.assert_array_equal(rated.raw, linear.raw)  # members' own ratings are kept as given


def test_saaty2006_ratings_from_a_consistent_comparison_of_levels():
    """Saaty (2006), ratings: intensities are the eigenvector of the levels' comparison, ideal level = 1.

    Levels 1, 2, 3 with 2 twice as good as 1 and 3 twice as good as 2 (so 3 = 4 x 1, consistent):
    the eigenvector is (1, 2, 4) / 7; divided by its largest entry: (0.25, 0.5, 1).
    """
    np.testing.assert_allclose(ratings_from_judgments([[1, 1 / 2, 1 / 4], [2, 1, 1 / 2], [4, 2, 1]]),
                               [0.25, 0.5, 1.0])
    data = tender()
    data["scales"]["r3"] = {"kind": "ordinal", "min": 1, "max": 3, "level_judgments": [
        {"a": 2, "b": 1, "value": 2}, {"a": 3, "b": 2, "value": 2}]}   # incomplete: completed consistently
    s = load(data)
    np.testing.assert_allclose(intensity_table(s.scales["r3"]), [0.25, 0.5, 1.0], rtol=1e-9)


def test_no_intensities_is_linear_as_before():
    s = load(tender())
    assert intensity_table(s.scales["r5"]) is None
    p = decision_problem(s)
    np.testing.assert_allclose(p.matrix[:, :2], [[4, 4], [5, 3], [3, 5]])
    assert "intensities" not in s.scales["r5"].model_dump(mode="json")


def test_intensities_change_the_ranking_by_their_values():
    """B (5, 3) and C (3, 5) tie with A (4, 4) linearly on quality; with 1.0 / 0.6 / 0.3 A's (0.6, 0.6)
    trails B's and C's (1.0, 0.3): a mean of 0.65 against 0.6."""
    data = _rated(tender(gates=False), intensities=PRESET_FIVE_LEVELS)
    p = decision_problem(load(data))
    np.testing.assert_allclose(p.matrix[:, :2].mean(axis=1), [0.6, 0.65, 0.65])
    assert evaluate(load(data)).problem.matrix.shape == (3, 3)


def test_rate_interpolates_between_levels_and_keeps_missing():
    np.testing.assert_allclose(rate([1, 1.5, 2], 1, [0.1, 0.3]), [0.1, 0.2, 0.3])
    assert np.isnan(rate([np.nan], 1, [0.1, 0.3])).all()


@pytest.mark.parametrize("scale, message", [
    ({"intensities": {"5": 1.0, "4": 0.6}}, "missing: 1, 2, 3"),
    ({"intensities": PRESET_FIVE_LEVELS, "level_judgments": [{"a": 2, "b": 1, "value": 2}]}, "not both"),
    ({"level_judgments": [{"a": 2, "b": 1, "value": 2}]}, "connect every level"),
    ({"level_judgments": [{"a": 2, "b": 2, "value": 2}]}, "two different levels"),
    ({"intensities": {**PRESET_FIVE_LEVELS, "3": 0}}, "greater than 0"),
])
def test_bad_rating_scales_are_refused(scale, message):
    with pytest.raises(ScenarioError, match=message):
        load(_rated(tender(), **scale))


def test_intensities_that_do_not_rise_with_the_level_are_a_warning():
    data = _rated(tender(), intensities={**PRESET_FIVE_LEVELS, "4": 1.2})
    assert any(p.path == "scales[r5]" and "do not rise" in str(p) for p in lint(load(data)))
