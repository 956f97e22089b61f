"""mcda.ahp.repair: Saaty's (2003) e_ij ranking with scale suggestions."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from mcda.ahp import consistency, priorities, repair_hints
from mcda.errors import MCDAError, NotConnectedError

NAN = np.nan


def spoiled(w, i, j, value):
    a = np.outer(w, 1 / np.asarray(w, dtype=float))
    a[i, j], a[j, i] = value, 1 / value
    return a


@settings(max_examples=30, deadline=None)
@given(st.integers(5, 9), st.integers(0, 2**31 - 1))
def test_spoiled_judgment_ranks_first(n, seed):
    """Derived: one wrong judgment in an otherwise consistent matrix has the largest |ln e_ij|."""
    rng = np.random.default_rng(seed)
    w = rng.dirichlet(np.ones(n)) + 0.05
    i, j = sorted(rng.choice(n, 2, replace=False).tolist())
    true = w[i] / w[j]
    a = spoiled(w, i, j, true * (9.0 if rng.random() < 0.5 else 1 / 9))
    top = repair_hints(a, k=1)[0]
    assert (top.i, top.j) == (i, j)


def test_hint_fields_follow_their_definitions(drinks):
    hints = repair_hints(drinks, k=None, labels=list("CWTBSMA"))
    w = priorities(drinks)
    assert len(hints) == 21  # every judged pair
    keys = [abs(h.log_error) for h in hints]
    assert keys == sorted(keys, reverse=True)
    cr = consistency(drinks).cr
    for h in hints:
        assert h.i < h.j and h.label_i == "CWTBSMA"[h.i]
        assert h.current == drinks[h.i, h.j]
        assert_allclose(h.implied, w[h.i] / w[h.j], rtol=1e-12)
        assert_allclose(h.error, h.current * w[h.j] / w[h.i], rtol=1e-12)
        assert_allclose(h.log_error, np.log(h.error), rtol=1e-12, atol=1e-15)
        assert h.cr_before == pytest.approx(cr, rel=1e-12)
        b = drinks.copy()
        b[h.i, h.j], b[h.j, h.i] = h.suggested, 1 / h.suggested
        assert h.cr_after == pytest.approx(consistency(b).cr, rel=1e-9)
        assert h.rounds_back == (h.suggested == pytest.approx(h.current))


def test_rounds_back_flag():
    """A mild inconsistency whose implied ratio still rounds to the current judgment."""
    a = np.array([[1, 2, 4, 8], [1 / 2, 1, 2, 4], [1 / 4, 1 / 2, 1, 3], [1 / 8, 1 / 4, 1 / 3, 1]])
    h = repair_hints(a, k=1)[0]
    assert h.rounds_back and h.suggested == h.current and h.cr_after == h.cr_before


def test_beyond_scale_flag():
    """9 x 9 along a chain implies a ratio near 81 for the end points, beyond the 1..9 scale."""
    a = np.array([[1, 9, 9], [1 / 9, 1, 9], [1 / 9, 1 / 9, 1]])
    h = {(x.i, x.j): x for x in repair_hints(a, k=None)}
    assert h[(0, 2)].beyond_scale and h[(0, 2)].implied > 9 and h[(0, 2)].suggested == 9
    assert not h[(0, 1)].beyond_scale


def test_consistent_matrix_has_nothing_to_repair():
    w = np.array([0.4, 0.3, 0.2, 0.1])
    for h in repair_hints(np.outer(w, 1 / w), k=None):
        assert abs(h.log_error) < 1e-12
        assert_allclose(h.error, 1.0, rtol=1e-12)


def test_only_judged_pairs_are_candidates():
    a = np.array([[1, 2, NAN, 9], [0.5, 1, 3, NAN], [NAN, 1 / 3, 1, 0.5], [1 / 9, NAN, 2, 1]])
    hints = repair_hints(a, k=None, method="geometric_mean")
    assert {(h.i, h.j) for h in hints} == {(0, 1), (0, 3), (1, 2), (2, 3)}
    assert all(np.isfinite(h.cr_after) for h in hints)


def test_repair_arguments():
    with pytest.raises(MCDAError, match="unknown priority method"):
        repair_hints(np.ones((3, 3)), method="x")
    with pytest.raises(MCDAError, match="positive integer"):
        repair_hints(np.ones((3, 3)), k=-1)
    with pytest.raises(NotConnectedError):
        repair_hints([[1, 2, NAN], [0.5, 1, NAN], [NAN, NAN, 1]])
