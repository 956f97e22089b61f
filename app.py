"""vendor-eval Streamlit app: a small router; the pages live in mcda/ui/pages/."""
import streamlit as st

from mcda.ui import state
from mcda.ui.widgets import sidebar

st.set_page_config(page_title="vendor-eval", layout="wide")
sidebar()
t = state.t
pages = [
    st.Page("mcda/ui/pages/scenario.py", title=t("page_scenario"), icon=":material/folder_open:", default=True),
    st.Page("mcda/ui/pages/criteria.py", title=t("page_criteria"), icon=":material/account_tree:"),
    st.Page("mcda/ui/pages/judgments.py", title=t("page_judgments"), icon=":material/balance:"),
    st.Page("mcda/ui/pages/scores.py", title=t("page_scores"), icon=":material/edit_note:"),
    st.Page("mcda/ui/pages/results.py", title=t("page_results"), icon=":material/leaderboard:"),
    st.Page("mcda/ui/pages/sensitivity.py", title=t("page_sensitivity"), icon=":material/tune:"),
    st.Page("mcda/ui/pages/settings.py", title=t("page_settings"), icon=":material/settings:"),
    st.Page("mcda/ui/pages/report.py", title=t("page_report"), icon=":material/description:"),
]
st.navigation(pages).run()
