"""One member's offline templates (judgments CSV/xlsx/JSON, scores CSV/xlsx) and their import."""
from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from mcda.committee import import_member_file, member_template
from mcda.committee.templates import judgment_rows
from mcda.errors import MCDAError, ScenarioError

from .conftest import small_scenario


@pytest.fixture(scope="module")
def scenario():
    return small_scenario()


def test_the_judgments_template_lists_every_pair_prefilled_and_names_its_member(scenario):
    rows = judgment_rows(scenario, "fin_mgr")
    assert rows[0][:2] == ["#member", "fin_mgr"]
    pairs = [r[:4] for r in rows[3:]]
    assert pairs == [["goal", "quality", "cost", "1/2"], ["quality", "quality.expertise", "quality.accuracy", "1"],
                     ["cost", "cost.fee", "cost.extra", ""]]


@pytest.mark.parametrize("kind,fmt", [("judgments", "csv"), ("judgments", "xlsx"), ("judgments", "json"),
                                      ("scores", "csv"), ("scores", "xlsx")])
def test_an_unchanged_template_imports_to_the_same_scenario(scenario, kind, fmt):
    data = member_template(scenario, "cfo", kind, fmt)
    found, imported = import_member_file(scenario, "cfo", data, f"cfo.{fmt}")
    assert found == kind and imported == scenario


def test_a_filled_csv_changes_only_that_members_judgments(scenario):
    data = member_template(scenario, "fin_mgr", "judgments", "csv").decode("utf-8-sig")
    data = data.replace("cost,cost.fee,cost.extra,,", "cost,cost.fee,cost.extra,1/7,")
    _, imported = import_member_file(scenario, "fin_mgr", data.encode(), "j.csv")
    pairs = imported.judgments["fin_mgr"].nodes["cost"]
    assert [(p.a, p.b, round(p.value, 6)) for p in pairs] == [("cost.fee", "cost.extra", round(1 / 7, 6))]
    assert imported.judgments["cfo"] == scenario.judgments["cfo"] and imported.scores == scenario.scores


def test_a_filled_workbook_changes_only_that_members_scores(scenario):
    book = load_workbook(io.BytesIO(member_template(scenario, "it_sec", "scores", "xlsx")))
    sheet = book.active
    row = next(r for r in sheet.iter_rows() if r[0].value == "dingxin")
    col = next(c.column - 1 for c in sheet[2] if c.value == "cost.fee")
    row[col].value = 123456.0
    buf = io.BytesIO()
    book.save(buf)
    _, imported = import_member_file(scenario, "it_sec", buf.getvalue(), "s.xlsx")
    assert imported.scores["it_sec"]["dingxin"]["cost.fee"] == 123456.0
    assert imported.scores["cfo"] == scenario.scores["cfo"] and imported.judgments == scenario.judgments


def test_bad_judgments_are_located_and_reported_together(scenario):
    data = member_template(scenario, "cfo", "judgments", "csv").decode("utf-8-sig")
    data = data.replace("goal,quality,cost,3,", "goal,quality,cost,12,").replace(
        "cost,cost.fee,cost.extra,5,", "cost,cost.fee,quality,5,")
    with pytest.raises(ScenarioError) as err:
        import_member_file(scenario, "cfo", data.encode(), "j.csv")
    assert [p.path for p in err.value.problems] == ["row 4, column value", "row 6"]


def test_a_json_file_of_the_wrong_shape_or_member_is_refused(scenario):
    with pytest.raises(MCDAError, match="only the keys"):
        import_member_file(scenario, "cfo", json.dumps({"member": "cfo", "scores": {}}).encode())
    with pytest.raises(MCDAError, match="does not say whose"):
        import_member_file(scenario, "cfo", json.dumps({"judgments": {"nodes": {}}}).encode())


def test_a_template_for_an_unknown_member_or_kind_is_refused(scenario):
    with pytest.raises(MCDAError, match="no member 'nobody'"):
        member_template(scenario, "nobody", "scores", "csv")
    with pytest.raises(MCDAError, match="cannot be in the format json"):
        member_template(scenario, "cfo", "scores", "json")
    with pytest.raises(MCDAError, match="cannot be read"):
        import_member_file(scenario, "cfo", b"PK\x03\x04 not a workbook")
