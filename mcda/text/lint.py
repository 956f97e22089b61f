"""Linter warnings (:mod:`mcda.scenario.lint`): risky but valid content."""
from __future__ import annotations

__all__ = ["ENTRIES"]

ENTRIES: dict[str, tuple[str, str]] = {
    "lint.identical_siblings": ("「{a}」与同级的「{b}」完全相同(名称和下级指标都一样):请保留一个",
                           "{a!r} is identical to its sibling {b!r} (same names and sub-criteria): keep one"),
    "lint.single_child": ("「{a}」只有一个下级指标,其局部权重恒为 1:请合并或增加同级指标",
                     "{a!r} has a single sub-criterion, whose local weight is always 1; merge them or add siblings"),
    "lint.leaf_dimension": ("维度「{a}」没有下级指标:将直接评分", "dimension {a!r} has no sub-criteria: it is scored directly"),
    "lint.ignored_scale": ("「{a}」有下级指标,其方向/量表不起作用(只对末级指标评分)",
                      "{a!r} has sub-criteria, so its direction/scale is ignored (only leaves are scored)"),
    "lint.untranslated": ("{n} 个指标缺少{lang_name}名称({ids});{lang_name}界面将显示另一种语言",
                     "{n} criteria have no {lang} name ({ids}); the {lang} interface shows the other language"),
    "lint.repeated_leaf": ("下级指标「{name}」出现在 {n} 个维度中({dims}):若衡量的是同一件事,将被重复计算 {n} 次",
                      "the sub-criterion {name!r} appears in {n} dimensions ({dims}): if it measures the same thing "
                      "it is counted {n} times (double-counting risk)"),
    "lint.no_judgments": ("成员「{a}」尚未做任何判断", "member {a!r} has given no judgments"),
    "lint.unjudged_node": ("没有人对「{a}」的下级指标做判断:将采用等权重",
                      "nobody judged the sub-criteria of {a!r}: equal weights will be used"),
    "lint.unscored_vendor": ("没有人给服务商「{a}」评分", "nobody has scored vendor {a!r}"),
    "lint.single_vendor": ("只有一个服务商:无从比较排序", "a single vendor: there is nothing to rank against"),
    "lint.unbounded_numeric": ("数值型指标「{a}」没有声明上下限:'scale' 标准化将改用实际观测范围",
                          "numeric criterion {a!r} has no declared bounds: the 'scale' normalisation falls back to "
                          "the observed range"),
    "lang_name_zh": ("中文", "Chinese"),
    "lang_name_en": ("英文", "English"),
}
