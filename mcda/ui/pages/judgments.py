"""Judgments page: each member's pairwise questions on Saaty's verbal scale (or direct percentages),
with completeness, the next question worth asking, consistency and repair hints; the committee view."""
from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from mcda.errors import MCDAError
from mcda.scenario import edits
from mcda.ui import cache, charts, state
from mcda.ui.names import (
    SLIDER_VALUES,
    criterion_names,
    judgment_text,
    member_names,
    method_short,
    num,
    parents,
    slider_value,
    verbal,
)
from mcda.ui.widgets import current_evaluation, current_weights, header, show_error

PAGE_SIZE = 10

lang = state.lang()
t = state.translator()
header("page_judgments", "judgments_help")
sc = state.scenario()
settings = sc.settings
names = criterion_names(sc, lang)
people = member_names(sc)
nodes = parents(sc)
if not sc.members or not nodes:
    st.info(t("no_members") if not sc.members else t("nothing_to_compare"))
    st.stop()

top1, top2 = st.columns(2)
with top1:
    member = state.pick(st.selectbox, t("member"), list(people), "member", format_func=people.get)
with top2:
    node_id = state.pick(st.selectbox, t("node"), [n.id for n in nodes], "node",
                         format_func=lambda i: t("node_with_count", name=names[i],
                                                 n=len(next(n for n in nodes if n.id == i).children)))
node = next(n for n in nodes if n.id == node_id)
children = [c.id for c in node.children]
labels = [names[c] for c in children]
w_all = current_weights(show=False)

ev = current_evaluation(show=False) if state.shows_ranking() else None  # never beside a member's questions
if ev is not None:
    first = next(iter(ev.methods.values()))
    order = " · ".join(f"{k + 1}. {next(v.name.get(lang) for v in sc.vendors if v.id == ev.vendors[i])}"
                       for k, i in enumerate(first.order()))
    st.caption(t("ranking_now_line", method=method_short(first.name, lang), order=order))


# ------------------------------------------------------------------ callbacks
def _set_pair(a: str, b: str, slider_key: str) -> None:
    state.edit_callback(edits.set_pairwise, member, node_id, a, b, state.value(slider_key))


def _toggle_pair(a: str, b: str, slider_key: str, box_key: str) -> None:
    value = None if state.value(box_key) else state.value(slider_key)
    state.edit_callback(edits.set_pairwise, member, node_id, a, b, value)


def _apply_hint(a: str, b: str, value: float) -> None:
    state.edit_callback(edits.set_pairwise, member, node_id, a, b, value, done=t("hint_applied"))


def _save_direct(keys: dict[str, str]) -> None:
    weights = {c: float(state.value(k) or 0.0) for c, k in keys.items()}
    try:
        edits.check_weights_given(weights)
    except MCDAError as exc:
        state.flash("error", exc.render(lang))
        return
    state.edit_callback(edits.set_direct, member, node_id, weights, done=t("direct_saved"))


def _drop_direct() -> None:
    state.edit_callback(edits.set_direct, member, node_id, None, done=t("direct_removed"))


tab_member, tab_committee, tab_overview = st.tabs([t("tab_member_judgments"), t("tab_committee"), t("tab_cr_overview")],
                                                     key=state.key("judgment_tabs"))

# ------------------------------------------------------------------ one member at one node
with tab_member:
    mj = sc.judgments.get(member)
    has_direct = mj is not None and node_id in mj.direct
    mode_key = state.key("j_mode", member, node_id)
    state.sync(f"mode|{member}|{node_id}", {mode_key: "direct" if has_direct else "pairwise"})
    mode = st.segmented_control(t("input_mode"), ["pairwise", "direct"], format_func=lambda m: t(f"mode_{m}"),
                                key=mode_key, required=True)
    view = cache.node_view(state.digest(), member, node_id, sc)
    matrix = view.matrix

    if mode == "pairwise":
        if has_direct:
            st.warning(t("has_direct_now"))
            st.button(t("drop_direct"), on_click=_drop_direct, key=state.key("drop_direct"))
        nq, cons = view.questions, view.consistency
        m1, m2, m3 = st.columns(3)
        m1.metric(t("judged"), f"{nq.given} / {nq.total}", help=t("judged_help", minimum=nq.minimum))
        m2.metric(t("connected"), t("yes") if nq.connected else t("no"), help=t("connected_help"))
        if cons is not None:
            m3.metric(t("cr_label"), f"{cons.cr:.3f}",
                      delta=t("cr_ok") if cons.acceptable else t("cr_too_high", threshold=f"{cons.threshold:g}"),
                      delta_color="normal" if cons.acceptable else "inverse", delta_arrow="off",
                      help=t("cr_help", threshold=f"{cons.threshold:g}"))
        else:
            m3.metric(t("cr_label"), "—", help=t("cr_needs_connected"))
        if view.error:
            show_error(t("engine_error"), view.error)
        if not nq.connected:
            groups = " | ".join("{" + ", ".join(names[c] for c in g) + "}" for g in nq.groups)
            st.warning(t("not_connected", n=len(nq.groups), groups=groups, minimum=nq.minimum, given=nq.given))
        if nq.questions:
            q = nq.questions[0]
            st.info(t("next_question", a=names[q.label_i], b=names[q.label_j])
                    + (" " + t("next_joins") if q.joins_groups else ""))
        elif nq.given == nq.total:
            st.success(t("all_judged", total=nq.total))
        if view.hints:
            st.markdown(f"**{t('repair_title')}**")
            for h in view.hints:
                a, b = children[h.i], children[h.j]
                c_text, c_btn = st.columns([5, 1], vertical_alignment="center")
                if h.rounds_back:
                    c_text.caption(t("hint_rounds_back", a=names[a], b=names[b], now=judgment_text(h.current)))
                    continue
                c_text.write(t("hint", a=names[a], b=names[b], now=verbal(h.current, names[a], names[b], lang),
                               new=verbal(h.suggested, names[a], names[b], lang),
                               before=f"{h.cr_before:.3f}", after=f"{h.cr_after:.3f}")
                             + (" " + t("hint_beyond") if h.beyond_scale else ""))
                c_btn.button(t("apply"), key=state.key("hint", member, node_id, h.i, h.j), on_click=_apply_hint,
                             args=(a, b, h.suggested), type="primary")
        if view.weights is not None and nq.given:
            st.plotly_chart(charts.grouped_bars(labels, {people[member]: view.weights.tolist()},
                                                title=t("member_weights_title")),
                            key=state.key("own_weights"))

        # the questions, a page at a time
        asked = {(q.i, q.j) for q in nq.questions}
        pairs = [(i, j) for i in range(len(children)) for j in range(i + 1, len(children))]
        f1, f2 = st.columns([5, 2])
        with f1:
            show = state.pick(st.segmented_control, t("show_pairs"), ["all", "missing", "next"], "pair_filter",
                              format_func=lambda s: t(f"pairs_{s}"))
        if show == "missing":
            pairs = [p for p in pairs if math.isnan(matrix[p])]
        elif show == "next":
            pairs = [p for p in pairs if p in asked]
        pages = max(1, math.ceil(len(pairs) / PAGE_SIZE))
        page = f2.selectbox(t("pairs_page"), range(pages), key=state.key("j_page", member, node_id, show),
                            format_func=lambda p: (f"{p * PAGE_SIZE + 1}–{min((p + 1) * PAGE_SIZE, len(pairs))}"
                                                   f" / {len(pairs)}"))
        shown = pairs[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        keys = {(i, j): (state.key("pw", member, node_id, children[i], children[j]),
                         state.key("pwx", member, node_id, children[i], children[j])) for i, j in shown}
        values = {}
        for (i, j), (s_key, b_key) in keys.items():
            judged = not math.isnan(matrix[i, j])
            values[s_key] = slider_value(matrix[i, j]) if judged else 1.0
            values[b_key] = not judged
        state.sync(f"pairs|{member}|{node_id}", values)
        for i, j in shown:
            a, b = children[i], children[j]
            s_key, b_key = keys[(i, j)]
            star = " ★" if (i, j) in asked else ""
            c_a, c_slider, c_b, c_box = st.columns([2.5, 4.5, 2.5, 2.6], vertical_alignment="center")
            c_a.markdown(f"**{names[a]}**{star}")
            c_slider.select_slider(
                f"{names[a]} ↔ {names[b]}", options=SLIDER_VALUES, key=s_key, on_change=_set_pair, args=(a, b, s_key),
                format_func=lambda x, a=names[a], b=names[b], lang=lang: verbal(x, a, b, lang),
                label_visibility="collapsed", disabled=has_direct)
            c_b.markdown(f"**{names[b]}**")
            c_box.checkbox(t("not_judged"), key=b_key, on_change=_toggle_pair, args=(a, b, s_key, b_key),
                           help=t("not_judged_help"), disabled=has_direct)
    else:  # direct percentages
        if mj is not None and node_id in mj.nodes:
            st.warning(t("direct_replaces"))
        if has_direct:
            start = mj.direct[node_id]
        else:
            own = w_all.member_local.get(member, {}).get(node_id) if w_all is not None else None
            start = ({c: round(100 * own[c], 1) for c in children} if own
                     else {c: round(100 / len(children), 1) for c in children})
        keys = {c: state.key("direct", member, node_id, c) for c in children}
        state.sync(f"direct|{member}|{node_id}", {keys[c]: float(start.get(c, 0.0)) for c in children})
        cols = st.columns(3)
        for k, c in enumerate(children):
            cols[k % 3].number_input(names[c], min_value=0.0, max_value=100.0, step=1.0, format="%.1f", key=keys[c])
        total = sum(float(state.value(k) or 0.0) for k in keys.values())
        st.caption(t("direct_total", total=f"{total:.1f}"))
        b1, b2 = st.columns(2)
        b1.button(t("save_direct"), type="primary", on_click=_save_direct, args=(keys,), key=state.key("save_direct"))
        if has_direct:
            b2.button(t("drop_direct"), on_click=_drop_direct, key=state.key("drop_direct2"))

# ------------------------------------------------------------------ the committee at this node
with tab_committee:
    w = current_weights()
    if w is not None:
        r = w.nodes[node_id]
        if r.source != "committee":
            st.info(t(f"source_{r.source}"))
        c1, c2, c3 = st.columns(3)
        if r.consistency is not None:
            c1.metric(t("committee_cr"), f"{r.consistency.cr:.3f}",
                      delta=(t("cr_ok") if r.consistency.acceptable
                             else t("cr_too_high", threshold=f"{r.consistency.threshold:g}")),
                      delta_color="normal" if r.consistency.acceptable else "inverse", delta_arrow="off")
        else:
            c1.metric(t("committee_cr"), "—")
        if r.consensus is not None:
            c2.metric(t("consensus"), f"{100 * r.consensus.s_star:.1f} %", help=t("consensus_help"))
            c3.metric(t("consensus_band"), t(f"band_{r.consensus.band}"))
        else:
            c2.metric(t("consensus"), "—", help=t("consensus_needs_two"))
        series = {people.get(m.member, m.member): m.weights.tolist() for m in r.members if m.weights is not None}
        series[t("committee")] = r.weights.tolist()
        st.plotly_chart(charts.grouped_bars(labels, series, title=t("committee_weights_title"),
                                            highlight=t("committee")),
                        key=state.key("committee_weights"))
        if r.note:
            st.caption(r.note)
        if r.spread:
            pairwise = [m.member for m in r.members if m.kind == "pairwise"]
            rows = []
            for s in sorted(r.spread, key=lambda s: (not s.deadlock, -s.log_range)):
                row = {t("pair"): f"{names[s.label_i]} ↔ {names[s.label_j]}"}
                for mid, v in zip(pairwise, s.values, strict=True):
                    row[people.get(mid, mid)] = judgment_text(v)
                row[t("geometric_mean")] = num(s.geometric_mean, 2)
                row[t("spread_sd")] = num(s.geometric_sd, 2)
                row[t("deadlock")] = "⚠" if s.deadlock else ""
                rows.append(row)
            table = pd.DataFrame(rows)
            st.markdown(f"**{t('disagreement_title')}**")
            st.caption(t("disagreement_help"))
            styled = table.style.apply(
                lambda row: ["background-color: #fde2e1" if row[t("deadlock")] else "" for _ in row], axis=1)
            st.dataframe(styled, hide_index=True, width="stretch")

# ------------------------------------------------------------------ consistency everywhere
with tab_overview:
    if w is not None:
        cols = list(people) + ["__committee__"]
        z = []
        for n in nodes:
            r = w.nodes[n.id]
            by_member = {m.member: m.consistency.cr if m.consistency is not None else None for m in r.members}
            z.append([by_member.get(m) for m in people] + [r.consistency.cr if r.consistency is not None else None])
        fig = charts.heatmap([people.get(c, t("committee")) for c in cols], [names[n.id] for n in nodes], z,
                             title=t("cr_overview_title", threshold=f"{w.cr_threshold:g}"), zmin=0,
                             zmax=max(0.2, 2 * w.cr_threshold), colorscale="RdYlGn_r", text_format=".3f",
                             mark_above=w.cr_threshold)
        st.plotly_chart(fig, key=state.key("cr_overview"))
        st.caption(t("cr_overview_help"))
        worst = w.inconsistent()
        if worst:
            st.write(t("inconsistent_list"))
            st.dataframe(pd.DataFrame([{t("node"): names.get(n, n),
                                        t("member"): people.get(m, t("committee")) if m else t("committee"),
                                        t("cr_label"): f"{cr:.3f}"} for n, m, cr in worst]), hide_index=True)
