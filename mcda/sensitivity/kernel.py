"""Batch scores: every vendor's score under many weight vectors at once.

For a column-wise normalisation the normalised matrix ``R`` (n x m) does not
depend on the weights, and every column of ``R`` is benefit-oriented
(:mod:`mcda.normalization`). Hence, for weights ``w >= 0``:

* weighted sum (MacCrimmon 1968; Fishburn 1967): ``P = R w``, so for a chunk
  of weight vectors ``W`` (S x m) the scores are one product ``W R^T``;
* TOPSIS (Hwang & Yoon 1981, pp. 128-134): the weighted ideal of criterion
  ``j`` is ``w_j max_i R_ij`` and the anti-ideal ``w_j min_i R_ij``, so

  ``S+_i^2 = sum_j w_j^2 (R_ij - max_i R_ij)^2``, i.e. ``(W*W) A+^T``, and
  ``S-_i^2 = (W*W) A-^T`` with ``A+ = (R - max)^2``, ``A- = (R - min)^2``:

  one matrix product of the squared weights with the stacked ``[A+; A-]``
  per chunk, then ``C = S- / (S+ + S-)``.

Degenerate TOPSIS (``S+ + S- = 0``: no weighted criterion separates the
vendors) gives ``C = 1`` for every vendor, as :func:`mcda.methods.topsis`.

Identical normalised rows (duplicate vendors) are scored once and copied, so
duplicates tie exactly, whatever the rounding of the matrix product.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization import as_real_array, normalize, resolve
from mcda.sensitivity.checks import DEFAULT_NORMALIZATION, as_weights, check_method, labels
from mcda.text.errors_kernels import phrase

__all__ = ["ScoreModel", "score_model", "prepared"]


@dataclass(frozen=True, eq=False)
class ScoreModel:
    """A decision problem prepared for batch scoring (arrays read-only).

    Attributes
    ----------
    method : {'topsis', 'wsm'}
    normalization : str
        Label of the normalisation used.
    normalized : ndarray (n, m)
        ``R``, benefit-oriented.
    to_ideal, to_anti : ndarray (n, m) or None
        TOPSIS only: ``(R - max_i R)^2`` and ``(R - min_i R)^2``.
    vendors, criteria : list or None
        Labels, for messages.
    """

    method: str
    normalization: str
    normalized: np.ndarray
    to_ideal: np.ndarray | None
    to_anti: np.ndarray | None
    vendors: list | None = None
    criteria: list | None = None
    # unique rows: stacked operand of the product and the map back to vendors
    _operand: np.ndarray = field(default=None, repr=False)
    _inverse: np.ndarray | None = field(default=None, repr=False)

    @property
    def n(self) -> int:
        return self.normalized.shape[0]

    @property
    def m(self) -> int:
        return self.normalized.shape[1]

    @property
    def n_unique(self) -> int:
        """Number of distinct normalised rows (duplicated vendors counted once)."""
        k = self._operand.shape[0]
        return k // 2 if self.method == "topsis" else k

    # ------------------------------------------------------------------ batch
    def scores(self, W) -> np.ndarray:
        """Scores of every vendor for each weight vector: ``W`` (S, m) -> (S, n).

        A 1-D ``W`` (m,) gives (n,). Weights are used as given (>= 0); TOPSIS
        closeness and the weighted-sum order do not depend on their scale.
        """
        W = as_real_array(W, phrase("err.what.weights"))
        one = W.ndim == 1
        W2 = np.atleast_2d(W)
        if W2.ndim != 2 or W2.shape[1] != self.m:
            raise MCDAError(code="err.sens.weight_vectors", m=self.m, shape=str(W.shape))
        out = self._scores_t(W2).T
        return out[0] if one else out

    def _scores_t(self, Wc: np.ndarray, buf: np.ndarray | None = None) -> np.ndarray:
        """True scores, transposed: (n, c)."""
        if self.method == "wsm":
            return self.keys_t(Wc)
        dp, dm = self._squared_distances(Wc, buf)
        np.sqrt(dp, out=dp)
        np.sqrt(dm, out=dm)
        total = dp + dm
        with np.errstate(invalid="ignore", divide="ignore"):
            c = dm / total
        c[total == 0] = 1.0
        return self._expand(c)

    def keys_t(self, Wc: np.ndarray, buf: np.ndarray | None = None) -> np.ndarray:
        """Ordering keys, transposed (n, c): per sample, a strictly increasing function of
        the score, so ranks and exact ties are those of the scores.

        TOPSIS uses ``S-^2 / S+^2`` (``C = 1 / (1 + sqrt(S+^2 / S-^2))``): no square roots;
        ``inf`` at the ideal; the degenerate case (0/0) is mapped to 1 for all vendors.
        """
        if self.method == "wsm":
            with np.errstate(invalid="ignore", over="ignore"):
                keys = self._operand @ Wc.T
            _check_finite_products(keys)
            return self._expand(keys)
        dp, dm = self._squared_distances(Wc, buf)
        with np.errstate(invalid="ignore", divide="ignore"):
            np.divide(dm, dp, out=dm)
        np.copyto(dm, 1.0, where=np.isnan(dm))
        return self._expand(dm)

    def _squared_distances(self, Wc, buf):
        if buf is None or buf.shape != Wc.shape:
            buf = np.empty_like(Wc)
        with np.errstate(invalid="ignore", over="ignore"):
            np.multiply(Wc, Wc, out=buf)
            d = self._operand @ buf.T  # (2u, c): one product for both distances
        _check_finite_products(d)
        u = d.shape[0] // 2
        return d[:u], d[u:]

    def _expand(self, x: np.ndarray) -> np.ndarray:
        return x if self._inverse is None else x[self._inverse]


def _check_finite_products(d: np.ndarray) -> None:
    # cheap (n x c): a NaN or infinite weight, or an overflow, shows up here
    if not np.isfinite(d).all():
        raise MCDAError(code="err.sens.weights_overflow")


def score_model(matrix, types, method: str = "topsis", normalization=None, *, bounds=None,
                vendors=None, criteria=None) -> ScoreModel:
    """Normalise once and prepare the batch products.

    Parameters
    ----------
    matrix : array-like (n, m)
        Vendors in rows, criteria in columns.
    types : array-like (m,)
        +1 benefit, -1 cost.
    method : {'topsis', 'wsm'}
    normalization : str, callable or None
        A name of :data:`mcda.normalization.NORMALIZATIONS` or ``f(x, cost)``;
        None means ``'vector'`` for TOPSIS and ``'max'`` for the weighted sum.
    bounds : optional
        Criterion bounds for ``'scale'``.
    vendors, criteria : sequence of str, optional
        Labels used in error messages.

    Examples
    --------
    >>> sm = score_model([[1, 2], [2, 1], [3, 1]], [1, 1], "topsis")
    >>> sm.scores([[0.5, 0.5], [1.0, 0.0]]).round(4)
    array([[0.433 , 0.3539, 0.567 ],
           [0.    , 0.5   , 1.    ]])
    """
    method = check_method(method)
    if normalization is None:
        normalization = DEFAULT_NORMALIZATION[method]
    label, _ = resolve(normalization)
    X = as_real_array(matrix, phrase("err.what.matrix"), detail_key="err.sens.matrix_numeric")
    if X.ndim != 2 or 0 in X.shape:
        raise MCDAError(code="err.sens.matrix_shape", shape=str(X.shape))
    vendors = labels(vendors, X.shape[0], "vendor")
    criteria = labels(criteria, X.shape[1], "criterion")
    R = normalize(X, types, normalization, bounds, vendors=vendors, criteria=criteria)
    R = np.ascontiguousarray(R, dtype=float)
    uniq, first, inverse = np.unique(R, axis=0, return_index=True, return_inverse=True)
    if uniq.shape[0] == R.shape[0]:
        base, inverse = R, None
    else:  # keep first-appearance order for readability
        order = np.argsort(first)
        base = R[first[order]]
        inverse = np.argsort(order)[np.asarray(inverse).reshape(-1)]
    if method == "topsis":
        to_ideal = (R - R.max(axis=0)) ** 2
        to_anti = (R - R.min(axis=0)) ** 2
        operand = np.vstack([(base - R.max(axis=0)) ** 2, (base - R.min(axis=0)) ** 2])
    else:
        to_ideal = to_anti = None
        operand = base.copy()
    for a in (R, to_ideal, to_anti, operand):
        if a is not None:
            a.flags.writeable = False
    return ScoreModel(method, label, R, to_ideal, to_anti, vendors, criteria,
                      np.ascontiguousarray(operand), inverse)


def prepared(matrix, weights, types, method: str = "topsis", normalization=None, *, bounds=None,
             vendors=None, criteria=None) -> tuple[ScoreModel, np.ndarray]:
    """The score model and the validated weight vector every one-way analysis starts from."""
    model = score_model(matrix, types, method, normalization, bounds=bounds, vendors=vendors, criteria=criteria)
    return model, as_weights(weights, model.m, model.criteria)
