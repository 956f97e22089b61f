"""Standard wording of Saaty's 1-9 scale (:mod:`mcda.engine.saaty_text`), in the usual Chinese terms.

1 同等重要, 3 稍微重要, 5 明显重要, 7 强烈重要, 9 极端重要; 2, 4, 6, 8 lie between
their neighbours (介于相邻两者之间). English after Saaty (1980, table 1): equal,
moderate, strong, very strong, extreme importance.
"""
from __future__ import annotations

__all__ = ["ENTRIES"]

ENTRIES: dict[str, tuple[str, str]] = {
    "rules.saaty.equal": ("「{a}」与「{b}」同等重要", "{a} and {b} are equally important"),
    "rules.saaty.odd": ("「{a}」比「{b}」{degree}", "{a} is {degree} than {b}"),
    "rules.saaty.between": (
        "「{a}」比「{b}」重要，程度介于{low}与{high}之间",
        "{a} is more important than {b}, between {low} and {high}",
    ),
    "rules.saaty.degree.3": ("稍微重要", "moderately more important"),
    "rules.saaty.degree.5": ("明显重要", "strongly more important"),
    "rules.saaty.degree.7": ("强烈重要", "very strongly more important"),
    "rules.saaty.degree.9": ("极端重要", "extremely more important"),
    "rules.saaty.name.1": ("同等重要", "equal importance"),
    "rules.saaty.name.3": ("稍微重要", "moderate importance"),
    "rules.saaty.name.5": ("明显重要", "strong importance"),
    "rules.saaty.name.7": ("强烈重要", "very strong importance"),
    "rules.saaty.name.9": ("极端重要", "extreme importance"),
}
