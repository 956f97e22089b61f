"""mcda.export.report: a self-contained, escaped, bilingual HTML committee report."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

import mcda
from mcda.errors import MCDAError
from mcda.export.report import check_sensitivity, html_report
from mcda.scenario.io import parse_scenario

HOSTILE = "<script>alert(1)</script>"
SENSITIVITY = {
    "method": "topsis",
    "stability": [{"node": "quality", "current": 0.081, "low": 0.02, "high": 0.35, "winner_low": "yunsuan",
                   "winner_high": None, "sentence": "wins while <b>quality</b> is 2 %..35 %"}],
    "acceptability": {"vendors": ["huaxin", "mingzhang", "yunsuan", "chengtai", "yuanfan"],
                      "matrix": [[0.6, 0.2, 0.1, 0.1, 0.0]] + [[0.1] * 5] * 4, "samples": 10000},
    "tornado": [{"criterion": "cost", "low_weight": 0.05, "high_weight": 0.08,
                 "low": -0.01, "high": 0.03, "base": 0.02}],
    "notes": ["Sampled with the judgments model."],
}


class Page(HTMLParser):
    """Collects the content of every <script> element and the visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
            assert not any(k == "src" for k, _ in attrs), "the report must not load scripts from elsewhere"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def example():
    return mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)


@pytest.fixture(scope="module")
def hostile_report(example):
    data = example.model_dump(mode="json")
    data["vendors"][0]["name"] = {"zh": HOSTILE, "en": HOSTILE}
    data["members"][0]["name"] = "</script><script>alert(2)</script>"
    data["metadata"]["title"] = "Tender & <b>bold</b>"
    e = mcda.evaluate(parse_scenario(data))
    return html_report(e, "en", SENSITIVITY)


@pytest.fixture(scope="module")
def hostile_page(hostile_report):
    return parse(hostile_report)


@pytest.fixture(scope="module")
def zh_report(example):
    return html_report(mcda.evaluate(example), "zh", SENSITIVITY)


def test_a_hostile_vendor_name_is_shown_as_text_and_runs_nothing(hostile_report, hostile_page):
    page = hostile_page
    n_figures = hostile_report.count("Plotly.newPlot(")
    assert len(page.scripts) == 1 + n_figures  # plotly.js, then one per figure: nothing injected
    for script in page.scripts:
        assert HOSTILE not in script and "alert(2)</script>" not in script
        assert "<script" not in script.lower() and "</script" not in script.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_report
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in hostile_report
    assert HOSTILE in "".join(page.text)  # the text a reader sees is the name itself
    assert "Tender &amp; &lt;b&gt;bold&lt;/b&gt;" in hostile_report
    assert "wins while &lt;b&gt;quality&lt;/b&gt;" in hostile_report  # text from the sensitivity dict too


def test_figure_json_escapes_markup(hostile_page):
    figures = hostile_page.scripts[1:]
    vendor_figure = next(s for s in figures if "alert(1)" in s)
    assert "\\u003cscript\\u003ealert(1)\\u003c" in vendor_figure
    payload = re.search(r"var fig = (\{.*\}); Plotly", vendor_figure, re.S).group(1)
    assert HOSTILE in json.dumps(json.loads(payload), ensure_ascii=False)  # the chart still shows the name


def test_the_report_is_self_contained(hostile_report):
    assert "<link" not in hostile_report
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", hostile_report)
    assert hostile_report.count("<script>") == 1 + hostile_report.count("Plotly.newPlot(")


def test_every_vendor_and_every_method_appears(example, zh_report):
    e = mcda.evaluate(example)
    zh = "".join(parse(zh_report).text)
    en = "".join(parse(html_report(e, "en")).text)
    for v in example.vendors:
        assert v.name.zh in zh and v.name.en in en and v.id in en
    for m in e.methods.values():
        assert m.label_zh in zh and m.label_en in en
    assert "评审委员会" in zh and "排序结果" in zh and "Rankings" in en
    assert "Sensitivity" not in en  # no sensitivity dict given


def test_sections_consistency_flags_explanation_and_sensitivity(zh_report):
    text = "".join(parse(zh_report).text)
    assert "超过阈值" in text  # cfo's CR at quality is over 0.1
    assert "主要差距来自" in text
    for section in ("committee", "weights", "consistency", "rankings", "why", "agreement", "sensitivity"):
        assert f'id="{section}"' in zh_report
    assert "权重稳定区间" in text and "排名可接受度" in text and "10000" in text
    assert zh_report.count("Plotly.newPlot(") == 1 + 3 + 2  # weights, 3 contribution charts, acceptability, tornado
    assert "Sampled with the judgments model." in text


def test_check_sensitivity_and_language_errors(example):
    assert check_sensitivity(None) is None
    clean = check_sensitivity(SENSITIVITY)
    assert clean["stability"][0]["winner_high"] is None and clean["acceptability"]["samples"] == 10000
    with pytest.raises(MCDAError, match="expected a dict with 'node'"):
        check_sensitivity({"stability": [{"current": 0.1}]})
    with pytest.raises(MCDAError, match="finite number"):
        check_sensitivity({"tornado": [{"criterion": "cost", "low": float("nan")}]})
    with pytest.raises(MCDAError, match="lang must be"):
        html_report(mcda.evaluate(example, agreement=False), "fr")
