"""Results page: every method's ranking side by side, why the winner wins, contributions by dimension,
the vendors' profiles across dimensions, how far the methods agree, and the engine's warnings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from mcda.engine.headline import affine_groups
from mcda.ui import charts, state
from mcda.ui.headline import show_headline
from mcda.ui.names import (
    criterion_names,
    fullwidth,
    method_label,
    method_short,
    normalization_label,
    num,
    pct,
    vendor_names,
)
from mcda.ui.widgets import evaluation_result, header, plain

lang = state.lang()
t = state.translator()
header("page_results", "results_help")
sc = state.scenario()
ev, error = evaluation_result()
# ------------------------------------------------------------------ headline (checklist while incomplete)
show_headline(ev, error)
if ev is None:
    st.stop()
vn = vendor_names(sc, lang)
cn = criterion_names(sc, lang)
vendors = [vn[v] for v in ev.vendors]
dims = [cn[d] for d in ev.problem.dimensions]
methods = list(ev.methods)

if ev.notes:
    with st.expander(t("engine_warnings_n", n=len(ev.notes)), expanded=False):
        name = ev.names(lang)
        for note in ev.notes:
            st.warning(plain(fullwidth(note.text(lang, name), lang)))

# ------------------------------------------------------------------ rankings side by side
st.subheader(t("rankings"))
table = pd.DataFrame({t("vendor"): vendors})
for m in methods:
    out = ev.methods[m]
    table[f"{method_short(m, lang)} · {t('rank')}"] = out.ranks
    table[f"{method_short(m, lang)} · {t('score')}"] = out.scores
first = ev.methods[methods[0]]
table = table.iloc[first.order()].reset_index(drop=True)
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={c: st.column_config.NumberColumn(format="%.4f") for c in table.columns if c.endswith(t("score"))},
)
panels = [(method_label(m, lang), ev.methods[m].scores.tolist(), ev.methods[m].ranks.tolist()) for m in methods]
st.plotly_chart(
    charts.ranking_dots(vendors, panels, first.order().tolist(), x_title=t("score")), key=state.key("rank_dots")
)
colon = "：" if lang == "zh" else ": "
st.caption(
    t(
        "normalization_used",
        name=" · ".join(
            f"{method_label(m, lang)}{colon}{normalization_label(ev.methods[m].normalization, lang, m)}"
            for m in methods
        ),
    )
)
lower = [method_label(m, lang) for m in methods if not ev.methods[m].higher_is_better]
if lower:
    st.caption(t("lower_is_better", methods="、".join(lower) if lang == "zh" else ", ".join(lower)))
st.caption(t("zoomed_help"))

# ------------------------------------------------------------------ why the winner wins
st.subheader(t("why_winner"))
groups = affine_groups({m: ev.methods[m].scores for m in methods}, {m: ev.methods[m].higher_is_better for m in methods})
for group in groups:  # methods identical up to a positive affine map explain alike: one sentence for them
    m = group[0]
    out = ev.methods[m]
    order = out.order()
    if not out.reasons or len(order) < 2:
        continue
    win, second = vendors[order[0]], vendors[order[1]]
    parts = []
    for r in out.reasons:
        side = win if r.share >= 0 else second
        parts.append(t("reason_part", dimension=cn[r.dimension], share=pct(abs(r.share), 0), vendor=side))
    st.markdown(
        t(
            "reason_sentence",
            method=("、" if lang == "zh" else " / ").join(method_label(x, lang) for x in group),
            winner=win,
            second=second,
            parts=("；" if lang == "zh" else "; ").join(parts),
        )
    )

# ------------------------------------------------------------------ contributions and profiles
explained = sorted(
    (m for m in methods if ev.methods[m].contributions is not None),
    key=lambda m: ev.methods[m].contribution_kind != "score",
)
if explained:
    st.subheader(t("contributions"))
    m = state.pick(
        st.segmented_control, t("method"), explained, "contrib_method", format_func=lambda x: method_label(x, lang)
    )
    out = ev.methods[m]
    kind = out.contribution_kind
    order = out.order()
    fig = charts.stacked_bars(
        [vendors[i] for i in order],
        dims,
        out.contributions[order].tolist(),
        title=t("contributions_title", method=method_label(m, lang)),
        x_title=t(f"contrib_{kind}"),
        height=230 + 34 * len(order),
    )
    st.plotly_chart(fig, key=state.key("contrib"))
    st.caption(t(f"contrib_{kind}_help"))
    additive = [x for x in explained if ev.methods[x].contribution_kind == "score"]
    if additive:
        a = ev.methods[additive[0]]
        st.subheader(t("profiles"))
        st.plotly_chart(
            charts.radar(
                vendors,
                dims,
                a.contributions.tolist(),
                title=t("profiles_title", method=method_label(additive[0], lang)),
            ),
            key=state.key("radar"),
        )
        st.caption(t("profiles_help"))

# ------------------------------------------------------------------ head to head
if explained and len(vendors) >= 2:
    st.subheader(t("head_to_head"))
    order = ev.methods[explained[0]].order()
    c1, c2, c3 = st.columns(3)
    with c1:
        a = state.pick(st.selectbox, t("vendor_a"), order.tolist(), "h2h_a", format_func=vendors.__getitem__)
    with c2:
        rest = [i for i in order.tolist() if i != a]
        b = state.pick(st.selectbox, t("vendor_b"), rest, "h2h_b", format_func=vendors.__getitem__)
    with c3:
        m = state.pick(st.selectbox, t("method"), explained, "h2h_method", format_func=lambda x: method_label(x, lang))
    out = ev.methods[m]
    diff = out.contributions[a] - out.contributions[b]
    if out.contribution_kind != "score":  # a distance: shorter is better
        diff = -diff
    st.plotly_chart(
        charts.diverging_bars(
            dims,
            diff.tolist(),
            left_name=f"◀ {vendors[b]}",
            right_name=f"{vendors[a]} ▶",
            title=t("h2h_title", a=vendors[a], b=vendors[b], method=method_short(m, lang)),
            x_title=t(f"h2h_x_{'score' if out.contribution_kind == 'score' else 'distance'}"),
        ),
        key=state.key("h2h"),
    )
    ahead_a, ahead_b = int((diff > 1e-12).sum()), int((diff < -1e-12).sum())
    st.caption(t("h2h_help", a=vendors[a], b=vendors[b], na=ahead_a, nb=ahead_b, total=num(float(diff.sum()), 4)))

# ------------------------------------------------------------------ agreement
if ev.agreement is not None:
    st.subheader(t("agreement"))
    a = ev.agreement
    labels = [method_short(x, lang) for x in a.names]
    c1, c2 = st.columns(2)
    c1.plotly_chart(
        charts.heatmap(
            labels,
            labels,
            a.spearman.tolist(),
            title=t("spearman_title"),
            zmin=-1,
            zmax=1,
            colorscale="RdBu",
            height=200 + 60 * len(labels),
        ),
        key=state.key("spearman"),
    )
    c2.plotly_chart(
        charts.heatmap(
            labels,
            labels,
            a.ws.tolist(),
            title=t("ws_title"),
            zmin=0,
            zmax=1,
            colorscale="Blues",
            height=200 + 60 * len(labels),
        ),
        key=state.key("ws"),
    )
    st.caption(t("agreement_help"))
    if a.dissenters:
        st.warning(t("dissenters", methods=", ".join(method_label(x, lang) for x in a.dissenters)))
