"""Scenario page: open (example, library, file, pasted JSON, template), save, share, history and diff,
the committee and the vendors, and the validation report."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from mcda.engine.diff_text import summary as diff_summary
from mcda.errors import MCDAError
from mcda.export.share import export_json
from mcda.scenario import edits
from mcda.scenario.bundled import GROUPED, TEMPLATE, example_path
from mcda.scenario.io import load_model, load_scenario
from mcda.ui import cache, library, state
from mcda.ui.widgets import guard, header, plain, show_error

lang = state.lang()
t = state.translator()
header("page_scenario", "scenario_help")
library.leave_panel()
sc = state.scenario()
st.caption(f"{t('current_scenario')}: **{sc.metadata.title or '—'}** · {t('source')}: {state.source_label()}")

c1, c2, c3, c4 = st.columns(4)
c1.metric(t("dimensions"), len(sc.criteria.children))
c2.metric(t("criteria"), len(sc.criteria.leaves()))
c3.metric(t("members"), len(sc.members))
c4.metric(t("vendors"), len(sc.vendors))


def _pick_scenario(found, key: str) -> str | None:
    """A select box of the library's scenarios (the open one first chosen); None, with a note, if empty."""
    if not found:
        st.info(t("library_empty"))
        return None
    names = [e.name for e in found]
    entry = state.library_entry()
    return st.selectbox(t("library_scenario"), names, key=state.key(key),
                        index=names.index(entry[0]) if entry and entry[0] in names else 0)


# ------------------------------------------------------------------ callbacks
def _open_example() -> None:
    path = example_path()
    state.set_scenario(load_scenario(path, lint=False), path.name, pristine=True)
    state.flash("success", t("opened", name=path.name))


def _open_upload() -> None:
    upload = state.value(state.key("upload"))
    if upload is not None:
        library.leave(_open_file, upload.name, upload.getvalue())


def _open_file(name: str, data: bytes) -> None:
    error = state.open_bytes(name, data)
    if error:
        state.flash("error", error, lead="upload_failed")
    else:
        state.flash("success", t("opened", name=name))


def _open_pasted() -> None:
    library.leave(_open_text, state.value(state.key("paste"), "") or "")


def _open_text(text: str) -> None:
    error = state.open_text(text, t("pasted_json"))
    if error:
        state.flash("error", error, lead="upload_failed")
    else:
        state.flash("success", t("opened", name=t("pasted_json")))


def _new_from_template() -> None:
    library.leave(_new_titled, (state.value(state.key("new_title"), "") or "").strip() or t("new_scenario_title"))


def _new_titled(title: str) -> None:
    model = GROUPED if state.value(state.key("new_model"), "grouped") == "grouped" else TEMPLATE
    try:
        new = edits.from_template(load_model(model), title)
    except MCDAError as exc:
        state.flash("error", str(exc), lead="upload_failed")
        return
    state.set_scenario(new, model.name)
    state.flash("success", t("new_started"))


def _open_library(name: str, version: int | None) -> None:
    try:
        opened, number = library.open_version(name, version)
    except MCDAError as exc:
        state.flash("error", str(exc), lead="library_error")
        return
    state.set_scenario(opened, f"{name} v{number}", library=(name, number))
    state.flash("success", t("opened_version", name=name, version=number))


def _save() -> None:
    name = (state.value(state.key("save_name"), "") or "").strip()
    message = state.value(state.key("save_message"), "") or ""
    library.save_open(name, message)
    if library.library_entry_saved(name):
        state.set_value(state.key("save_message"), "")


def _restore(name: str, version: int) -> None:
    try:
        info = library.restore(name, version)
        opened, number = library.open_version(name, info.version)
    except MCDAError as exc:
        state.flash("error", str(exc), lead="library_error")
        return
    state.set_scenario(opened, f"{name} v{number}", library=(name, number))
    state.flash("success", t("restored_version", name=name, old=version, version=number))


tab_open, tab_save, tab_history, tab_people, tab_check = st.tabs(
    [t("tab_open"), t("tab_save"), t("tab_history"), t("tab_people"), t("tab_validation")],
    key=state.key("scenario_tabs"))

# ------------------------------------------------------------------ open
with tab_open:
    left, right = st.columns(2)
    with left:
        st.subheader(t("open_from"))
        st.button(t("open_example"), on_click=library.leave, args=(_open_example,), icon=":material/science:")
        st.file_uploader(t("upload"), type=["json"], key=state.key("upload"), on_change=_open_upload,
                         help=t("upload_help"))
        st.text_area(t("paste"), key=state.key("paste"), height=140,
                     placeholder='{"schema_version": 1, "kind": "scenario", ...}')
        st.button(t("open_pasted"), on_click=_open_pasted)
    with right:
        st.subheader(t("library"))
        with guard("library_error"):
            found = library.entries()
            pick = _pick_scenario(found, "lib_pick")
            if pick is not None:
                info = next(e for e in found if e.name == pick)
                versions = list(range(info.versions, 0, -1))
                ver = st.selectbox(t("version"), versions, key=state.key("lib_version", pick),
                                   format_func=lambda v: t("version_n", version=v)
                                   + (f" ({t('latest')})" if v == info.versions else ""))
                st.button(t("open_version"), on_click=library.leave, args=(_open_library, pick, ver),
                          icon=":material/folder_open:")
        st.subheader(t("new_from_template"))
        st.caption(t("new_from_template_help"))
        st.radio(t("new_model"), ["grouped", "faithful"], key=state.key("new_model"),
                 format_func=lambda m: t(f"new_model_{m}"), horizontal=True)
        st.text_input(t("new_title"), key=state.key("new_title"), placeholder=t("new_scenario_title"))
        st.button(t("start_new"), on_click=_new_from_template, icon=":material/add:")

# ------------------------------------------------------------------ save and share
with tab_save:
    entry = state.library_entry()
    st.subheader(t("save_to_library"))
    state.ensure(state.key("save_name"), entry[0] if entry else (sc.metadata.title[:100] or "scenario"))
    st.text_input(t("save_name"), key=state.key("save_name"), max_chars=100)
    st.text_area(t("save_message"), key=state.key("save_message"), placeholder=t("save_message_hint"), height=80)
    st.button(t("save"), type="primary", on_click=_save, icon=":material/save:")
    library.conflict_panel()
    st.divider()
    st.subheader(t("download"))
    stem = (entry[0] if entry else "scenario").replace("/", "_")
    d1, d2 = st.columns(2)
    with d1:
        st.download_button(t("download_json"), data=lambda shown=sc: export_json(shown), file_name=f"{stem}.json",
                           mime="application/json", icon=":material/download:", key=state.key("dl_json"))
        st.caption(t("download_json_help"))
    with d2:
        text, error = library.redacted_json(state.digest(), sc)
        if error:
            st.info(f"{t('cannot_redact')}: {error}")
        else:
            st.download_button(t("download_redacted"), data=text, file_name=f"{stem}_redacted.json",
                               mime="application/json", icon=":material/share:", key=state.key("dl_redacted"))
        st.caption(t("download_redacted_help"))

# ------------------------------------------------------------------ history and diff
with tab_history:
    with guard("library_error"):
        name = _pick_scenario(library.entries(), "hist_pick")
        if name is not None:
            versions = library.history(name)
            table = pd.DataFrame([{
                t("version"): v.version, t("saved_at"): v.saved_at.replace("T", " ")[:19], t("message"): v.message,
                t("title"): v.title, t("restored_from"): v.restored_from} for v in reversed(versions)])
            st.dataframe(table, hide_index=True, width="stretch")
            numbers = [v.version for v in versions]
            current = "current"
            choices = [current] + list(reversed(numbers))

            def _label(v):
                return t("current_unsaved") if v == current else t("version_n", version=v)

            a_col, b_col, act = st.columns([2, 2, 3])
            va = a_col.selectbox(t("compare_from"), choices, index=1,
                                 format_func=_label, key=state.key("diff_a", name))
            vb = b_col.selectbox(t("compare_to"), choices, index=0, format_func=_label, key=state.key("diff_b", name))
            with act:
                pick = st.selectbox(t("version"), list(reversed(numbers)), key=state.key("hist_version", name),
                                    format_func=lambda v: t("version_n", version=v))
                b1, b2 = st.columns(2)
                b1.button(t("open_version"), on_click=library.leave, args=(_open_library, name, pick),
                          key=state.key("hist_open"))
                b2.button(t("restore"), on_click=_restore, args=(name, pick), key=state.key("hist_restore"),
                          help=t("restore_help"))

            def _side(v):
                if v == current:
                    return state.digest(), state.scenario()
                opened, _ = library.open_version(name, v)
                return library.digest_of(export_json(opened)), opened

            if va == vb:
                st.info(t("same_version"))
            else:
                (da, sa), (db, sb) = _side(va), _side(vb)
                with st.spinner(t("computing")):
                    d, error = library.diff(da, db, sa, sb)
                if error:
                    show_error(t("cannot_diff"), error)
                elif d.empty:
                    st.success(t("no_differences"))
                else:
                    lines = [line.strip() for line in diff_summary(d, lang).splitlines() if line.strip()]
                    st.markdown(f"**{_label(va)} → {_label(vb)}**\n\n"
                                + "\n".join(f"- {plain(line)}" for line in lines))

# ------------------------------------------------------------------ committee and vendors
with tab_people:
    st.caption(t("people_help"))
    st.subheader(t("title"))
    state.sync("title", {state.key("title"): sc.metadata.title})
    title = st.text_input(t("title"), key=state.key("title"), label_visibility="collapsed")
    if st.button(t("apply_title")):
        error = state.apply(edits.set_title, title)
        if error:
            show_error(t("edit_refused"), error)
        else:
            st.rerun()
    st.subheader(t("members"))
    members = pd.DataFrame([{"id": m.id, "name": m.name, "role": m.role, "weight": m.weight} for m in sc.members],
                           columns=["id", "name", "role", "weight"])
    edited_members = st.data_editor(
        members, num_rows="dynamic", key=state.key("members", state.revision()), hide_index=True,
        column_config={"id": st.column_config.TextColumn(t("id"), required=True),
                       "name": st.column_config.TextColumn(t("name"), required=True),
                       "role": st.column_config.TextColumn(t("role")),
                       "weight": st.column_config.NumberColumn(t("weight"), min_value=0.0, format="%.2f", default=1.0)})
    if st.button(t("apply_members"), help=t("apply_members_help")):
        error = state.apply(edits.set_members, edited_members.to_dict("records"))
        if error:
            show_error(t("edit_refused"), error)
        else:
            st.rerun()
    st.subheader(t("vendors"))
    vendors = pd.DataFrame([{"id": v.id, "zh": v.name.zh, "en": v.name.en, "notes": v.notes} for v in sc.vendors],
                           columns=["id", "zh", "en", "notes"])
    edited_vendors = st.data_editor(
        vendors, num_rows="dynamic", key=state.key("vendors", state.revision()), hide_index=True,
        column_config={"id": st.column_config.TextColumn(t("id"), required=True),
                       "zh": st.column_config.TextColumn(t("name_zh")),
                       "en": st.column_config.TextColumn(t("name_en")),
                       "notes": st.column_config.TextColumn(t("notes"))})
    if st.button(t("apply_vendors"), help=t("apply_vendors_help")):
        error = state.apply(edits.set_vendors, edited_vendors.to_dict("records"))
        if error:
            show_error(t("edit_refused"), error)
        else:
            st.rerun()

# ------------------------------------------------------------------ validation
with tab_check:
    st.success(t("valid"))
    found = cache.problems(state.digest(), sc, lang)
    st.subheader(f"{t('warnings')} ({len(found)})")
    if not found:
        st.write(t("no_warnings"))
    for p in found:
        st.warning(f"`{p.path}` {p.message}")
