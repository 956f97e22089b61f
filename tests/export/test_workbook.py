"""mcda.export.workbook: the Excel export holds every input and result, matching the evaluation."""
from __future__ import annotations

import io

import numpy as np
import openpyxl
import pytest
from numpy.testing import assert_allclose

import mcda
from mcda.errors import MCDAError
from mcda.export.workbook import SHEETS, export_workbook
from mcda.scenario.io import parse_scenario


@pytest.fixture(scope="module")
def evaluation():
    return mcda.evaluate(mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False))


SENSITIVITY = {
    "method": "topsis",
    "stability": [{"node": "quality", "current": 0.08, "low": 0.01, "high": 0.2, "winner_low": "yunsuan",
                   "winner_high": None, "sentence": "huaxin stays on top while ..."}],
    "acceptability": {"vendors": ["huaxin", "yunsuan"], "matrix": [[0.7, 0.3], [0.3, 0.7]], "samples": 1000},
    "tornado": [{"criterion": "cost", "low_weight": 0.05, "high_weight": 0.08,
                 "low": 0.01, "high": 0.03, "base": 0.02}],
}


@pytest.fixture(scope="module")
def book(evaluation):
    return openpyxl.load_workbook(io.BytesIO(export_workbook(evaluation, SENSITIVITY)))


def table(ws, header_row: int = 1) -> list[dict]:
    head = [c.value for c in ws[header_row]]
    return [dict(zip(head, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=header_row + 1)]


def test_the_workbook_has_a_sheet_per_topic(evaluation, book):
    assert book.sheetnames == list(SHEETS.values())
    without = openpyxl.load_workbook(io.BytesIO(export_workbook(evaluation)))
    assert SHEETS["sensitivity"] not in without.sheetnames


def test_criteria_sheet_holds_the_tree_and_its_weights(evaluation, book):
    rows = table(book[SHEETS["criteria"]])
    by_id = {r["编号 ID"]: r for r in rows}
    assert len(rows) == 1 + 19 + 115
    glob = dict(zip(evaluation.problem.leaves, evaluation.global_weights, strict=True))
    for leaf, w in glob.items():
        assert by_id[leaf]["全局权重 Global weight"] == pytest.approx(w, rel=1e-15)
    for dim, w in evaluation.dimension_weights().items():
        assert by_id[dim]["全局权重 Global weight"] == pytest.approx(w, rel=1e-12)
        assert by_id[dim]["局部权重 Local weight"] == pytest.approx(evaluation.weights.local["goal"][dim], rel=1e-15)
    assert by_id["goal"]["全局权重 Global weight"] == pytest.approx(1.0)
    assert by_id["quality"]["名称(中文) Name (zh)"] == "服务质量" and by_id["quality"]["上级 Parent"] == "goal"
    assert by_id["cost.annual_fee"]["方向 Direction"] == "cost"


def test_judgments_sheet_has_pairs_and_consistency(evaluation, book):
    rows = table(book[SHEETS["judgments"]])
    committee = {r["节点 Node"]: r for r in rows if r["类型 Row"] == "committee 委员会"}
    for nid, node in evaluation.weights.nodes.items():
        if node.consistency is not None:
            assert committee[nid]["CR"] == pytest.approx(node.consistency.cr, rel=1e-12)
        if node.consensus is not None:
            assert committee[nid]["共识 Consensus S*"] == pytest.approx(node.consensus.s_star, rel=1e-12)
    cfo_quality = next(r for r in rows if r["类型 Row"] == "member 成员" and r["成员 Member"] == "cfo"
                       and r["节点 Node"] == "quality")
    assert cfo_quality["可接受 Acceptable"] == "NO 否" and cfo_quality["CR"] > 0.1
    pair = next(r for r in rows if r["类型 Row"] == "pair 两两比较" and r["成员 Member"] == "cfo"
                and r["a"] == "quality.expertise" and r["b"] == "quality.service_attitude")
    assert pair["判断 Judgment"] == "1/7" and pair["数值 Value"] == pytest.approx(1 / 7)
    direct = [r for r in rows if r["类型 Row"] == "direct 直接权重" and r["成员 Member"] == "it_sec"]
    security = next(c for c in evaluation.scenario.criteria.children if c.id == "security")
    assert {r["a"] for r in direct} == {c.id for c in security.children}
    n_pairs = sum(len(ps) for mj in evaluation.scenario.judgments.values() for ps in mj.nodes.values())
    assert sum(r["类型 Row"] == "pair 两两比较" for r in rows) == n_pairs


def test_scores_sheet_has_the_decision_matrix_coverage_and_member_scores(evaluation, book):
    p = evaluation.problem
    ws = book[SHEETS["scores"]]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert cells[1][3:] == list(p.leaves)
    assert_allclose(np.array([r[3:] for r in cells[4:4 + len(p.vendors)]], dtype=float), p.matrix, rtol=1e-15)
    start = next(i for i, r in enumerate(cells) if str(r[0]).startswith("覆盖率"))
    coverage = np.array([r[3:] for r in cells[start + 4:start + 4 + len(p.vendors)]], dtype=float)
    assert_allclose(coverage, p.aggregated.coverage, rtol=1e-15)
    ms = [[c.value for c in row] for row in book[SHEETS["member_scores"]].iter_rows()]
    it_sec = next(i for i, r in enumerate(ms) if str(r[0]).startswith("成员 Member: it_sec"))
    block = np.array([[np.nan if x is None else x for x in r[3:]] for r in ms[it_sec + 4:it_sec + 4 + len(p.vendors)]],
                     dtype=float)
    assert_allclose(block, p.raw[p.members.index("it_sec")], rtol=1e-15)  # NaN where not scored


def test_rankings_sheet_has_every_method_side_by_side(evaluation, book):
    rows = table(book[SHEETS["rankings"]], header_row=2)[:len(evaluation.vendors)]
    for name, m in evaluation.methods.items():
        for row in rows:
            i = evaluation.vendors.index(row["vendor"])
            assert row[f"{name} 得分 score"] == pytest.approx(m.scores[i], rel=1e-15)
            assert row[f"{name} 排名 rank"] == m.ranks[i]
    labels = [c.value for c in book[SHEETS["rankings"]][1]]
    assert "TOPSIS（逼近理想解排序法） / TOPSIS (closeness to the ideal)" in labels
    assert rows[0]["vendor"] == evaluation.winners()[next(iter(evaluation.methods))][0]


def test_summary_and_sensitivity_sheets(evaluation, book):
    summary = [[c.value for c in row] for row in book[SHEETS["summary"]].iter_rows()]
    flat = [x for r in summary for x in r if x is not None]
    assert evaluation.scenario.metadata.title in flat and "王敏 (Wang Min)" in flat
    assert any(str(x).startswith("inconsistent judgments at Service quality") for x in flat)
    assert any("服务质量" in str(x) and "不一致" in str(x) for x in flat)
    sens = [[c.value for c in row] for row in book[SHEETS["sensitivity"]].iter_rows()]
    flat = [x for r in sens for x in r if x is not None]
    assert "quality" in flat and "huaxin stays on top while ..." in flat and 0.7 in flat and "cost" in flat


def test_text_that_looks_like_a_formula_stays_text():
    data = mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False).model_dump(mode="json")
    data["vendors"][0]["name"]["zh"] = "=1+2"
    data["members"][0]["name"] = "@SUM(A1)"
    e = mcda.evaluate(parse_scenario(data), agreement=False)
    wb = openpyxl.load_workbook(io.BytesIO(export_workbook(e)))
    found = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value in ("'=1+2", "'@SUM(A1)")]
    assert found and all(c.data_type == "s" for c in found)  # neutralised (OWASP) and stored as text
    raw = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in raw)


def test_a_malformed_sensitivity_dict_is_a_clear_error(evaluation):
    with pytest.raises(MCDAError, match="unknown key"):
        export_workbook(evaluation, {"stabilty": []})
    with pytest.raises(MCDAError, match=r"acceptability.*one row per vendor"):
        export_workbook(evaluation, {"acceptability": {"vendors": ["a"], "matrix": [[1.0], [0.0]]}})
    with pytest.raises(MCDAError, match=r"tornado\[0\].low: expected a finite number"):
        export_workbook(evaluation, {"tornado": [{"criterion": "cost", "low": "big"}]})
