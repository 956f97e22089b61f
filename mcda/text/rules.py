"""Tender rules (:mod:`mcda.engine.gates`, :mod:`mcda.engine.ratings`, :mod:`mcda.engine.tender_scoring`,
:mod:`mcda.scenario.procurement`): errors, notes and linter warnings."""
from __future__ import annotations

__all__ = ["ENTRIES"]

ENTRIES: dict[str, tuple[str, str]] = {
    # errors (located problems in a file, and engine errors)
    "err.rules.gate_not_leaf": (
        "「{a}」是资格门槛（gate）：门槛必须是末级指标，且不能是目标本身",
        "{a!r} is a gate: a gate must be a leaf criterion, not the goal",
    ),
    "err.rules.price_leaf": (
        "价格指标「{a}」必须是末级指标，采用数值型量表、方向为 cost（成本型），且不能是资格门槛",
        "the price criterion {a!r} must be a leaf with a numeric scale and the cost direction, not a gate",
    ),
    "err.rules.points_without_price": (
        "「{a}」设置了 price_points，但它不是价格指标：请同时设置 price: true，或删去 price_points",
        "{a!r} has price_points but is not a price criterion: set price: true as well, or remove price_points",
    ),
    "err.rules.only_gates": (
        "目标下只有资格门槛：至少需要一个参与评分的指标",
        "the goal has only gates below it: at least one scored criterion is needed",
    ),
    "err.rules.price_unknown": (
        "settings.price_criterion 指向不存在的指标「{a}」",
        "settings.price_criterion names an unknown criterion {a!r}",
    ),
    "err.rules.gate_judged": (
        "「{a}」是资格门槛（或只含门槛）：门槛只判定通过/不通过，没有权重，不参与两两比较或直接赋权",
        "{a!r} is a gate (or holds only gates): gates are pass/fail, carry no weight and are neither compared "
        "pairwise nor given direct weights",
    ),
    "err.rules.gate_score": (
        "资格门槛「{a}」的评分只能是 1（通过）或 0（不通过），实际为 {value}",
        "the gate {a!r} is scored 1 (pass) or 0 (fail); found {value}",
    ),
    "err.rules.price_bids": (
        "价格指标「{criterion}」按低价优先法计分，每个投标报价都必须大于 0；以下服务商没有有效报价：{vendors}",
        "the price criterion {criterion!r} is scored by the low-price-priority formula, so every bid must be > 0; "
        "no valid bid from: {vendors}",
    ),
    "err.rules.all_excluded": (
        "所有服务商都未通过资格门槛（规则 {rule}），没有可排序的服务商：{detail}",
        "every vendor fails a qualification gate (rule {rule}), so there is nothing to rank: {detail}",
    ),
    # notes on an evaluation (mcda.engine.notes: key "note." + code)
    "note.rules.trimmed_fallback": (
        "{cells} / {total} 个评分单元少于 {minimum} 位成员评分：未去掉最高分和最低分，改用（按成员权重的）平均分",
        "{cells} of {total} score cells were scored by fewer than {minimum} members: no highest or lowest score "
        "was dropped there; they use the (member-weighted) mean",
    ),
    "note.rules.price_band": (
        "价格指标「{node}」的全局权重为 {weight}，超出政府采购服务类项目的价格分值占比范围（{low}–{high}）",
        "the price criterion {node}'s global weight is {weight}, outside the government-procurement band for "
        "services ({low}-{high})",
    ),
    # linter warnings
    "rules.lint.intensities_order": (
        "评分量表「{a}」的强度没有随等级递增（{table}）：较高的等级应当价值更高",
        "the intensities of rating scale {a!r} do not rise with the level ({table}): a higher level should be "
        "worth more",
    ),
    "rules.lint.committee_size": (
        "政府采购评标委员会应为 5 人以上的单数，当前为 {n} 人",
        "a government-procurement evaluation committee has five or more members and an odd number; found {n}",
    ),
    "rules.lint.price_as_scale": (
        "政府采购规则下价格分应采用低价优先法，但 settings.price_scoring 为 scale",
        "government procurement scores price by the low-price-priority formula, but settings.price_scoring is "
        "scale",
    ),
    "rules.lint.no_price": (
        "政府采购规则下需要价格指标：请在报价指标上设置 price: true，或设置 settings.price_criterion",
        "government procurement needs a price criterion: set price: true on the bid criterion, or "
        "settings.price_criterion",
    ),
    "rules.lint.trim_few": (
        "评分汇总为 trimmed_mean，但委员会只有 {n} 人（少于 {minimum} 人）：不会去掉最高分和最低分，等同于平均分",
        "score aggregation is trimmed_mean but the committee has {n} members (fewer than {minimum}): nothing is "
        "dropped, it is the mean",
    ),
    "rules.lint.gate_unchecked": (
        "没有人检查服务商「{a}」的资格门槛：{gates}（未检查的门槛不会排除该服务商）",
        "nobody has checked vendor {a!r} against the gates {gates} (an unchecked gate excludes nobody)",
    ),
}
