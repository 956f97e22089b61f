"""The import / export / diff commands of the mcda command line (real files, no mocks)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

import mcda
from mcda.cli import main
from mcda.scenario.io import dumps, parse_scenario

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "scenarios" / "example_tender.json")


@pytest.fixture(scope="module")
def example():
    return mcda.load_scenario(EXAMPLE, lint=False)


@pytest.fixture
def scenario_file(tmp_path, example) -> Path:
    path = tmp_path / "tender.json"
    path.write_text(dumps(example), encoding="utf-8")
    return path


def test_template_scores_csv_to_stdout_and_xlsx_to_a_file(tmp_path, capsys, example):
    assert main(["template-scores", EXAMPLE, "--member", "cfo"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][0] == "vendor" and rows[6][0] == "huaxin"
    out = tmp_path / "cfo.xlsx"
    assert main(["template-scores", EXAMPLE, "--member", "cfo", "-o", str(out)]) == 0  # format from the suffix
    assert "wrote" in capsys.readouterr().out
    assert openpyxl.load_workbook(out)["scores"]["A7"].value == "huaxin"
    assert main(["template-scores", EXAMPLE, "--member", "cfo", "--format", "xlsx"]) == 1
    assert "give -o FILE" in capsys.readouterr().err
    assert main(["template-scores", EXAMPLE, "--member", "nobody"]) == 1
    assert "unknown member id 'nobody'" in capsys.readouterr().err


def test_import_scores_round_trip_writes_atomically_or_prints(tmp_path, capsys, scenario_file, example):
    template = tmp_path / "fin_mgr.csv"
    assert main(["template-scores", str(scenario_file), "--member", "fin_mgr", "-o", str(template)]) == 0
    rows = list(csv.reader(io.StringIO(template.read_text(encoding="utf-8-sig"))))
    j = rows[0].index("quality.expertise")
    rows[6][j] = "1"
    with template.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    capsys.readouterr()

    assert main(["import-scores", str(scenario_file), str(template), "--member", "fin_mgr"]) == 0
    printed = parse_scenario(json.loads(capsys.readouterr().out))
    assert printed.scores["fin_mgr"]["huaxin"]["quality.expertise"] == 1
    assert mcda.load_scenario(scenario_file, lint=False) == example  # untouched without --in-place

    out = tmp_path / "updated.json"
    assert main(["import-scores", str(scenario_file), str(template), "--member", "fin_mgr", "-o", str(out)]) == 0
    assert mcda.load_scenario(out, lint=False) == printed
    assert main(["import-scores", str(scenario_file), str(template), "--member", "fin_mgr", "--in-place"]) == 0
    assert mcda.load_scenario(scenario_file, lint=False) == printed
    assert main(["import-scores", str(scenario_file), str(template), "--member", "fin_mgr", "--in-place",
                 "-o", str(out)]) == 1


def test_import_scores_errors_are_located_and_change_nothing(tmp_path, capsys, scenario_file):
    before = scenario_file.read_bytes()
    bad = tmp_path / "bad.csv"
    rows = [["vendor", "quality.expertise"], ["huaxin", "x"]]
    with bad.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    assert main(["import-scores", str(scenario_file), str(bad), "--member", "cfo", "--in-place"]) == 1
    err = capsys.readouterr().err
    assert "row 2 (vendor huaxin), column quality.expertise: 'x' is not a number" in err
    assert "Traceback" not in err
    assert scenario_file.read_bytes() == before
    assert main(["import-scores", str(scenario_file), str(tmp_path / "absent.csv"), "--member", "cfo"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_export_json_html_and_xlsx(tmp_path, capsys):
    assert main(["export", EXAMPLE, "--format", "json", "--redact"]) == 0
    text = capsys.readouterr().out
    assert "王敏" not in text and json.loads(text)["members"][0]["id"] == "committee"
    html = tmp_path / "report.html"
    assert main(["export", EXAMPLE, "-o", str(html), "--lang", "en"]) == 0
    assert "Rankings" in html.read_text(encoding="utf-8")
    sens = tmp_path / "sens.json"
    sens.write_text(json.dumps({"method": "topsis", "tornado": [{"criterion": "cost", "low": 0.0, "high": 0.1}]}))
    book = tmp_path / "all.xlsx"
    assert main(["export", EXAMPLE, "--format", "xlsx", "--sensitivity", str(sens), "-o", str(book)]) == 0
    assert "敏感性 Sensitivity" in openpyxl.load_workbook(book).sheetnames
    assert main(["export", EXAMPLE, "--format", "xlsx"]) == 1
    assert "give -o FILE" in capsys.readouterr().err
    assert main(["export", EXAMPLE]) == 1
    assert "give --format" in capsys.readouterr().err


def test_diff_text_and_json(tmp_path, capsys, example):
    data = example.model_dump(mode="json")
    data["judgments"]["cfo"]["nodes"]["quality"][1]["value"] = 3
    changed = tmp_path / "b.json"
    changed.write_text(dumps(parse_scenario(data)), encoding="utf-8")
    assert main(["diff", EXAMPLE, str(changed), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "cfo changed quality.expertise vs quality.service_attitude from 1/7 to 3" in out
    assert "Criterion weights: " in out and "Dimension weights" not in out  # a judgment inside one dimension
    assert main(["diff", EXAMPLE, str(changed), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["changes"][0]["key"] == ["cfo", "quality", "quality.expertise", "quality.service_attitude"]
    assert main(["diff", EXAMPLE, EXAMPLE, "--lang", "zh"]) == 0
    assert capsys.readouterr().out.strip() == "两个方案没有差异。"
    assert main(["diff", EXAMPLE, str(tmp_path / "absent.json")]) == 1


def test_store_diff_compares_two_saved_versions(tmp_path, capsys, example):
    store = str(tmp_path / "lib.sqlite3")
    first = tmp_path / "v1.json"
    first.write_text(dumps(example), encoding="utf-8")
    data = example.model_dump(mode="json")
    data["members"][0]["weight"] = 0.5
    second = tmp_path / "v2.json"
    second.write_text(dumps(parse_scenario(data)), encoding="utf-8")
    for f in (first, second):
        assert main(["store", "--store", store, "save", str(f), "--name", "tender"]) == 0
    capsys.readouterr()
    assert main(["store", "--store", store, "diff", "tender", "1", "2"]) == 0
    assert "member cfo: voting weight 0.4 -> 0.5" in capsys.readouterr().out
    assert main(["store", "--store", store, "diff", "tender", "1", "--format", "json"]) == 0  # V2: the latest
    assert json.loads(capsys.readouterr().out)["changes"][0]["field"] == "weight"
    assert main(["store", "--store", store, "diff", "tender", "1", "9"]) == 1


def test_an_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path):
    import shutil

    from mcda.cli import main

    src = tmp_path / "self.json"
    shutil.copy(EXAMPLE, src)
    before = src.read_bytes()
    for cmd in (["export", str(src), "--redact", "-o", str(src)],
                ["export", str(src), "--format", "html", "--samples", "0", "-o", str(src)],
                ["template-scores", str(src), "--member", "cfo", "--format", "csv", "-o", str(src)]):
        assert main(cmd) == 1, cmd
    assert src.read_bytes() == before


def test_an_output_suffix_that_contradicts_the_format_is_refused(tmp_path):
    from mcda.cli import main

    assert main(["template-scores", EXAMPLE, "--member", "cfo", "-o", str(tmp_path / "t.json")]) == 1
    assert main(["export", EXAMPLE, "--format", "html", "--samples", "0", "-o", str(tmp_path / "r.xlsx")]) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_output_is_a_clean_error(tmp_path, capsys):
    from mcda.cli import main

    assert main(["export", EXAMPLE, "--format", "html", "--samples", "0", "-o", str(tmp_path)]) == 1
    assert "folder" in capsys.readouterr().err
