"""Security of the committee workflow (issue 14, item 6), on SQLite and PostgreSQL.

* a member's token cannot read or write another member's inputs through any API or command;
* a revoked or expired token gets nothing;
* an observer never sees individual inputs;
* tokens never appear in the library, the audit log, outputs of commands other than ``invite``,
  exports or error messages;
* every state change is in the audit log with its actor.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from mcda.cli import main
from mcda.committee import Tender, member_template, pair_key, score_key
from mcda.committee.roles import ACTIONS, PERMISSIONS
from mcda.errors import MCDAError
from mcda.scenario.edits import set_pairwise, set_scores
from mcda.scenario.io import dumps

from .conftest import small_scenario

OTHER = ("fin_mgr", "李娜", "it_sec", "陈伟")  # another member's id and name, and a third member's


def _text_of_view(view) -> str:
    return dumps(view.scenario)


# --------------------------------------------------------------------------- a member cannot reach another's inputs
@pytest.mark.parametrize("phase", ["setup", "individual", "review", "decision"])
def test_a_members_view_holds_no_other_member_in_any_phase(committee, phase):
    committee.to(phase)
    text = _text_of_view(committee.tender.view(committee.who("cfo")))
    assert [x for x in OTHER if x in text] == []
    assert "cfo" in text


def test_a_member_cannot_write_another_members_part_through_any_api(committee):
    committee.to("individual")
    t, cfo = committee.tender, committee.who("cfo")
    before = t.store.open(committee.name)
    version, full = t.scenario()
    for forged in (set_scores(full, "fin_mgr", {"huaxin": {"quality.expertise": 1.0}}),
                   set_pairwise(full, "it_sec", "goal", "quality", "cost", 9),
                   set_scores(set_scores(full, "cfo", {"huaxin": {"quality.expertise": 1.0}}),
                              "fin_mgr", {"huaxin": {"quality.expertise": 1.0}})):
        with pytest.raises(MCDAError, match="only your own"):
            t.save_inputs(cfo, forged, version)
    fin_file = member_template(full, "fin_mgr", "scores", "csv")
    with pytest.raises(MCDAError, match="names the member 'fin_mgr'"):
        t.submit(cfo, fin_file, "fin_mgr.csv")
    unnamed = b"\n".join(fin_file.split(b"\n")[1:])  # the #member row removed
    with pytest.raises(MCDAError, match="does not say whose"):
        t.submit(cfo, unnamed, "scores.csv")
    json_file = json.dumps({"member": "fin_mgr", "judgments": {"nodes": {}}}).encode()
    with pytest.raises(MCDAError, match="names the member"):
        t.submit(cfo, json_file, "j.json")
    with pytest.raises(MCDAError, match="may not"):
        t.reopen(cfo, "fin_mgr", "let me in")
    assert t.store.open(committee.name) == before
    # a member's own edit never changes anyone else's part
    t.set_scores(cfo, {"huaxin": {"quality.expertise": 1.0}})
    after = t.store.open(committee.name)
    assert after.scores["fin_mgr"] == before.scores["fin_mgr"] and after.judgments == before.judgments


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_members_and_observers_never_get_the_moderators_powers(action):
    moderator_only = {"see_inputs", "set_phase", "invite", "override", "reopen", "signoff", "setup", "see_progress"}
    for (role, phase), allowed in PERMISSIONS.items():
        if role != "moderator" and action in moderator_only:
            assert action not in allowed, (role, phase)
        if role == "observer":
            assert allowed - {"view"} <= {"see_results"} and (phase == "decision") == ("see_results" in allowed)


def test_a_link_of_one_tender_does_not_open_another(committee):
    committee.store.save(small_scenario(), "another tender", "set-up")
    other = Tender(committee.store, "another tender")
    with pytest.raises(MCDAError, match="not valid"):
        other.identify(committee.tokens["moderator"])


def test_an_identity_not_issued_by_identify_is_refused_everywhere(committee):
    from mcda.committee import Identity

    committee.to("review")
    real = committee.who("cfo")
    t = committee.tender
    for forged in (Identity(committee.name, "moderator"), Identity(committee.name, "moderator", "", real.link),
                   Identity(committee.name, "member", "fin_mgr", real.link, real.seal)):
        calls = (lambda w: t.view(w), lambda w: t.results(w), lambda w: t.progress(w),
                 lambda w: t.set_phase(w, "decision", "x"), lambda w: t.set_scores(w, {}),
                 lambda w: t.comment(w, pair_key("goal", "quality", "cost"), "x"), lambda w: t.submit(w),
                 lambda w: t.override(w, "huaxin", "cost.fee", 2e5, "x"), lambda w: t.reopen(w, "cfo", "x"))
        for call in calls:
            with pytest.raises(MCDAError, match="not valid"):
                call(forged)
        assert t.can(forged, "view") is False


def test_revoking_a_link_takes_effect_for_an_identity_already_issued(committee):
    committee.to("individual")
    cfo = committee.who("cfo")
    committee.tender.revoke("member", "cfo")
    with pytest.raises(MCDAError, match="revoked"):
        committee.tender.set_scores(cfo, {"huaxin": {"quality.expertise": 1.0}})
    with pytest.raises(MCDAError, match="revoked"):
        committee.tender.view(cfo)


# --------------------------------------------------------------------------- revoked and expired links
def test_a_revoked_link_gets_nothing(committee):
    committee.tender.revoke("member", "cfo")
    with pytest.raises(MCDAError, match="revoked"):
        committee.who("cfo")
    assert committee.who("fin_mgr").person == "fin_mgr"  # the others still work


def test_an_expired_link_gets_nothing(committee):
    committee.library.sql("UPDATE committee_tokens SET expires_at = '2000-01-01T00:00:00.000Z' WHERE person = 'cfo'")
    with pytest.raises(MCDAError, match="expired"):
        committee.who("cfo")


def test_links_can_expire_and_an_expiry_in_the_past_is_refused(committee):
    from datetime import datetime, timedelta, timezone

    soon = datetime.now(timezone.utc) + timedelta(days=7)
    links = committee.tender.invite("https://x.example.com/", expires=soon)
    assert committee.tender.identify(links.moderator.split("t=")[1]).role == "moderator"
    with pytest.raises(MCDAError, match="already past"):
        committee.tender.invite("https://x.example.com/", expires=datetime.now(timezone.utc) - timedelta(days=1))


@pytest.mark.parametrize("bad", ["", "short", "x" * 43, "a" * 500, None, 42, "../../etc/passwd", "' OR 1=1 --"])
def test_anything_but_a_live_token_is_unknown(committee, bad):
    with pytest.raises(MCDAError, match="not valid"):
        committee.tender.identify(bad)


# --------------------------------------------------------------------------- observers
@pytest.mark.parametrize("phase", ["setup", "individual", "review", "decision"])
def test_an_observer_never_sees_individual_inputs(committee, phase):
    committee.to(phase)
    t, obs = committee.tender, committee.who("auditor")
    view = t.view(obs)
    assert (view.scenario.members, view.scenario.judgments, view.scenario.scores) == ([], {}, {})
    text = _text_of_view(view)
    assert [x for x in ("cfo", "王敏", *OTHER) if x in text] == []
    for call in (lambda: t.spread(obs), lambda: t.record(obs), lambda: t.progress(obs)):
        with pytest.raises(MCDAError, match="may not"):
            call()
    if phase == "decision":
        res = t.results(obs)
        assert not {"cfo", "fin_mgr", "it_sec"} & set(json.dumps(res.__dict__))
    else:
        with pytest.raises(MCDAError, match="may not"):
            t.results(obs)


# --------------------------------------------------------------------------- no token leaks; the audit log is complete
def _library_bytes(library) -> str:
    if library.kind == "sqlite":
        return "".join(p.read_bytes().decode("latin-1") for p in Path(library.location).parent.glob("library.sqlite3*"))
    tables = ("scenarios", "versions", "audit", "mcda_meta", "committees", "committee_tokens", "committee_parts",
              "committee_notes")
    return "".join(repr(library.sql(f"SELECT * FROM {t}")) for t in tables)


def test_tokens_never_appear_in_the_library_logs_outputs_exports_or_errors(library, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MCDA_ACTOR", "secretary")
    scenario_file = tmp_path / "tender.json"
    scenario_file.write_text(dumps(small_scenario()), encoding="utf-8")
    seen: list[str] = []

    def run(*argv: str) -> int:
        code = main([*argv] + (["--store", library.location] if argv[0] in ("store", "tender") else []))
        out, err = capsys.readouterr()
        seen.extend([out, err])
        return code

    run("store", "save", str(scenario_file), "--name", "t")
    main(["tender", "invite", "t", "--url", "https://app.example.com/", "--observer", "auditor", "--format", "json",
          "--store", library.location])
    links = json.loads(capsys.readouterr().out)
    tokens = {"moderator": links["moderator"].split("t=")[1],
              **{m: u.split("t=")[1] for m, u in links["members"].items()},
              "auditor": links["observers"]["auditor"].split("t=")[1]}
    mod, cfo = tokens["moderator"], tokens["cfo"]
    template = tmp_path / "cfo.csv"
    run("tender", "phase", "t", "individual", "--token", mod)
    run("tender", "template", "t", "--kind", "scores", "-o", str(template), "--token", cfo)
    template.write_bytes(template.read_bytes().replace(b",4,5,", b",5,5,", 1))
    run("tender", "submit", "t", str(template), "--token", cfo)
    run("tender", "submit", "t", str(template), "--token", cfo)  # refused: locked
    run("tender", "submit", "t", str(template), "--token", tokens["fin_mgr"])  # refused: another member's file
    run("tender", "submit", "t", str(template), "--token", cfo[:-1] + ("A" if cfo[-1] != "A" else "B"))  # near miss
    run("tender", "reopen", "t", "cfo", "--reason", "typo", "--token", mod)
    run("tender", "phase", "t", "review", "--token", mod)
    run("tender", "phase", "t", "setup", "--token", mod)  # refused: no reason
    run("tender", "signoff", "t", "--note", "Huaxin", "--token", mod)
    run("tender", "signoff", "t", "--note", "again", "--token", mod)  # refused: already decided
    run("tender", "revoke", "t", "--member", "it_sec")
    run("tender", "phase", "t", "review", "--reason", "x", "--token", tokens["it_sec"])  # refused: revoked
    run("tender", "status", "t", "--format", "json")
    run("tender", "status", "t")
    run("tender", "record", "t", "--format", "json")
    run("store", "log", "t", "--format", "json")
    run("store", "open", "t")
    opened = tmp_path / "opened.json"
    run("store", "open", "t", "-o", str(opened))
    seen.append(opened.read_text(encoding="utf-8"))
    for fmt in ("xlsx", "html"):
        out = tmp_path / f"export.{fmt}"
        assert run("export", str(opened), "-o", str(out), "--samples", "0") == 0
        if fmt == "xlsx":  # the workbook's XML parts, uncompressed
            with zipfile.ZipFile(out) as book:
                seen.extend(book.read(n).decode("utf-8", "replace") for n in book.namelist())
        else:
            seen.append(out.read_text(encoding="utf-8"))
    seen.append(template.read_bytes().decode("latin-1"))
    seen.append(_library_bytes(library))
    blob = "\n".join(seen)
    assert "locked" in blob and "names the member" in blob and "revoked" in blob  # the refusals did happen
    leaked = [who for who, token in tokens.items() if token in blob]
    assert leaked == []


def test_every_state_change_is_in_the_audit_log_with_its_actor(committee):
    t = committee.tender
    mod, cfo = committee.who("moderator"), committee.who("cfo")
    t.set_phase(mod, "individual")
    t.set_judgment(cfo, "goal", "quality", "cost", 5)
    t.submit(cfo)
    t.reopen(mod, "cfo", "typo")
    t.set_phase(mod, "review")
    t.comment(cfo, pair_key("goal", "quality", "cost"), "quality first")
    t.override(mod, "huaxin", "cost.fee", 350000.0, "negotiated fee")
    t.set_scores(cfo, {"huaxin": {"quality.expertise": 5.0}}, comment="site visit")
    t.signoff(mod, "Huaxin")
    t.set_phase(mod, "review", "late clarification")
    t.revoke("observer", "auditor")
    t.invite("https://app.example.com/")
    log = [(e.action, e.actor) for e in committee.store.log(committee.name)]
    assert log == [
        ("save", "secretary"), ("committee-invite", "secretary"),
        ("committee-phase", "moderator"),
        ("save", "member:cfo"), ("committee-input", "member:cfo"), ("committee-submit", "member:cfo"),
        ("committee-reopen", "moderator"), ("committee-phase", "moderator"),
        ("committee-comment", "member:cfo"), ("committee-override", "moderator"),
        ("save", "member:cfo"), ("committee-input", "member:cfo"),
        ("committee-signoff", "moderator"), ("committee-phase", "moderator"),
        ("committee-revoke", "secretary"), ("committee-invite", "secretary"),
    ]
    assert score_key("huaxin", "cost.fee") in committee.store.log(committee.name)[9].detail
