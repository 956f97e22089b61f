"""The report as a PDF printed by the machine's headless Chromium, with a CJK font embedded."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

import mcda
from mcda.errors import MCDAError
from mcda.export.pdf import find_browser, html_to_pdf
from mcda.export.report import html_report

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None and not os.environ.get("CI"),
                                reason="Debian's chromium is not installed here (CI installs it)")


def _fonts(pdf: bytes, tmp_path) -> str:
    pypdf = pytest.importorskip("pypdf")
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    names = []
    for page in pypdf.PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            names.append(str(font.get("/BaseFont", "")))
            for d in font.get("/DescendantFonts", []) or []:
                d = d.get_object()
                desc = d.get("/FontDescriptor")
                if desc is not None and any(k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.append("embedded:" + str(d.get("/BaseFont", "")))
    return " ".join(names)


def test_the_chinese_report_prints_to_a_pdf_with_a_cjk_font_embedded(tmp_path):
    scenario = mcda.load_scenario(mcda.bundled.EXAMPLE, lint=False)
    pdf = html_to_pdf(html_report(mcda.evaluate(scenario, agreement=False), "zh", None))
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    fonts = _fonts(pdf, tmp_path)
    assert any(cjk in fonts for cjk in ("WenQuanYi", "NotoSansCJK", "NotoSerifCJK", "Droid")), fonts
    assert "embedded:" in fonts
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        assert "评审委员会" in text


def test_a_missing_browser_is_a_clear_error_in_both_languages(monkeypatch):
    monkeypatch.setenv("MCDA_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(MCDAError) as info:
        find_browser()
    assert "/nonexistent/chromium" in str(info.value) and "浏览器" in info.value.render("zh")
    monkeypatch.delenv("MCDA_CHROMIUM")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(MCDAError, match="Chromium"):
        find_browser()


def test_a_browser_that_prints_nothing_is_reported(tmp_path):
    fake = tmp_path / "fake-browser"
    fake.write_text("#!/bin/sh\necho 'it broke' >&2\nexit 3\n")
    fake.chmod(0o755)
    with pytest.raises(MCDAError, match="exit status 3"):
        html_to_pdf("<html><head></head><body>x</body></html>", browser=str(fake))


def test_mcda_export_format_pdf_writes_the_report(tmp_path):
    from mcda.cli import main

    out = tmp_path / "report.pdf"
    assert main(["export", str(mcda.bundled.EXAMPLE), "--format", "pdf", "-o", str(out), "--lang", "zh",
                 "--samples", "0"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert "embedded:" in _fonts(data, tmp_path)


def test_a_pdf_needs_an_output_file(capsys):
    from mcda.cli import main

    assert main(["export", str(mcda.bundled.EXAMPLE), "--format", "pdf", "--samples", "0"]) == 1
    assert "-o" in capsys.readouterr().err
