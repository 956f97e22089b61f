"""Parts of the committee page (:mod:`mcda.ui.pages.committee`): the progress board, the review (spread,
comments, overrides, the consensus record) and the committee's results with the final report."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from mcda.committee import Tender, pair_key, score_key
from mcda.engine.evaluation import evaluate
from mcda.errors import MCDAError, render
from mcda.export.consensus import with_consensus
from mcda.export.report import html_report
from mcda.store import Store
from mcda.ui import state
from mcda.ui.names import criterion_names, parents, vendor_names

__all__ = ["board_table", "target_label", "review", "results"]


def board_table(board: dict, sc, t) -> pd.DataFrame:
    """The moderator's progress board: one row per member."""
    names = {m.id: m.name for m in sc.members}
    return pd.DataFrame([{
        t("app.board.member"): f"{names.get(m, m)} ({m})",
        t("app.board.judgments"): f"{p.answered} / {p.needed}",
        t("app.board.all_pairs"): p.all_pairs,
        t("app.board.cr"): t(f"app.cr.{p.cr_state}") + (f" ({p.max_cr:.3f})" if p.max_cr is not None else ""),
        t("app.board.scores"): f"{p.filled} / {p.cells}",
        t("app.board.submitted"): t("app.yes") if p.locked else t("app.board.earlier") if p.submitted else t("app.no"),
        t("app.board.last"): (p.last_activity or "")[:19].replace("T", " ")} for m, p in board.items()])


def target_label(target: str, sc, lang: str) -> str:
    """A judgment pair or score cell in words."""
    names, vendors = criterion_names(sc, lang), vendor_names(sc, lang)
    kind, _, rest = target.partition(":")
    if kind == "judgment":
        node, a, b = rest.split(":", 2)
        return f"{names.get(node, node)}: {names.get(a, a)} / {names.get(b, b)}"
    if kind == "score":
        vendor, leaf = rest.split(":", 1)
        return f"{vendors.get(vendor, vendor)} · {names.get(leaf, leaf)}"
    return target


def _targets(sc) -> list[str]:
    out = []
    for node in parents(sc):
        kids = [c.id for c in node.children]
        out += [pair_key(node.id, a, b) for i, a in enumerate(kids) for b in kids[i + 1:]]
    out += [score_key(v.id, leaf.id) for v in sc.vendors for leaf in sc.criteria.leaves()]
    return out


def review(person, sc, lang: str, t, act, value) -> None:
    """The spread of every judgment and score (no names), comments, the moderator's overrides, the record."""
    who = person.who
    try:
        with Store() as store:
            tr = Tender(store, person.name)
            spread, record = tr.spread(who), tr.record(who)
    except MCDAError as exc:
        st.error(render(exc, lang))
        return
    st.subheader(t("app.review.spread"))
    st.caption(t("app.review.spread_help"))
    only_flagged = st.toggle(t("app.review.only_flagged"), key=state.key("only_flagged"))
    rows = [{t("app.review.target"): target_label(s.target, sc, lang),
             t("app.review.values"): ", ".join(f"{v:.3g}" for v in s.values),
             t("app.review.median"): None if s.median is None else round(s.median, 3),
             t("app.review.outliers"): s.outliers,
             t("app.review.deadlock"): t("app.yes") if s.deadlock else ""}
            for s in spread if not only_flagged or s.outliers or s.deadlock]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    flagged = sum(1 for s in spread if s.outliers or s.deadlock)
    if flagged:
        st.warning(t("app.review.flagged", n=flagged))
    targets = [s.target for s in spread] or _targets(sc)
    if person.view.phase == "review" and targets:
        st.subheader(t("app.review.comment"))
        target = st.selectbox(t("app.review.target"), targets, key=state.key("comment_target"),
                              format_func=lambda x: target_label(x, sc, lang))
        st.text_input(t("app.review.comment_text"), key=state.key("comment_text"))
        st.button(t("app.review.add_comment"), key=state.key("comment_go"),
                  on_click=lambda: act(lambda x: x.comment(who, target, value("comment_text")), "app.review.commented"))
    if person.role == "moderator" and person.view.phase == "review":
        st.subheader(t("app.review.override"))
        st.caption(t("app.review.override_help"))
        c1, c2, c3 = st.columns(3)
        vnames, names = vendor_names(sc, lang), criterion_names(sc, lang)
        vendor = c1.selectbox(t("vendor"), list(vnames), format_func=vnames.get, key=state.key("ov_vendor"))
        leaf = c2.selectbox(t("app.review.criterion"), [lf.id for lf in sc.criteria.leaves()], format_func=names.get,
                            key=state.key("ov_leaf"))
        number = c3.number_input(t("app.review.value"), key=state.key("ov_value"), value=None)
        st.text_input(t("app.review.reason"), key=state.key("ov_reason"))
        st.button(t("app.review.set_override"), key=state.key("ov_go"), on_click=lambda: act(
            lambda x: x.override(who, vendor, leaf, number, value("ov_reason")), "app.review.overridden"))
    st.subheader(t("app.review.record"))
    if not record.entries:
        st.caption(t("app.review.no_record"))
    else:
        st.dataframe(pd.DataFrame([{t("app.review.at"): e.at[:19].replace("T", " "), t("app.review.actor"): e.actor,
                                    t("app.review.kind"): e.kind,
                                    t("app.review.target"): target_label(e.target, sc, lang),
                                    t("app.review.old"): e.old_value, t("app.review.new"): e.new_value,
                                    t("app.review.text"): e.text} for e in record.entries]),
                     hide_index=True, width="stretch")


def results(person, sc, lang: str, t) -> None:
    """The committee's weights and rankings (aggregates only); after the decision, the final report."""
    try:
        with Store() as store:
            tr = Tender(store, person.name)
            res = tr.results(person.who)
            final = None
            if person.role == "moderator" and person.view.phase == "decision":
                _, committee = tr.committee_scenario()
                final = with_consensus(html_report(evaluate(committee), lang), tr.record(person.who), lang)
    except MCDAError as exc:
        st.error(render(exc, lang))
        return
    vnames = vendor_names(sc, lang)
    st.subheader(t("app.results.title", version=res.version))
    table = {}
    for method, rows in res.rankings.items():
        for row in rows:
            table.setdefault(vnames.get(row["vendor"], row["vendor"]), {})[method] = row["rank"]
    frame = pd.DataFrame.from_dict(table, orient="index").sort_values(by=list(res.rankings)[0])
    frame.index.name = t("vendor")
    st.dataframe(frame, width="stretch")
    if final is not None:
        st.download_button(t("app.results.report"), data=final, file_name=f"{person.name}_{lang}.html",
                           mime="text/html", key=state.key("final_report"), icon=":material/description:")
