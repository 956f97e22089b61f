"""Per-member score templates (CSV and .xlsx) and their import.

A template is one table: a row per vendor, a column per leaf criterion.

=========  =============================================================
row 1      ``vendor``, ``vendor_zh``, ``vendor_en``, then the leaf ids
row 2-6    ``#name_zh``, ``#name_en``, ``#dimension``, ``#direction``,
           ``#scale`` in the vendor column: the criteria's names, their
           dimension, benefit / cost and the scale (``1-5`` or the unit)
row 7...   one vendor per row: its id, names, then the member's scores
           (pre-filled with the existing ones, or empty)
=========  =============================================================

Import rules (:func:`read_scores`, :func:`import_scores`):

* the header row is the first row with a cell ``vendor``; columns are matched
  by header, so their order does not matter;
* a header that is empty, starts with ``#`` or is one of
  :data:`NAME_COLUMNS` is ignored; any other header must be a leaf criterion
  id (an unknown id, a non-leaf id or a repeated column is an error);
* below the header, rows whose vendor cell starts with ``#`` and empty rows
  are skipped; every other row must name a known vendor, once;
* every vendor and every leaf criterion must be present (leave a cell empty
  rather than deleting a row or column): an empty cell is a missing score;
* a cell must be a finite number on the criterion's scale. Errors are
  collected and raised together as one :class:`~mcda.errors.ScenarioError`,
  each located as ``row 4 (vendor huaxin), column quality.expertise``; row
  numbers count from 1 as spreadsheets show them.

The returned scenario has that member's scores replaced and is fully
validated; on any error nothing is applied.

CSV is written as UTF-8 with a byte-order mark (so Excel shows Chinese) and read
as UTF-8, or GB18030 when it is not UTF-8 (Excel's "CSV" on Chinese Windows).
Text cells starting with ``= + - @`` are written so that spreadsheets do not run
them as formulas.
"""
from __future__ import annotations

import csv
import io
import math
import re

from mcda.errors import MCDAError, Problem, ScenarioError
from mcda.scenario.io import parse_scenario
from mcda.scenario.schema import NumericScale, Scenario

__all__ = ["NAME_COLUMNS", "template_rows", "template_csv", "template_xlsx", "score_template",
           "read_scores", "import_scores"]

VENDOR = "vendor"
NAME_COLUMNS = ("vendor_zh", "vendor_en", "name", "name_zh", "name_en", "notes", "名称")
META = ("#name_zh", "#name_en", "#dimension", "#direction", "#scale")
_DIRECTION = {"benefit": "benefit / 效益型(越高越好)", "cost": "cost / 成本型(越低越好)"}
_GATE = "gate / 资格门槛(1 = pass 通过, 0 = fail 不通过)"
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
_FORMULA = ("=", "+", "-", "@")


def _member(scenario: Scenario, member: str | None) -> None:
    if member is not None and member not in {m.id for m in scenario.members}:
        known = ", ".join(m.id for m in scenario.members) or "none"
        raise MCDAError(f"unknown member id {member!r} (members: {known})")


def _plain(x: float | None) -> str:
    """A bound as people write it: 1000000, not 1e+06."""
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


def _scale_text(scenario: Scenario, leaf) -> str:
    scale = scenario.leaf_scale(leaf)
    lo, hi = scale.bounds
    if not isinstance(scale, NumericScale):
        return f"{_plain(lo)}-{_plain(hi)}"
    unit = "" if scale.unit is None else " / ".join(t for t in (scale.unit.zh, scale.unit.en) if t)
    span = "" if lo is None and hi is None else f" {_plain(lo)}-{_plain(hi)}"
    return (unit + span).strip() or "number"


def template_rows(scenario: Scenario, member: str | None = None, prefill: bool = True) -> list[list]:
    """The template as a grid of cells (str, float or None); see the module docstring.

    ``member`` pre-fills that member's scores when ``prefill`` is true.

    >>> import mcda
    >>> rows = template_rows(mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False), "cfo")
    >>> rows[0][:4], rows[5][3], rows[6][:4]
    (['vendor', 'vendor_zh', 'vendor_en', 'responsiveness.response_time'], '1-5', ['huaxin', '华信财税', 'Huaxin Tax & Accounting', 3.0])
    """
    _member(scenario, member)
    dim_of = {n.id: d for d in scenario.criteria.children for n, _, _ in d.walk()}
    leaves = scenario.criteria.leaves()
    rows: list[list] = [[VENDOR, "vendor_zh", "vendor_en"] + [leaf.id for leaf in leaves]]
    rows.append([META[0], "", ""] + [leaf.name.zh for leaf in leaves])
    rows.append([META[1], "", ""] + [leaf.name.en for leaf in leaves])
    rows.append([META[2], "", ""] + [" / ".join(t for t in (dim_of[leaf.id].name.zh, dim_of[leaf.id].name.en) if t)
                                     for leaf in leaves])
    rows.append([META[3], "", ""] + [_DIRECTION.get(leaf.direction, _GATE) for leaf in leaves])
    rows.append([META[4], "", ""] + [_scale_text(scenario, leaf) for leaf in leaves])
    own = scenario.scores.get(member, {}) if (member and prefill) else {}
    for v in scenario.vendors:
        cells = own.get(v.id, {})
        rows.append([v.id, v.name.zh, v.name.en] + [cells.get(leaf.id) for leaf in leaves])
    return rows


def safe_cell(text: str) -> str:
    """Text for a spreadsheet cell that a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + text if text.startswith(_FORMULA) else text


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return _plain(value)
    return safe_cell(str(value))


def template_csv(scenario: Scenario, member: str | None = None, prefill: bool = True) -> str:
    """The template as CSV text (see :func:`template_rows`)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in template_rows(scenario, member, prefill):
        writer.writerow([_cell_text(c) for c in row])
    return buf.getvalue()


def template_xlsx(scenario: Scenario, member: str | None = None, prefill: bool = True) -> bytes:
    """The template as an .xlsx workbook (sheet ``scores``; input checks on each scale)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = template_rows(scenario, member, prefill)
    wb = Workbook()
    ws = wb.active
    ws.title = "scores"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text, even if it starts with "="
            if r == 1:
                cell.font = Font(bold=True)
            elif r <= len(META) + 1:
                cell.font = Font(italic=True, color="666666")
                cell.fill = PatternFill("solid", fgColor="F2F2F2")
    ws.freeze_panes = ws.cell(len(META) + 2, 4)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 28
    first, last = len(META) + 2, len(META) + 1 + len(scenario.vendors)
    for j, leaf in enumerate(scenario.criteria.leaves(), start=4):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = 14
        lo, hi = scenario.leaf_scale(leaf).bounds
        if lo is not None and hi is not None and last >= first:
            dv = DataValidation(type="decimal", operator="between", formula1=_plain(lo), formula2=_plain(hi),
                                allow_blank=True, showErrorMessage=True, errorTitle=leaf.id,
                                error=f"{_plain(lo)}..{_plain(hi)}")
            dv.add(f"{letter}{first}:{letter}{last}")
            ws.add_data_validation(dv)
    notes = wb.create_sheet("说明 README")
    for line in ("在第 7 行起填写评分,留空表示未评分;不要删除行或列,列的顺序可以调整。",
                 "Fill in scores from row 7; leave a cell empty for a missing score. Do not delete rows or columns; "
                 "their order may change.",
                 f"member / 成员: {member or ''}"):
        notes.append([line])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def score_template(scenario: Scenario, member: str | None = None, fmt: str = "csv", prefill: bool = True) -> bytes:
    """The template file's bytes: ``fmt`` ``"csv"`` (UTF-8 with BOM) or ``"xlsx"``."""
    if fmt == "csv":
        return template_csv(scenario, member, prefill).encode("utf-8-sig")
    if fmt == "xlsx":
        return template_xlsx(scenario, member, prefill)
    raise MCDAError(f"template format must be 'csv' or 'xlsx'; found {fmt!r}")


# ----------------------------------------------------------------------------- import
def _letter(j: int) -> str:
    out, j = "", j + 1
    while j:
        j, r = divmod(j - 1, 26)
        out = chr(65 + r) + out
    return out


MAX_ROWS, MAX_COLUMNS = 10_000, 2_000  # far beyond any tender; bounds what a hostile file can cost


def _grid_csv(data: bytes | str) -> list[list]:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            data = data.decode("gb18030", errors="replace")
    if "\x00" in data:
        raise MCDAError("not a readable CSV file (it contains binary data); save the template as CSV (UTF-8) or .xlsx")
    try:
        dialect = csv.Sniffer().sniff(data.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    try:
        for k, r in enumerate(csv.reader(io.StringIO(data), dialect)):
            if k >= MAX_ROWS or len(r) > MAX_COLUMNS:
                raise MCDAError(f"the CSV file is too large (over {MAX_ROWS} rows or {MAX_COLUMNS} columns) for a score template")
            rows.append(list(r))
    except csv.Error as exc:
        raise MCDAError(f"not a readable CSV file ({exc}); save the template as CSV (UTF-8) or .xlsx") from None
    return rows


def _grid_xlsx(data: bytes) -> list[list]:
    """The first (or 'scores') sheet's values. A formula cell without a saved result is an error
    (it would otherwise read as empty and silently erase a score)."""
    from openpyxl import load_workbook

    grids = []
    for data_only in (True, False):
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
            ws = wb["scores"] if "scores" in wb.sheetnames else wb.worksheets[0]
            if (ws.max_row or 0) > MAX_ROWS or (ws.max_column or 0) > MAX_COLUMNS:
                raise MCDAError(f"the sheet {ws.title!r} is too large (over {MAX_ROWS} rows or {MAX_COLUMNS} columns) "
                                "for a score template")
            grids.append([list(r) for r in ws.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True)])
            wb.close()
        except MCDAError:
            raise
        except Exception as exc:  # openpyxl raises zip, XML, key and value errors for damaged files
            raise MCDAError(f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
    values, formulas = grids
    problems = []
    for r, (vrow, frow) in enumerate(zip(values, formulas)):
        for j, (v, f) in enumerate(zip(vrow, frow)):
            if v is None and isinstance(f, str) and f.startswith("="):
                problems.append(Problem(f"row {r + 1}, column {_letter(j)}",
                                        f"the formula {f[:40]!r} has no saved result; type the value, or open and "
                                        "save the file in Excel so the result is stored"))
    if problems:
        raise ScenarioError(problems)
    return values


def _text(cell) -> str:
    return "" if cell is None else str(cell).strip()


def _number(raw, lo, hi) -> tuple[float | None, str | None]:
    """(value, None) or (None, error message); an empty cell is (None, None)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        return None, f"{str(raw)!r} is not a number"
    if isinstance(raw, str):
        text = raw.strip().lstrip("'")
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        try:
            value = float(text)
        except ValueError:
            return None, f"{raw.strip()!r} is not a number"
    else:
        value = float(raw)
    if not math.isfinite(value):
        return None, f"{raw!r} is not a finite number"
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return None, (f"{value:g} is outside the scale {'-inf' if lo is None else f'{lo:g}'}.."
                      f"{'inf' if hi is None else f'{hi:g}'}")
    return value, None


def read_scores(rows: list[list], scenario: Scenario, source: str | None = None) -> dict[str, dict[str, float | None]]:
    """Scores ``{vendor: {leaf: value or None}}`` from a template grid (rules in the module docstring).

    Raises :class:`~mcda.errors.ScenarioError` with every located problem.
    """
    leaves = {leaf.id: leaf for leaf in scenario.criteria.leaves()}
    parents = {n.id for n, _, _ in scenario.criteria.walk()} - set(leaves)
    vendors = [v.id for v in scenario.vendors]
    problems: list[Problem] = []
    head = next((r for r, row in enumerate(rows) if any(_text(c).lower() == VENDOR for c in row)), None)
    if head is None:
        raise ScenarioError([Problem("", "no header row with a 'vendor' column (the template's first row)")], source)
    vcol, cols = None, {}
    for j, cell in enumerate(rows[head]):
        h, where = _text(cell), f"row {head + 1}, column {_letter(j)}"
        if h.lower() == VENDOR:
            if vcol is not None:
                problems.append(Problem(where, f"a second 'vendor' column (the first is column {_letter(vcol)})"))
            vcol = j if vcol is None else vcol
        elif not h or h.startswith("#") or h.lower() in NAME_COLUMNS:
            continue
        elif h in leaves:
            if h in cols:
                problems.append(Problem(where, f"criterion {h!r} has a second column (also column {_letter(cols[h])})"))
            cols.setdefault(h, j)
        elif h in parents:
            problems.append(Problem(where, f"{h!r} is not a leaf criterion: scores go on leaf criteria"))
        else:
            problems.append(Problem(where, f"unknown criterion id {h!r}"))
    absent = [c for c in leaves if c not in cols]
    if absent:
        problems.append(Problem(f"row {head + 1}", f"no column for criterion(s) {', '.join(absent)}; "
                                "keep every column and leave cells empty for missing scores"))
    out: dict[str, dict[str, float | None]] = {}
    seen: dict[str, int] = {}
    for r in range(head + 1, len(rows)):
        width = len(rows[r])
        row = list(rows[r]) + [None] * (len(rows[head]) - width)
        vid = _text(row[vcol])
        if vid.startswith("#") or not any(_text(c) for c in row):
            continue
        cut = [cid for cid, j in cols.items() if j >= width]
        if cut:
            problems.append(Problem(f"row {r + 1}", f"the row ends after {width} cells, before the column(s) of "
                                    f"{', '.join(cut[:5])}{' ...' if len(cut) > 5 else ''}: a truncated row; keep every "
                                    "cell and leave it empty for a missing score"))
            continue
        if not vid:
            problems.append(Problem(f"row {r + 1}", "no vendor id in the 'vendor' column"))
            continue
        if vid not in vendors:
            problems.append(Problem(f"row {r + 1}, column vendor",
                                    f"unknown vendor id {vid!r} (vendors: {', '.join(vendors)})"))
            continue
        if vid in seen:
            problems.append(Problem(f"row {r + 1}", f"vendor {vid!r} appears twice (also row {seen[vid]})"))
            continue
        seen[vid] = r + 1
        cells = {}
        for cid, j in cols.items():
            value, error = _number(row[j], *scenario.leaf_scale(leaves[cid]).bounds)
            if error:
                problems.append(Problem(f"row {r + 1} (vendor {vid}), column {cid}", error))
            cells[cid] = value
        out[vid] = cells
    absent = [v for v in vendors if v not in seen]
    if absent:
        problems.append(Problem("", f"no row for vendor(s) {', '.join(absent)}; keep every vendor's row"))
    if problems:
        raise ScenarioError(problems, source)
    return {v: {c: out[v][c] for c in leaves} for v in vendors}


def import_scores(scenario: Scenario, member: str, data: bytes | str, source: str | None = None) -> Scenario:
    """A new scenario with ``member``'s scores replaced by a filled-in template.

    Parameters
    ----------
    scenario : Scenario
    member : str
        A member id of the scenario.
    data : bytes or str
        The file's content: .xlsx bytes (recognised by their zip signature) or CSV bytes / text.
    source : str, optional
        The file name, for error messages.

    Returns
    -------
    Scenario
        Validated; ``scenario`` itself is unchanged.
    """
    _member(scenario, member)
    if isinstance(data, bytes) and data[:4] == b"PK\x03\x04":
        rows = _grid_xlsx(data)
    elif isinstance(data, (bytes, str)):
        rows = _grid_csv(data)
    else:
        raise MCDAError(f"expected the file's bytes or text, found {type(data).__name__}")
    scores = read_scores(rows, scenario, source)
    doc = scenario.model_dump(mode="json")
    old = doc["scores"]
    doc["scores"] = {m.id: (scores if m.id == member else old[m.id]) for m in scenario.members
                     if m.id == member or m.id in old}
    return parse_scenario(doc, source)
