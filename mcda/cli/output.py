"""The one place the command line writes results: JSON, tables, plain text lines and files.

JSON is exact (``ensure_ascii=False``; no NaN). Tables are aligned for Chinese
(double-width) text through :mod:`tabulate` and :mod:`wcwidth`. Files (``-o OUT``)
are written atomically (:func:`mcda.scenario.io.atomic_write`), never over an input.

Text output is terminal-safe through :func:`safe`, the one escaping function: a
file name that is not UTF-8 (bytes such as 0xff decoded by :func:`os.fsdecode` to
lone surrogates), control characters (C0, DEL, C1), carriage returns and line
breaks inside a field, and the Unicode bidirectional overrides (U+202E and friends)
are written as visible escapes (``\\xff``, ``\\r``, ``\\u202e``), so a name can
neither crash a strict UTF-8 terminal (``PYTHONIOENCODING=utf-8:strict``) nor forge
a line or reorder the text around it. JSON output is never escaped this way.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from mcda.errors import MCDAError
from mcda.text import text

__all__ = ["field", "print_json", "safe", "say", "table", "emit", "not_an_input"]

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
#: Bidirectional formatting characters (Unicode TR9) and the line / paragraph separators.
_BIDI = (0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))


def _escape_table(keep_newlines: bool) -> dict[int, str]:
    out: dict[int, str] = {}
    for code in (*range(0x20), 0x7F, *range(0x80, 0xA0)):
        out[code] = _NAMED.get(chr(code), f"\\x{code:02x}")
    for code in _BIDI:
        out[code] = f"\\u{code:04x}"
    for code in range(0xD800, 0xE000):  # lone surrogates; 0xDC80-0xDCFF are undecodable bytes (surrogateescape)
        out[code] = f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
    if keep_newlines:
        del out[0x0A]
    return out


_FIELD = _escape_table(keep_newlines=False)
_LINES = _escape_table(keep_newlines=True)


def safe(text, *, lines: bool = True) -> str:
    """Printable text: ``text`` (str, bytes or a path) with every character that could crash
    or forge terminal output escaped (see the module docstring).

    ``lines=True`` keeps line breaks (a multi-line message stays multi-line); ``lines=False``
    escapes them too, for one field (a name, a path) inside a line.

    >>> safe("ok\\u202etxt.exe"), safe(b"caf\\xff.json"), safe("a\\r\\nb", lines=False)
    ('ok\\\\u202etxt.exe', 'caf\\\\xff.json', 'a\\\\r\\\\nb')
    >>> print(safe("line 1\\nline 2\\x85"))
    line 1
    line 2\\x85
    """
    if not isinstance(text, str):
        text = os.fsdecode(text) if isinstance(text, (bytes, os.PathLike)) else str(text)
    return text.translate(_LINES if lines else _FIELD)


def field(text) -> str:
    """One field (a name or a path) for a line of text: :func:`safe` with line breaks escaped too."""
    return safe(text, lines=False)


def say(*parts) -> None:
    """Print a line of text on stdout (each part already made safe by the caller, or plain text)."""
    print(safe(" ".join(str(p) for p in parts)))


def print_json(data) -> None:
    """``data`` as indented JSON on stdout (UTF-8 text, never NaN); lone surrogates are written
    as JSON escapes (``\\udcff``), so a strict UTF-8 stdout never fails."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, indent=2, allow_nan=False)
    sys.stdout.write(text + "\n")


def table(rows, headers, floatfmt: str = ".4f", numparse: bool = True) -> str:
    """An aligned text table (with :mod:`wcwidth` installed, tabulate counts wide CJK
    characters as two columns); ``numparse=False`` keeps number-like text as text.
    Text cells and headers are escaped with :func:`field` (a name cannot break the table)."""
    from tabulate import tabulate

    rows = [[field(c) if isinstance(c, str) else c for c in row] for row in rows]
    headers = [field(h) if isinstance(h, str) else h for h in headers]
    return tabulate(rows, headers=headers, floatfmt=floatfmt, disable_numparse=not numparse)


def not_an_input(output: str, *inputs: str) -> None:
    """Refuse an output path that is one of the command's input files (it would be destroyed)."""
    out = Path(output)
    for name in inputs:
        src = Path(name)
        try:
            same = out.exists() and src.exists() and os.path.samefile(out, src)
        except OSError:
            same = False
        if same:
            raise MCDAError(code="err.out.is_input", output=output, input=name)


def emit(data: str | bytes, output: str | None, what: str, inputs: tuple[str, ...] = (), lang: str = "en",
         wrote: str | None = None, **params) -> None:
    """Write ``data`` to ``output`` atomically (refusing a folder or one of ``inputs``) and say so, or print it.

    ``what`` is a catalogue key naming the thing written (with ``params``); ``wrote`` replaces the
    whole "wrote ... to ..." line. Without ``output``, text is printed and bytes are refused."""
    from mcda.scenario.io import atomic_write

    if output:
        not_an_input(output, *inputs)
        atomic_write(output, data)
        print(safe(wrote if wrote is not None else text("cli.wrote", lang, what=text(what, lang, **params),
                                                         path=field(output))))
    elif isinstance(data, bytes):
        raise MCDAError(code="err.out.binary", what=text(what, "en", **params))
    else:
        sys.stdout.write(data)
