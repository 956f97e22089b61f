"""SMAA-2 at the hierarchy level: weights sampled around the committee's judgments.

Lahdelma & Salminen (2001), SMAA-2, Operations Research 49(3):444-454; the kernels
are :mod:`mcda.sensitivity`; this module builds the weight samplers from a scenario.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mcda import sensitivity as sens
from mcda.engine.evaluation import DecisionProblem, Evaluation
from mcda.engine.node_paths import check_method, parent_map
from mcda.errors import MCDAError
from mcda.sensitivity.limits import check_vendor_count
from mcda.sensitivity.uncertainty import normal_matrix_sampler

__all__ = ["judgment_sampler", "SmaaSummary", "run_smaa"]


# --------------------------------------------------------------------------- SMAA
def _edge_layout(evaluation: Evaluation):
    """For each depth level, the index of each leaf's ancestor edge in a flat edge list."""
    root = evaluation.weights.root
    parents = parent_map(evaluation)
    edges = [(p, c) for p, kids in evaluation.local.items() for c in kids]
    index = {e: k for k, e in enumerate(edges)}
    paths = []
    for leaf in evaluation.problem.leaves:
        path, node = [], leaf
        while node != root:
            path.append(index[(parents[node], node)])
            node = parents[node]
        paths.append(path)
    depth = max(len(p) for p in paths)
    levels = np.full((depth, len(paths)), -1, dtype=int)
    for j, path in enumerate(paths):
        levels[: len(path), j] = path
    return edges, index, levels


def _node_sampler(node, base: np.ndarray, mode: str, sigma: float):
    """rng, size -> (size, k) local weights of one node around ``base``."""
    k = len(base)
    matrix = node.matrix if node.source == "committee" else None
    if node.source != "committee" or k < 2:
        return lambda rng, size: np.broadcast_to(base, (size, k))
    if matrix is None:  # direct weights / AIP: log-normal noise on the weights themselves
        def weights_noise(rng, size):
            w = base * np.exp(sigma * rng.standard_normal((size, k)))
            return w / w.sum(axis=1, keepdims=True)
        return weights_noise
    ii, J = np.nonzero(np.triu(np.isfinite(matrix), 1))
    mu = np.log(matrix[ii, J])
    if mode == "judgments":
        spread = {(s.i, s.j): np.log(s.geometric_sd) for s in node.spread if s.count >= 2}
        known = [v for v in spread.values() if v > 0]
        fallback = float(np.median(known)) if known else sigma
        sd = np.array([spread.get((i, j), fallback) or fallback for i, j in zip(ii, J, strict=False)])
    else:
        sd = np.full(len(ii), sigma)
    B = np.zeros((len(ii), k))  # r_i = sum over judged j of ln a_ij
    B[np.arange(len(ii)), ii] = 1.0
    B[np.arange(len(ii)), J] = -1.0
    L = B.T @ B  # the comparison graph's Laplacian (LLSM normal equations; Bozóki et al. 2010)
    L11 = L[1:, 1:]
    y0 = np.concatenate([[0.0], np.linalg.solve(L11, (mu @ B)[1:])])

    def judged_noise(rng, size):
        logs = mu + sd * rng.standard_normal((size, len(mu)))
        r = logs @ B
        y = np.zeros((size, k))
        y[:, 1:] = np.linalg.solve(L11, r[:, 1:].T).T
        w = base * np.exp(y - y0)  # keep the committee's own weights at the centre
        return w / w.sum(axis=1, keepdims=True)

    return judged_noise


def judgment_sampler(evaluation: Evaluation, mode: str = "judgments", sigma: float | None = None) -> Callable:
    """Sampler ``(rng, size) -> (size, m)`` of global leaf weights around the committee's judgments
    (our own construction, derived from LLSM, Bozóki, Fülöp & Rónyai 2010; tested for its centre).

    Each node's committee judgments (the AIJ matrix) are perturbed in log space, pair
    by pair, with the standard deviation of the members' own log judgments of that
    pair (``mode="judgments"``; pairs judged by one member take the node's median
    spread) or with a fixed ``sigma`` (``mode="lognormal"``). The perturbed matrix is
    weighted by LLSM (one Laplacian solve for all samples) and applied as a
    multiplicative change to the committee's local weights, so the sample centre is
    the committee's own weights whatever the priority method. Nodes aggregated
    without a matrix get log-normal noise on their weights; unjudged nodes stay put.
    Global weights are products down the tree, vectorised over samples.
    """
    if mode not in ("judgments", "lognormal"):
        raise MCDAError(code="err.node.mode", found=repr(mode)[:80])
    sigma = float(evaluation.scenario.settings.sensitivity.lognormal_sigma if sigma is None else sigma)
    edges, index, levels = _edge_layout(evaluation)
    samplers = []
    for parent, kids in evaluation.local.items():
        base = np.array(list(kids.values()), dtype=float)
        cols = [index[(parent, c)] for c in kids]
        samplers.append((cols, _node_sampler(evaluation.weights.nodes[parent], base, mode, sigma)))

    def sample(rng: np.random.Generator, size: int) -> np.ndarray:
        E = np.empty((size, len(edges)))
        for cols, draw in samplers:  # a loop over tree nodes, never over samples
            E[:, cols] = draw(rng, size)
        G = np.ones((size, levels.shape[1]))
        for lev in levels:
            has = lev >= 0
            G[:, has] *= E[:, lev[has]]
        return G

    return sample


@dataclass(frozen=True)
class SmaaSummary:
    """SMAA-2 results labelled by vendor and criterion."""

    method: str
    model: str
    vendors: tuple[str, ...]
    leaves: tuple[str, ...]
    acceptability: np.ndarray  # (n, n): row = vendor, column = rank 1..n
    central_weights: np.ndarray  # (n, m), NaN for a vendor that never ranks first
    confidence: np.ndarray  # (n,)
    samples: int
    requested: int
    cancelled: bool
    score_uncertainty: bool

    @property
    def standard_error(self) -> float:
        """Largest Monte Carlo standard error of an acceptability index (at 0.5)."""
        return float(0.5 / np.sqrt(max(self.samples, 1)))


def _score_sd(problem: DecisionProblem, scenario) -> np.ndarray:
    """Spread of the members' scores per cell (weighted standard deviation; 0 for one scorer)."""
    w = np.array([m.weight for m in scenario.members], dtype=float)[:, None, None]
    x = problem.raw
    has = np.isfinite(x)
    ww = np.where(has, w, 0.0)
    tot = ww.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (np.where(has, x, 0) * ww).sum(axis=0) / tot
        var = (ww * np.where(has, x - mean, 0) ** 2).sum(axis=0) / tot
    return np.nan_to_num(np.sqrt(var))


def run_smaa(evaluation: Evaluation, method: str = "topsis", samples: int = 10_000, seed=0, model: str = "judgments",
             sigma: float | None = None, score_uncertainty: bool = False,
             progress: Callable[[int, int], None] | None = None,
             should_stop: Callable[[], bool] | None = None) -> SmaaSummary:
    """SMAA-2 rank acceptability, central weights and confidence factors for one method.

    ``model``: ``"uniform"`` (uniform on the simplex of leaf weights: no preference
    information, Lahdelma & Salminen 2001), ``"judgments"`` or ``"lognormal"``
    (around the committee's judgments: :func:`judgment_sampler`).
    ``score_uncertainty`` adds normal noise with the members' spread per cell,
    clipped to each criterion's scale.

    Spread estimators (derived, documented choices): for judgments, the sample
    standard deviation of the members' log judgments of a pair (every member who
    judged it counts once: a spread of opinions, whoever holds them); for scores,
    the voting-weighted population standard deviation of the members' scores of a
    cell (the same weights that form the decision matrix). Ties between sampled
    scores split the ranks fractionally (:mod:`mcda.sensitivity.ranks`), whereas the
    deterministic ranking uses ``settings.tie_tolerance``; exact ties are rare under
    continuous sampling, so the two policies agree in practice.
    """
    p = evaluation.problem
    check_vendor_count(len(p.vendors))  # the n x n table: refused up front (mcda.sensitivity.limits)
    if model == "uniform":
        sampler = None
    elif model in ("judgments", "lognormal"):
        sampler = judgment_sampler(evaluation, model, sigma)
    else:
        raise MCDAError(code="err.node.model", found=repr(model)[:80])
    norm = evaluation.scenario.settings.normalization.get(check_method(method))
    scores = normal_matrix_sampler(p.matrix, _score_sd(p, evaluation.scenario), p.bounds) if score_uncertainty else None
    r = sens.smaa(p.matrix, p.types, method, norm, n_samples=samples, seed=seed, sampler=sampler,
                  bounds=p.bounds if norm == "scale" else None, matrix_sampler=scores, progress=progress,
                  should_stop=should_stop, vendors=list(p.vendors), criteria=list(p.leaves))
    return SmaaSummary(method, model, p.vendors, p.leaves, r.acceptability, r.central_weights, r.confidence,
                       r.n_samples, r.n_requested, r.cancelled, score_uncertainty)
