"""A filled-in score template (CSV or .xlsx bytes) as a grid of cells, within bounds.

The limits hold before any parser runs: :data:`MAX_ROWS` rows, :data:`MAX_COLUMNS` columns and
:data:`MAX_CELLS` cells; an .xlsx whose parts decompress to more than :data:`MAX_XLSX_UNCOMPRESSED`
bytes together (sizes from the zip directory; :mod:`zipfile` never inflates a part beyond its
stated size, so a lying header fails its CRC instead) or that has more than
:data:`MAX_XLSX_MEMBERS` parts is refused; so are merged cells in the score sheet (naming the
range) and formulas without a saved result. The rules for the grid itself are in
:mod:`mcda.export.templates`.
"""
from __future__ import annotations

import csv
import io
import re

from mcda.errors import MCDAError, ScenarioError
from mcda.scenario.rules import problem

__all__ = ["MAX_CELLS", "MAX_COLUMNS", "MAX_ROWS", "MAX_XLSX_MEMBERS", "MAX_XLSX_UNCOMPRESSED", "column_letter",
           "grid_csv", "grid_xlsx"]


def column_letter(j: int) -> str:
    out, j = "", j + 1
    while j:
        j, r = divmod(j - 1, 26)
        out = chr(65 + r) + out
    return out


MAX_ROWS, MAX_COLUMNS = 10_000, 2_000  # far beyond any tender; bounds what a hostile file can cost
MAX_CELLS = 1_000_000  # rows x columns of one grid (e.g. 2,000 vendors x 500 criteria)
MAX_XLSX_UNCOMPRESSED = 16 * 1024 * 1024  # all parts of an .xlsx together, decompressed (16 MiB)
MAX_XLSX_MEMBERS = 1_000  # parts in the .xlsx zip


def grid_csv(data: bytes | str) -> list[list]:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            data = data.decode("gb18030", errors="replace")
    if "\x00" in data:
        raise MCDAError(code="err.csv.binary")
    try:
        dialect = csv.Sniffer().sniff(data.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows, cells = [], 0
    try:
        for k, r in enumerate(csv.reader(io.StringIO(data), dialect)):
            cells += len(r)
            if k >= MAX_ROWS or len(r) > MAX_COLUMNS or cells > MAX_CELLS:
                raise MCDAError(code="err.csv.too_large", rows=f"{MAX_ROWS:,}", columns=f"{MAX_COLUMNS:,}",
                                cells=f"{MAX_CELLS:,}", row=k + 1)
            rows.append(list(r))
    except csv.Error as exc:
        raise MCDAError(code="err.csv.unreadable", reason=str(exc)) from None
    return rows


def _check_zip(data: bytes) -> None:
    """Refuse an .xlsx whose parts decompress to too much (a zip bomb) before any parser reads it;
    the sizes are the zip directory's, and :mod:`zipfile` never inflates a part beyond its stated size."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:  # damaged central directory
        raise MCDAError(code="err.xlsx.unreadable", kind=type(exc).__name__, reason=str(exc)) from None
    if len(infos) > MAX_XLSX_MEMBERS:
        raise MCDAError(code="err.xlsx.members", n=f"{len(infos):,}", max=f"{MAX_XLSX_MEMBERS:,}")
    total = sum(max(i.file_size, 0) for i in infos)
    if total > MAX_XLSX_UNCOMPRESSED:
        biggest = max(infos, key=lambda i: i.file_size)
        raise MCDAError(code="err.xlsx.too_big", size=f"{total:,}", max=f"{MAX_XLSX_UNCOMPRESSED:,}",
                        mib=MAX_XLSX_UNCOMPRESSED // 2**20, part=biggest.filename, part_size=f"{biggest.file_size:,}")


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")


def _merged_ranges(data: bytes, part: str | None) -> list[str]:
    """The merged ranges of the worksheet stored in ``part`` (every worksheet if unknown)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = [part.lstrip("/")] if part else [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        found: list[str] = []
        for name in names:
            try:
                found += [m.decode("ascii") for m in _MERGE.findall(z.read(name))]
            except KeyError:
                continue
    return found


def grid_xlsx(data: bytes) -> list[list]:
    """The first (or 'scores') sheet's values. A formula cell without a saved result is an error
    (it would otherwise read as empty and silently erase a score)."""
    from openpyxl import load_workbook

    _check_zip(data)
    grids = []
    for data_only in (True, False):
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
            ws = wb["scores"] if "scores" in wb.sheetnames else wb.worksheets[0]
            rows, cols = ws.max_row or 0, ws.max_column or 0
            if rows > MAX_ROWS or cols > MAX_COLUMNS or rows * cols > MAX_CELLS:
                raise MCDAError(code="err.xlsx.too_large", sheet=ws.title, rows=f"{MAX_ROWS:,}",
                                columns=f"{MAX_COLUMNS:,}", cells=f"{MAX_CELLS:,}")
            if data_only:
                merged = _merged_ranges(data, getattr(ws, "_worksheet_path", None))
                if merged:
                    raise ScenarioError([problem(merged[0], "err.xlsx.merged", sheet=ws.title,
                                                 ranges=", ".join(merged[:5]), n=len(merged))])
            grid, cells = [], 0
            for r in ws.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True):
                cells += len(r)
                if cells > MAX_CELLS:
                    raise MCDAError(code="err.xlsx.too_large", sheet=ws.title, rows=f"{MAX_ROWS:,}",
                                    columns=f"{MAX_COLUMNS:,}", cells=f"{MAX_CELLS:,}")
                grid.append(list(r))
            grids.append(grid)
            wb.close()
        except MCDAError:
            raise
        except Exception as exc:  # noqa: BLE001 - openpyxl raises zip, XML, key and value errors for damaged files
            raise MCDAError(code="err.xlsx.unreadable", kind=type(exc).__name__, reason=str(exc)) from None
    values, formulas = grids
    problems = []
    for r, (vrow, frow) in enumerate(zip(values, formulas, strict=False)):
        for j, (v, f) in enumerate(zip(vrow, frow, strict=False)):
            if v is None and isinstance(f, str) and f.startswith("="):
                problems.append(problem(f"row {r + 1}, column {column_letter(j)}", "err.xlsx.formula", formula=f[:40]))
    if problems:
        raise ScenarioError(problems)
    return values
