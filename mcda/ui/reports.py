"""Report files for the Report page, cached by scenario digest and options (the export modules do the work)."""
from __future__ import annotations

import streamlit as st

from mcda.engine import analysis
from mcda.engine.evaluation import Evaluation
from mcda.export.report import html_report
from mcda.export.workbook import export_workbook

__all__ = ["sensitivity", "workbook", "html"]


@st.cache_data(show_spinner=False, max_entries=8)
def sensitivity(digest: str, method: str, samples: int, lang: str, _evaluation: Evaluation) -> dict:
    """The sensitivity dict for the report and the workbook (:func:`mcda.engine.analysis.sensitivity_report`)."""
    return analysis.sensitivity_report(_evaluation, method=method, samples=samples, lang=lang)


@st.cache_data(show_spinner=False, max_entries=8)
def workbook(digest: str, params: str, _evaluation: Evaluation, _sensitivity: dict | None) -> bytes:
    return export_workbook(_evaluation, sensitivity=_sensitivity)


@st.cache_data(show_spinner=False, max_entries=8)
def html(digest: str, params: str, _evaluation: Evaluation, lang: str, _sensitivity: dict | None) -> str:
    return html_report(_evaluation, lang, sensitivity=_sensitivity)
