"""Report page: the Excel workbook (every input and result) and the HTML committee report, optionally
with the sensitivity results."""
from __future__ import annotations

import streamlit as st

from mcda.engine import analysis
from mcda.errors import MCDAError
from mcda.ui import reports, state
from mcda.ui.widgets import current_evaluation, header, show_error

lang = state.lang()
t = state.translator()
header("page_report", "report_help")
sc = state.scenario()
ev = current_evaluation()
if ev is None:
    st.stop()

c1, c2, c3 = st.columns(3)
report_lang = c1.segmented_control(t("report_language"), ["zh", "en"], format_func=lambda x: {"zh": "中文", "en": "English"}[x],
                                   default=lang, required=True, key=state.key("report_lang"))
with_sens = c2.toggle(t("include_sensitivity"), value=True, key=state.key("report_sens"),
                      help=t("include_sensitivity_help"))
samples = c3.select_slider(t("samples"), [500, 1000, 2000, 5000], value=2000, key=state.key("report_samples"),
                           disabled=not with_sens)
method = next((m for m in ev.methods if m in analysis.SENSITIVITY_METHODS), analysis.SENSITIVITY_METHODS[0])
params = f"{report_lang}|{with_sens}|{samples}|{method}"
stem = (state.library_entry() or ("vendor-eval",))[0].replace("/", "_")

if st.button(t("prepare_report"), type="primary", icon=":material/description:", key=state.key("report_go")):
    with st.status(t("preparing"), expanded=True) as status:
        try:
            sens = None
            if with_sens:
                st.write(t("step_sensitivity", samples=samples))
                sens = reports.sensitivity(state.digest(), method, samples, report_lang, ev)
            st.write(t("step_workbook"))
            book = reports.workbook(state.digest(), params, ev, sens)
            st.write(t("step_html"))
            html = reports.html(state.digest(), params, ev, report_lang, sens)
        except MCDAError as exc:
            status.update(label=t("report_failed"), state="error")
            show_error(t("report_failed"), exc)
        else:
            state.set_result("report", params, (book, html))
            status.update(label=t("report_ready"), state="complete", expanded=False)

files = state.result("report", params)
if files is None:
    st.info(t("report_not_ready"))
else:
    book, html = files
    d1, d2 = st.columns(2)
    d1.download_button(t("download_workbook"), data=book, file_name=f"{stem}.xlsx", icon=":material/table:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=state.key("dl_book"))
    d1.caption(t("workbook_help"))
    d2.download_button(t("download_html"), data=html, file_name=f"{stem}_{report_lang}.html", mime="text/html",
                       icon=":material/public:", key=state.key("dl_html"))
    d2.caption(t("html_help"))
