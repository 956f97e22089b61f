"""The what-if tab of the Sensitivity page: pick any node (the dimensions, or the sub-criteria of one),
move its children's local weights on sliders scaled to the weights' range, and see the ranking beside
them at once. Nothing here changes the scenario: the what-if weights live in :mod:`mcda.ui.state`.
"""
from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from mcda.engine import analysis
from mcda.engine.evaluation import Evaluation
from mcda.ui import charts, state
from mcda.ui.names import method_short, pct

__all__ = ["slider_max", "whatif_tab"]


def slider_max(weights: list[float]) -> float:
    """The sliders' upper end in percent: 3x the largest weight, rounded up to 5 %, at most 100 %.

    >>> slider_max([0.02, 0.10, 0.05]), slider_max([0.5, 0.5]), slider_max([0.011])
    (30.0, 100.0, 5.0)
    """
    top = 3 * 100 * max(weights, default=1.0)
    return float(min(100.0, max(5.0, 5 * math.ceil(top / 5 - 1e-9))))


def whatif_tab(ev: Evaluation, names: dict[str, str], vendors: list[str], pick_method) -> None:
    """The tab's content (``names``: criterion id -> name; ``vendors`` in evaluation order)."""
    t = state.translator()
    lang = state.lang()
    digest = state.digest()
    root = ev.weights.root
    movable = [p for p, kids in ev.weights.local.items() if len(kids) >= 2]
    movable.sort(key=lambda p: (p != root, list(names).index(p) if p in names else 0))
    overrides = state.whatif_local() or {}

    def node_label(p: str) -> str:
        return t("whatif_dimensions") if p == root else names.get(p, p)

    def slider_key(node: str, child: str) -> str:
        return state.key("wi", digest[:16], node, child)

    def moved(node: str, child: str) -> None:
        """One weight moved: its siblings rescale in proportion (the engine's rule) and their sliders follow."""
        now = dict(state.whatif_local() or {})
        current = now.get(node, ev.weights.local[node])
        new = analysis.rescale_local(current, child, state.value(slider_key(node, child)) / 100.0)
        now[node] = new
        state.set_whatif_local(now)
        top = slider_max(list(ev.weights.local[node].values()))
        for c in new:
            if c != child:  # a sibling grown past the range shows at its end (the weight itself is kept)
                state.set_value(slider_key(node, c), min(top, round(100.0 * new[c], 1)))

    def reset() -> None:
        state.clear_whatif()
        for p in movable:
            for c, w in ev.weights.local[p].items():
                state.set_value(slider_key(p, c), round(100.0 * w, 1))

    left, right = st.columns([2, 3], gap="medium")
    with left:
        node = state.pick(st.selectbox, t("whatif_node"), movable, "whatif_node", format_func=node_label)
        st.caption(t("whatif_help"))
        committee = ev.weights.local[node]
        local = overrides.get(node, committee)
        top = slider_max(list(committee.values()))  # fixed per node: a slider whose range changed would be a new widget
        with st.container(height=520 if len(committee) > 8 else "content", border=False):
            for c in committee:
                state.ensure(slider_key(node, c), min(top, round(100.0 * local[c], 1)))
                st.slider(names.get(c, c), min_value=0.0, max_value=top, step=0.1, format="%.1f%%",
                          key=slider_key(node, c), on_change=moved, args=(node, c),
                          help=t("committee_weight", weight=pct(committee[c])))
    with right:
        method = pick_method("whatif", list(ev.methods))
        st.button(t("reset_weights"), on_click=reset, icon=":material/restart_alt:", disabled=not overrides,
                  key=state.key("wi_reset"))
        shown = analysis.whatif(ev, overrides) if overrides else ev
        out = shown.methods[method]
        if overrides:
            changed = ", ".join(node_label(p) for p in overrides)
            st.info(t("whatif_active", nodes=changed))
        st.plotly_chart(charts.ranking_bars(vendors, out.scores.tolist(), out.ranks.tolist(),
                                            title=t("whatif_ranking", method=method_short(method, lang)),
                                            x_title=t("score")), key=state.key("wi_rank"))
        rows = []
        for i in out.order():
            row = {t("vendor"): vendors[i]}
            for m in ev.methods:
                before, after = int(ev.methods[m].ranks[i]), int(shown.methods[m].ranks[i])
                row[method_short(m, lang)] = f"{before}" if before == after else f"{before} → {after}"
            rows.append(row)
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        st.caption(t("rank_change_help"))
    kids = list(committee)
    st.plotly_chart(charts.grouped_bars([names.get(c, c) for c in kids], {t("committee"): [committee[c] for c in kids],
                                                                          t("whatif"): [local[c] for c in kids]},
                                        title=t("whatif_weights", node=node_label(node))),
                    key=state.key("wi_weights"))
