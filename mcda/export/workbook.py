"""Every input and result of an evaluation in one Excel workbook (openpyxl).

One sheet per topic (names in :data:`SHEETS`), headers in Chinese and
English, numbers written as numbers (full precision, formatted for display):

* ``summary``: title, metadata, settings, committee, winners, warnings;
* ``criteria``: the tree (level, id, zh / en names, parent, direction, scale,
  local and global weights);
* ``judgments``: per node, a committee row (CR, consensus), a row per member
  (CR, judged pairs) and a row per judgment (pair and value) or direct weight;
* ``scores``: the committee's decision matrix, then its coverage;
* ``member_scores``: each member's scores, one block per member;
* ``rankings``: every method side by side (score and rank), the agreement
  between methods;
* ``sensitivity``: only when a sensitivity dict is given (format in
  :func:`mcda.export.report.check_sensitivity`).

Text from the scenario is always written as text: a name starting with ``=``
does not become a formula.
"""
from __future__ import annotations

import io
import math

import numpy as np

from mcda.export.report import check_sensitivity, fraction
from mcda.export.templates import safe_cell

__all__ = ["SHEETS", "export_workbook"]

SHEETS = {
    "summary": "概要 Summary",
    "criteria": "指标与权重 Criteria & weights",
    "judgments": "判断与一致性 Judgments & consistency",
    "scores": "决策矩阵 Scores",
    "member_scores": "成员评分 Member scores",
    "rankings": "排序 Rankings",
    "sensitivity": "敏感性 Sensitivity",
}
_PCT, _NUM = "0.00%", "0.0000"


class _Sheet:
    """Append rows to a worksheet: text stays text, headers bold, a number format per row."""

    def __init__(self, wb, key: str):
        self.ws = wb.create_sheet(SHEETS[key])
        self.row = 0

    def put(self, values, *, bold=False, fmt=None, title=False, indent: int = 0):
        from openpyxl.styles import Alignment, Font, PatternFill

        self.row += 1
        for c, v in enumerate(values, start=1):
            if isinstance(v, (np.floating, np.integer)):
                v = v.item()
            if isinstance(v, str):
                v = safe_cell(v)  # a spreadsheet never runs text as a formula, even after a CSV round trip
            cell = self.ws.cell(self.row, c, v)
            if isinstance(v, str):
                cell.data_type = "s"
            if bold or title:
                cell.font = Font(bold=True, size=12 if title else 11)
            if bold:
                cell.fill = PatternFill("solid", fgColor="DDEBF7")
            if fmt and isinstance(v, float):
                cell.number_format = fmt
            if indent and c == 3:
                cell.alignment = Alignment(indent=indent)
        return self.row

    def blank(self):
        self.row += 1

    def widths(self, *widths):
        from openpyxl.utils import get_column_letter

        for j, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(j)].width = w


def _both(text) -> str:
    return " / ".join(t for t in (text.zh, text.en) if t)


def _names(scenario):
    names = {n.id: n.name for n, _, _ in scenario.criteria.walk()}
    names.update({v.id: v.name for v in scenario.vendors})
    return names


def _summary(wb, e) -> None:
    s, meta = e.scenario, e.scenario.metadata
    sh = _Sheet(wb, "summary")
    sh.widths(28, 60, 30, 16, 12)
    sh.put([meta.title or "(untitled)"], title=True)
    for label, value in (("作者 Author", meta.author), ("创建 Created", str(meta.created or "")),
                         ("更新 Updated", str(meta.updated or "")), ("备注 Notes", meta.notes)):
        sh.put([label, value])
    sh.blank()
    sh.put(["设置 Setting", "值 Value"], bold=True)
    st = s.settings
    for key in ("priority_method", "completion", "ri_table", "cr_threshold", "aggregation", "score_aggregation",
                "missing_scores", "tie_tolerance"):
        sh.put([key, getattr(st, key)])
    sh.put(["ranking_methods", ", ".join(e.methods)])
    sh.blank()
    sh.put(["成员 Member", "姓名 Name", "角色 Role", "投票权重 Voting weight", "占比 Share"], bold=True)
    total = sum(m.weight for m in s.members) or 1.0
    for m in s.members:
        sh.put([m.id, m.name, m.role, m.weight, m.weight / total], fmt=_PCT)
    sh.blank()
    sh.put(["方法 Method", "第一名 Winner"], bold=True)
    for name, winners in e.winners().items():
        sh.put([name, ", ".join(winners)])
    sh.blank()
    sh.put(["提示 Warnings"], bold=True)
    for note in e.notes:
        sh.put([note.text("zh", e.names("zh")), note.text("en", e.names("en"))])
    if not e.notes:
        sh.put(["(无)", "(none)"])


def _criteria(wb, e) -> None:
    s, w = e.scenario, e.weights
    glob = dict(zip(e.problem.leaves, e.global_weights.tolist(), strict=True))
    sh = _Sheet(wb, "criteria")
    sh.widths(8, 40, 28, 40, 18, 10, 14, 14, 14)
    sh.put(["层级 Level", "编号 ID", "名称(中文) Name (zh)", "名称(英文) Name (en)", "上级 Parent", "方向 Direction",
            "量表 Scale", "局部权重 Local weight", "全局权重 Global weight"], bold=True)
    for node, parent, depth in s.criteria.walk():
        local = 1.0 if parent is None else w.local.get(parent.id, {}).get(node.id, 1.0)
        g = sum(glob[leaf.id] for leaf in node.leaves())
        sh.put([depth, node.id, node.name.zh, node.name.en, "" if parent is None else parent.id,
                node.direction or "", node.scale or "", float(local), float(g)], fmt=_PCT, indent=depth)


def _judgments(wb, e) -> None:
    s, w = e.scenario, e.weights
    names = _names(s)
    sh = _Sheet(wb, "judgments")
    sh.widths(22, 20, 16, 12, 30, 30, 10, 10, 10, 12, 12, 12, 40)
    sh.put(["节点 Node", "节点名称 Node name", "类型 Row", "成员 Member", "a", "b", "判断 Judgment", "数值 Value",
            "CR", "可接受 Acceptable", "共识 Consensus S*", "共识等级 Band", "说明 Note"], bold=True)
    for nid, r in w.nodes.items():
        name = _both(names[nid])
        c, cons = r.consistency, r.consensus
        sh.put([nid, name, "committee 委员会", "", "", "", "", None, None if c is None else float(c.cr),
                "" if c is None else ("yes 是" if c.acceptable else "NO 否"),
                None if cons is None else float(cons.s_star), "" if cons is None else cons.band,
                f"{r.source}; {r.aggregation}" + (f"; {r.note}" if r.note else "")], fmt=_NUM)
        for m in r.members:
            mc = m.consistency
            sh.put([nid, name, "member 成员", m.member, "", "", "", None, None if mc is None else float(mc.cr),
                    "" if mc is None else ("yes 是" if mc.acceptable else "NO 否"), None, "",
                    f"{m.kind}; {m.given}/{m.total}" + (f"; {m.error}" if m.error else "")], fmt=_NUM)
            mj = s.judgments.get(m.member)
            if m.kind == "direct":
                for child, value in mj.direct[nid].items():
                    sh.put([nid, name, "direct 直接权重", m.member, child, "", f"{value:g}", float(value)])
            else:
                for p in mj.nodes.get(nid, []):
                    sh.put([nid, name, "pair 两两比较", m.member, p.a, p.b, fraction(p.value), float(p.value)])


def _matrix_block(sh, title: str, vendors, leaves, names, values, fmt) -> None:
    sh.put([title], title=True)
    sh.put(["vendor", "vendor_zh", "vendor_en", *leaves], bold=True)
    sh.put(["#name_zh", "", "", *(names[c].zh for c in leaves)])
    sh.put(["#name_en", "", "", *(names[c].en for c in leaves)])
    for i, v in enumerate(vendors):
        row = (None if x is None or math.isnan(x) else float(x) for x in values[i])
        sh.put([v, names[v].zh, names[v].en, *row], fmt=fmt)
    sh.blank()


def _scores(wb, e) -> None:
    s, p = e.scenario, e.problem
    names = _names(s)
    sh = _Sheet(wb, "scores")
    sh.widths(14, 16, 28)
    _matrix_block(sh, "决策矩阵(委员会汇总) Decision matrix (committee aggregate)", p.vendors, p.leaves, names,
                  np.asarray(p.matrix).tolist(), "0.00")
    _matrix_block(sh, "覆盖率(评分成员投票权重占比) Coverage (share of voting weight that scored the cell)",
                  p.vendors, p.leaves, names, np.asarray(p.aggregated.coverage).tolist(), "0%")
    imputed = np.argwhere(np.asarray(p.aggregated.imputed))
    if imputed.size:
        sh.put(["插补的单元格 Imputed cells (criterion median)"], bold=True)
        for i, j in imputed:
            sh.put([p.vendors[i], p.leaves[j]])
    ms = _Sheet(wb, "member_scores")
    ms.widths(14, 16, 28)
    for k, mid in enumerate(p.members):
        member = next(m for m in s.members if m.id == mid)
        _matrix_block(ms, f"成员 Member: {mid} ({member.name})", p.vendors, p.leaves, names,
                      np.asarray(p.raw[k]).tolist(), "0.##")


def _rankings(wb, e) -> None:
    names = _names(e.scenario)
    sh = _Sheet(wb, "rankings")
    sh.widths(14, 16, 28, *([16, 12] * len(e.methods)))
    sh.put(["", "", "", *(x for m in e.methods.values() for x in (f"{m.label_zh} / {m.label_en}", ""))], bold=True)
    sh.put(["vendor", "vendor_zh", "vendor_en", *(x for k in e.methods for x in (f"{k} 得分 score", f"{k} 排名 rank"))],
           bold=True)
    first = next(iter(e.methods.values()))
    for i in first.order():
        v = e.vendors[i]
        sh.put([v, names[v].zh, names[v].en,
                *(x for m in e.methods.values() for x in (float(m.scores[i]), int(m.ranks[i])))], fmt=_NUM)
    sh.blank()
    sh.put(["归一化 Normalisation", "", "", *(x for m in e.methods.values() for x in (m.normalization, ""))])
    sh.put(["越高越好 Higher is better", "", "", *(x for m in e.methods.values()
                                                   for x in ("yes 是" if m.higher_is_better else "no 否", ""))])
    if e.agreement is not None:
        a = e.agreement
        sh.blank()
        sh.put(["方法间一致性(Spearman) Agreement between methods (Spearman)"], title=True)
        sh.put(["", *a.names], bold=True)
        for name, row in zip(a.names, np.asarray(a.spearman).tolist(), strict=True):
            sh.put([name, *map(float, row)], fmt="0.000")


def _sensitivity(wb, e, sens: dict) -> None:
    names = _names(e.scenario)
    sh = _Sheet(wb, "sensitivity")
    sh.widths(26, 24, 12, 12, 12, 16, 16, 60)
    sh.put([f"敏感性分析 Sensitivity ({sens.get('method', '')})"], title=True)
    for note in sens.get("notes", []):
        sh.put([note])
    if sens.get("stability"):
        sh.blank()
        sh.put(["权重稳定区间 Weight stability"], title=True)
        sh.put(["节点 Node", "名称 Name", "当前 Current", "下限 Low", "上限 High", "低于下限时第一 Winner below",
                "高于上限时第一 Winner above", "说明 Sentence"], bold=True)
        for r in sens["stability"]:
            nm = r.get("name") or (names[r["node"]].get("zh") if r["node"] in names else "")
            sh.put([r["node"], nm, r.get("current"), r.get("low"), r.get("high"), r.get("winner_low") or "",
                    r.get("winner_high") or "", r.get("sentence", "")], fmt=_PCT)
    acc = sens.get("acceptability")
    if acc:
        sh.blank()
        sh.put(["排名可接受度 Rank acceptability (SMAA)"
                + (f", {acc['samples']} samples" if acc.get("samples") else "")], title=True)
        k = len(acc["matrix"][0]) if acc["matrix"] else 0
        sh.put(["vendor", *(f"排名 rank {r + 1}" for r in range(k))], bold=True)
        for v, row in zip(acc["vendors"], acc["matrix"], strict=True):
            sh.put([v, *map(float, row)], fmt="0.0%")
    if sens.get("tornado"):
        sh.blank()
        sh.put(["龙卷风图 Tornado"], title=True)
        sh.put(["指标 Criterion", "名称 Name", "低权重 Low weight", "高权重 High weight",
                "低 Low", "高 High", "基准 Base"], bold=True)
        for r in sens["tornado"]:
            nm = r.get("name") or (names[r["criterion"]].get("zh") if r["criterion"] in names else "")
            sh.put([r["criterion"], nm, r.get("low_weight"), r.get("high_weight"), r.get("low"), r.get("high"),
                    r.get("base")], fmt=_NUM)


def export_workbook(evaluation, sensitivity: dict | None = None) -> bytes:
    """The evaluation as .xlsx bytes (sheets in :data:`SHEETS`).

    Parameters
    ----------
    evaluation : mcda.engine.evaluation.Evaluation
    sensitivity : dict, optional
        Adds the ``sensitivity`` sheet; format in :func:`mcda.export.report.check_sensitivity`.

    Returns
    -------
    bytes
    """
    from openpyxl import Workbook

    sens = check_sensitivity(sensitivity, evaluation)
    wb = Workbook()
    wb.remove(wb.active)
    _summary(wb, evaluation)
    _criteria(wb, evaluation)
    _judgments(wb, evaluation)
    _scores(wb, evaluation)
    _rankings(wb, evaluation)
    if sens:
        _sensitivity(wb, evaluation, sens)
    for key in ("criteria", "judgments"):
        wb[SHEETS[key]].freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
