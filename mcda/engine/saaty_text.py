"""A Saaty judgment in words, naming which side is more important (zh / en).

The intensity is the judgment rounded to the nearest whole number of Saaty's
1-9 scale (a judgment below 1 reads from the other side: 1/5 of "a over b" is
5 of "b over a"); the wording is the standard Chinese one (catalogue
:mod:`mcda.text.saaty`; Saaty 1980, *The Analytic Hierarchy Process*, table 1).
"""
from __future__ import annotations

import math

from mcda.errors import MCDAError
from mcda.text import text

__all__ = ["saaty_intensity", "saaty_label"]


def saaty_intensity(value: float) -> tuple[int, bool]:
    """``(k, a_wins)``: the whole intensity 1..9 of a judgment and whether ``a`` is the more important side.

    >>> saaty_intensity(5), saaty_intensity(1 / 3), saaty_intensity(1)
    ((5, True), (3, False), (1, True))
    """
    v = float(value)
    if not (math.isfinite(v) and v > 0):
        raise MCDAError(f"a Saaty judgment is a positive number (1/9..9); found {value!r}")
    a_wins = v >= 1
    k = min(9, max(1, round(v if a_wins else 1 / v)))
    return k, a_wins or k == 1


def saaty_label(value: float, a_name: str, b_name: str, lang: str = "zh") -> str:
    """The judgment "``a`` over ``b`` = ``value``" in words, more important side first.

    >>> saaty_label(5, "价格", "服务质量")
    '「价格」比「服务质量」明显重要'
    >>> saaty_label(1 / 4, "price", "quality", "en")
    'quality is more important than price, between moderate importance and strong importance'
    >>> saaty_label(2, "价格", "服务质量")
    '「价格」比「服务质量」重要，程度介于同等重要与稍微重要之间'
    >>> saaty_label(1, "价格", "服务质量")
    '「价格」与「服务质量」同等重要'
    """
    k, a_wins = saaty_intensity(value)
    first, second = (a_name, b_name) if a_wins else (b_name, a_name)
    if k == 1:
        return text("rules.saaty.equal", lang, a=first, b=second)
    if k % 2:
        return text("rules.saaty.odd", lang, a=first, b=second, degree=text(f"rules.saaty.degree.{k}", lang))
    return text("rules.saaty.between", lang, a=first, b=second, low=text(f"rules.saaty.name.{k - 1}", lang),
                high=text(f"rules.saaty.name.{k + 1}", lang))
