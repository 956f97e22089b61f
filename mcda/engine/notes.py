"""Notes on a result (inconsistent judgments, equal weights, disagreeing methods, ...), in zh and en.

The engine records each note as a code with parameters; the UI, the reports
and the CLI render it in the user's language with criterion, member and
vendor names from the scenario.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Note", "TEMPLATES"]

TEMPLATES: dict[str, tuple[str, str]] = {
    "inconsistent": (
        "{who}在「{node}」的判断不一致:CR {cr:.3f} > {threshold:g}(可查看两两比较页的修正建议)",
        "inconsistent judgments at {node} by {who}: CR {cr:.3f} > {threshold:g} (see the repair hints on the Judgments page)",
    ),
    "equal_weights": (
        "没有人对「{node}」的下级指标做判断:采用等权重",
        "nobody judged the sub-criteria of {node}: equal weights used",
    ),
    "member_left_out_aij": (
        "{member}在「{node}」的判断无法单独得出权重({error});这些判断仍按对逐一计入委员会矩阵",
        "member {member}'s judgments at {node} cannot give weights on their own ({error}); "
        "their judgments still count pair by pair in the committee matrix",
    ),
    "member_left_out": (
        "{member}在「{node}」的判断无法单独得出权重({error});该成员在此节点未计入委员会权重",
        "member {member}'s judgments at {node} cannot give weights on their own ({error}); "
        "they were left out of the committee's weights at this node",
    ),
    "direct_fallback": (
        "「{node}」:{members} 的直接权重含 0(或比值超过 1:1,000,000),无法表示为判断,改用 AIP(算术平均)汇总",
        "{node}: direct weights of {members} contain a zero (or ratios beyond 1:1,000,000), which no judgment "
        "can express: aggregated by AIP (arithmetic)",
    ),
    "methods_disagree": (
        "各方法的第一名不一致:{detail}",
        "the methods disagree on the winner: {detail}",
    ),
    "imputed": (
        "决策矩阵中有 {count} 个无人评分的单元格以该指标的中位数补齐",
        "{count} cell(s) of the decision matrix nobody scored were imputed (criterion median)",
    ),
}


@dataclass(frozen=True)
class Note:
    """One note: a code from :data:`TEMPLATES` and its parameters (ids, numbers)."""

    code: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str = "en", name: Callable[[str], str] | None = None) -> str:
        """The note in ``lang``; ``name`` maps ids (criteria, members, vendors) to display names."""
        name = name or (lambda x: x)
        zh = lang == "zh"
        p = dict(self.params)
        for key in ("node", "member"):
            if key in p:
                p[key] = name(p[key])
        if "who" in p:
            p["who"] = (f"成员 {name(p['who'])}" if zh else f"member {name(p['who'])}") if p["who"] else ("委员会" if zh else "the committee")
        if "members" in p:
            p["members"] = ", ".join(name(m) for m in p["members"])
        if "winners" in p:
            sep = ";" if zh else "; "
            p["detail"] = sep.join(f"{k}: {', '.join(name(v) for v in vs)}" for k, vs in p["winners"].items())
        return TEMPLATES[self.code][0 if zh else 1].format(**p)

    def __str__(self) -> str:
        return self.text("en")
