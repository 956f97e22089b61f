"""Sensitivity page: what-if dimension weights with live re-ranking, the one-way sweep with its
crossovers, stability intervals and the tornado, and SMAA rank acceptability with a progress bar.

All numbers come from :mod:`mcda.engine.analysis`; the tabs are lazy (only the open one runs), so moving a
slider reruns only the what-if part.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from mcda.engine import analysis
from mcda.errors import MCDAError
from mcda.ui import cache, charts, state
from mcda.ui.names import criterion_names, fullwidth, method_label, method_short, pct, vendor_names
from mcda.ui.whatif import whatif_tab
from mcda.ui.widgets import current_evaluation, header, plain, show_error

#: SMAA confidence factors are shown only for vendors first in at least this share of the samples.
MEANINGFUL = 0.01
lang = state.lang()
t = state.translator()
header("page_sensitivity", "sensitivity_help")
sc = state.scenario()
ev = current_evaluation()
if ev is None:
    st.stop()
digest = state.digest()
vn = vendor_names(sc, lang)
cn = criterion_names(sc, lang)
vendors = [vn[v] for v in ev.vendors]
dims = list(ev.problem.dimensions)
analysed = list(analysis.SENSITIVITY_METHODS)


def _pick_method(where: str, options: list[str]) -> str:
    return state.pick(
        st.selectbox, t("method"), options, f"sens_method|{where}", format_func=lambda m: method_label(m, lang)
    )


tab_labels = [t("tab_whatif"), t("tab_oneway"), t("tab_smaa"), t("tab_reversal")]
tab_whatif, tab_oneway, tab_smaa, tab_reversal = st.tabs(tab_labels, key=state.key("sens_tab"), on_change="rerun")

# ------------------------------------------------------------------ what-if (any node)
if tab_whatif.open is not False:
    with tab_whatif:
        whatif_tab(ev, cn, vendors, _pick_method)

# ------------------------------------------------------------------ one-way: sweep, stability, tornado
if tab_oneway.open:
    with tab_oneway:
        st.caption(t("oneway_help"))
        method = _pick_method("oneway", analysed)
        level = state.pick(
            st.segmented_control, t("level"), ["dimensions", "all"], "sens_level", format_func=lambda x: t(f"level_{x}")
        )
        candidates = dims if level == "dimensions" else [n.id for n, _, d in sc.criteria.walk() if d >= 1]
        node = state.pick(st.selectbox, t("sweep_node"), candidates, f"sweep_node|{level}", format_func=cn.get)
        with st.spinner(t("computing")):
            sweep, error = cache.analysis_call(
                "sweep", digest, f"{node}|{method}", lambda: analysis.node_sweep(ev, node, method=method)
            )
        if error:
            show_error(t("engine_error"), error)
        else:
            crossings = [(x, vn[a], vn[b]) for x, a, b in sweep.crossovers]
            st.plotly_chart(
                charts.sweep_lines(
                    sweep.t.tolist(),
                    sweep.scores.tolist(),
                    vendors,
                    sweep.current,
                    crossings,
                    title=t("sweep_title", node=cn[node], method=method_short(method, lang)),
                    x_title=t("sweep_x", node=cn[node]),
                    y_title=t("score"),
                    current_label=t("now"),
                    crossing_label=t("crossings", n=len(crossings)),
                ),
                key=state.key("sweep"),
            )
            if crossings:
                st.caption(t("crossings_help"))
                st.markdown("\n".join(f"- {t('crossing_row', at=pct(x), a=a, b=b)}" for x, a, b in crossings))
            else:
                st.caption(t("no_crossings", node=cn[node]))
        critical, error = cache.analysis_call(
            "critical", digest, f"{method}|{lang}", lambda: analysis.critical_sentences(ev, method=method, lang=lang)
        )
        if critical:
            st.markdown(
                f"**{t('critical_title')}**\n\n" + "\n".join(f"- {plain(fullwidth(line, lang))}" for line in critical)
            )
        st.subheader(t("stability"))
        with st.spinner(t("computing")):
            table, error = cache.analysis_call(
                "stability",
                digest,
                f"{method}|{level}",
                lambda: analysis.stability_table(ev, method=method, level=level),
            )
        if error:
            show_error(t("engine_error"), error)
        else:
            st.plotly_chart(
                charts.ranges(
                    [cn[r.node] for r in table],
                    [r.winner_low for r in table],
                    [r.winner_high for r in table],
                    marks=[r.current for r in table],
                    title=t("stability_title"),
                    x_title=t("weight"),
                    low_name=t("lowest_weight"),
                    high_name=t("highest_weight"),
                    mark_name=t("now"),
                ),
                key=state.key("stability"),
            )
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            t("criterion"): cn[r.node],
                            t("now"): pct(r.current),
                            t("keeps_winner"): f"{pct(r.winner_low)} – {pct(r.winner_high)}",
                            t("keeps_ranking"): f"{pct(r.ranking_low)} – {pct(r.ranking_high)}",
                        }
                        for r in table
                    ]
                ),
                hide_index=True,
                width="stretch",
            )
            fragile = [r for r in table if r.taker_below is not None or r.taker_above is not None]
            steady = [r for r in table if r.taker_below is None and r.taker_above is None]
            if fragile:
                st.markdown(
                    f"**{t('what_flips')}**\n\n"
                    + "\n".join(f"- {plain(fullwidth(r.sentence(lang, vn), lang))}" for r in fragile)
                )
            if steady:
                st.caption(t("never_flips", vendor=vn[steady[0].leader], nodes=", ".join(cn[r.node] for r in steady)))
        st.subheader(t("tornado"))
        spread = st.select_slider(
            t("tornado_spread"),
            [0.1, 0.25, 0.5, 0.75],
            value=0.5,
            format_func=lambda s: f"± {s:.0%}",
            key=state.key("tornado_spread"),
        )
        with st.spinner(t("computing")):
            rows, error = cache.analysis_call(
                "tornado",
                digest,
                f"{method}|{spread}|{level}",
                lambda: analysis.tornado_table(ev, method=method, spread=spread, level=level),
            )
        if error:
            show_error(t("engine_error"), error)
        else:
            st.plotly_chart(
                charts.ranges(
                    [cn[r.node] for r in rows],
                    [r.margin_low for r in rows],
                    [r.margin_high for r in rows],
                    marks=[r.margin_base for r in rows],
                    title=t("tornado_title", spread=f"{spread:.0%}"),
                    x_title=t("winner_margin"),
                    low_name=t("weight_lower"),
                    high_name=t("weight_higher"),
                    mark_name=t("now"),
                    reference=0.0,
                    reference_label=t("winner_changes"),
                    percent=False,
                ),
                key=state.key("tornado"),
            )
            st.caption(t("tornado_help"))

# ------------------------------------------------------------------ SMAA
if tab_smaa.open:
    with tab_smaa:
        st.caption(t("smaa_help"))
        method = _pick_method("smaa", analysed)
        s = sc.settings.sensitivity
        c1, c2, c3, c4 = st.columns([3, 3, 2, 3])
        samples = c1.select_slider(
            t("samples"),
            [1000, 2000, 5000, 10000, 20000, 50000],
            value=s.samples if s.samples in (1000, 2000, 5000, 10000, 20000, 50000) else 10000,
            key=state.key("smaa_samples"),
        )
        models = ["judgments", "uniform", "lognormal"]
        model = c2.selectbox(
            t("smaa_model"),
            models,
            index=models.index(s.model),
            format_func=lambda m: t(f"model_{m}"),
            key=state.key("smaa_model"),
        )
        seed = c3.number_input(t("seed"), value=s.seed, step=1, key=state.key("smaa_seed"))
        uncertain = c4.toggle(t("score_uncertainty"), key=state.key("smaa_scores"))
        params = f"{method}|{samples}|{model}|{seed}|{uncertain}"
        if st.button(t("run_smaa"), type="primary", icon=":material/casino:", key=state.key("smaa_run")):
            bar = st.progress(0.0, text=t("smaa_running", done=0, total=samples))

            def _progress(done: int, total: int) -> None:
                bar.progress(min(1.0, done / total), text=t("smaa_running", done=done, total=total))

            try:
                summary = analysis.run_smaa(
                    ev,
                    method=method,
                    samples=samples,
                    seed=int(seed),
                    model=model,
                    score_uncertainty=uncertain,
                    progress=_progress,
                )
            except MCDAError as exc:
                show_error(t("engine_error"), exc)
                summary = None
            if summary is not None:
                state.set_result("smaa", params, summary)
            bar.empty()
        summary = state.result("smaa", params)
        if summary is None:
            st.info(t("smaa_not_run"))
        else:
            if summary.cancelled:
                st.warning(t("smaa_cancelled", n=summary.samples))
            names = [vn[v] for v in summary.vendors]
            ranks = [t("rank_n", n=k + 1) for k in range(len(names))]
            st.plotly_chart(
                charts.heatmap(
                    ranks,
                    names,
                    summary.acceptability.tolist(),
                    zmin=0,
                    zmax=1,
                    title=t("acceptability_title", n=f"{summary.samples:,}"),
                    text_format=".0%",
                    colorscale="Blues",
                ),
                key=state.key("acceptability"),
            )
            st.caption(t("acceptability_help"))
            first = summary.acceptability[:, 0]
            meaningful = first >= MEANINGFUL
            st.dataframe(
                pd.DataFrame(
                    {
                        t("vendor"): names,
                        t("first_rank_share"): [pct(x) for x in first],
                        t("confidence"): [pct(c) if ok else "—" for c, ok in zip(summary.confidence, meaningful)],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
            st.caption(t("confidence_help", threshold=pct(MEANINGFUL, 0)))
            if meaningful.any():
                st.subheader(t("central_weights"))
                dim_of = {leaf: cn[ev.problem.dimensions[g]] for leaf, g in zip(ev.problem.leaves, ev.problem.group)}
                dim_names = [cn[d] for d in dims]
                rows = np.flatnonzero(meaningful)
                z = []
                for d in dim_names:
                    z.append(
                        [
                            float(
                                sum(
                                    summary.central_weights[i, j]
                                    for j, leaf in enumerate(summary.leaves)
                                    if dim_of[leaf] == d
                                )
                            )
                            for i in rows
                        ]
                    )
                st.plotly_chart(
                    charts.heatmap(
                        [names[i] for i in rows],
                        dim_names,
                        z,
                        zmin=0,
                        text_format=".1%",
                        title=t("central_weights_title"),
                        colorscale="Greens",
                        height=200 + 26 * len(dim_names),
                    ),
                    key=state.key("central_weights"),
                )
                st.caption(t("central_weights_help"))

# ------------------------------------------------------------------ rank reversal
if tab_reversal.open:
    with tab_reversal:
        st.caption(t("reversal_help"))
        with st.spinner(t("computing")):
            rows, error = cache.analysis_call("reversal", digest, "all", lambda: analysis.reversal_check(ev))
        if error:
            show_error(t("engine_error"), error)
        else:
            changed = [r for r in rows if r.changed]

            def _order(groups) -> str:
                return " > ".join(" = ".join(vn.get(v, v) for v in g) for g in groups)

            if changed:
                st.warning(t("reversal_found", n=len(changed)))
            else:
                st.info(t("reversal_none", n=len(rows)))
            table = [
                {
                    t("method"): method_label(r.method, lang),
                    t("reversal_action"): t(f"reversal_{r.action}", vendor=vn[r.vendor]),
                    t("reversal_before"): _order(r.before),
                    t("reversal_after"): _order(r.after),
                    t("reversal_changed"): t("yes") if r.changed else t("no"),
                }
                for r in sorted(rows, key=lambda r: not r.changed)
            ]
            st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
