"""Judgment scales: Saaty's fundamental scale, rounding to it, and formatting judgments.

Saaty's scale holds the integers 1..9 and their reciprocals (Saaty 1980;
Saaty 2008, Table 1).  Rounding to it is done on a log scale, the
natural distance between ratios: ``|ln x - ln s|``.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["SAATY_SCALE", "nearest_scale_value", "format_value"]

#: Saaty's fundamental scale and its reciprocals, ascending: 1/9 .. 1/2, 1 .. 9
#: (Saaty 1980; Saaty 2008, Table 1).
SAATY_SCALE: tuple[float, ...] = tuple([1.0 / k for k in range(9, 1, -1)] + [float(k) for k in range(1, 10)])
_LOG_SCALE = np.log(np.array(SAATY_SCALE))


def format_value(x: float, fraction: bool = True) -> str:
    """Format a judgment for a message: with ``fraction``, scale reciprocals as ``1/3``; else 6 digits.

    >>> format_value(3.0), format_value(1 / 3), format_value(0.5, fraction=False), format_value(float("nan"))
    ('3', '1/3', '0.5', 'empty (NaN)')
    """
    if np.isnan(x):
        return "empty (NaN)"
    if np.isinf(x) or x <= 0 or not fraction:
        return f"{x:.6g}"
    for k in range(1, 10):
        if abs(x - k) <= 1e-9 * k:
            return str(k)
        if k > 1 and abs(x * k - 1.0) <= 1e-9:
            return f"1/{k}"
    return f"{x:.6g}"


def nearest_scale_value(x, scale: Sequence[float] = SAATY_SCALE):
    """The value of ``scale`` nearest to ratio ``x`` on a log scale (ratio distance ``|ln x - ln s|``).

    Ties go to the smaller scale value.  Works elementwise on arrays.

    >>> nearest_scale_value(2.9), nearest_scale_value(0.3), nearest_scale_value(40.0)
    (3.0, 0.3333333333333333, 9.0)
    """
    vals = np.asarray(scale, dtype=float)
    logs = _LOG_SCALE if scale is SAATY_SCALE else np.log(vals)
    lx = np.log(np.asarray(x, dtype=float))
    k = np.argmin(np.abs(lx[..., None] - logs), axis=-1)
    out = vals[k]
    return float(out) if np.ndim(out) == 0 else out
