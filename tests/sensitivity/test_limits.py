"""Bounded sensitivity kernels (issue 11, item 5): restricted pair scans give the same intervals as
scanning every pair; the limits live in one module; one tie tolerance."""
from __future__ import annotations

import numpy as np
import pytest

import mcda.normalization as normalization
from mcda.errors import MCDAError
from mcda.methods.ranking import DEFAULT_TIE_TOL
from mcda.sensitivity import affine_path, rank_acceptability, score_model, smaa
from mcda.sensitivity.limits import MAX_VENDORS_ACCEPTABILITY, adjacent_pairs, leader_pairs, pair_chunks
from mcda.sensitivity.path import tie_tolerance


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_intervals_from_the_pairs_that_matter_equal_those_from_every_pair(seed, method):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(3, 9)), int(rng.integers(2, 5))
    model = score_model(rng.random((n, m)), np.where(rng.random(m) < 0.3, -1, 1), method)
    c = rng.dirichlet(np.ones(m))
    e = np.zeros(m)
    e[0] = 1.0
    path = affine_path(model, c, e - c)  # w(t) = (1 - t) c + t e_0
    every = path.crossovers()
    for t0 in (0.1, 0.37, 0.8):
        for kind in ("winner", "ranking"):
            assert path.interval(t0, kind) == pytest.approx(path.interval(t0, kind, crossovers=every), abs=1e-12)


def test_pair_helpers():
    assert [p.tolist() for p in leader_pairs([0, 2], 3)] == [[0, 0, 1], [1, 2, 2]]
    assert [p.tolist() for p in adjacent_pairs(np.array([[3.0, 1.0, 2.0], [1.0, 2.0, 3.0]]))] == [[0, 0, 1], [1, 2, 2]]
    parts = list(pair_chunks(10_000_000, 2001))
    assert sum(p.stop - p.start for p in parts) == 10_000_000 and len(parts) > 1


def test_rank_acceptability_beyond_the_limit_is_refused_up_front_with_the_way_out():
    X = np.random.default_rng(0).random((MAX_VENDORS_ACCEPTABILITY + 1, 2))
    with pytest.raises(MCDAError, match=r"at most 2000 vendors; found 2001\. Shortlist the vendors") as info:
        rank_acceptability(X, [1, 1], [[0.5, 0.5]], "wsm")
    assert "缩小候选名单" in info.value.render("zh")
    with pytest.raises(MCDAError, match="at most 2000 vendors"):
        smaa(X, [1, 1], n_samples=10)


def test_one_tie_tolerance_for_ranking_and_sensitivity():
    assert tie_tolerance([0.5, 3.0]) == 3.0 * DEFAULT_TIE_TOL
    assert tie_tolerance([0.5]) == DEFAULT_TIE_TOL


def test_every_public_normalisation_name_is_importable_from_the_package():
    for name in normalization.__all__:
        assert getattr(normalization, name) is not None
    assert normalization.BOUND_TOL == 1e-9
