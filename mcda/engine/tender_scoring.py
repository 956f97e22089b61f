"""Tender scoring rules: the trimmed mean of expert scores and the low-price-priority price score.

**Trimmed mean** (score aggregation ``trimmed_mean``; 去掉一个最高分和一个最低分):
for each vendor x criterion cell scored by at least :data:`TRIM_MIN_MEMBERS` (5)
members with a vote, one highest and one lowest score are dropped (one score
each, even when several members gave the same extreme value: then the one with the
least voting weight, so the result does not depend on the members' order) and the rest are
averaged with the members' voting weights renormalised over them. Below five
scorers nothing is dropped: the cell gets the plain weighted mean (the
documented fallback, since dropping two of three or four scores leaves too little),
and the evaluation carries a note saying how many cells fell back. Local Chinese
tender rules apply the trim to each expert's score per item before the arithmetic
mean (Ministry of Finance Order No. 87, 2017, sets the arithmetic mean).

Worked example: seven members score a vendor 7, 8, 8, 9, 1, 10, 8 with equal
weights; drop 10 and 1; the mean of 7, 8, 8, 9, 8 is 40 / 5 = 8.0, against the
plain mean 51 / 7 = 7.2857: one outlier no longer drags the cell.

**Low-price-priority price score** (低价优先法, Order No. 87, art. 55): the base
price (评标基准价) is the lowest valid bid, here the lowest bid of the vendors
still in the ranking (those that passed every qualification gate); each bid scores
``base / bid`` (x the criterion's ``price_points`` if given). The lowest bid scores
1 (or the full points). The column then counts as a benefit criterion bounded by
0 and the points, so scale normalisation gives ``base / bid`` again.

Worked example: bids 400,000, 500,000 and 800,000 CNY with 30 points: the base is
400,000; the scores are 30, 24 and 15 (1.0, 0.8 and 0.5 of the points).
"""
from __future__ import annotations

import dataclasses

import numpy as np

from mcda.engine.notes import Note
from mcda.errors import MCDAError

__all__ = ["TRIM_MIN_MEMBERS", "PRICE_BAND_SERVICES", "weighted_trimmed_mean", "low_price_priority",
           "price_criteria", "price_columns", "tender_notes"]

TRIM_MIN_MEMBERS = 5
#: the price weight's bounds for services under Order No. 87 (goods: 30 %-60 %)
PRICE_BAND_SERVICES = (0.10, 0.30)


def weighted_trimmed_mean(S: np.ndarray, wp: np.ndarray, wsum: np.ndarray) -> np.ndarray:
    """Weighted mean over axis 0 without one highest and one lowest score, where >= 5 members scored.

    Same kernel signature as :mod:`mcda.engine.scores` (``S`` (K, n, m) with NaN filled,
    ``wp`` the weights of the members who scored, 0 elsewhere, ``wsum = wp.sum(0)``).

    >>> S = np.array([7, 8, 8, 9, 1, 10, 8], float)[:, None, None]
    >>> wp = np.ones_like(S)
    >>> weighted_trimmed_mean(S, wp, wp.sum(0))
    array([[8.]])
    >>> weighted_trimmed_mean(S[:4], wp[:4], wp[:4].sum(0))   # 4 scorers: the plain mean
    array([[8.]])
    """
    scored = wp > 0
    count = scored.sum(axis=0)
    ks = np.arange(S.shape[0])[:, None, None]
    top = scored & (S == np.where(scored, S, -np.inf).max(axis=0))
    is_hi = ks == np.argmin(np.where(top, wp, np.inf), axis=0)[None]  # ties: the least voting weight
    rest = scored & ~is_hi
    bottom = rest & (S == np.where(rest, S, np.inf).min(axis=0))
    is_lo = ks == np.argmin(np.where(bottom, wp, np.inf), axis=0)[None]
    drop = (is_hi | is_lo) & (count >= TRIM_MIN_MEMBERS)[None]
    w = np.where(drop, 0.0, wp)
    total = w.sum(axis=0)
    return np.einsum("knm,knm->nm", S, w) / np.where(total > 0, total, wsum)


def low_price_priority(bids, points: float = 1.0) -> np.ndarray:
    """Price scores by the low-price-priority method: ``min(bids) / bid x points``.

    Parameters
    ----------
    bids : array-like (n,)
        Bid prices, > 0 (NaN is not allowed: every vendor in the ranking bid).
    points : float
        The price criterion's points (1 = a share of the full score).

    >>> low_price_priority([400_000, 500_000, 800_000], 30)
    array([30., 24., 15.])
    """
    b = np.asarray(bids, dtype=float)
    if b.ndim != 1 or b.size == 0 or not np.all(np.isfinite(b)) or not np.all(b > 0):
        raise MCDAError(f"the low-price-priority score needs every bid > 0; found {b.tolist()}")
    return b.min() / b * float(points)


def price_criteria(scenario) -> list[str]:
    """Ids of the leaves scored as a bid price: marked ``price: true`` or named by ``settings.price_criterion``."""
    s = scenario.settings
    if s.price_scoring == "scale":
        return []
    return [leaf.id for leaf in scenario.criteria.leaves()
            if getattr(leaf, "price", False) or leaf.id == s.price_criterion]


def price_columns(scenario, leaves, agg, types: np.ndarray, bounds: np.ndarray, vendors):
    """The decision matrix with every price column replaced by its low-price-priority score.

    Returns ``(agg, types, bounds)``, unchanged when the scenario has no price criterion.
    """
    ids = price_criteria(scenario)
    if not ids:
        return agg, types, bounds
    leaf_ids = [leaf.id for leaf in leaves]
    matrix, types, bounds = np.array(agg.matrix), types.copy(), bounds.copy()
    for cid in ids:  # one column per price criterion (normally one)
        j = leaf_ids.index(cid)
        leaf = leaves[j]
        bids = matrix[:, j]
        bad = [vendors[i] for i in np.flatnonzero(~(np.isfinite(bids) & (bids > 0)))]
        if bad:
            raise MCDAError(code="err.rules.price_bids", criterion=cid, vendors=", ".join(bad))
        points = leaf.price_points or 1.0
        matrix[:, j] = low_price_priority(bids, points)
        types[j] = 1
        bounds[j] = 0.0, points
    matrix.flags.writeable = False
    return dataclasses.replace(agg, matrix=matrix), types, bounds


def tender_notes(scenario, problem, weights: np.ndarray) -> tuple[Note, ...]:
    """Notes of the tender rules on an evaluation: trimmed-mean fallbacks, the price weight band."""
    out = []
    s = scenario.settings
    if s.score_aggregation == "trimmed_mean":
        W = np.array([m.weight for m in scenario.members])[:, None, None]
        scorers = (np.isfinite(problem.raw) & (W > 0)).sum(axis=0)
        short = int((scorers < TRIM_MIN_MEMBERS).sum())
        if short:
            out.append(Note("rules.trimmed_fallback", {"cells": short, "total": int(scorers.size),
                                                        "minimum": TRIM_MIN_MEMBERS}))
    if s.procurement == "cn_government":
        lo, hi = PRICE_BAND_SERVICES
        leaf_ids = list(problem.leaves)
        for cid in price_criteria(scenario):
            w = float(weights[leaf_ids.index(cid)])
            if not lo - 1e-12 <= w <= hi + 1e-12:
                out.append(Note("rules.price_band", {"node": cid, "weight": f"{w:.1%}", "low": f"{lo:.0%}",
                                                     "high": f"{hi:.0%}"}))
    return tuple(out)
