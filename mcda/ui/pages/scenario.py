"""Scenario page: open a scenario, see its validation report and its criteria tree."""
from __future__ import annotations

import streamlit as st

from mcda.lint import lint
from mcda.resources import example_path
from mcda.files import load_scenario
from mcda.ui import state
from mcda.ui.state import t

lang = state.lang()
sc = state.scenario()
st.title(t("app_title"))
st.caption(f"{t('current_scenario')}: {state.source_label()} — {sc.metadata.title}")

left, right = st.columns(2)
with left:
    if st.button(t("open_example")):
        state.set_scenario(load_scenario(example_path(), lint=False), example_path().name)
        st.rerun()
with right:
    upload = st.file_uploader(t("upload"), type=["json"])
    if upload is not None:
        error = state.open_upload(upload.name, upload.getvalue())
        if error:
            st.error(f"{t('upload_failed')}: {error}")
        else:
            st.success(f"{t('opened')}: {upload.name}")
            sc = state.scenario()

c1, c2, c3, c4 = st.columns(4)
c1.metric(t("dimensions"), len(sc.criteria.children))
c2.metric(t("criteria"), len(sc.criteria.leaves()))
c3.metric(t("members"), len(sc.members))
c4.metric(t("vendors"), len(sc.vendors))

st.subheader(t("validation"))
st.success(t("valid"))
found = lint(sc)
with st.expander(f"{t('warnings')} ({len(found)})", expanded=False):
    if not found:
        st.write(t("no_warnings"))
    for p in found:
        st.warning(f"`{p.path}` {p.message}")

st.subheader(t("criteria_tree"))
rows = []
for node, parent, depth in sc.criteria.walk():
    if depth == 0:
        continue
    rows.append({
        t("id"): node.id,
        t("name"): ("\u3000" * (depth - 1)) + node.name.get(lang),
        t("direction"): t(node.direction) if node.direction else "",
        t("scale"): node.scale or "",
        t("source"): ", ".join(map(str, node.source.sections)) + (f".{node.source.item}" if node.source and node.source.item else "") if node.source else "",
    })
st.dataframe(rows, hide_index=True, width="stretch", height=600)
