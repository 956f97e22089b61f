"""The HTML report as a PDF, printed by a headless Chromium (Debian's ``chromium`` package).

Chromium lays the report out exactly as a browser shows it, runs the charts' JavaScript
(``--virtual-time-budget`` lets it finish before printing) and embeds the fonts it used,
subset, in the PDF, so Chinese text needs a CJK font on the machine (Debian:
``fonts-wqy-microhei`` or ``fonts-noto-cjk``). No browser is downloaded: the one on the
machine is used, found as ``MCDA_CHROMIUM`` or ``chromium`` / ``chromium-browser`` /
``google-chrome`` on the PATH.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from mcda.errors import MCDAError

__all__ = ["find_browser", "html_to_pdf", "PRINT_CSS"]

#: Browsers tried in order when ``MCDA_CHROMIUM`` is not set.
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Seconds a print may take before it is abandoned.
TIMEOUT = 180
#: Added to the report for printing: A4 margins, no chart toolbars, no page break inside a table row or chart.
PRINT_CSS = """<style media="print">
@page { size: A4; margin: 14mm 12mm; }
.modebar, .modebar-container { display: none !important; }
tr, .js-plotly-plot, figure, svg { break-inside: avoid; }
h1, h2, h3 { break-after: avoid; }
</style>"""
#: Flags for a headless print on a machine without a display or network (as root too).
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=30000")


def find_browser() -> str:
    """The Chromium executable to print with; an error saying how to install one if there is none."""
    configured = os.environ.get("MCDA_CHROMIUM")
    if configured:
        if shutil.which(configured) is None:
            raise MCDAError(code="err.pdf.browser_missing", path=configured)
        return configured
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise MCDAError(code="err.pdf.no_browser")


def html_to_pdf(html: str, browser: str | None = None, timeout: float = TIMEOUT) -> bytes:
    """Print a self-contained HTML page (e.g. :func:`mcda.export.report.html_report`) to PDF bytes."""
    browser = browser or find_browser()
    marker = "</head>"
    page = html.replace(marker, PRINT_CSS + marker, 1) if marker in html else PRINT_CSS + html
    with tempfile.TemporaryDirectory(prefix="mcda-pdf-") as tmp:
        src, out = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        src.write_text(page, encoding="utf-8")
        cmd = [browser, *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}", src.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise MCDAError(code="err.pdf.timeout", seconds=int(timeout)) from None
        except OSError as exc:
            raise MCDAError(code="err.pdf.cannot_run", path=browser, reason=exc.strerror or str(exc)) from None
        data = out.read_bytes() if out.exists() else b""
        if not data.startswith(b"%PDF"):
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise MCDAError(code="err.pdf.failed", status=proc.returncode, detail=tail[0][:200])
        return data
