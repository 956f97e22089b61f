"""The signed-in person of a tender: the ``t`` query parameter -> an identity (:mod:`mcda.committee`).

With ``?t=TOKEN`` in the URL, every run asks :func:`mcda.committee.find_tender` whose link it is
(unknown, revoked or expired links get :func:`refuse`: one page, in the reader's language, and
nothing else) and :meth:`mcda.committee.Tender.view` what they may see now. The token itself is
never shown, logged, kept in session state or put in a message: only the identity (role, person,
the tender's name) and the view are kept (:func:`mcda.ui.state.set_person`).

A member works on the scenario cut down to their own part (:func:`mcda.committee.views.visible_scenario`),
so no page can show another member's inputs; :func:`save_own` writes their part back through
:meth:`mcda.committee.Tender.save_inputs`. An observer reads the committee's results, after the decision.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import streamlit as st

from mcda.committee import Identity, Tender, View, find_tender
from mcda.errors import MCDAError, render
from mcda.scenario.io import parse_scenario
from mcda.scenario.schema import Scenario
from mcda.store import Store
from mcda.ui import drafts, state

__all__ = ["Person", "token_given", "resolve", "refuse", "tender", "save_own", "sidebar", "reload", "adopt"]


@dataclass(frozen=True)
class Person:
    """The signed-in person of this run: their identity and what they may see."""

    who: Identity
    view: View
    latest: int  # the tender's latest version when this run started

    @property
    def role(self) -> str:
        return self.who.role

    @property
    def name(self) -> str:
        return self.who.name


#: Streamlit session id -> the token of its link, in this process's memory only (not in session state, never
#: shown): Streamlit clears the query parameters when the reader switches pages, so the link is put back into
#: the URL (the reader's own address bar) for a reload to keep working.
_LINKS: dict[str, str] = {}
_MAX_LINKS = 10_000


def _session_id() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def token_given() -> bool:
    if "t" in st.query_params:
        return True
    sid = _session_id()
    if sid in _LINKS and state.person() is not None:  # the same browser session after a page switch
        st.query_params["t"] = _LINKS[sid]
        return True
    return False


def _remember(token: str) -> None:
    sid = _session_id()
    if sid is None:
        return
    if len(_LINKS) >= _MAX_LINKS:
        _LINKS.pop(next(iter(_LINKS)))
    _LINKS[sid] = token


def _forget() -> None:
    _LINKS.pop(_session_id(), None)


def tender(store: Store, person: Person) -> Tender:
    return Tender(store, person.name)


def _load(person: Person, store: Store) -> None:
    """Open the tender's scenario for ``person`` (a kept draft first, for those who edit)."""
    if person.role != "observer" and drafts.restore(person.who.actor, person.name):
        return
    if person.role == "moderator":
        version, full = Tender(store, person.name).scenario()
        state.set_scenario(full, f"{person.name} v{version}", library=(person.name, version))
    else:
        state.set_scenario(person.view.scenario, f"{person.name} v{person.latest}",
                           library=(person.name, person.latest))


def resolve() -> Person | None:
    """The signed-in person (None without ``t``); raises :class:`MCDAError` for a link that is not valid."""
    if not token_given():
        state.set_person(None)
        return None
    token = st.query_params.get("t")
    try:
        with Store() as store:
            who = find_tender(store, token)
    except MCDAError:
        _forget()
        raise
    _remember(token)
    del token
    with Store() as store:
        t = Tender(store, who.name)
        view = t.view(who)
        latest = t.scenario()[0]
    person = Person(who, view, latest)
    before = state.person()
    if before is not None and (before.who.actor, before.name) != (who.actor, who.name):
        state.set_scenario(person.view.scenario, "", library=(person.name, latest))  # another link in this tab
    state.set_person(person)
    with Store() as store:
        if state.fresh():
            _load(person, store)
        elif person.role == "observer":
            state.set_scenario(view.scenario, f"{person.name} v{latest}", library=(person.name, latest))
        elif person.role == "moderator" and not state.unsaved() and (state.library_entry() or ("", 0))[1] < latest:
            _load_latest(store, person)
    state.set_read_only(_read_only_reason(view))
    return person


def _load_latest(store: Store, person: Person) -> None:
    version, full = Tender(store, person.name).scenario()
    state.set_scenario(full, f"{person.name} v{version}", library=(person.name, version))


def reload() -> None:
    """The moderator: open the tender's latest version (drops unsaved work; the caller asked first)."""
    person = state.person()
    if person is not None and person.role == "moderator":
        with Store() as store:
            _load_latest(store, person)


def adopt(url: str) -> None:
    """After the moderator reissued the links (which revokes their own): continue with their new link."""
    token = parse_qs(urlsplit(url).query).get("t", [""])[0]
    if token:
        st.query_params["t"] = token


def _read_only_reason(view: View) -> str | None:
    t = state.t
    if view.role == "observer":
        return t("app.readonly.observer")
    if view.role == "moderator":
        return None if view.phase == "setup" else t("app.readonly.moderator", phase=t(f"app.phase.{view.phase}"))
    if view.locked:
        return t("app.readonly.locked")
    if not view.may_edit:
        return t("app.readonly.phase", phase=t(f"app.phase.{view.phase}"))
    return None


def refuse(exc: MCDAError) -> None:
    """The page for a link that is not valid: why, in the reader's language, and nothing else."""
    state.set_person(None)
    lang = state.lang()
    st.title(state.t("app.link.title"))
    st.error(render(exc, lang))
    st.caption(state.t("app.link.help"))
    st.stop()


def _own_part(full: Scenario, mine: Scenario, member: str) -> Scenario:
    """``full`` with ``member``'s judgments and scores taken from ``mine`` (nothing else is taken)."""
    data = full.model_dump(mode="json")
    own = mine.model_dump(mode="json")
    for section in ("judgments", "scores"):
        if member in own[section]:
            data[section][member] = own[section][member]
        else:
            data[section].pop(member, None)
    return parse_scenario(data)


def save_own(comment: str | None) -> int:
    """A member: save their own part of the scenario being worked on; the new version (MCDAError if refused)."""
    person = state.person()
    if person is None or person.role != "member":
        raise MCDAError(code="err.committee.not_allowed", action="edit_own", role="-", phase="-")
    with Store() as store:
        t = Tender(store, person.name)
        version, full = t.scenario()
        mine = _own_part(full, state.scenario(), person.who.person)
        new = t.save_inputs(person.who, mine, version, comment or None)
        view = t.view(person.who)
    state.set_scenario(view.scenario, f"{person.name} v{new}", library=(person.name, new))
    return new


def sidebar() -> None:
    """Who is signed in, their role and the tender's phase (no token, ever)."""
    person = state.person()
    if person is None:
        return
    t = state.t
    who = t(f"app.role.{person.role}") + (f" · {person.who.person}" if person.who.person else "")
    st.sidebar.info(t("app.signed_in", who=who, phase=t(f"app.phase.{person.view.phase}")))
