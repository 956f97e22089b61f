"""The hostile-input corpus (issue 11): one table of input -> expected outcome.

Each :class:`Case` says how to run (``mcda`` arguments, or an API call through
``tests/hostile/api_runner.py``), which files to create first (name -> bytes, or a
builder returning bytes; a ``bytes`` name is a file name that is not UTF-8), which
commands must succeed before it (``setup``), and what must happen: the exit code
and a regular expression that the output (stderr for a refusal, stdout otherwise)
must match, naming the place (JSON path, line and column, row and column, argument
or key). ``absent`` lists texts that must not reach stdout (raw control or bidi
characters). :mod:`tests.hostile.test_corpus` runs each case in a subprocess under
a memory cap and a timeout, with ``PYTHONIOENCODING=utf-8:strict``.
"""
from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import mcda
from mcda.export.templates import template_csv, template_xlsx

__all__ = ["CASES", "EX", "Case"]

Content = bytes | Callable[[], bytes]


@dataclass(frozen=True)
class Case:
    id: str
    args: tuple  # mcda arguments (str or bytes), or ("api", function, file)
    files: dict = field(default_factory=dict)  # name (str or bytes) -> Content
    exit: int = 1
    match: str | None = None  # regex on stderr (exit != 0) or stdout (exit 0)
    absent: tuple[str, ...] = ()  # must not appear in stdout
    setup: tuple[tuple, ...] = ()  # mcda argument lists that must exit 0 first
    stdout: str | None = None  # an extra regex on stdout


@cache
def _example() -> dict:
    return json.loads(mcda.scenario.bundled.EXAMPLE.read_text(encoding="utf-8"))


EX = "ex.json"


def ex() -> bytes:
    return json.dumps(_example(), ensure_ascii=False).encode("utf-8")


def mutated(change: Callable[[dict], object]) -> Callable[[], bytes]:
    """A builder: the example with ``change`` applied to a deep copy."""

    def build() -> bytes:
        data = copy.deepcopy(_example())
        change(data)
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    return build


def _set(path: tuple, value) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        obj = data
        for key in path[:-1]:
            obj = obj[key]
        obj[path[-1]] = value

    return change


def raw(text: str) -> Callable[[], bytes]:
    """The example's JSON text with ``text`` replacing the marker ``"@@"`` (for literals json cannot write)."""

    def build() -> bytes:
        data = copy.deepcopy(_example())
        data["scores"]["cfo"]["huaxin"]["responsiveness.response_time"] = "@@"
        return json.dumps(data, ensure_ascii=False).replace('"@@"', text).encode("utf-8")

    return build


def hostile_names(name: str) -> Callable[[], bytes]:
    return mutated(_set(("vendors", 0, "name"), {"zh": name, "en": name}))


@cache
def _scenario():
    return mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)


def csv_template() -> str:
    return template_csv(_scenario(), "cfo")


def csv_with(change: Callable[[list[list[str]]], None]) -> Callable[[], bytes]:
    def build() -> bytes:
        import csv

        rows = list(csv.reader(io.StringIO(csv_template())))
        change(rows)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerows(rows)
        return buf.getvalue().encode("utf-8")

    return build


def _cell(r: int, c: int, value: str) -> Callable[[list[list[str]]], None]:
    def change(rows):
        rows[r][c] = value

    return change


def xlsx_template() -> bytes:
    return template_xlsx(_scenario(), "cfo")


def xlsx_rewritten(change: Callable[[dict[str, bytes]], None]) -> Callable[[], bytes]:
    """The .xlsx template with its parts rewritten by ``change`` ({part name: bytes})."""

    def build() -> bytes:
        with zipfile.ZipFile(io.BytesIO(xlsx_template())) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        change(parts)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        return out.getvalue()

    return build


def _bomb(parts: dict[str, bytes]) -> None:
    parts["xl/sharedStrings.xml"] = b"<sst>" + b"<si><t>" + b"A" * (60 * 2**20) + b"</t></si></sst>"


def _merge(parts: dict[str, bytes]) -> None:
    name = "xl/worksheets/sheet1.xml"
    parts[name] = parts[name].replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="D7:E7"/></mergeCells>')


def _many_parts(parts: dict[str, bytes]) -> None:
    parts.update({f"xl/media/p{k}.bin": b"" for k in range(1500)})


def _formula(parts: dict[str, bytes]) -> None:
    import re

    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode("utf-8")
    parts[name] = re.sub(r'<c r="D7"[^>]*>.*?</c>', '<c r="D7"><f>1+2</f></c>', xml, count=1).encode("utf-8")


def sens(data) -> Callable[[], bytes]:
    return lambda: json.dumps(data).encode("utf-8")


def lines_of(n_rows: int, n_cols: int) -> Callable[[], bytes]:
    return lambda: ("vendor" + ",x" * (n_cols - 1) + "\n" + ("a" + ",1" * (n_cols - 1) + "\n") * n_rows).encode()


BIG = "9" * 5000
ZH = r"[\u4e00-\u9fff]"
CSV = "scores.csv"
XLSX = "scores.xlsx"
IMPORT = ("import-scores", EX)
STORE = ("store", "--store", "lib.sqlite3")
SAVE = (*STORE, "save", EX, "--name", "tender")
SENS = ("export", EX, "--sensitivity", "s.json", "-o", "r.html")

CASES: list[Case] = [
    # ------------------------------------------------------------------ the scenario loader
    Case("loader-valid", ("validate", EX), {EX: ex}, 0, r"ex\.json: valid scenario: 19 dimensions"),
    Case("loader-empty", ("validate", "e.json"), {"e.json": b""}, 1, r"\(file\): the file is empty"),
    Case("loader-blank", ("rank", "e.json"), {"e.json": b" \n\t "}, 1, r"e\.json: 1 problem.*\n.*the file is empty"),
    Case("loader-not-utf8", ("validate", "b.json"), {"b.json": b'{"a": "\xff\xfe"}'}, 1, r"not UTF-8 text \(byte 7"),
    Case("loader-truncated", ("rank", "t.json"), {"t.json": lambda: ex()[:5000]}, 1,
         r"line 1, column \d+: .*looks truncated"),
    Case("loader-array", ("validate", "a.json"), {"a.json": b"[1, 2]"}, 1,
         r"JSON object at the top level, found an array"),
    Case("loader-duplicate-key", ("validate", "d.json"), {"d.json": b'{"kind": "model", "kind": "scenario"}'}, 1,
         r"the key 'kind' appears twice"),
    Case("loader-deep-arrays", ("rank", "deep.json"), {"deep.json": b"[" * 100_000 + b"1" + b"]" * 100_000}, 1,
         r"nested too deeply: more than 64 levels at line 1, column 65"),
    Case("loader-deep-objects", ("validate", "deep.json"), {"deep.json": b'{"a":' * 70 + b"1" + b"}" * 70}, 1,
         r"a\.a\.a.*: the JSON is nested more than 64 levels deep"),
    Case("loader-5000-digits", ("validate", "n.json"), {"n.json": raw(BIG)}, 1,
         r"cannot be read: it has 5000 characters \(at most 100\) at line 1, column \d+"),
    Case("loader-5000-digit-float", ("rank", "n.json"), {"n.json": raw("0." + BIG)}, 1, r"line 1, column \d+"),
    Case("loader-1e400", ("validate", "n.json"), {"n.json": raw("1e400")}, 1,
         r"scores\[cfo\]\[huaxin\]\[responsiveness\.response_time\]: expected a finite number"),
    Case("loader-nan", ("validate", "n.json"), {"n.json": raw("NaN")}, 1,
         r"scores\[cfo\]\[huaxin\]\[responsiveness\.response_time\]: expected a finite number"),
    Case("loader-infinity", ("rank", "n.json"), {"n.json": raw("-Infinity")}, 1, r"response_time\]: expected a finite"),
    Case("loader-17-mib", ("validate", "big.json"), {"big.json": lambda: b" " * (17 * 2**20)}, 1,
         r"17,825,792 bytes \(17\.0 MiB\); files over 16 MiB \(16,777,216 bytes\) are refused"),
    Case("loader-schema-version", ("validate", "v.json"), {"v.json": mutated(_set(("schema_version",), 2))}, 1,
         r"schema_version: expected 1, found 2"),
    Case("loader-kind-missing", ("validate", "k.json"), {"k.json": mutated(lambda d: d.pop("kind"))}, 1,
         r"kind: expected \"model\" or \"scenario\", found missing"),
    Case("loader-unknown-key", ("validate", "u.json"), {"u.json": mutated(_set(("vendors", 0, "colour"), "red"))}, 1,
         r"vendors\[0\]\.colour: unknown key"),
    Case("loader-lone-surrogate", ("validate", "s.json"),
         {"s.json": lambda: ex().replace("华信财税".encode(), b"\\ud800", 1)}, 1,
         r"vendors\[0\]\.name\.zh: the text has an invalid character at position 1"),
    Case("loader-control-char", ("validate", "c.json"), {"c.json": hostile_names("a\x01b")}, 1,
         r"vendors\[0\]\.name\.zh: the text has a control character \(code 1\) at position 2"),
    Case("loader-score-outside", ("rank", "o.json"),
         {"o.json": mutated(_set(("scores", "cfo", "huaxin", "responsiveness.response_time"), 6))}, 1,
         r"scores\[cfo\]\[huaxin\]\[responsiveness\.response_time\]: 6 is outside the scale 1\.\.5"),
    Case("loader-unknown-vendor", ("validate", "o.json"),
         {"o.json": mutated(lambda d: d["scores"]["cfo"].update(ghost={}))}, 1,
         r"scores\[cfo\]\[ghost\]: unknown vendor id 'ghost'"),
    Case("loader-saaty", ("validate", "j.json"),
         {"j.json": mutated(_set(("judgments", "cfo", "nodes", "goal", 0, "value"), 12))}, 1,
         r"judgments\[cfo\]\.nodes\[goal\]\[0\]\.value: 12 is outside 1/9\.\.9"),
    Case("loader-fraction-zero", ("validate", "j.json"),
         {"j.json": mutated(_set(("judgments", "cfo", "nodes", "goal", 0, "value"), "1/0"))}, 1,
         r"nodes\[goal\]\[0\]\.value: expected a number or a fraction such as 1/3, found '1/0'"),
    Case("loader-fraction-huge", ("validate", "j.json"),
         {"j.json": mutated(_set(("judgments", "cfo", "nodes", "goal", 0, "value"), "1/" + BIG))}, 1,
         r"nodes\[goal\]\[0\]\.value: expected a number or a fraction"),
    Case("loader-weight-text", ("validate", "w.json"), {"w.json": mutated(_set(("members", 0, "weight"), "heavy"))}, 1,
         r"members\[0\]\.weight: input should be a valid number"),
    Case("loader-bad-id", ("validate", "i.json"), {"i.json": mutated(_set(("vendors", 0, "id"), "1 bad"))}, 1,
         r"vendors\[0\]\.id: \"1 bad\" is not a valid id"),
    Case("loader-samples-cap", ("validate", "s.json"),
         {"s.json": mutated(_set(("settings", "sensitivity"), {"samples": 10**8}))}, 1,
         r"settings\.sensitivity\.samples: input should be less than or equal to 10000000"),
    Case("loader-bool-score", ("validate", "b.json"),
         {"b.json": mutated(_set(("scores", "cfo", "huaxin", "responsiveness.response_time"), True))}, 1,
         r"response_time\]: input should be a valid number"),
    Case("loader-zh-rank", ("rank", "z.json", "--lang", "zh"),
         {"z.json": mutated(_set(("vendors", 0, "id"), "1 bad"))}, 1,
         r"z\.json: 发现 1 个问题：\n  - vendors\[0\]\.id: \"1 bad\" 不是有效的编号"),
    Case("loader-zh-validate", ("validate", "z.json", "--lang", "zh"),
         {"z.json": mutated(_set(("scores", "cfo", "huaxin", "responsiveness.response_time"), 6))}, 1,
         r"z\.json：无效，1 个问题：\n  错误   scores\[cfo\]\[huaxin\]\[responsiveness\.response_time\]：6 超出"),
    Case("loader-zh-json", ("validate", "t.json", "--lang", "zh"), {"t.json": b'{"a": 1,'}, 1,
         r"JSON 无效：第 1 行第 9 列，此处应为用双引号括起的键名（文件似乎被截断"),
    Case("loader-missing-file", ("rank", "absent.json"), {}, 1, r"absent\.json: no such file"),
    Case("loader-folder", ("validate", "."), {}, 1, r"\.: not a file"),
    # ------------------------------------------------------------------ file names and terminal text (item 1, 7)
    Case("name-non-utf8-validate", ("validate", b"caf\xff.json"), {b"caf\xff.json": ex}, 0,
         r"caf\\xff\.json: valid scenario"),
    Case("name-non-utf8-rank", ("rank", b"caf\xff.json", "--no-agreement"), {b"caf\xff.json": ex}, 0,
         r"Ranking of caf\\xff\.json: 5 vendors"),
    Case("name-non-utf8-export", ("export", EX, "--format", "json", "-o", b"out\xfe.json"), {EX: ex}, 0,
         r"wrote the scenario to out\\xfe\.json"),
    Case("name-non-utf8-missing", ("validate", b"nope\xff\xfe.json"), {}, 1, r"nope\\xff\\xfe\.json: INVALID"),
    Case("name-non-utf8-weights", ("weights", b"w\xff.json"), {b"w\xff.json": ex}, 0, r"Weights of w\\xff\.json"),
    Case("name-bidi-rank", ("rank", "h.json", "--no-agreement"), {"h.json": hostile_names("evil\u202etxt.exe")}, 0,
         r"evil\\u202etxt\.exe", absent=("\u202e",)),
    Case("name-crlf-c1-rank", ("rank", "h.json", "--no-agreement"), {"h.json": hostile_names("a\r\nFAKE LINE\x85")}, 0,
         r"a\\r\\nFAKE LINE\\x85", absent=("\r", "\x85", "\nFAKE")),
    Case("name-bidi-weights", ("weights", "h.json"),
         {"h.json": mutated(_set(("criteria", "children", 0, "name"), {"zh": "x\u2066y", "en": "x\u2066y"}))}, 0,
         r"x\\u2066y", absent=("\u2066",)),
    Case("name-json-exact", ("export", "h.json", "--format", "json"),
         {"h.json": hostile_names("evil\u202etxt\r\n")}, 0, r"\"vendors\"", stdout="evil\u202etxt\\r\\n"),
    Case("name-csv-formula", ("rank", "h.json", "--format", "csv", "--no-agreement", "--lang", "en"),
         {"h.json": hostile_names("=HYPERLINK(\"http://x\")")}, 0, r"'=HYPERLINK"),
    Case("name-csv-tab", ("rank", "h.json", "--format", "csv", "--no-agreement", "--lang", "en"),
         {"h.json": hostile_names("\t=1+2")}, 0, r"'\t=1\+2"),
    Case("name-template-formula", ("template-scores", "h.json", "--member", "cfo"),
         {"h.json": hostile_names("@SUM(A1)")}, 0, r",'@SUM\(A1\),"),
    # ------------------------------------------------------------------ score import: CSV
    Case("csv-valid", (*IMPORT, CSV, "--member", "cfo", "-o", "out.json"),
         {EX: ex, CSV: lambda: csv_template().encode()},
         0, r"imported cfo's scores from scores\.csv; wrote out\.json"),
    Case("csv-gb18030", (*IMPORT, CSV, "--member", "cfo", "-o", "out.json"),
         {EX: ex, CSV: lambda: csv_template().encode("gb18030")}, 0, r"imported"),
    Case("csv-binary", (*IMPORT, CSV, "--member", "cfo"), {EX: ex, CSV: b"vendor,a\x00b\n"}, 1, r"binary data"),
    Case("csv-not-a-number", (*IMPORT, CSV, "--member", "cfo"), {EX: ex, CSV: csv_with(_cell(6, 3, "lots"))}, 1,
         r"row 7 \(vendor huaxin\), column responsiveness\.response_time: 'lots' is not a number"),
    Case("csv-5000-digits", (*IMPORT, CSV, "--member", "cfo"), {EX: ex, CSV: csv_with(_cell(6, 3, BIG))}, 1,
         r"row 7 \(vendor huaxin\), column responsiveness\.response_time: .* is not a finite number"),
    Case("csv-1e999", (*IMPORT, CSV, "--member", "cfo"), {EX: ex, CSV: csv_with(_cell(7, 4, "1e999"))}, 1,
         r"row 8 \(vendor mingzhang\), column responsiveness\.channels: '1e999' is not a finite number"),
    Case("csv-outside", (*IMPORT, CSV, "--member", "cfo"), {EX: ex, CSV: csv_with(_cell(6, 3, "9"))}, 1,
         r"row 7 \(vendor huaxin\), column responsiveness\.response_time: 9 is outside the scale 1\.\.5"),
    Case("csv-unknown-vendor", (*IMPORT, CSV, "--member", "cfo"), {EX: ex, CSV: csv_with(_cell(6, 0, "ghost"))}, 1,
         r"row 7, column vendor: unknown vendor id 'ghost'"),
    Case("csv-no-header", (*IMPORT, CSV, "--member", "cfo"), {EX: ex, CSV: b"a,b\n1,2\n"}, 1, r"no header row"),
    Case("csv-truncated-row", (*IMPORT, CSV, "--member", "cfo"),
         {EX: ex, CSV: csv_with(lambda rows: rows.__setitem__(7, rows[7][:10]))}, 1,
         r"row 8: the row ends after 10 cells"),
    Case("csv-too-many-rows", (*IMPORT, CSV, "--member", "cfo"), {EX: ex, CSV: lines_of(10_001, 2)}, 1,
         r"too large \(over 10,000 rows .* at row 10001\)"),
    Case("csv-too-many-columns", (*IMPORT, CSV, "--member", "cfo"), {EX: ex, CSV: lines_of(1, 2_001)}, 1,
         r"too large \(over 10,000 rows or 2,000 columns .* at row 1\)"),
    Case("csv-unknown-member", (*IMPORT, CSV, "--member", "ghost"), {EX: ex, CSV: lambda: csv_template().encode()}, 1,
         r"unknown member id 'ghost' \(members: cfo, fin_mgr, it_sec\)"),
    Case("csv-zh", (*IMPORT, CSV, "--member", "cfo", "--lang", "zh"), {EX: ex, CSV: csv_with(_cell(6, 3, "9"))}, 1,
         r"row 7 \(vendor huaxin\), column responsiveness\.response_time: 9 超出量表 1\.\.5"),
    # ------------------------------------------------------------------ score import: Excel (item 6)
    Case("xlsx-valid", (*IMPORT, XLSX, "--member", "cfo", "-o", "out.json"), {EX: ex, XLSX: xlsx_template}, 0,
         r"imported cfo's scores from scores\.xlsx"),
    Case("xlsx-zip-bomb", (*IMPORT, XLSX, "--member", "cfo"), {EX: ex, XLSX: xlsx_rewritten(_bomb)}, 1,
         r"decompresses to [\d,]+ bytes \(at most 16 MiB.*the largest part, xl/sharedStrings\.xml"),
    Case("xlsx-merged", (*IMPORT, XLSX, "--member", "cfo"), {EX: ex, XLSX: xlsx_rewritten(_merge)}, 1,
         r"D7:E7: the sheet 'scores' has 1 merged range\(s\) \(D7:E7\)"),
    Case("xlsx-many-parts", (*IMPORT, XLSX, "--member", "cfo"), {EX: ex, XLSX: xlsx_rewritten(_many_parts)}, 1,
         r"holds 1,5\d\d parts \(at most 1,000\)"),
    Case("xlsx-formula", (*IMPORT, XLSX, "--member", "cfo"), {EX: ex, XLSX: xlsx_rewritten(_formula)}, 1,
         r"row 7, column D: the formula '=1\+2' has no saved result"),
    Case("xlsx-corrupt", (*IMPORT, XLSX, "--member", "cfo"), {EX: ex, XLSX: b"PK\x03\x04" + b"\x00" * 200}, 1,
         r"not a readable \.xlsx workbook"),
    Case("xlsx-truncated", (*IMPORT, XLSX, "--member", "cfo"), {EX: ex, XLSX: lambda: xlsx_template()[:3000]}, 1,
         r"not a readable \.xlsx workbook"),
    # ------------------------------------------------------------------ export --sensitivity FILE (item 2)
    Case("sens-number-for-list", SENS, {EX: ex, "s.json": sens({"tornado": 5})}, 1,
         r"s\.json: 1 problem.*\n.*sensitivity tornado: expected a list, found 5"),
    Case("sens-text-for-number", SENS,
         {EX: ex, "s.json": sens({"stability": [{"node": "quality", "current": "high"}]})}, 1,
         r"sensitivity stability\[0\]\.current: expected a finite number or None, found 'high'"),
    Case("sens-ghost-vendor", ("export", EX, "--sensitivity", "s.json", "-o", "r.xlsx"),
         {EX: ex, "s.json": sens({"acceptability": {"vendors": ["ghost"], "matrix": [[1.0]]}})}, 1,
         r"sensitivity acceptability\.vendors\[0\]: the scenario has no vendor 'ghost'"),
    Case("sens-ghost-node", SENS, {EX: ex, "s.json": sens({"stability": [{"node": "ghostnode", "current": 0.1}]})}, 1,
         r"sensitivity stability\[0\]\.node: the scenario has no criterion 'ghostnode'"),
    Case("sens-ghost-winner", SENS,
         {EX: ex, "s.json": sens({"stability": [{"node": "quality", "winner_low": "ghost"}]})}, 1,
         r"sensitivity stability\[0\]\.winner_low: the scenario has no vendor 'ghost'"),
    Case("sens-samples-text", SENS,
         {EX: ex, "s.json": sens({"acceptability": {"vendors": ["huaxin"], "matrix": [[1.0]], "samples": "many"}})}, 1,
         r"sensitivity acceptability\.samples: expected a finite number"),
    Case("sens-matrix-number", SENS,
         {EX: ex, "s.json": sens({"acceptability": {"vendors": ["huaxin"], "matrix": 5}})}, 1,
         r"sensitivity acceptability\.matrix: expected a list"),
    Case("sens-list", SENS, {EX: ex, "s.json": sens([1])}, 1, r"sensitivity must be a dict, found list"),
    Case("sens-not-json", SENS, {EX: ex, "s.json": b"{nope"}, 1, r"s\.json: .*\n.*not valid JSON at line 1, column 2"),
    Case("sens-zh", (*SENS, "--lang", "zh"), {EX: ex, "s.json": sens({"tornado": [{"criterion": "ghost"}]})}, 1,
         r"sensitivity tornado\[0\]\.criterion：方案中没有指标 'ghost'"),
    # ------------------------------------------------------------------ exports
    Case("export-suffix", ("export", EX, "-o", "r.docx"), {EX: ex}, 1, r"the output r\.docx ends in \.docx"),
    Case("export-onto-input", ("export", EX, "--format", "json", "-o", EX), {EX: ex}, 1,
         r"the output ex\.json is the input file ex\.json"),
    Case("export-xlsx-stdout", ("export", EX, "--format", "xlsx"), {EX: ex}, 1, r"give -o FILE"),
    Case("export-html", ("export", EX, "-o", "r.html", "--samples", "0"), {EX: ex}, 0,
         r"wrote the HTML report to r\.html"),
    Case("export-into-missing-folder", ("export", EX, "--format", "json", "-o", "no/such/x.json"), {EX: ex}, 1,
         r"no/such/x\.json: cannot write: the folder .* does not exist"),
    # ------------------------------------------------------------------ numbers on the command line (items 3, 4)
    Case("args-samples-cap", ("sensitivity", EX, "--samples", "99999999999"), {EX: ex}, 2,
         r"argument --samples: expected a number of samples of at most 10,000,000"),
    Case("args-samples-5000-digits", ("sensitivity", EX, "--samples", BIG), {EX: ex}, 2,
         r"argument --samples: .*5000-digit number"),
    Case("args-export-samples-cap", ("export", EX, "-o", "r.html", "--samples", "10000001"), {EX: ex}, 2,
         r"argument --samples: expected a number of samples of at most 10,000,000"),
    Case("args-seed-cap", ("sensitivity", EX, "--seed", str(2**64)), {EX: ex}, 2, r"argument --seed: .*at most"),
    Case("args-version-open", (*STORE, "open", "tender", "--version", str(2**64)), {}, 2,
         r"argument --version: expected a version number of at most 9,223,372,036,854,775,807"),
    Case("args-version-restore", (*STORE, "restore", "tender", "9" * 30), {}, 2,
         r"argument N: expected a version number of at most"),
    Case("args-version-diff", (*STORE, "diff", "tender", "1", str(2**70)), {}, 2,
         r"argument V2: expected a version number of at most"),
    Case("args-version-negative", (*STORE, "open", "tender", "--version", "-1"), {}, 2,
         r"argument --version: expected a version number of at least 1"),
    Case("args-version-text", (*STORE, "open", "tender", "--version", "1e3"), {}, 2,
         r"argument --version: expected a version number, found '1e3'"),
    # ------------------------------------------------------------------ store names and versions
    Case("store-name-empty", (*STORE, "save", EX, "--name", ""), {EX: ex}, 1, r"a scenario name cannot be empty"),
    Case("store-name-long", (*STORE, "save", EX, "--name", "a" * 101), {EX: ex}, 1, r"at most 100 characters"),
    Case("store-name-newline", (*STORE, "save", EX, "--name", "x\ny"), {EX: ex}, 1, r"U\+000A at position 2"),
    Case("store-name-bidi", (*STORE, "save", EX, "--name", "ev\u202eil"), {EX: ex}, 1, r"U\+202E at position 3"),
    Case("store-name-non-utf8", (*STORE, "save", EX, "--name", b"\xff"), {EX: ex}, 1,
         r"control or invisible characters"),
    Case("store-open-missing-version", (*STORE, "open", "tender", "--version", "7"), {EX: ex}, 1,
         r"tender", setup=(SAVE,)),
    Case("store-open-absent", (*STORE, "open", "nobody"), {EX: ex}, 1, r"nobody", setup=(SAVE,)),
    Case("store-list-dotdot", (*STORE, "list"), {EX: ex}, 0, r"\.\./\.\./etc",
         setup=((*STORE, "save", EX, "--name", "../../etc"),)),
    Case("store-diff-max-version", (*STORE, "diff", "tender", "1", str(2**63 - 1)), {EX: ex}, 1,
         r"tender", setup=(SAVE,)),
    Case("store-save-invalid", (*STORE, "save", "bad.json"), {"bad.json": raw(BIG)}, 1,
         r"bad\.json: .*\n.*line 1, column \d+"),
    # ------------------------------------------------------------------ the API, through tests/hostile/api_runner.py
    Case("api-parse-json-deep", ("api", "parse_json", "d.json"), {"d.json": b'{"a":' * 1_000_000}, 1,
         r"nested too deeply"),
    Case("api-parse-json-digits", ("api", "parse_json", "d.json"), {"d.json": ("[" + BIG + "]").encode()}, 1,
         r"line 1, column 2"),
    Case("api-import-csv-bytes", ("api", "import_scores", "s.csv"), {"s.csv": bytes(range(256)) * 50}, 1,
         r"binary data|no header row"),
    Case("api-import-xlsx-bomb", ("api", "import_scores", "s.xlsx"), {"s.xlsx": xlsx_rewritten(_bomb)}, 1,
         r"decompresses to"),
    Case("api-check-sensitivity", ("api", "check_sensitivity", "s.json"),
         {"s.json": sens({"stability": [{"node": "quality", "winner_high": ["a"]}]})}, 1,
         r"sensitivity stability\[0\]\.winner_high: expected a text"),
    Case("api-safe", ("api", "safe", "x.txt"), {"x.txt": b"ok\xff\xfe\x1b[2J\xe2\x80\xae"}, 0,
         r"ok\\xff\\xfe\\x1b\[2J\\u202e"),
]
