"""The app's router: the sidebar, then the page the reader chose (pages live in ``mcda/ui/pages/``).

Page files are given by absolute path from this module's folder, so the router works from
a source checkout (``streamlit run app.py``) and from an installed wheel (``mcda app``).
:func:`run` is called on every rerun by the script Streamlit runs: the top-level ``app.py``
or ``mcda/ui/entry/app.py``.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from mcda.ui import state
from mcda.ui.widgets import sidebar

__all__ = ["PAGES", "run"]

#: The folder of the page scripts (absolute).
PAGES = Path(__file__).resolve().parent / "pages"


def run() -> None:
    """Configure the page, draw the sidebar and run the selected page."""
    st.set_page_config(page_title="vendor-eval", layout="wide")
    sidebar()
    t = state.t
    pages = [
        st.Page(PAGES / "scenario.py", title=t("page_scenario"), icon=":material/folder_open:", default=True),
        st.Page(PAGES / "criteria.py", title=t("page_criteria"), icon=":material/account_tree:"),
        st.Page(PAGES / "judgments.py", title=t("page_judgments"), icon=":material/balance:"),
        st.Page(PAGES / "scores.py", title=t("page_scores"), icon=":material/edit_note:"),
        st.Page(PAGES / "results.py", title=t("page_results"), icon=":material/leaderboard:"),
        st.Page(PAGES / "sensitivity.py", title=t("page_sensitivity"), icon=":material/tune:"),
        st.Page(PAGES / "report.py", title=t("page_report"), icon=":material/description:"),
    ]
    st.navigation(pages).run()
