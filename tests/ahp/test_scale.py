"""mcda.ahp.scale: Saaty's scale, log-nearest rounding, formatting of judgments."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda.ahp.scale import SAATY_SCALE, format_value, nearest_scale_value


def test_saaty_scale():
    assert len(SAATY_SCALE) == 17
    assert SAATY_SCALE[0] == 1 / 9 and SAATY_SCALE[8] == 1 and SAATY_SCALE[-1] == 9
    assert list(SAATY_SCALE) == sorted(SAATY_SCALE)


@pytest.mark.parametrize("x, expected", [(2.9, 3), (0.12, 1 / 8), (10.0, 9), (1 / 20, 1 / 9), (1.0, 1),
                                         (1.40, 1), (1.45, 2)])
def test_nearest_scale_value_is_nearest_in_log(x, expected):
    """The log midpoint of 1 and 2 is sqrt(2) = 1.414: 1.40 -> 1, 1.45 -> 2."""
    assert nearest_scale_value(x) == pytest.approx(expected)


def test_nearest_scale_value_vectorised():
    assert_allclose(nearest_scale_value(np.array([2.1, 0.3])), [2, 1 / 3])


def test_format_value():
    assert [format_value(x) for x in (9.0, 1 / 9, 1.0, 2.5)] == ["9", "1/9", "1", "2.5"]
    assert format_value(1 / 3, fraction=False) == "0.333333"
    assert format_value(np.nan) == "empty (NaN)"
