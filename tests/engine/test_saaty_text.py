"""Saaty's scale in words (mcda.engine.saaty_text): the standard Chinese wording, the more important side first."""
from __future__ import annotations

import pytest

from mcda.engine.saaty_text import saaty_intensity, saaty_label
from mcda.errors import MCDAError

ZH = {1: "同等重要", 3: "稍微重要", 5: "明显重要", 7: "强烈重要", 9: "极端重要"}


@pytest.mark.parametrize("k", [3, 5, 7, 9])
def test_odd_values_use_the_standard_chinese_terms_and_name_the_winner(k):
    assert saaty_label(k, "价格", "质量") == f"「价格」比「质量」{ZH[k]}"
    assert saaty_label(1 / k, "价格", "质量") == f"「质量」比「价格」{ZH[k]}"


@pytest.mark.parametrize("k", [2, 4, 6, 8])
def test_even_values_lie_between_their_neighbours(k):
    assert saaty_label(k, "价格", "质量") == f"「价格」比「质量」重要，程度介于{ZH[k - 1]}与{ZH[k + 1]}之间"
    assert saaty_label(1 / k, "price", "quality", "en").startswith("quality is more important than price, between")


def test_equal_and_english_and_rounding():
    assert saaty_label(1, "价格", "质量") == "「价格」与「质量」同等重要"
    assert saaty_label(1, "price", "quality", "en") == "price and quality are equally important"
    assert saaty_label(7, "price", "quality", "en") == "price is very strongly more important than quality"
    assert saaty_intensity(0.111) == (9, False) and saaty_intensity(2.6) == (3, True)
    with pytest.raises(MCDAError):
        saaty_label(0, "a", "b")
