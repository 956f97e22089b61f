"""Getting decisions in and out: shared JSON, redacted copies, score templates, Excel and HTML.

* :mod:`mcda.export.share`: :func:`export_json`, :func:`import_json`, :func:`redact`.
* :mod:`mcda.export.templates`: per-member score templates (CSV, .xlsx) and their import.
* :mod:`mcda.export.workbook`: every input and result in one Excel workbook.
* :mod:`mcda.export.report`: a self-contained HTML committee report.

openpyxl, plotly and jinja2 are imported only by the modules that need them.
"""
from mcda.export.share import export_json, import_json, redact

__all__ = ["export_json", "import_json", "redact"]
