"""Results page: every method's ranking side by side, why the winner wins, contributions by dimension,
the vendors' profiles across dimensions, how far the methods agree, and the engine's warnings."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from mcda.ui import charts, state
from mcda.ui.names import criterion_names, method_label, pct, vendor_names
from mcda.ui.widgets import current_evaluation, header, plain

lang = state.lang()
t = state.translator()
header("page_results", "results_help")
sc = state.scenario()
ev = current_evaluation()
if ev is None:
    st.stop()
vn = vendor_names(sc, lang)
cn = criterion_names(sc, lang)
vendors = [vn[v] for v in ev.vendors]
dims = [cn[d] for d in ev.problem.dimensions]
methods = list(ev.methods)

# ------------------------------------------------------------------ headline
winners = ev.winners()
agreed = {w for ws in winners.values() for w in ws}
if len(agreed) == 1:
    st.success(t("winner_all", vendor=vn[next(iter(agreed))], n=len(methods)))
else:
    st.warning(t("winner_split", detail="; ".join(f"{method_label(m, lang)}: {', '.join(vn[v] for v in ws)}"
                                                   for m, ws in winners.items())))
if ev.notes:
    with st.expander(f"{t('engine_warnings')} ({len(ev.notes)})", expanded=True):
        name = ev.names(lang)
        for note in ev.notes:
            st.warning(plain(note.text(lang, name)))

# ------------------------------------------------------------------ rankings side by side
st.subheader(t("rankings"))
table = pd.DataFrame({t("vendor"): vendors})
for m in methods:
    out = ev.methods[m]
    table[f"{method_label(m, lang)} · {t('rank')}"] = out.ranks
    table[f"{method_label(m, lang)} · {t('score')}"] = out.scores
first = ev.methods[methods[0]]
table = table.iloc[first.order()].reset_index(drop=True)
st.dataframe(table, hide_index=True, width="stretch",
             column_config={c: st.column_config.NumberColumn(format="%.4f") for c in table.columns if c.endswith(t("score"))})
cols = st.columns(len(methods))
for col, m in zip(cols, methods):
    out = ev.methods[m]
    with col:
        st.plotly_chart(charts.ranking_bars(vendors, out.scores.tolist(), out.ranks.tolist(), title=method_label(m, lang),
                                            x_title=t("score_lower_better") if not out.higher_is_better else t("score")),
                        key=state.key("rank_bars", m))
        st.caption(t("normalization_used", name=out.normalization))

# ------------------------------------------------------------------ why the winner wins
st.subheader(t("why_winner"))
for m in methods:
    out = ev.methods[m]
    order = out.order()
    if not out.reasons or len(order) < 2:
        continue
    win, second = vendors[order[0]], vendors[order[1]]
    parts = []
    for r in out.reasons:
        side = win if r.share >= 0 else second
        parts.append(t("reason_part", dimension=cn[r.dimension], share=pct(abs(r.share), 0), vendor=side))
    st.markdown(t("reason_sentence", method=method_label(m, lang), winner=win, second=second, parts="; ".join(parts)))

# ------------------------------------------------------------------ contributions and profiles
explained = [m for m in methods if ev.methods[m].contributions is not None]
if explained:
    st.subheader(t("contributions"))
    m = state.pick(st.segmented_control, t("method"), explained, "contrib_method",
                   format_func=lambda x: method_label(x, lang))
    out = ev.methods[m]
    kind = out.contribution_kind
    order = out.order()
    fig = charts.stacked_bars([vendors[i] for i in order], dims, out.contributions[order].tolist(),
                              title=t("contributions_title", method=method_label(m, lang)),
                              x_title=t(f"contrib_{kind}"))
    st.plotly_chart(fig, key=state.key("contrib"))
    st.caption(t(f"contrib_{kind}_help"))
    additive = [x for x in explained if ev.methods[x].contribution_kind == "score"]
    if additive:
        a = ev.methods[additive[0]]
        st.subheader(t("profiles"))
        st.plotly_chart(charts.radar(vendors, dims, a.contributions.tolist(),
                                     title=t("profiles_title", method=method_label(additive[0], lang))),
                        key=state.key("radar"))
        st.caption(t("profiles_help"))

# ------------------------------------------------------------------ agreement
if ev.agreement is not None:
    st.subheader(t("agreement"))
    a = ev.agreement
    labels = [method_label(x, lang) for x in a.names]
    c1, c2 = st.columns(2)
    c1.plotly_chart(charts.heatmap(labels, labels, a.spearman.tolist(), title=t("spearman_title"), zmin=-1, zmax=1,
                                   colorscale="RdBu", height=200 + 60 * len(labels)), key=state.key("spearman"))
    c2.plotly_chart(charts.heatmap(labels, labels, a.ws.tolist(), title=t("ws_title"), zmin=0, zmax=1,
                                   colorscale="Blues", height=200 + 60 * len(labels)), key=state.key("ws"))
    st.caption(t("agreement_help"))
    if a.dissenters:
        st.warning(t("dissenters", methods=", ".join(method_label(x, lang) for x in a.dissenters)))
