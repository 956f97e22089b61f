"""mcda.export.templates: score templates in CSV and Excel, and their import."""
from __future__ import annotations

import csv
import io

import numpy as np
import openpyxl
import pytest

import mcda
from mcda.errors import MCDAError, ScenarioError
from mcda.export.templates import import_scores, score_template, template_csv, template_rows, template_xlsx
from mcda.scenario.io import parse_scenario

HEADER_ROWS = 6  # the id row, then zh / en names, dimension, direction, scale


@pytest.fixture(scope="module")
def example():
    return mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def csv_text(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


def fresh_scores(scenario, rng):
    """Random on-scale scores with some cells left empty."""
    out = {}
    for v in scenario.vendors:
        out[v.id] = {}
        for leaf in scenario.criteria.leaves():
            lo, hi = scenario.leaf_scale(leaf).bounds
            x = float(rng.integers(lo, hi + 1)) if hi - lo < 100 else float(round(rng.uniform(lo, hi), 2))
            out[v.id][leaf.id] = None if rng.random() < 0.05 else x
    return out


def test_template_headers_name_the_criteria_their_dimension_direction_and_scale(example):
    rows = template_rows(example, "cfo")
    leaves = example.criteria.leaves()
    assert rows[0] == ["vendor", "vendor_zh", "vendor_en"] + [leaf.id for leaf in leaves]
    assert [r[0] for r in rows[1:HEADER_ROWS]] == ["#name_zh", "#name_en", "#dimension", "#direction", "#scale"]
    j = 3 + [leaf.id for leaf in leaves].index("cost.annual_fee")
    assert rows[1][j] == next(leaf for leaf in leaves if leaf.id == "cost.annual_fee").name.zh
    assert rows[3][j] == "服务成本 / Service cost"
    assert rows[4][j].startswith("cost")
    assert rows[5][j] == "元/年 / CNY per year 100000-1000000"
    assert rows[5][3] == "1-5"
    assert [r[0] for r in rows[HEADER_ROWS:]] == [v.id for v in example.vendors]
    assert rows[HEADER_ROWS][3] == example.scores["cfo"]["huaxin"][leaves[0].id]
    empty = template_rows(example, "cfo", prefill=False)
    assert all(x is None for r in empty[HEADER_ROWS:] for x in r[3:])


@pytest.mark.parametrize("member", ["cfo", "fin_mgr", "it_sec"])
def test_csv_template_round_trips_the_members_scores(example, member):
    data = score_template(example, member, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads the Chinese names as UTF-8
    back = import_scores(example, member, data, "t.csv")
    assert back.scores == example.scores


def test_a_filled_in_excel_template_gives_back_the_same_scores(example, tmp_path, rng):
    path = tmp_path / "fin_mgr.xlsx"
    path.write_bytes(template_xlsx(example, "fin_mgr", prefill=False))
    wanted = fresh_scores(example, rng)
    wb = openpyxl.load_workbook(path)
    ws = wb["scores"]
    header = [c.value for c in ws[1]]
    for r in range(HEADER_ROWS + 1, ws.max_row + 1):
        vendor = ws.cell(r, 1).value
        for j, cid in enumerate(header[3:], start=4):
            ws.cell(r, j).value = wanted[vendor][cid]
    wb.save(path)
    updated = import_scores(example, "fin_mgr", path.read_bytes(), str(path))
    assert updated.scores["fin_mgr"] == wanted
    assert updated.scores["cfo"] == example.scores["cfo"]  # the other members are untouched


def test_shuffled_columns_and_extra_name_columns_still_import(example, rng):
    rows = rows_of(template_csv(example, "cfo"))
    order = rng.permutation(len(rows[0]))
    shuffled = [[row[j] for j in order] + ["a note"] for row in rows]
    shuffled[0][-1] = "notes"
    for row in shuffled:  # and an unnamed column of the member's own remarks
        row.insert(2, "remark")
    shuffled[0][2] = ""
    back = import_scores(example, "cfo", csv_text(shuffled))
    assert back.scores["cfo"] == example.scores["cfo"]


def test_errors_name_the_row_and_column(example):
    rows = rows_of(template_csv(example, "cfo"))
    cols = rows[0]
    rows[HEADER_ROWS + 1][cols.index("quality.expertise")] = "x"  # row 8 of the file: the 2nd vendor
    rows[HEADER_ROWS][cols.index("quality.service_attitude")] = "7"        # row 7: huaxin
    rows[HEADER_ROWS + 2][cols.index("cost.annual_fee")] = "nan"
    with pytest.raises(ScenarioError) as err:
        import_scores(example, "cfo", csv_text(rows), "cfo.csv")
    assert [str(p) for p in err.value.problems] == [
        "row 7 (vendor huaxin), column quality.service_attitude: 7 is outside the scale 1..5",
        "row 8 (vendor mingzhang), column quality.expertise: 'x' is not a number",
        "row 9 (vendor yunsuan), column cost.annual_fee: 'nan' is not a finite number",
    ]
    assert str(err.value).startswith("cfo.csv: 3 problems found")


def test_unknown_vendor_or_criterion_and_missing_rows_or_columns_are_errors(example):
    rows = rows_of(template_csv(example, "cfo"))
    rows[0][4] = "quality.nonexistent"
    rows[0][5] = "quality"
    rows[HEADER_ROWS + 1][0] = "acme"
    with pytest.raises(ScenarioError) as err:
        import_scores(example, "cfo", csv_text(rows))
    got = [str(p) for p in err.value.problems]
    assert "row 1, column E: unknown criterion id 'quality.nonexistent'" in got
    assert "row 1, column F: 'quality' is not a leaf criterion: scores go on leaf criteria" in got
    assert any(p.startswith("row 1: no column for criterion(s) responsiveness.channels, "
                            "responsiveness.resolution_efficiency")
               for p in got)
    assert ("row 8, column vendor: unknown vendor id 'acme' "
            "(vendors: huaxin, mingzhang, yunsuan, chengtai, yuanfan)") in got
    assert "no row for vendor(s) mingzhang; keep every vendor's row" in got


def test_repeated_vendor_or_column_and_no_header_are_errors(example):
    rows = rows_of(template_csv(example, "cfo"))
    dup = [row + [row[3]] for row in rows] + [rows[HEADER_ROWS] + [rows[HEADER_ROWS][3]]]
    with pytest.raises(ScenarioError) as err:
        import_scores(example, "cfo", csv_text(dup))
    got = [str(p) for p in err.value.problems]
    assert got[0].startswith("row 1, column ") and "has a second column (also column D)" in got[0]
    assert got[1] == "row 12: vendor 'huaxin' appears twice (also row 7)"
    with pytest.raises(ScenarioError, match="no header row with a 'vendor' column"):
        import_scores(example, "cfo", "a,b\n1,2\n")


def test_empty_cells_are_missing_scores_and_numbers_may_use_thousands_separators(example):
    rows = rows_of(template_csv(example, "cfo", prefill=False))
    j = rows[0].index("cost.annual_fee")
    rows[HEADER_ROWS][j] = "1,200,000"  # over the scale's 1e6: an error, read as a number
    rows[HEADER_ROWS + 1][j] = "350,000"
    with pytest.raises(ScenarioError, match="1.2e\\+06 is outside the scale 100000..1e\\+06"):
        import_scores(example, "cfo", csv_text(rows))
    rows[HEADER_ROWS][j] = ""
    back = import_scores(example, "cfo", csv_text(rows))
    assert back.scores["cfo"]["mingzhang"]["cost.annual_fee"] == 350000
    assert back.scores["cfo"]["huaxin"]["cost.annual_fee"] is None
    assert sum(x is not None for cells in back.scores["cfo"].values() for x in cells.values()) == 1


def test_gb18030_csv_from_chinese_excel_is_read(example):
    text = template_csv(example, "it_sec")
    back = import_scores(example, "it_sec", text.encode("gb18030"))
    assert back.scores["it_sec"] == example.scores["it_sec"]


def test_unknown_member_and_bad_xlsx(example):
    with pytest.raises(MCDAError, match="unknown member id 'bob'"):
        template_csv(example, "bob")
    with pytest.raises(MCDAError, match="unknown member id 'bob'"):
        import_scores(example, "bob", "vendor\n")
    with pytest.raises(MCDAError, match="not a readable .xlsx"):
        import_scores(example, "cfo", b"PK\x03\x04broken")
    with pytest.raises(MCDAError, match="'csv' or 'xlsx'"):
        score_template(example, "cfo", "ods")


def test_formula_like_names_stay_text(example):
    hostile = "=HYPERLINK(\"http://evil\",\"x\")"
    data = example.model_dump(mode="json")
    data["vendors"][0]["name"]["zh"] = hostile
    scenario = parse_scenario(data)
    assert f"'{hostile}" in rows_of(template_csv(scenario, "cfo"))[HEADER_ROWS][1]
    ws = openpyxl.load_workbook(io.BytesIO(template_xlsx(scenario, "cfo")))["scores"]
    cell = ws.cell(HEADER_ROWS + 1, 2)
    assert cell.value == hostile and cell.data_type == "s"
    back = import_scores(scenario, "cfo", template_xlsx(scenario, "cfo"))
    assert back.scores == scenario.scores


def test_the_xlsx_template_checks_input_against_each_scale(example):
    ws = openpyxl.load_workbook(io.BytesIO(template_xlsx(example, "cfo")))["scores"]
    rules = {(dv.formula1, dv.formula2) for dv in ws.data_validations.dataValidation}
    assert ("1", "5") in rules and ("100000", "1000000") in rules
    assert ws.freeze_panes == "D7"
    assert np.isclose(ws.cell(HEADER_ROWS + 1, 4).value,
                      example.scores["cfo"]["huaxin"]["responsiveness.response_time"])


def test_a_truncated_csv_row_is_an_error_not_silently_missing_scores(example):
    rows = rows_of(template_csv(example, "cfo"))
    first = HEADER_ROWS
    rows[first] = rows[first][:10]
    with pytest.raises(ScenarioError, match=f"row {first + 1}: the row ends after 10 cells"):
        import_scores(example, "cfo", csv_text(rows))


def test_a_formula_without_a_saved_result_is_an_error(example):
    wb = openpyxl.load_workbook(io.BytesIO(template_xlsx(example, "cfo")))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    ws.cell(row=HEADER_ROWS + 1, column=header.index("quality.expertise") + 1).value = "=2+2"
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(ScenarioError, match="has no saved result"):
        import_scores(example, "cfo", buf.getvalue())


@pytest.mark.parametrize("data", [b"\x00\x01garbage\x00" * 50, "vendor,a\n1,2\n".encode("utf-16")],
                         ids=["binary", "utf16"])
def test_binary_or_odd_csv_is_a_clean_error(example, data):
    with pytest.raises(MCDAError):
        import_scores(example, "cfo", data)


def test_a_far_away_cell_in_xlsx_does_not_exhaust_memory(example):
    wb = openpyxl.load_workbook(io.BytesIO(template_xlsx(example, "cfo")))
    wb.worksheets[0]["XFD1048576"] = 1
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(MCDAError, match="too large"):
        import_scores(example, "cfo", buf.getvalue())
