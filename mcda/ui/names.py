"""Display names and formatted values for the pages (no streamlit, no maths).

Criterion and vendor names come from the scenario in the interface language
(falling back to the other language); member names are single strings.
Saaty's verbal scale is rendered here for the judgment sliders.
"""
from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mcda.ahp import SAATY_SCALE, format_value, nearest_scale_value
from mcda.methods import METHODS
from mcda.scenario.schema import Criterion, Scenario
from mcda.text import format_number, percent
from mcda.text.ui import label

__all__ = [
    "SLIDER_VALUES",
    "criterion_at",
    "criterion_names",
    "fullwidth",
    "ids_to_names",
    "judgment_text",
    "local_time",
    "member_names",
    "method_label",
    "method_short",
    "normalization_label",
    "num",
    "parents",
    "pct",
    "slider_value",
    "vendor_names",
    "verbal",
]

#: The judgment slider, left to right: "A extremely more important (9)" .. "equal (1)" .. "B extremely ... (9)".
SLIDER_VALUES: tuple[float, ...] = tuple(reversed(SAATY_SCALE))


def criterion_names(scenario: Scenario, lang: str) -> dict[str, str]:
    """Criterion id -> name in ``lang`` (the goal included)."""
    return {n.id: n.name.get(lang) for n, _, _ in scenario.criteria.walk()}


def vendor_names(scenario: Scenario, lang: str) -> dict[str, str]:
    return {v.id: v.name.get(lang) for v in scenario.vendors}


def member_names(scenario: Scenario) -> dict[str, str]:
    return {m.id: m.name for m in scenario.members}


def method_label(name: str, lang: str) -> str:
    spec = METHODS.get(name)
    if spec is None:
        return name
    return spec.label_zh if lang == "zh" else spec.label_en


def method_short(name: str, lang: str) -> str:
    """A method's label without its explanation in brackets (for column headers).

    >>> method_short("topsis", "zh"), method_short("wsm", "en")
    ('TOPSIS', 'Weighted sum')
    """
    full = method_label(name, lang)
    return full.split("（")[0].split(" (")[0].strip() or full


def normalization_label(name: str, lang: str, method: str | None = None) -> str:
    """A normalisation in words: a registry name (``"max"``), or what a method that fixes its own
    uses (``method`` given, ``name`` its description); the name itself if unknown."""
    if method is not None and METHODS.get(method) is not None and METHODS[method].default_normalization is None:
        key = f"norm_fixed_{method}"
    else:
        key = f"norm_{name}"
    text = label(key, lang)
    return name if text == key else text


def parents(scenario: Scenario) -> list[Criterion]:
    """Nodes with at least two sub-criteria (where there is something to compare), in tree order."""
    return [n for n, _, _ in scenario.criteria.walk() if len(n.children) >= 2]


def slider_value(value: float) -> float:
    """The slider position for a stored judgment: the nearest value of Saaty's scale."""
    return float(nearest_scale_value(value))


def verbal(value: float, a: str, b: str, lang: str) -> str:
    """Saaty's verbal label of judgment ``a_ab = value``, naming the item that is more important.

    >>> verbal(9.0, "Cost", "Quality", "en")
    'Cost is extremely more important (9)'
    >>> verbal(1 / 3, "Cost", "Quality", "en")
    'Quality is moderately more important (3)'
    >>> verbal(1.0, "成本", "质量", "zh")
    '同等重要 (1)'
    """
    v = slider_value(value)
    if abs(v - 1.0) < 1e-9:
        return f"{label('saaty_1', lang)} (1)"
    k = round(v) if v > 1 else round(1 / v)
    who = a if v > 1 else b
    return label("saaty_more", lang).format(item=who, degree=label(f"saaty_{k}", lang)) + f" ({k})"


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”「」]")
_FULL = {"(": "（", ")": "）", ":": "：", ";": "；", ",": "，"}


def fullwidth(text: str, lang: str) -> str:
    """Chinese text from elsewhere (engine sentences) with full-width punctuation next to Chinese characters;
    English text unchanged.

    >>> fullwidth("若「成本」的权重从 4.8 % 升至 9.8 %(其他权重按比例调整),A 将超过 B。", "zh")
    '若「成本」的权重从 4.8 % 升至 9.8 %（其他权重按比例调整），A 将超过 B。'
    """
    if lang != "zh":
        return text
    chars = list(text)
    depth: list[int] = []
    for i, ch in enumerate(chars):
        near = (i > 0 and _CJK.match(chars[i - 1])) or (i + 1 < len(chars) and _CJK.match(chars[i + 1]))
        if ch == "(":
            inner = text[i + 1:text.find(")", i)] if ")" in text[i:] else ""
            if near or _CJK.search(inner):
                chars[i] = "（"
                depth.append(1)
            else:
                depth.append(0)
        elif ch == ")" and depth:
            if depth.pop():
                chars[i] = "）"
        elif ch in ":;," and (near or (i > 0 and chars[i - 1] in "）%")):
            chars[i] = _FULL[ch]
    return "".join(chars)


_ID_LIST = re.compile(r"\(([A-Za-z][\w.\-]*(?:, ?[A-Za-z][\w.\-]*)*)\)")


def ids_to_names(text: str, table: dict[str, str], lang: str) -> str:
    """Bracketed lists of ids in engine text, ``(communication, quality)``, as names in ``lang``
    (only when every item is a known id, so ordinary words are never touched).

    >>> ids_to_names("in 2 dimensions (cost, quality): counted twice", {"cost": "成本", "quality": "质量"}, "zh")
    'in 2 dimensions（成本、质量）: counted twice'
    """
    def swap(m: re.Match) -> str:
        items = [x.strip() for x in m.group(1).split(",")]
        if not all(x in table for x in items):
            return m.group(0)
        if lang == "zh":
            return "（" + "、".join(table[x] for x in items) + "）"
        return "(" + ", ".join(table[x] for x in items) + ")"

    return _ID_LIST.sub(swap, text).replace(" （", "（")


def criterion_at(scenario: Scenario, path: str, lang: str) -> str:
    """The criterion a JSON path such as ``criteria.children[0].children[1]`` points at, as
    "dimension › sub-criterion" names; the path itself when it points elsewhere."""
    if not path.startswith("criteria"):
        return path
    node, names = scenario.criteria, []
    for index in re.findall(r"children\[(\d+)\]", path):
        k = int(index)
        if k >= len(node.children):
            return path
        node = node.children[k]
        names.append(node.name.get(lang))
    return " › ".join(names) or node.name.get(lang)


def local_time(saved_at: str | datetime, zone: str | None = None) -> str:
    """A stored UTC time (ISO text or datetime) in the reader's time zone, with the zone named.

    >>> local_time("2026-12-05T03:17:25+00:00", "Asia/Shanghai")
    '2026-12-05 11:17 (Asia/Shanghai, UTC+08:00)'
    >>> local_time("2026-12-05T03:17:25", None)
    '2026-12-05 03:17 (UTC)'
    """
    when = datetime.fromisoformat(saved_at) if isinstance(saved_at, str) else saved_at
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        tz = ZoneInfo(zone) if zone else None
    except (ZoneInfoNotFoundError, ValueError):
        tz = None
    if tz is None:
        return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M") + " (UTC)"
    local = when.astimezone(tz)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} ({zone}, UTC{offset[:3]}:{offset[3:]})"


def judgment_text(value: float | None) -> str:
    """A stored judgment as people write it (3, 1/3), or an em dash when not judged."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return format_value(value)


def pct(x: float | None, digits: int = 1) -> str:
    """A share as a percentage (display only)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return percent(float(x), digits)


def num(x: float | None, digits: int = 3) -> str:
    """A number with thousands separators (:func:`mcda.text.format_number`)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return format_number(float(x), digits)
