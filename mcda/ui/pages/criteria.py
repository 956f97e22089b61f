"""Criteria page: the hierarchy sized by global weight, the tree with its weights, editing, lint warnings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from mcda.scenario import edits
from mcda.ui import cache, charts, state
from mcda.ui.names import criterion_at, criterion_names, fullwidth, ids_to_names, pct
from mcda.ui.widgets import current_weights, header, plain, show_error

lang = state.lang()
t = state.translator()
header("page_criteria", "criteria_help")
sc = state.scenario()
names = criterion_names(sc, lang)
nodes = [(n, p, d) for n, p, d in sc.criteria.walk()]
w = current_weights()

tab_chart, tab_tree, tab_edit, tab_lint = st.tabs(
    [t("tab_weights_chart"), t("tab_tree"), t("tab_edit"), t("tab_lint")], key=state.key("criteria_tabs")
)

with tab_chart:
    if w is None:
        st.info(t("weights_unavailable"))
    else:
        leaf_w = w.global_weights
        fig = charts.weights_sunburst(
            ids=[n.id for n, _, _ in nodes],
            labels=[names[n.id] for n, _, _ in nodes],
            parents=[p.id if p is not None else "" for _, p, _ in nodes],
            values=[leaf_w.get(n.id, 0.0) for n, _, _ in nodes],
            title=t("sunburst_title"),
        )
        st.plotly_chart(fig, key=state.key("sunburst"))
        st.caption(t("sunburst_help"))

with tab_tree:
    local = w.local if w is not None else {}
    rows = []
    for node, parent, depth in nodes:
        if depth == 0:
            continue
        scale = sc.scales.get(node.scale) if node.scale else None
        rows.append(
            {
                t("id"): node.id,
                t("name"): ("\u3000" * (depth - 1)) + names[node.id],
                t("local_weight"): pct(local.get(parent.id, {}).get(node.id)) if parent is not None else "",
                t("global_weight"): pct(w.global_weights.get(node.id)) if w is not None and node.is_leaf else "",
                t("direction"): t(node.direction) if node.direction and node.is_leaf else "",
                t("scale"): (node.scale or "") + (f" ({scale.kind})" if scale else ""),
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height=600)

# ------------------------------------------------------------------ editing
_all_ids = [n.id for n, _, _ in nodes]
_depth = {n.id: d for n, _, d in nodes}
_node = {n.id: n for n, _, _ in nodes}


def _fmt(node_id: str) -> str:
    return ("· " * _depth[node_id]) + f"{names[node_id]} ({node_id})"


def _done(error: str | None, message: str) -> None:
    if error:
        show_error(t("edit_refused"), error)
    else:
        state.flash("success", message)
        st.rerun()


with tab_edit:
    st.caption(t("edit_help"))
    rename, add, remove, leaf = st.tabs(
        [t("rename"), t("add_criterion"), t("remove_criterion"), t("leaf_settings")], key=state.key("edit_tabs")
    )
    with rename:
        target = state.pick(st.selectbox, t("criterion"), _all_ids, "rename_target", format_func=_fmt)
        node = _node[target]
        state.sync(
            f"rename|{target}",
            {state.key("rename_zh", target): node.name.zh, state.key("rename_en", target): node.name.en},
        )
        zh = st.text_input(t("name_zh"), key=state.key("rename_zh", target))
        en = st.text_input(t("name_en"), key=state.key("rename_en", target))
        if st.button(t("apply_rename"), key=state.key("do_rename")):
            _done(state.apply(edits.rename_criterion, target, zh, en), t("renamed", name=zh or en))
    with add:
        parent = state.pick(st.selectbox, t("add_under"), _all_ids, "add_parent", format_func=_fmt)
        if _node[parent].is_leaf and parent != sc.criteria.id:
            st.warning(t("add_under_leaf"))
        c1, c2, c3 = st.columns(3)
        new_id = c1.text_input(t("id"), key=state.key("add_id"), help=t("id_help"))
        new_zh = c2.text_input(t("name_zh"), key=state.key("add_zh"))
        new_en = c3.text_input(t("name_en"), key=state.key("add_en"))
        d1, d2 = st.columns(2)
        direction = d1.radio(
            t("direction"), ["benefit", "cost"], format_func=t, key=state.key("add_direction"), horizontal=True
        )
        scales = list(sc.scales)
        scale = d2.selectbox(t("scale"), scales, key=state.key("add_scale")) if scales else None
        if st.button(t("apply_add"), key=state.key("do_add"), type="primary"):
            _done(
                state.apply(edits.add_criterion, parent, new_id, new_zh, new_en, direction, scale),
                t("added", name=new_zh or new_en or new_id),
            )
    with remove:
        removable = [i for i in _all_ids if i != sc.criteria.id]
        target = state.pick(st.selectbox, t("criterion"), removable, "remove_target", format_func=_fmt)
        st.warning(t("remove_warning", name=names[target]))
        sure = st.checkbox(t("remove_confirm"), key=state.key("remove_sure", target))
        if st.button(t("apply_remove"), key=state.key("do_remove"), disabled=not sure):
            _done(state.apply(edits.remove_criterion, target), t("removed", name=names[target]))
    with leaf:
        leaves = [n.id for n in sc.criteria.leaves()]
        target = state.pick(st.selectbox, t("criterion"), leaves, "leaf_target", format_func=_fmt)
        node = _node[target]
        directions, scales = ["benefit", "cost"], list(sc.scales)
        state.sync(
            f"leaf|{target}",
            {
                state.key("leaf_direction", target): node.direction or "benefit",
                state.key("leaf_scale", target): node.scale if node.scale in scales else scales[0],
            },
        )
        d = st.radio(
            t("direction"), directions, format_func=t, horizontal=True, key=state.key("leaf_direction", target)
        )
        s = st.selectbox(t("scale"), scales, key=state.key("leaf_scale", target))
        if st.button(t("apply_leaf"), key=state.key("do_leaf")):
            _done(state.apply(edits.set_leaf, target, d, s), t("leaf_updated", name=names[target]))

with tab_lint:
    found = cache.problems(state.digest(), sc, lang)
    if not found:
        st.success(t("no_warnings"))
    table = sc.names(lang)
    colon = "：" if lang == "zh" else ": "
    for p in found:
        where = criterion_at(sc, p.path, lang)
        st.warning(f"**{plain(where)}**{colon}{plain(fullwidth(ids_to_names(p.text(lang), table, lang), lang))}")
