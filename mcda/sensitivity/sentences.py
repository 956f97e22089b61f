"""Plain sentences about what would change the result (for reports and the UI).

Weights are printed as percentages with one decimal; when the two numbers
of a sentence would print alike, more decimals are used (up to 4) so a
sentence never says "falls from 14.2 % to 14.2 %". Every sentence ends with
"(other weights rescaled)": the one-way change keeps the ratios of the other
weights (:mod:`mcda.sensitivity.whatif`).
"""
from __future__ import annotations

import numpy as np

from mcda.sensitivity.reversal import CriticalChange, critical_changes
from mcda.sensitivity.stability import Stability

__all__ = ["percent_pair", "change_sentence", "stability_sentence", "flip_sentences"]


def _name(i: int, labels, what: str) -> str:
    return str(labels[i]) if labels is not None else f"{what} {i + 1}"


def percent_pair(a: float, b: float, digits: int = 1) -> tuple[str, str]:
    """Format two weights as percentages that differ when printed.

    >>> percent_pair(0.142, 0.117)
    ('14.2 %', '11.7 %')
    >>> percent_pair(0.14201, 0.14196)
    ('14.201 %', '14.196 %')
    """
    for d in range(digits, 5):
        sa, sb = f"{100 * a:.{d}f} %", f"{100 * b:.{d}f} %"
        if sa != sb or a == b:
            return sa, sb
    return sa, sb


def change_sentence(change: CriticalChange, vendors=None, criteria=None, digits: int = 1) -> str:
    """"B overtakes A if Price falls from 14.2 % to 11.7 % (other weights rescaled)."

    At the printed weight the two vendors tie; past it the order is reversed
    (for the weighted sum always; for TOPSIS up to the next crossover).
    Vendors and criteria are numbered from 1 when no labels are given.

    >>> c = CriticalChange(0, 0, 1, 0.142, 0.117, -0.025, -0.176, 0.028, 0.2, 0.5)
    >>> change_sentence(c, ["A", "B"], ["Price"])
    'B overtakes A if Price falls from 14.2 % to 11.7 % (other weights rescaled).'
    """
    verb = "falls" if change.new_weight < change.weight else "rises"
    now, new = percent_pair(change.weight, change.new_weight, digits)
    return (f"{_name(change.behind, vendors, 'vendor')} overtakes "
            f"{_name(change.ahead, vendors, 'vendor')} if "
            f"{_name(change.criterion, criteria, 'criterion')} {verb} from {now} to {new} "
            f"(other weights rescaled).")


def stability_sentence(result: Stability, k: int, vendors=None, criteria=None,
                       digits: int = 1) -> str:
    """One criterion's stability interval as a sentence.

    >>> from mcda.sensitivity.stability import stability
    >>> s = stability([[1, 0], [0, 1]], [0.6, 0.4], [1, 1], "wsm", "none")
    >>> stability_sentence(s, 0, ["A", "B"], ["Quality", "Price"])
    'A stays on top while Quality is between 50.0 % and 100.0 % (now 60.0 %; other weights rescaled).'
    """
    lo, hi = result.intervals[k]
    w = result.weights[k]
    crit = _name(k, criteria, "criterion")
    if result.kind == "winner":
        who = " and ".join(_name(i, vendors, "vendor") for i in result.incumbents)
        subject = f"{who} {'stays' if len(result.incumbents) == 1 else 'stay'} on top"
    else:
        subject = "The ranking stays the same"
    if lo <= 0 and hi >= 1:
        return f"{subject} whatever the weight of {crit} (other weights rescaled)."
    if lo == hi:
        return (f"{subject} only at the current weight of {crit} "
                f"({percent_pair(w, w, digits)[0]}): vendors tied now separate with any change.")
    a, b = percent_pair(lo, hi, digits)
    now = f"{100 * w:.{digits}f} %"
    return f"{subject} while {crit} is between {a} and {b} (now {now}; other weights rescaled)."


def flip_sentences(matrix, weights, types, method: str = "topsis", normalization=None, *,
                   limit: int = 3, bounds=None, vendors=None, criteria=None) -> list[str]:
    """Up to ``limit`` sentences on the smallest single-weight changes that dethrone the winner.

    Ordered as :func:`mcda.sensitivity.most_critical` (Triantaphyllou & Sanchez's
    relative change), one sentence per criterion; a criterion with weight 0
    (an infinite relative change) is left out.

    >>> flip_sentences([[0.5, 0.2, 0.3], [0.3, 0.5, 0.3], [0.2, 0.3, 0.4]], [0.5, 0.3, 0.2],
    ...                [1, 1, 1], "wsm", "none", vendors=["A1", "A2", "A3"],
    ...                criteria=["C1", "C2", "C3"], limit=2)
    ['A2 overtakes A1 if C1 falls from 50.0 % to 47.4 % (other weights rescaled).', \
'A2 overtakes A1 if C2 rises from 30.0 % to 32.3 % (other weights rescaled).']
    """
    out, seen = [], set()
    for c in critical_changes(matrix, weights, types, method, normalization, scope="top",
                              bounds=bounds, vendors=vendors, criteria=criteria):
        if c.criterion in seen or not np.isfinite(c.delta_relative):
            continue
        seen.add(c.criterion)
        out.append(change_sentence(c, vendors, criteria))
        if len(out) >= limit:
            break
    return out
