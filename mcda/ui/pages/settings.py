"""Settings page: every scenario setting, each with a one-line explanation; the changes are applied
together through the scenario's validation (an invalid value is explained and nothing changes)."""

from __future__ import annotations

import streamlit as st

from mcda.errors import MCDAError, ScenarioError
from mcda.methods import METHOD_NAMES, METHODS
from mcda.ui import settings_edits as se
from mcda.ui import state
from mcda.ui.names import method_label, normalization_label
from mcda.ui.widgets import header, plain

lang = state.lang()
t = state.translator()
header("page_settings", "settings_help")
sc = state.scenario()
s = sc.settings
rev = state.revision()
colon = "：" if lang == "zh" else ": "


def _k(name: str) -> str:
    return state.key("set", name, rev)


def _explained(name: str) -> None:
    st.caption(t(f"set_{name}_help"))


def _choice(field: str, sensitivity: bool = False) -> None:
    options = list(se.choices(field, sensitivity))
    now = getattr(s.sensitivity if sensitivity else s, field)
    st.selectbox(
        t(f"set_{field}"),
        options,
        index=options.index(now),
        key=_k(field),
        format_func=lambda v, f=field: t(f"opt_{f}_{v}"),
    )
    _explained(field)


def _refusal(exc: MCDAError) -> str:
    """The problems by setting name (not by JSON path)."""
    if not isinstance(exc, ScenarioError):
        return exc.render(lang)
    lines = []
    for p in exc.problems:
        field = p.path.rsplit(".", 1)[-1].split("[", 1)[0]
        name = t(f"set_{field}") if field in _FIELDS else p.path
        lines.append(f"- **{plain(name)}**{colon}{plain(p.text(lang))}")
    return "\n".join(lines)


_FIELDS = ("ranking_methods", "normalization", *se.CHOICE_FIELDS, *se.NUMBER_FIELDS, *se.SENSITIVITY_FIELDS)


def _apply() -> None:
    changes = {
        "ranking_methods": list(state.value(_k("ranking_methods"), [])),
        "normalization": {
            m: v for m in se.normalisable_methods() if (v := state.value(_k(f"norm|{m}"))) not in (None, "")
        },
    }
    changes.update({f: state.value(_k(f)) for f in (*se.CHOICE_FIELDS, *se.NUMBER_FIELDS)})
    sens = {f: state.value(_k(f)) for f in se.SENSITIVITY_FIELDS}
    for f in ("samples", "seed"):
        sens[f] = int(sens[f])
    try:
        new = se.set_settings(state.scenario(), changes, sens)
    except MCDAError as exc:
        state.flash("refused", f"**{t('settings_refused')}**\n\n{_refusal(exc)}")
        return
    if new.settings == state.scenario().settings:
        state.flash("info", t("settings_unchanged"))
        return
    error = state.apply(lambda _old: new)
    state.flash("error" if error else "info", error or t("settings_applied"), "settings_refused")


with st.form(key=state.key("settings_form"), border=False):
    st.subheader(t("settings_ranking"))
    st.multiselect(
        t("set_ranking_methods"),
        list(METHOD_NAMES),
        default=list(s.ranking_methods),
        key=_k("ranking_methods"),
        format_func=lambda m: method_label(m, lang),
        placeholder=t("choose_methods"),
    )
    _explained("ranking_methods")
    st.markdown(
        "\n".join(f"- **{plain(method_label(m, lang))}**{colon}{plain(t(f'method_{m}_help'))}" for m in METHOD_NAMES)
    )
    st.markdown(f"**{t('set_normalization')}**")
    _explained("normalization")
    cols = st.columns(len(se.normalisable_methods()))
    for col, m in zip(cols, se.normalisable_methods()):
        options = ["", *se.normalization_choices()]
        now = s.normalization.get(m, "")
        default = METHODS[m].default_normalization
        col.selectbox(
            method_label(m, lang),
            options,
            index=options.index(now),
            key=_k(f"norm|{m}"),
            format_func=lambda v, d=default: (
                t("norm_default", name=normalization_label(d, lang)) if v == "" else normalization_label(v, lang)
            ),
        )
    st.markdown(
        "\n".join(
            f"- **{plain(normalization_label(n, lang))}**{colon}{plain(t(f'norm_{n}_help'))}"
            for n in se.normalization_choices()
        )
    )
    _choice("missing_scores")
    _choice("score_aggregation")
    c1, c2 = st.columns(2)
    with c1:
        st.number_input(
            t("set_tie_tolerance"), value=float(s.tie_tolerance), format="%g", step=1e-9, key=_k("tie_tolerance")
        )
        _explained("tie_tolerance")

    st.subheader(t("settings_weights"))
    c1, c2 = st.columns(2)
    with c1:
        _choice("aggregation")
        _choice("priority_method")
        _choice("completion")
    with c2:
        _choice("ri_table")
        st.number_input(
            t("set_cr_threshold"), value=float(s.cr_threshold), format="%.2f", step=0.01, key=_k("cr_threshold")
        )
        _explained("cr_threshold")

    st.subheader(t("settings_sensitivity"))
    c1, c2 = st.columns(2)
    with c1:
        st.number_input(t("set_samples"), value=int(s.sensitivity.samples), step=1000, key=_k("samples"))
        _explained("samples")
        st.number_input(t("set_seed"), value=int(s.sensitivity.seed), step=1, key=_k("seed"))
        _explained("seed")
    with c2:
        _choice("model", sensitivity=True)
        st.number_input(
            t("set_lognormal_sigma"),
            value=float(s.sensitivity.lognormal_sigma),
            format="%.2f",
            step=0.05,
            key=_k("lognormal_sigma"),
        )
        _explained("lognormal_sigma")
    st.form_submit_button(t("apply_settings"), type="primary", on_click=_apply, icon=":material/check:")
