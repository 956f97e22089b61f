"""One member's offline templates (judgments and scores) and the import of a filled one.

Each template names its member, so that a file filled in by one member cannot be
imported into another member's part:

* **scores** (CSV or .xlsx): the score template of :mod:`mcda.export.templates`
  with a first row ``#member, <id>, <name>``;
* **judgments** (CSV or .xlsx): a first row ``#member, <id>, <name>``, a header
  ``node, a, b, value, node_name, a_name, b_name``, then one row per pair of
  children at every node with two or more children; ``value`` is how much more
  important ``a`` is than ``b`` on Saaty's 1-9 scale (``3``, or ``1/3`` when ``b``
  is moderately more important); an empty cell is not answered. Rows whose
  first cell starts with ``#`` are notes and skipped;
* **judgments** (JSON): ``{"member": id, "judgments": {"nodes": ..., "direct": ...}}``
  (the member's part of a scenario file).

Import (:func:`import_member_file`) recognises the kind (JSON; a ``node`` header;
a ``vendor`` header), refuses a file naming no member or another member, and
returns a validated scenario where only that member's part changed: scores are
replaced as a whole; judgments replace the member's pairwise answers, and direct
weights stay only at nodes the file does not answer. Every problem is located
(row and column) and reported together.
"""
from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

from mcda.errors import MCDAError, Problem, ScenarioError
from mcda.export.templates import read_scores, safe_cell, template_rows
from mcda.scenario.io import parse_json, parse_scenario
from mcda.scenario.schema import SAATY_MAX, SAATY_MIN, Scenario

__all__ = ["MEMBER_MARK", "JUDGMENT_HEADER", "judgment_rows", "member_template", "file_member", "import_member_file"]

MEMBER_MARK = "#member"
JUDGMENT_HEADER = ("node", "a", "b", "value", "node_name", "a_name", "b_name")
_NOTE = ("#", "value = how much more important a is than b: 1 equal, 3 moderately, 5 strongly, 7 very strongly, "
         "9 extremely; 1/3 ... 1/9 when b is the more important / 值 = a 比 b 重要的程度:1 同等,3 稍重要,5 明显重要,"
         "7 强烈重要,9 极端重要;b 更重要时填 1/3 … 1/9;留空表示未回答")


def _member_name(scenario: Scenario, member: str) -> str:
    found = next((m for m in scenario.members if m.id == member), None)
    if found is None:
        raise MCDAError(code="err.committee.unknown_member", member=member)
    return found.name


def _show(value: float) -> str:
    if value >= 1:
        return str(int(value)) if float(value).is_integer() else f"{value:g}"
    k = round(1 / value)
    return f"1/{k}" if abs(1 / value - k) < 1e-9 else f"{value:g}"


def judgment_rows(scenario: Scenario, member: str) -> list[list[str]]:
    """The judgments template of ``member`` as a grid of text cells, pre-filled with their answers."""
    name = _member_name(scenario, member)
    names = scenario.names("zh"), scenario.names("en")

    def both(i: str) -> str:
        return " / ".join(dict.fromkeys(t for t in (names[0].get(i, ""), names[1].get(i, "")) if t))

    own = scenario.judgments.get(member)
    rows = [[MEMBER_MARK, member, name], list(JUDGMENT_HEADER), list(_NOTE)]
    for node, _, _ in scenario.criteria.walk():
        kids = [c.id for c in node.children]
        if len(kids) < 2:
            continue
        given = {}
        for p in (own.nodes.get(node.id, []) if own else []):
            given[(p.a, p.b)], given[(p.b, p.a)] = p.value, 1 / p.value
        for i, a in enumerate(kids):
            for b in kids[i + 1:]:
                value = given.get((a, b))
                rows.append([node.id, a, b, "" if value is None else _show(value), both(node.id), both(a), both(b)])
    return rows


def _number(x: float) -> str:
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def _csv(rows: list[list]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if c is None else (_number(c) if isinstance(c, float) else safe_cell(str(c))) for c in row])
    return buf.getvalue().encode("utf-8-sig")


def _xlsx(rows: list[list], sheet: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text, even "=..." or "1/3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def member_template(scenario: Scenario, member: str, kind: str, fmt: str) -> bytes:
    """``member``'s template: ``kind`` ``"judgments"`` or ``"scores"``, ``fmt`` ``"csv"``, ``"xlsx"`` or ``"json"``."""
    name = _member_name(scenario, member)
    if kind == "judgments" and fmt == "json":
        own = scenario.judgments.get(member)
        part = own.model_dump(mode="json") if own else {"nodes": {}, "direct": {}}
        return (json.dumps({"member": member, "judgments": part}, ensure_ascii=False, indent=2) + "\n").encode()
    if kind == "judgments":
        rows = judgment_rows(scenario, member)
    elif kind == "scores":
        rows = [[MEMBER_MARK, member, name]] + template_rows(scenario, member)
    else:
        raise MCDAError(code="err.committee.template_kind", found=str(kind)[:40])
    if fmt == "csv":
        return _csv(rows)
    if fmt == "xlsx":
        return _xlsx(rows, kind)
    raise MCDAError(code="err.committee.template_format", found=str(fmt)[:40], kind=kind)


# ----------------------------------------------------------------------------- import
def _grid(data: bytes) -> list[list]:
    return _xlsx_grid(data) if data[:4] == b"PK\x03\x04" else _csv_grid(data)


def _csv_grid(data: bytes) -> list[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    if "\x00" in text:
        raise MCDAError(code="err.committee.unreadable")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [list(r) for _, r in zip(range(20_000), csv.reader(io.StringIO(text), dialect), strict=False)]
    except csv.Error:
        raise MCDAError(code="err.committee.unreadable") from None
    return rows


def _xlsx_grid(data: bytes) -> list[list]:
    """The first sheet's values; a formula without a saved result is an error (it would read as empty)."""
    from openpyxl import load_workbook

    grids = []
    for data_only in (True, False):
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
            ws = wb.worksheets[0]
            grids.append([list(r) for r in ws.iter_rows(max_row=20_000, max_col=2_000, values_only=True)])
            wb.close()
        except Exception:  # noqa: BLE001 - openpyxl raises zip, XML, key and value errors for damaged files
            raise MCDAError(code="err.committee.unreadable") from None
    values, formulas = grids
    problems = [Problem(f"row {r + 1}, column {j + 1}", "a formula without a saved result; type the value, or save "
                        "the file in Excel so that the result is stored")
                for r, (vrow, frow) in enumerate(zip(values, formulas, strict=False))
                for j, (v, f) in enumerate(zip(vrow, frow, strict=False))
                if v is None and isinstance(f, str) and f.startswith("=")]
    if problems:
        raise ScenarioError(problems)
    return values


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def file_member(rows: list[list]) -> str | None:
    """The member a template grid names (its ``#member`` row), or None."""
    for row in rows[:50]:
        if row and _cell(row[0]).lower() == MEMBER_MARK:
            return _cell(row[1]) if len(row) > 1 else ""
    return None


def _value(raw) -> float:
    if isinstance(raw, bool):
        raise ValueError
    value = float(raw) if isinstance(raw, (int, float)) else float(Fraction(str(raw).strip().lstrip("'")))
    if not (SAATY_MIN * 0.999 <= value <= SAATY_MAX * 1.001):
        raise ValueError
    return value


def read_judgments(rows: list[list], scenario: Scenario, source: str | None = None) -> dict[str, list[dict]]:
    """Pairwise answers ``{node: [{a, b, value}]}`` from a judgments grid (see the module docstring)."""
    head = next((r for r, row in enumerate(rows) if row and _cell(row[0]).lower() == "node"), None)
    if head is None:
        raise ScenarioError([Problem("", "no header row starting with 'node' (the judgments template's header)")],
                            source)
    cols = {_cell(c).lower(): j for j, c in enumerate(rows[head]) if _cell(c)}
    missing = [c for c in ("node", "a", "b", "value") if c not in cols]
    if missing:
        raise ScenarioError([Problem(f"row {head + 1}", f"no column {', '.join(missing)}")], source)
    kids = {n.id: [c.id for c in n.children] for n, _, _ in scenario.criteria.walk() if len(n.children) >= 2}
    problems: list[Problem] = []
    out: dict[str, list[dict]] = {}
    seen: dict[tuple, int] = {}
    for r in range(head + 1, len(rows)):
        row = list(rows[r]) + [None] * len(rows[head])
        node, a, b, raw = (_cell(row[cols[k]]) for k in ("node", "a", "b", "value"))
        if node.startswith("#") or not any(_cell(c) for c in rows[r]):
            continue
        where = f"row {r + 1}"
        if node not in kids:
            problems.append(Problem(where, f"{node!r} is not a criterion with sub-criteria to compare"))
            continue
        if a not in kids[node] or b not in kids[node] or a == b:
            problems.append(Problem(where, f"{a!r} and {b!r} are not two different sub-criteria of {node!r}"))
            continue
        if not raw:
            continue
        key = (node, *sorted((a, b)))
        if key in seen:
            problems.append(Problem(where, f"the pair {a} / {b} at {node} is answered twice (also row {seen[key]})"))
            continue
        seen[key] = r + 1
        try:
            value = _value(row[cols["value"]])
        except (ValueError, ZeroDivisionError, OverflowError):
            problems.append(Problem(f"{where}, column value", f"{raw[:20]!r} is not a judgment between 1/9 and 9"))
            continue
        out.setdefault(node, []).append({"a": a, "b": b, "value": value})
    if problems:
        raise ScenarioError(problems, source)
    return out


def _with_judgments(scenario: Scenario, member: str, nodes: dict, direct: dict | None, source: str | None) -> Scenario:
    data = scenario.model_dump(mode="json")
    old = data["judgments"].get(member, {"nodes": {}, "direct": {}})
    kept = {k: v for k, v in (old.get("direct", {}) if direct is None else direct).items() if k not in nodes}
    data["judgments"][member] = {"nodes": nodes, "direct": kept}
    return parse_scenario(data, source)


def import_member_file(scenario: Scenario, member: str, data: bytes, source: str | None = None) -> tuple[str, Scenario]:
    """``(kind, scenario)``: the filled template imported into ``member``'s part only (see the module docstring)."""
    if not isinstance(data, bytes):
        raise MCDAError(code="err.committee.unreadable")
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        doc = parse_json(data, source)
        if not isinstance(doc, dict) or set(doc) - {"member", "judgments"} or not isinstance(doc.get("judgments"),
                                                                                            dict):
            raise MCDAError(code="err.committee.json_shape")
        _check_member(doc.get("member"), member)
        part = doc["judgments"]
        if set(part) - {"nodes", "direct"}:
            raise MCDAError(code="err.committee.json_shape")
        return "judgments", _with_judgments(scenario, member, part.get("nodes", {}), part.get("direct", {}), source)
    rows = _grid(data)
    _check_member(file_member(rows), member)
    if any(row and _cell(row[0]).lower() == "node" for row in rows[:50]):
        return "judgments", _with_judgments(scenario, member, read_judgments(rows, scenario, source), None, source)
    scores = read_scores([r for r in rows if not (r and _cell(r[0]).lower() == MEMBER_MARK)], scenario, source)
    doc = scenario.model_dump(mode="json")
    doc["scores"][member] = scores
    return "scores", parse_scenario(doc, source)


def _check_member(named: object, member: str) -> None:
    if named is None or named == "":
        raise MCDAError(code="err.committee.file_unnamed", member=member)
    if not isinstance(named, str) or named != member:
        raise MCDAError(code="err.committee.file_other_member", member=member, found=str(named)[:64])
