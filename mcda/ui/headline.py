"""The headline at the top of the Results page: what is still missing (a checklist linking to the page
where it is answered), then the facts of :func:`mcda.engine.headline.headline`, never in a success colour.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from mcda.engine.evaluation import Evaluation
from mcda.engine.headline import Headline, Missing, missing_inputs
from mcda.scenario.schema import Scenario
from mcda.text import percent
from mcda.ui import cache, state
from mcda.ui.names import method_label, num
from mcda.ui.widgets import plain, show_error

__all__ = ["PAGES", "checklist", "show_headline"]

#: Where each kind of missing input is given.
PAGES = {name: Path(__file__).resolve().parent / "pages" / f"{name}.py" for name in ("judgments", "scores")}
_SHOWN = 4  # names listed per checklist line before "and n more"


def _listing(items: tuple[str, ...], name) -> str:
    t = state.translator()
    shown = [name(i) for i in items[:_SHOWN]]
    sep = "、" if state.lang() == "zh" else ", "
    more = t("and_more", n=len(items) - _SHOWN) if len(items) > _SHOWN else ""
    return sep.join(shown) + more


def _line(item: Missing, name) -> str:
    t = state.translator()
    listed = _listing(item.items, name)
    if item.kind == "nobody_judged":
        return t("missing_nobody", count=item.count, nodes=listed)
    if item.kind == "judgments":
        return t("missing_judgments", member=name(item.member), count=item.count, nodes=listed)
    return t("missing_scores", member=name(item.member), count=item.count, vendors=listed)


def checklist(missing: tuple[Missing, ...], scenario: Scenario) -> None:
    """Who still has to answer what, one line each, with a link to the page where it is answered."""
    t = state.translator()
    table = scenario.names(state.lang())

    def name(i: str | None) -> str:
        return table.get(i, i) if i else ""

    with st.container(border=True, key=state.key("checklist")):
        st.markdown(f"#### :material/checklist: {t('incomplete_title')}")
        st.caption(t("incomplete_help"))
        for item in missing:
            left, right = st.columns([4, 1], vertical_alignment="center")
            left.markdown(f"- {plain(_line(item, name))}")
            with right:
                st.page_link(PAGES[item.page], label=t(f"go_{item.page}"), icon=":material/arrow_forward:")


def _facts(h: Headline, ev: Evaluation, final: bool) -> None:
    t = state.translator()
    lang = state.lang()
    table = ev.scenario.names(lang)

    def name(i: str) -> str:
        return table.get(i, i)

    out = ev.methods[h.method]
    order = out.order()
    lines = []
    if h.runner_up is not None:
        lines.append(
            t(
                "headline_winner",
                winner=name(h.winner),
                method=method_label(h.method, lang),
                margin=num(h.margin),
                runner=name(h.runner_up),
                score=num(float(out.scores[order[0]])),
                runner_score=num(float(out.scores[order[1]])),
            )
        )
    else:
        lines.append(t("headline_alone", winner=name(h.winner)))
    if h.first_rank_share is not None:
        lines.append(
            t(
                "headline_share",
                winner=name(h.winner),
                share=percent(h.first_rank_share),
                samples=f"{cache.HEADLINE_SAMPLES:,}",
                model=t(f"model_{ev.scenario.settings.sensitivity.model}"),
            )
        )
    if h.flip is not None:
        f = h.flip
        rises = f.end > f.start
        parent = next((p for p, kids in ev.local.items() if f.node in kids), ev.weights.root)
        where = name(f.node) if parent == ev.weights.root else f"{name(parent)} › {name(f.node)}"
        lines.append(
            t(
                "headline_flip",
                node=where,
                start=percent(f.start),
                end=percent(f.end),
                verb=t("verb_rises" if rises else "verb_falls"),
                vendor=name(f.vendor),
                leader=name(f.leader or h.winner),
            )
        )
    elif h.runner_up is not None:
        lines.append(t("headline_no_flip"))
    if h.distinct_methods < 2:
        lines.append(t("headline_one_method"))
    elif h.distinct_methods_agree:
        lines.append(t("headline_agree", n=h.distinct_methods, winner=name(h.winner)))
    else:
        winners = ev.winners()
        sep = "；" if lang == "zh" else "; "
        detail = sep.join(
            f"{method_label(g[0], lang)}: {', '.join(name(v) for v in winners[g[0]])}" for g in h.method_groups
        )
        lines.append(t("headline_disagree", n=h.distinct_methods, detail=detail))
    with st.container(border=True, key=state.key("headline")):
        st.markdown(f"#### {t('headline_title') if final else t('provisional_title')}")
        if not final:
            st.caption(t("provisional_help"))
        st.markdown(f"**{plain(lines[0])}**")
        st.markdown("\n".join(f"- {plain(line)}" for line in lines[1:]))
        for group in h.duplicates:
            sep = "、" if lang == "zh" else " and "
            st.caption(t("headline_same_methods", methods=sep.join(method_label(m, lang) for m in group)))


def show_headline(ev: Evaluation | None, error: dict | None = None) -> Headline | None:
    """The checklist while inputs are missing, then the headline facts (provisional while incomplete);
    when the scenario cannot be ranked at all, the checklist and the engine's message in the reader's language."""
    t = state.translator()
    sc = state.scenario()
    if ev is None:
        missing = missing_inputs(sc)
        if missing:
            checklist(missing, sc)
        if error:
            show_error(t("cannot_rank"), error)
        return None
    with st.spinner(t("computing")):
        digest = state.digest()
        seed = sc.settings.sensitivity.seed
        h, err = state.memo("headline", digest, lambda: cache.headline_of(digest, ev, seed))
    if err:
        show_error(t("engine_error"), err)
        return None
    if not h.complete:
        checklist(h.missing, sc)
    _facts(h, ev, h.complete)
    return h
