"""Notes on a result (:class:`mcda.engine.notes.Note`), by code."""
from __future__ import annotations

__all__ = ["ENTRIES"]

ENTRIES: dict[str, tuple[str, str]] = {
    "note.inconsistent": (
        "{who}在「{node}」的判断不一致:CR {cr:.3f} > {threshold:g}(可查看两两比较页的修正建议)",
        "inconsistent judgments at {node} by {who}: CR {cr:.3f} > {threshold:g} (see the repair hints on the Judgments page)",
    ),
    "note.equal_weights": (
        "没有人对「{node}」的下级指标做判断:采用等权重",
        "nobody judged the sub-criteria of {node}: equal weights used",
    ),
    "note.member_left_out_aij": (
        "{member}在「{node}」的判断无法单独得出权重({error});这些判断仍按对逐一计入委员会矩阵",
        "member {member}'s judgments at {node} cannot give weights on their own ({error}); "
        "their judgments still count pair by pair in the committee matrix",
    ),
    "note.member_left_out": (
        "{member}在「{node}」的判断无法单独得出权重({error});该成员在此节点未计入委员会权重",
        "member {member}'s judgments at {node} cannot give weights on their own ({error}); "
        "they were left out of the committee's weights at this node",
    ),
    "note.direct_fallback": (
        "「{node}」:{members} 的直接权重含 0(或比值超过 1:1,000,000),无法表示为判断,改用 AIP(算术平均)汇总",
        "{node}: direct weights of {members} contain a zero (or ratios beyond 1:1,000,000), which no judgment "
        "can express: aggregated by AIP (arithmetic)",
    ),
    "note.methods_disagree": (
        "各方法的第一名不一致:{detail}",
        "the methods disagree on the winner: {detail}",
    ),
    "note.imputed": (
        "决策矩阵中有 {count} 个无人评分的单元格以该指标的中位数补齐",
        "{count} cell(s) of the decision matrix nobody scored were imputed (criterion median)",
    ),
    "note.who_member": ("成员 {name}", "member {name}"),
    "note.who_committee": ("委员会", "the committee"),
}
