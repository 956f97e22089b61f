"""Adaptive questioning (``mcda ask``, :mod:`mcda.engine.adaptive`): questions, stop reasons, errors."""
from __future__ import annotations

__all__ = ["ENTRIES"]

ENTRIES: dict[str, tuple[str, str]] = {
    "ask.why": (
        ("请在「{node}」下比较「{a}」与「{b}」：在与已答判断一致的补全中，{leader} 有 {p} 排第一（停止需要 {target}），"
        "这一判断的答案对第一名是否改变的信息量最大（{bits:.3f} 比特）；按已有回答估计约为 {estimate}"),
        ("compare {a} with {b} under {node}: {leader} ranks first in {p} of the completions consistent with "
        "the answers so far ({target} needed to stop), and this answer tells most about whether that holds "
        "({bits:.3f} bits); the answers so far suggest about {estimate}"),
    ),
    "ask.done.settled": (
        "无需再提问：在与已答判断一致的补全中，{leader} 有 {p} 排第一（不低于 {target}）",
        ("no more questions needed: {leader} ranks first in {p} of the completions consistent with the answers "
        "so far (at least {target})"),
    ),
    "ask.done.member_complete": (
        "{member} 已回答全部两两比较；{leader} 在 {p} 的补全中排第一，其余不确定性来自其他成员",
        ("{member} has answered every pair; {leader} ranks first in {p} of the completions, the remaining "
        "uncertainty lies with the other members"),
    ),
    "ask.checkable": ("可检验", "checkable"),
    "ask.not_checkable": (
        "一致性暂无法检验（已答判断尚未构成回路）",
        "consistency not checkable yet (the answers contain no cycle)",
    ),
    "ask.question": ("下一个问题", "next question"),
    "ask.progress": (
        "{member}：已回答 {given} / {total} 个两两比较（全部连通至少需要 {minimum} 个）",
        "{member}: {given} of {total} pairs answered (at least {minimum} connect every node)",
    ),
    "ask.col.node": ("节点", "node"),
    "ask.col.given": ("已答", "answered"),
    "ask.col.consistency": ("一致性", "consistency"),
    "ask.col.pair": ("比较", "pair"),
    "ask.col.bits": ("信息量（比特）", "information (bits)"),
    "ask.err.member": (
        "情景中没有成员 {member}；现有成员：{known}",
        "no member {member} in the scenario; members: {known}",
    ),
    "ask.err.confidence": (
        "置信水平必须在 0.5 与 1 之间（不含 1），实际为 {found}",
        "the confidence must lie between 0.5 and 1 (1 excluded); found {found}",
    ),
    "ask.err.samples": (
        "补全样本数至少为 10，实际为 {found}",
        "at least 10 completions are needed; found {found}",
    ),
    "ask.err.method": (
        "停止规则的排序方法必须是 {known} 之一，实际为 {found}",
        "the stop rule's ranking method must be one of {known}; found {found}",
    ),
}
