"""``mcda tender``: the command-line contract of issue 14, end to end on SQLite and PostgreSQL."""
from __future__ import annotations

import json

import pytest

from mcda.cli import main
from mcda.committee import member_template

from .conftest import BASE_URL, small_scenario, token_of


@pytest.fixture
def tender(library, tmp_path, monkeypatch, capsys):
    """A saved scenario, its links issued through the CLI: (run, tokens)."""
    monkeypatch.delenv("MCDA_TOKEN", raising=False)
    monkeypatch.setenv("MCDA_ACTOR", "secretary")
    scenario_file = tmp_path / "tender.json"
    from mcda.scenario.io import dumps

    scenario_file.write_text(dumps(small_scenario()), encoding="utf-8")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main([*argv[:2], *argv[2:], "--store", library.location])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("store", "save", str(scenario_file), "--name", "t")[0] == 0
    code, out, _ = run("tender", "invite", "t", "--url", BASE_URL, "--observer", "auditor", "--format", "json")
    assert code == 0
    links = json.loads(out)
    assert set(links) == {"moderator", "members", "observers"}
    tokens = {"moderator": token_of(links["moderator"]), **{m: token_of(u) for m, u in links["members"].items()},
              "auditor": token_of(links["observers"]["auditor"])}
    return run, tokens


def test_invite_prints_links_with_the_token_in_t(tender):
    run, tokens = tender
    assert len(tokens["cfo"]) == 43 and len(set(tokens.values())) == 5


def test_status_json_contract(tender):
    run, _ = tender
    code, out, _ = run("tender", "status", "t", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["phase"] == "setup"
    assert data["members"]["cfo"]["judgments"] == [3, 3] and data["members"]["cfo"]["scores"] == [12, 12]
    assert data["members"]["fin_mgr"]["submitted"] is False


def test_submit_flow_and_its_refusals(tender, tmp_path):
    run, tokens = tender
    mine = tmp_path / "cfo_scores.csv"
    mine.write_bytes(member_template(small_scenario(), "cfo", "scores", "csv").replace(b",4,5,", b",5,5,", 1))
    code, _, err = run("tender", "submit", "t", str(mine), "--token", tokens["cfo"])
    assert code == 1 and "may not" in err  # still in setup
    assert run("tender", "phase", "t", "individual", "--token", tokens["cfo"])[0] == 1  # not the moderator
    assert run("tender", "phase", "t", "individual", "--token", tokens["moderator"])[0] == 0
    code, _, err = run("tender", "submit", "t", str(mine), "--token", tokens["fin_mgr"])
    assert code == 1 and "names the member 'cfo'" in err
    code, out, _ = run("tender", "submit", "t", str(mine), "--token", tokens["cfo"])
    assert code == 0 and "submitted and locked" in out
    code, _, err = run("tender", "submit", "t", str(mine), "--token", tokens["cfo"])
    assert code == 1 and "locked" in err
    code, out, _ = run("tender", "status", "t", "--format", "json")
    assert json.loads(out)["members"]["cfo"]["submitted"] is True
    assert run("tender", "reopen", "t", "cfo", "--reason", "typo", "--token", tokens["moderator"])[0] == 0
    assert run("tender", "submit", "t", str(mine), "--token", tokens["cfo"])[0] == 0  # unchanged file: submits
    code, _, err = run("tender", "submit", "t", str(mine), "--token", "x" * 43)
    assert code == 1 and "not valid" in err
    assert run("tender", "revoke", "t", "--member", "it_sec")[0] == 0
    code, _, err = run("tender", "submit", "t", str(mine), "--token", tokens["it_sec"])
    assert code == 1 and "revoked" in err


def test_judgments_template_round_trip_through_the_cli(tender, tmp_path):
    run, tokens = tender
    run("tender", "phase", "t", "individual", "--token", tokens["moderator"])
    for fmt in ("csv", "xlsx", "json"):
        out = tmp_path / f"j.{fmt}"
        fin = tokens["fin_mgr"]
        assert run("tender", "template", "t", "--kind", "judgments", "-o", str(out), "--token", fin)[0] == 0
        assert run("tender", "submit", "t", str(out), "--draft", "--token", tokens["fin_mgr"])[0] == 0
    filled = tmp_path / "j.json"
    doc = json.loads(filled.read_text(encoding="utf-8"))
    doc["judgments"]["nodes"]["cost"] = [{"a": "cost.fee", "b": "cost.extra", "value": 7}]
    filled.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = run("tender", "submit", "t", str(filled), "--token", tokens["fin_mgr"])
    assert code == 0 and "(1 changes)" in out
    code, out, _ = run("tender", "status", "t", "--format", "json")
    assert json.loads(out)["members"]["fin_mgr"]["judgments"] == [3, 3]


def test_signoff_and_the_record(tender):
    run, tokens = tender
    for phase in ("individual", "review"):
        run("tender", "phase", "t", phase, "--token", tokens["moderator"])
    cfo, mod = tokens["cfo"], tokens["moderator"]
    assert run("tender", "comment", "t", "judgment:goal:cost:quality", "quality first", "--token", cfo)[0] == 0
    assert run("tender", "override", "t", "huaxin", "cost.fee", "350000", "--reason", "x", "--token", cfo)[0] == 1
    assert run("tender", "override", "t", "huaxin", "cost.fee", "350000", "--reason", "agreed", "--token", mod)[0] == 0
    assert run("tender", "signoff", "t", "--note", "Huaxin", "--token", tokens["cfo"])[0] == 1
    assert run("tender", "signoff", "t", "--note", "Huaxin", "--token", tokens["moderator"])[0] == 0
    code, out, _ = run("tender", "record", "t", "--format", "json")
    rec = json.loads(out)
    assert rec["phase"] == "decision" and rec["decision_note"] == "Huaxin" and rec["signed_by"] == "moderator"
    assert rec["overrides"] == {"score:huaxin:cost.fee": 350000.0}
    assert [e["kind"] for e in rec["entries"]] == ["phase", "phase", "comment", "override", "signoff"]
    code, _, err = run("tender", "phase", "t", "review", "--token", tokens["moderator"])
    assert code == 1 and "reason is required" in err
    mod = tokens["moderator"]
    assert run("tender", "phase", "t", "review", "--reason", "a late clarification", "--token", mod)[0] == 0


def test_every_tender_subcommand_is_documented():
    from pathlib import Path

    from mcda.cli import tender as cli_tender

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert [c for c in cli_tender._COMMANDS if f"mcda tender {c}" not in readme] == []


def test_the_token_may_come_from_the_environment_and_a_missing_one_is_a_clear_error(tender, monkeypatch):
    run, tokens = tender
    code, _, err = run("tender", "phase", "t", "individual")
    assert code == 1 and "--token" in err and "MCDA_TOKEN" in err
    monkeypatch.setenv("MCDA_TOKEN", tokens["moderator"])
    assert run("tender", "phase", "t", "individual")[0] == 0


def test_status_and_record_as_tables_in_both_languages(tender):
    run, tokens = tender
    run("tender", "phase", "t", "individual", "--token", tokens["moderator"])
    code, out, _ = run("tender", "status", "t", "--lang", "zh")
    assert code == 0 and out.startswith("阶段：独立评审") and "cfo" in out
    code, out, _ = run("tender", "status", "t")
    assert code == 0 and out.startswith("phase: individual entry") and "not checkable yet" in out
    code, out, _ = run("tender", "record", "t")
    assert code == 0 and "setup" in out and "individual" in out
