"""vendor-eval Streamlit app: a small router; the pages live in mcda/ui/pages/."""
import streamlit as st

from mcda.ui import state
from mcda.ui.i18n import label

st.set_page_config(page_title="vendor-eval", layout="wide")
state.language_switch()
lang = state.lang()
pages = [
    st.Page("mcda/ui/pages/scenario.py", title=label("page_scenario", lang), default=True),
]
st.navigation(pages).run()
