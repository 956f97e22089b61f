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
Text cells starting with ``= + - @``, TAB or CR (the OWASP list) are written with a
leading ``'`` (:func:`safe_cell`, used by every CSV and Excel writer) so that spreadsheets
do not run them as formulas.

Limits (refused before parsing, naming the limit): :data:`MAX_ROWS` rows,
:data:`MAX_COLUMNS` columns, :data:`MAX_CELLS` cells; an .xlsx whose parts
decompress to more than :data:`MAX_XLSX_UNCOMPRESSED` bytes in total (a zip bomb) or
that holds more than :data:`MAX_XLSX_MEMBERS` parts; merged cells in the score sheet
(they would silently turn scores into missing ones) are refused, naming the range.
"""
from __future__ import annotations

import csv
import io
import math
import re

from mcda.errors import MCDAError, ScenarioError
from mcda.export.grids import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_XLSX_MEMBERS,
    MAX_XLSX_UNCOMPRESSED,
    column_letter,
    grid_csv,
    grid_xlsx,
)
from mcda.scenario.io import parse_scenario
from mcda.scenario.rules import problem
from mcda.scenario.schema import NumericScale, Scenario

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_XLSX_MEMBERS",
    "MAX_XLSX_UNCOMPRESSED",
    "NAME_COLUMNS",
    "import_scores",
    "read_scores",
    "safe_cell",
    "score_template",
    "template_csv",
    "template_rows",
    "template_xlsx",
]

VENDOR = "vendor"
NAME_COLUMNS = ("vendor_zh", "vendor_en", "name", "name_zh", "name_en", "notes", "名称")
META = ("#name_zh", "#name_en", "#dimension", "#direction", "#scale")
_DIRECTION = {"benefit": "benefit / 效益型(越高越好)", "cost": "cost / 成本型(越低越好)"}
_GATE = "gate / 资格门槛(1 = pass 通过, 0 = fail 不通过)"
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # OWASP: CSV injection


def _member(scenario: Scenario, member: str | None) -> None:
    if member is not None and member not in {m.id for m in scenario.members}:
        known = ", ".join(m.id for m in scenario.members)
        if known:
            raise MCDAError(code="err.unknown_member", id=member, known=known)
        raise MCDAError(code="err.unknown_member_none", id=member)


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
    >>> rows[0][:4], rows[5][3]
    (['vendor', 'vendor_zh', 'vendor_en', 'responsiveness.response_time'], '1-5')
    >>> rows[6][:4]
    ['huaxin', '华信财税', 'Huaxin Tax & Accounting', 3.0]
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
    """Text for a spreadsheet cell that a spreadsheet will not run as a formula (CSV injection): a text
    starting with ``= + - @``, TAB or CR gets a leading ``'``. The one neutralising function of every
    CSV and Excel writer.

    >>> safe_cell("=SUM(A1)"), safe_cell(chr(9) + "=1"), safe_cell("Huaxin")
    ("'=SUM(A1)", "'\\t=1", 'Huaxin')
    """
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
                 ("Fill in scores from row 7; leave a cell empty for a missing score. Do not delete rows or columns; "
                  "their order may change."),
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
    raise MCDAError(code="err.template.format", found=repr(fmt))


# ----------------------------------------------------------------------------- import
def _text(cell) -> str:
    return "" if cell is None else str(cell).strip()


def _number(raw, lo, hi) -> tuple[float | None, tuple[str, dict] | None]:
    """(value, None) or (None, (error code, parameters)); an empty cell is (None, None)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        return None, ("err.import.not_number", {"found": repr(str(raw))})
    if isinstance(raw, str):
        text = raw.strip().lstrip("'")
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        try:
            value = float(text) if len(text) <= 100 else math.nan
        except ValueError:
            return None, ("err.import.not_number", {"found": repr(raw.strip()[:60])})
    else:
        try:
            value = float(raw)
        except OverflowError:  # an integer beyond float range
            value = math.inf
    if not math.isfinite(value):
        return None, ("err.import.not_finite", {"found": repr(raw)[:60]})
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return None, ("err.import.outside", {"value": f"{value:g}", "lo": "-inf" if lo is None else f"{lo:g}",
                                             "hi": "inf" if hi is None else f"{hi:g}"})
    return value, None


def read_scores(rows: list[list], scenario: Scenario, source: str | None = None) -> dict[str, dict[str, float | None]]:
    """Scores ``{vendor: {leaf: value or None}}`` from a template grid (rules in the module docstring).

    Raises :class:`~mcda.errors.ScenarioError` with every located problem.
    """
    leaves = {leaf.id: leaf for leaf in scenario.criteria.leaves()}
    parents = {n.id for n, _, _ in scenario.criteria.walk()} - set(leaves)
    vendors = [v.id for v in scenario.vendors]
    problems = []
    head = next((r for r, row in enumerate(rows) if any(_text(c).lower() == VENDOR for c in row)), None)
    if head is None:
        raise ScenarioError([problem("", "err.import.no_header")], source)
    vcol, cols = None, {}
    for j, cell in enumerate(rows[head]):
        h, where = _text(cell), f"row {head + 1}, column {column_letter(j)}"
        if h.lower() == VENDOR:
            if vcol is not None:
                problems.append(problem(where, "err.import.second_vendor", first=column_letter(vcol)))
            vcol = j if vcol is None else vcol
        elif not h or h.startswith("#") or h.lower() in NAME_COLUMNS:
            continue
        elif h in leaves:
            if h in cols:
                problems.append(problem(where, "err.import.second_column", id=h, other=column_letter(cols[h])))
            cols.setdefault(h, j)
        elif h in parents:
            problems.append(problem(where, "err.import.not_leaf", id=h))
        else:
            problems.append(problem(where, "err.unknown_criterion", id=h))
    absent = [c for c in leaves if c not in cols]
    if absent:
        problems.append(problem(f"row {head + 1}", "err.import.no_column", ids=", ".join(absent)))
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
            problems.append(problem(f"row {r + 1}", "err.import.truncated_row", width=width,
                                    ids=", ".join(cut[:5]) + (" ..." if len(cut) > 5 else "")))
            continue
        if not vid:
            problems.append(problem(f"row {r + 1}", "err.import.no_vendor"))
            continue
        if vid not in vendors:
            problems.append(problem(f"row {r + 1}, column vendor",
                                    "err.unknown_vendor" if vendors else "err.unknown_vendor_none",
                                    id=vid, known=", ".join(vendors)))
            continue
        if vid in seen:
            problems.append(problem(f"row {r + 1}", "err.import.vendor_twice", id=vid, other=seen[vid]))
            continue
        seen[vid] = r + 1
        cells = {}
        for cid, j in cols.items():
            value, error = _number(row[j], *scenario.leaf_scale(leaves[cid]).bounds)
            if error:
                problems.append(problem(f"row {r + 1} (vendor {vid}), column {cid}", error[0], **error[1]))
            cells[cid] = value
        out[vid] = cells
    absent = [v for v in vendors if v not in seen]
    if absent:
        problems.append(problem("", "err.import.no_row", ids=", ".join(absent)))
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
        rows = grid_xlsx(data)
    elif isinstance(data, (bytes, str)):
        rows = grid_csv(data)
    else:
        raise MCDAError(code="err.type.file_data", found=type(data).__name__)
    scores = read_scores(rows, scenario, source)
    doc = scenario.model_dump(mode="json")
    old = doc["scores"]
    doc["scores"] = {m.id: (scores if m.id == member else old[m.id]) for m in scenario.members
                     if m.id == member or m.id in old}
    return parse_scenario(doc, source)
