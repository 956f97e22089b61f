"""The app's router: who is signed in, the sidebar, then the page the reader chose (pages live in
``mcda/ui/pages/``).

Page files are given by absolute path from this module's folder, so the router works from
a source checkout (``streamlit run app.py``) and from an installed wheel (``mcda app``).
:func:`run` is called on every rerun by the script Streamlit runs: the top-level ``app.py``
or ``mcda/ui/entry/app.py``.

Which pages exist depends on who is signed in (:mod:`mcda.ui.identity`, the ``t`` query parameter)
and the tender's phase, from the one permission table (:mod:`mcda.committee.roles`): without a
link, every page (the committee page asks for a personal link); the moderator, every page and the
committee page; a member, the committee page and their own judgments and scores (no results,
sensitivity or report page, in any phase: the committee's results are on the committee page once
they may see them); an observer, the committee page only. A page that is not registered cannot
be reached by its URL either.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from mcda.errors import MCDAError
from mcda.ui import drafts, identity, state
from mcda.ui.widgets import sidebar

__all__ = ["PAGES", "pages_for", "run"]

#: The folder of the page scripts (absolute).
PAGES = Path(__file__).resolve().parent / "pages"

_ALL = ("scenario", "criteria", "judgments", "scores", "results", "sensitivity", "settings", "report")
_ICONS = {"scenario": ":material/folder_open:", "criteria": ":material/account_tree:",
          "judgments": ":material/balance:", "scores": ":material/edit_note:", "results": ":material/leaderboard:",
          "sensitivity": ":material/tune:", "settings": ":material/settings:",
          "report": ":material/description:", "committee": ":material/groups:"}


def pages_for(role: str | None, phase: str | None = None) -> tuple[str, ...]:
    """The pages a role sees (the first is the default page)."""
    if role is None:
        return _ALL + ("committee",)
    if role == "moderator":
        return ("committee",) + _ALL
    if role == "member":
        return ("committee", "judgments", "scores")
    return ("committee",)


def run() -> None:
    """Configure the page, identify the reader, draw the sidebar and run the selected page."""
    st.set_page_config(page_title="vendor-eval", layout="wide")
    try:
        person = identity.resolve()
    except MCDAError as exc:
        identity.refuse(exc)
        return
    who = person.who.actor if person else ""
    if person is None:
        state.set_read_only(None)
        if state.fresh():
            drafts.restore()
    drafts.browser_id()
    sidebar()
    identity.sidebar()
    t = state.t
    names = pages_for(person.role if person else None, person.view.phase if person else None)
    pages = [st.Page(PAGES / f"{name}.py", title=t("app.page.committee") if name == "committee" else t(f"page_{name}"),
                     icon=_ICONS[name], default=i == 0) for i, name in enumerate(names)]
    try:
        st.navigation(pages).run()
    finally:
        drafts.keep(who)
