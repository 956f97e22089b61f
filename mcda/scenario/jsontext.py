"""JSON text to Python data, safely: the first step of reading a model or scenario file.

Refused, each with the place: files over :data:`MAX_FILE_BYTES` (16 MiB) before they are
decoded; text that is not UTF-8 (the byte offset); invalid JSON (line and column, with a hint
when the file looks truncated); a key twice in one object; a number literal over
:data:`MAX_NUMBER_CHARS` characters (line and column: ``int()`` of 5,000 digits would fail or be
slow); nesting deeper than :data:`MAX_JSON_DEPTH` (line and column, or the JSON path). Every
message is a catalogue entry (``err.json.*``), so it reads in Chinese too.
"""
from __future__ import annotations

import json
from typing import Any

from mcda.errors import MCDAError, Problem, ScenarioError
from mcda.scenario.rules import problem
from mcda.text.errors import JSON_REASONS

__all__ = ["MAX_FILE_BYTES", "MAX_JSON_DEPTH", "MAX_NUMBER_CHARS", "parse_json", "size_problem"]

MAX_FILE_BYTES = 16 * 1024 * 1024  # 16 MiB; the bundled example is ~0.3 MB, so this leaves room for large tenders
MAX_JSON_DEPTH = 64
MAX_NUMBER_CHARS = 100  # a JSON number literal longer than this is refused (no score needs 100 digits)


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f}"


def size_problem(n: int, what: str = "file") -> Problem:
    return problem("", f"err.json.too_large_{what}", size=f"{n:,}", mib=_mib(n), max=MAX_FILE_BYTES // 2**20,
                   max_bytes=f"{MAX_FILE_BYTES:,}")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for k, v in pairs:
        if k in out:
            raise MCDAError(code="err.json.duplicate_key", key=k)
        out[k] = v
    return out


class _LongNumber(Exception):
    def __init__(self, literal: str):
        self.literal = literal


def _int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARS:
        raise _LongNumber(literal)
    return int(literal)


def _float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_CHARS:
        raise _LongNumber(literal)
    return float(literal)


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _too_deep_at(text: str) -> tuple[int, int]:
    """Line and column where the nesting first exceeds :data:`MAX_JSON_DEPTH` (strings skipped)."""
    depth, in_string, escaped = 0, False, False
    for pos, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return _line_col(text, pos)
        elif ch in "]}":
            depth -= 1
    return _line_col(text, len(text))


def _too_deep_path(data: Any) -> str | None:
    """JSON path of the first value nested deeper than :data:`MAX_JSON_DEPTH` (iterative: hostile
    nesting cannot overflow), or None."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    while stack:
        obj, depth, path = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return path or "(top)"
        if isinstance(obj, dict):
            stack.extend((v, depth + 1, f"{path}.{k}" if path else str(k)) for k, v in obj.items())
        elif isinstance(obj, list):
            stack.extend((v, depth + 1, f"{path}[{i}]") for i, v in enumerate(obj))
    return None


def _json_problem(exc: json.JSONDecodeError, text: str) -> Problem:
    end = text.rstrip()
    truncated = exc.pos >= len(end) - 1 or exc.msg.startswith("Unterminated") or not end.endswith(("}", "]"))
    code = "err.json." + JSON_REASONS.get(exc.msg, "other") + (".truncated" if truncated else "")
    return problem("", code, line=exc.lineno, col=exc.colno, msg=exc.msg)


def parse_json(text: str | bytes, source: str | None = None) -> Any:
    """Parse JSON text into Python data, or raise :class:`ScenarioError` saying where it breaks."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise ScenarioError([size_problem(len(text))], source)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ScenarioError([problem("", "err.json.not_utf8", pos=exc.start)], source) from None
    if len(text) > MAX_FILE_BYTES:
        raise ScenarioError([size_problem(len(text), "text")], source)
    if not text.strip():
        raise ScenarioError([problem("", "err.json.empty")], source)
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as exc:
        raise ScenarioError([_json_problem(exc, text)], source) from None
    except MCDAError as exc:
        raise ScenarioError([Problem("", str(exc), exc.code, exc.params)], source) from None
    except RecursionError:
        line, col = _too_deep_at(text)
        raise ScenarioError([problem("", "err.json.too_deep_at", max=MAX_JSON_DEPTH, line=line, col=col)],
                            source) from None
    except _LongNumber as exc:
        line, col = _line_col(text, max(text.find(exc.literal), 0))
        raise ScenarioError([problem("", "err.json.long_number", n=len(exc.literal), max=MAX_NUMBER_CHARS,
                                     line=line, col=col)], source) from None
    except ValueError as exc:  # pragma: no cover - the hooks above catch long numbers first
        raise ScenarioError([problem("", "err.json.bad_number", reason=str(exc))], source) from None
    deep = _too_deep_path(data)
    if deep is not None:
        raise ScenarioError([problem(deep, "err.json.too_deep", max=MAX_JSON_DEPTH)], source)
    return data


