"""The committee workflow over a real library, on SQLite and PostgreSQL (the `library` fixture)."""
from __future__ import annotations

import pytest

from mcda.committee import Tender, find_tender, pair_key, score_key
from mcda.errors import MCDAError
from mcda.store import Store


def test_invite_issues_one_link_per_person_and_starts_in_setup(committee):
    links = committee.links
    assert set(links.members) == {"cfo", "fin_mgr", "it_sec"} and set(links.observers) == {"auditor"}
    assert committee.tender.phase == "setup"
    assert committee.who("cfo").role == "member" and committee.who("cfo").person == "cfo"
    assert committee.who("moderator").role == "moderator"
    assert find_tender(committee.store, committee.tokens["auditor"]).name == committee.name


def test_reissuing_links_revokes_the_old_ones_and_keeps_the_observers(committee):
    old = committee.tokens["cfo"]
    again = committee.tender.invite("https://other.example.com/")
    assert set(again.observers) == {"auditor"}
    with pytest.raises(MCDAError, match="revoked"):
        committee.tender.identify(old)


def test_phases_move_forward_one_step_only_by_the_moderator_and_going_back_needs_a_reason(committee):
    t, mod, cfo = committee.tender, committee.who("moderator"), committee.who("cfo")
    with pytest.raises(MCDAError, match="may not"):
        t.set_phase(cfo, "individual")
    with pytest.raises(MCDAError, match="straight to review"):
        t.set_phase(mod, "review")
    t.set_phase(mod, "individual")
    t.set_phase(mod, "review")
    with pytest.raises(MCDAError, match="reason is required"):
        t.set_phase(mod, "individual")
    with pytest.raises(MCDAError, match="decision note is required"):
        t.signoff(mod, "  ")
    st = t.signoff(mod, "Huaxin: best quality at a fair fee")
    assert (st.phase, st.decision_note, st.signed_version) == ("decision", "Huaxin: best quality at a fair fee", 1)
    t.set_phase(mod, "review", "the fee of Dingxin was corrected")
    kinds = [(e.kind, e.old_value, e.new_value) for e in t.record().entries]
    assert kinds == [("phase", "setup", "individual"), ("phase", "individual", "review"),
                     ("signoff", "review", "decision"), ("reopen", "decision", "review")]


def test_a_member_edits_only_their_own_part_and_a_submitted_part_is_locked_until_reopened(committee):
    committee.to("individual")
    t, cfo, mod = committee.tender, committee.who("cfo"), committee.who("moderator")
    version = t.set_scores(cfo, {"huaxin": {"quality.expertise": 5.0}})
    assert t.store.open(committee.name).scores["cfo"]["huaxin"]["quality.expertise"] == 5.0
    assert t.store.history(committee.name)[-1].actor == "member:cfo"
    base, full = t.scenario()
    from mcda.scenario.edits import set_scores

    other = set_scores(full, "fin_mgr", {"huaxin": {"quality.expertise": 1.0}})
    with pytest.raises(MCDAError, match="only your own"):
        t.save_inputs(cfo, other, base)
    done = t.submit(cfo)
    assert done.locked and done.version == version
    with pytest.raises(MCDAError, match="locked"):
        t.set_judgment(cfo, "goal", "quality", "cost", 9)
    with pytest.raises(MCDAError, match="may not"):
        t.reopen(cfo, "cfo", "please")
    with pytest.raises(MCDAError, match="reason is required"):
        t.reopen(mod, "cfo", "")
    t.reopen(mod, "cfo", "the CFO asked to correct a typo")
    t.set_judgment(cfo, "goal", "quality", "cost", 9)
    assert t.progress()["cfo"].locked is False


def test_review_changes_need_a_comment_and_are_kept_in_the_consensus_record(committee):
    committee.to("individual")
    t, cfo = committee.tender, committee.who("cfo")
    t.submit(cfo)
    committee.to("review")
    assert t.view(cfo).locked is False  # a new phase: the part is open for commented revisions
    with pytest.raises(MCDAError, match="comment is required"):
        t.set_scores(cfo, {"dingxin": {"quality.expertise": 3.0}})
    version = t.set_scores(cfo, {"dingxin": {"quality.expertise": 3.0}}, comment="their references check out")
    change = [e for e in t.record().entries if e.kind == "change"]
    assert [(e.actor, e.target, e.old_value, e.new_value, e.text, e.version) for e in change] == [
        ("member:cfo", "score:dingxin:quality.expertise", "2", "3", "their references check out", version)]


def test_the_moderator_overrides_a_score_cell_with_a_reason_beside_the_untouched_individual_scores(committee):
    committee.to("review")
    t, mod, cfo = committee.tender, committee.who("moderator"), committee.who("cfo")
    with pytest.raises(MCDAError, match="may not"):
        t.override(cfo, "huaxin", "quality.expertise", 2.0, "I disagree")
    with pytest.raises(MCDAError, match="reason is required"):
        t.override(mod, "huaxin", "quality.expertise", 2.0, "")
    with pytest.raises(MCDAError, match="not a value on the scale"):
        t.override(mod, "huaxin", "quality.expertise", 7.0, "typo")
    before = t.store.open(committee.name)
    t.override(mod, "huaxin", "quality.expertise", 2.0, "the site visit showed no tax specialist")
    assert t.store.open(committee.name) == before  # individual scores untouched, no new version
    assert t.record().overrides == {"score:huaxin:quality.expertise": 2.0}
    _, used = t.committee_scenario()
    assert {used.scores[m]["huaxin"]["quality.expertise"] for m in ("cfo", "fin_mgr", "it_sec")} == {2.0}
    t.override(mod, "huaxin", "quality.expertise", None, "back to the members' scores")
    assert t.record().overrides == {}


def test_comments_on_pairs_and_cells_in_review(committee):
    committee.to("review")
    t, cfo = committee.tender, committee.who("cfo")
    t.comment(cfo, pair_key("goal", "quality", "cost"), "quality matters more for a 3-year contract")
    t.comment(committee.who("moderator"), score_key("huaxin", "cost.fee"), "fee includes VAT")
    with pytest.raises(MCDAError, match="not a judgment pair"):
        t.comment(cfo, "score:nobody:cost.fee", "x")
    assert [e.kind for e in t.record().entries][-2:] == ["comment", "comment"]


def test_progress_board_counts_answers_scores_and_cr(committee):
    board = committee.tender.progress()
    assert board["fin_mgr"].answered == 2 and board["fin_mgr"].needed == 3 and board["fin_mgr"].all_pairs == 3
    assert board["fin_mgr"].cr_state == "incomplete"  # the cost node is not answered
    assert board["cfo"].cr_state == "not checkable"  # two children per node: no cycle, so no CR means anything
    assert (board["cfo"].filled, board["cfo"].cells) == (12, 12)
    assert board["cfo"].as_dict()["judgments"] == [3, 3]


def test_views_by_role_and_phase(committee):
    t = committee.tender
    committee.to("individual")
    v = t.view(committee.who("cfo"))
    assert [m.id for m in v.scenario.members] == ["cfo"] and set(v.scenario.scores) == {"cfo"}
    assert set(v.scenario.judgments) == {"cfo"}
    assert (v.may_edit, v.show_results, v.show_spread) == (True, False, False)
    o = t.view(committee.who("auditor"))
    assert (o.scenario.members, o.scenario.scores, o.scenario.judgments, o.show_results) == ([], {}, {}, False)
    with pytest.raises(MCDAError, match="may not"):
        t.results(committee.who("cfo"))
    with pytest.raises(MCDAError, match="may not"):
        t.spread(committee.who("cfo"))
    committee.to("review")
    spread = {s.target: s for s in t.spread(committee.who("cfo"))}
    goal = spread[pair_key("goal", "quality", "cost")]
    assert goal.deadlock and len(goal.values) == 3
    committee.to("decision")
    res = t.results(committee.who("auditor"))
    assert abs(sum(res.weights.values()) - 1) < 1e-9 and res.rankings


def test_the_state_is_in_the_library_for_any_other_process(committee):
    committee.to("review")
    with Store(committee.library.location) as again:
        t = Tender(again, committee.name)
        assert t.phase == "review" and t.identify(committee.tokens["cfo"]).person == "cfo"


def test_committee_notes_are_append_only_in_the_database(committee):
    committee.to("individual")
    with pytest.raises(committee.library.integrity_error):
        committee.library.sql("UPDATE committee_notes SET text = 'forged'")
    with pytest.raises(committee.library.integrity_error):
        committee.library.sql("DELETE FROM committee_notes")


def test_members_saving_at_once_from_two_connections_lose_nothing(committee):
    """Each member's edits land in the latest version (the store merges disjoint parts; no lost update)."""
    from concurrent.futures import ThreadPoolExecutor

    committee.to("individual")
    leaves = ("quality.expertise", "quality.accuracy", "cost.extra")

    def member(key: str, value: float) -> None:
        with Store(committee.library.location, actor="app") as own:
            tender = Tender(own, committee.name)
            who = tender.identify(committee.tokens[key])
            for vendor in ("huaxin", "zhongcai", "dingxin"):
                for leaf in leaves:
                    tender.set_scores(who, {vendor: {leaf: value}})

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(member, ["cfo", "fin_mgr"], [1.0, 1.0]))
    final = committee.store.open(committee.name)
    assert {final.scores["cfo"][v][leaf] for v in final.scores["cfo"] for leaf in leaves} == {1.0}
    assert {final.scores["fin_mgr"][v][leaf] for v in final.scores["fin_mgr"] for leaf in leaves} == {1.0}
    actors = [v.actor for v in committee.store.history(committee.name)[1:]]
    assert sorted(set(actors)) == ["member:cfo", "member:fin_mgr"] and len(actors) == 18


def test_a_format_2_library_is_upgraded_to_the_committee_tables_on_first_use(library):
    """A library written before the committee tables existed gains them (step 3) and keeps its content."""
    import sqlite3

    from mcda.store.migrations import STEPS

    from .conftest import small_scenario

    steps = [s for n, s in STEPS[library.kind] if n <= 2]
    if library.kind == "sqlite":
        with sqlite3.connect(library.location) as conn:
            for statements in steps:
                for statement in statements:
                    conn.execute(statement)
    else:
        for statements in steps:
            for statement in statements:
                library.sql(statement)
    assert library.sql("SELECT value FROM mcda_meta WHERE key = 'schema_version'") == [("2",)]
    with Store(library.location, actor="secretary") as store:
        store.save(small_scenario(), "old tender")
        links = Tender(store, "old tender").invite("https://app.example.com/")
        assert Tender(store, "old tender").identify(links.moderator.split("t=")[1]).role == "moderator"
    assert library.sql("SELECT value FROM mcda_meta WHERE key = 'schema_version'") == [("4",)]  # and on to 4 (drafts)


def test_reissuing_one_link_keeps_everyone_elses(committee):
    t = committee.tender
    url = t.reissue("https://app.example.com/", "member", "cfo", by=committee.who("moderator"))
    with pytest.raises(MCDAError, match="revoked"):
        committee.who("cfo")
    assert t.identify(url.split("t=")[1]).person == "cfo" and committee.who("fin_mgr").person == "fin_mgr"
    assert committee.who("moderator").role == "moderator"
    with pytest.raises(MCDAError, match="no member 'nobody'"):
        t.reissue("https://app.example.com/", "member", "nobody")


def test_the_record_as_report_rows_names_criteria_and_vendors(committee):
    from mcda.committee import record_rows

    committee.to("review")
    t, mod = committee.tender, committee.who("moderator")
    t.override(mod, "huaxin", "cost.fee", 350000.0, "negotiated")
    t.comment(mod, pair_key("goal", "quality", "cost"), "check")
    rows = record_rows(t.record(), t.scenario()[1], "zh")
    assert [(r["what"], r["on"]) for r in rows[-2:]] == [("委员会取值", "huaxin / Fee"), ("评论", "成本 : 质量 (目标)")]
