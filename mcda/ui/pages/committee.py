"""Committee page: the tender seen by the signed-in person (:mod:`mcda.ui.identity`).

The moderator: the phase (moves with reasons, sign-off with a decision note), the personal links
(reissue, revoke), the progress board, reopening a member's part, and in review the spread of every
judgment and score with outliers and deadlocks flagged, comments and overrides (with a reason).
A member: their own progress, saving and submitting their part (in review a change needs a
comment), then the spread and comments. The committee's results show to whoever may see them now.
"""
from __future__ import annotations

import streamlit as st

from mcda.committee import PHASES, Tender
from mcda.committee.progress import member_progress
from mcda.errors import MCDAError, render
from mcda.store import Store
from mcda.ui import committee_parts as parts
from mcda.ui import identity, state
from mcda.ui.widgets import header

lang = state.lang()
t = state.translator()
header("app.page.committee", "app.committee.help")
person = state.person()
if person is None:
    st.info(t("app.committee.no_link"))
    st.stop()
view, who = person.view, person.who
sc = state.scenario()
st.subheader(t("app.committee.phase_now", phase=t(f"app.phase.{view.phase}")))


def _act(fn, done: str, **fmt) -> None:
    """A callback acting on the tender; its outcome is shown on the next run (refusals in the reader's language)."""
    try:
        with Store() as store:
            fn(Tender(store, person.name))
    except MCDAError as exc:
        state.flash("error", render(exc, lang), lead="app.committee.refused")
        return
    state.flash("success", t(done, **fmt))


def _value(name: str) -> str:
    return (state.value(state.key(name), "") or "").strip()


# ------------------------------------------------------------------ the moderator
def _move(target: str) -> None:
    reason = _value("phase_reason")
    _act(lambda tr: tr.set_phase(who, target, reason or None), "app.committee.phase_moved",
         phase=t(f"app.phase.{target}"))


def _signoff() -> None:
    _act(lambda tr: tr.signoff(who, _value("decision_note")), "app.committee.signed")


def _invite() -> None:
    base = _value("base_url") or "http://localhost:8501/"
    observers = [o.strip() for o in _value("observers").split(",") if o.strip()]
    box = {}

    def issue(tr: Tender) -> None:
        box["links"] = tr.invite(base, observers=observers, by=who)

    _act(issue, "app.committee.invited")
    if "links" in box:
        state.keep("links", box["links"].as_dict())  # shown once, then forgotten
        identity.adopt(box["links"].moderator)  # the moderator's own link was reissued too


def _revoke(choice: str) -> None:
    role, _, whom = choice.partition(":")
    _act(lambda tr: tr.revoke(role, whom or None, by=who), "app.committee.revoked")


def _reopen(member: str) -> None:
    _act(lambda tr: tr.reopen(who, member, _value("reopen_reason")), "app.committee.reopened", member=member)


if person.role == "moderator":
    tab_phase, tab_links, tab_board = st.tabs([t("app.committee.tab_phase"), t("app.committee.tab_links"),
                                               t("app.committee.tab_board")])
    with tab_phase:
        now = PHASES.index(view.phase)
        st.text_input(t("app.committee.reason"), key=state.key("phase_reason"), help=t("app.committee.reason_help"))
        cols = st.columns(3)
        if now < 2:
            nxt = PHASES[now + 1]
            cols[0].button(t("app.committee.move_to", phase=t(f"app.phase.{nxt}")), type="primary",
                           on_click=_move, args=(nxt,), key=state.key("phase_next"))
        if now > 0:
            back = PHASES[now - 1]
            cols[1].button(t("app.committee.back_to", phase=t(f"app.phase.{back}")), on_click=_move, args=(back,),
                           key=state.key("phase_back"))
        if view.phase == "review":
            st.text_area(t("app.committee.decision_note"), key=state.key("decision_note"), height=80)
            st.button(t("app.committee.signoff"), type="primary", on_click=_signoff, key=state.key("signoff"))
        if view.phase == "decision":
            with Store() as store:
                record = Tender(store, person.name).record()
            st.success(t("app.committee.decided", version=record.signed_version, note=record.decision_note or ""))
    with tab_links:
        links = state.kept("links")
        if links:
            st.warning(t("app.committee.links_once"))
            rows = [(t("app.role.moderator"), "", links["moderator"])]
            rows += [(t("app.role.member"), m, u) for m, u in links["members"].items()]
            rows += [(t("app.role.observer"), o, u) for o, u in links["observers"].items()]
            for role, whom, url in rows:
                st.markdown(f"**{role}** {whom}")
                st.code(url, language=None)
            st.button(t("app.committee.links_hide"), on_click=state.keep, args=("links", None),
                      key=state.key("links_hide"))
        state.ensure(state.key("base_url"), "http://localhost:8501/")
        st.text_input(t("app.committee.base_url"), key=state.key("base_url"))
        st.text_input(t("app.committee.observers"), key=state.key("observers"))
        st.button(t("app.committee.invite"), on_click=_invite, key=state.key("invite"),
                  help=t("app.committee.invite_help"))
        people = [f"member:{m.id}" for m in sc.members] + ["moderator:", "observer:"]
        choice = st.selectbox(t("app.committee.revoke_whom"), people, key=state.key("revoke_whom"),
                              format_func=lambda c: f"{t('app.role.' + c.split(':')[0])} {c.split(':', 1)[1]}".strip())
        st.button(t("app.committee.revoke"), on_click=_revoke, args=(choice,), key=state.key("revoke"))
    with tab_board:
        with Store() as store:
            board = Tender(store, person.name).progress(who)
        st.dataframe(parts.board_table(board, sc, t), hide_index=True, width="stretch")
        locked = [m for m, p in board.items() if p.locked]
        if locked:
            member = st.selectbox(t("app.committee.reopen_whom"), locked, key=state.key("reopen_whom"))
            st.text_input(t("app.committee.reason"), key=state.key("reopen_reason"))
            st.button(t("app.committee.reopen"), on_click=_reopen, args=(member,), key=state.key("reopen"))


# ------------------------------------------------------------------ a member
def _save_own() -> None:
    try:
        version = identity.save_own(_value("own_comment"))
    except MCDAError as exc:
        state.flash("error", render(exc, lang), lead="app.committee.refused")
        return
    state.set_value(state.key("own_comment"), "")
    state.flash("success", t("app.committee.own_saved", version=version))


def _submit() -> None:
    if state.unsaved():
        _save_own()
        if state.unsaved():
            return
    _act(lambda tr: tr.submit(who), "app.committee.submitted")


if person.role == "member":
    mine = member_progress(sc, who.person)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("app.committee.judgments"), f"{mine.answered} / {mine.needed}")
    c2.metric(t("app.committee.scores"), f"{mine.filled} / {mine.cells}")
    c3.metric(t("app.committee.part"), t("app.committee.locked") if view.locked else t("app.committee.open"))
    if view.may_edit:
        st.caption(t("app.committee.own_help"))
        if state.unsaved():
            st.warning(t("app.committee.unsaved"))
        st.text_input(t("app.committee.comment") + (" *" if view.comment_required else ""),
                      key=state.key("own_comment"), help=t("app.committee.comment_help"))
        b1, b2 = st.columns(2)
        b1.button(t("app.committee.save_own"), on_click=_save_own, disabled=not state.unsaved(), type="primary",
                  key=state.key("save_own"))
        b2.button(t("app.committee.submit"), on_click=_submit, key=state.key("submit"),
                  help=t("app.committee.submit_help"))
    elif view.locked:
        st.info(t("app.committee.locked_help"))

if person.role == "observer" and not view.show_results:
    st.info(t("app.committee.observer_wait"))

# ------------------------------------------------------------------ review: spread, comments, overrides
if view.show_spread or person.role == "moderator" and view.phase in ("review", "decision"):
    parts.review(person, sc, lang, t, _act, _value)

# ------------------------------------------------------------------ the committee's results
if view.show_results and (person.role != "moderator" or view.phase != "setup"):
    parts.results(person, sc, lang, t)
