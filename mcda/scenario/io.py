"""Reading and writing model and scenario files, safely.

* Reading refuses oversized files before reading them, hostile nesting before
  pydantic sees it, duplicate JSON keys, and reports **every** problem with its
  JSON path (``judgments[cfo].nodes[quality][3].value: 12 is outside 1/9..9``).
* Writing is atomic (temporary file in the same folder, fsync, rename): a
  failed save leaves the previous file intact.
* Output is UTF-8 JSON, two-space indent, keys in the format's own order, so a
  scenario diffs well in git.
"""
from __future__ import annotations

import json
import math
import os
import tempfile
import typing
import warnings
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from mcda.errors import MCDAError, Problem, ScenarioError
from mcda.scenario.jsontext import MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_NUMBER_CHARS, parse_json, size_problem
from mcda.scenario.rules import problem
from mcda.scenario.schema import SCHEMA_VERSION, Model, Scenario, SemanticProblems
from mcda.scenario.seen import mark_validated
from mcda.text import text

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_NUMBER_CHARS",
    "LintWarning",
    "atomic_write",
    "dumps",
    "load_document",
    "load_model",
    "load_scenario",
    "parse_document",
    "parse_json",
    "parse_scenario",
    "save_scenario",
]



class LintWarning(UserWarning):
    """A document is valid but looks risky (see :mod:`mcda.scenario.lint`)."""


# --------------------------------------------------------------------------- locations
def _unwrap(ann: Any) -> Any:
    while get_origin(ann) is typing.Annotated:
        ann = get_args(ann)[0]
    args = get_args(ann)
    if args and type(None) in args and get_origin(ann) in (typing.Union, __import__("types").UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _unwrap(rest[0])
    return ann


def format_loc(loc: tuple, model: type[BaseModel]) -> str:
    """Turn a pydantic error location into a JSON path following the model's structure:
    fields as ``.name``, mapping keys and list indexes in brackets, union tags dropped."""
    out = ""
    ann: Any = model
    for part in loc:
        ann = _unwrap(ann)
        origin = get_origin(ann)
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            field = ann.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                out += f".{part}" if out else str(part)
                ann = Any
                continue
            out += f".{part}" if out else part
            ann = field.annotation
        elif origin in (list, tuple):
            out += f"[{part}]"
            ann = get_args(ann)[0] if get_args(ann) else Any
        elif origin is dict:
            out += f"[{part}]"
            ann = get_args(ann)[1] if get_args(ann) else Any
        elif origin in (typing.Union, __import__("types").UnionType) or origin is typing.Literal:
            # a union tag (e.g. "ordinal") or an arm's type name: pick the arm it names, print nothing
            arms = [_unwrap(a) for a in get_args(ann)]
            chosen = next((a for a in arms if getattr(a, "__name__", None) == part), None)
            if chosen is None:
                chosen = next((a for a in arms if isinstance(a, type) and issubclass(a, BaseModel)
                               and "kind" in a.model_fields
                               and part in get_args(a.model_fields["kind"].annotation)), None)
            if chosen is None:
                out += f"[{part}]"
                ann = Any
            else:
                ann = chosen
        else:
            out += f"[{part}]" if out else str(part)
            ann = Any
    return out


#: pydantic error types with a message of our own (catalogue key ``err.pyd.<type>``); the parameters
#: are ``found`` (the value found, as JSON) and the error's context (``expected``, ``gt``, ``max_length``, ...).
_PYDANTIC_TYPES = frozenset({
    "missing", "extra_forbidden", "finite_number", "literal_error", "string_pattern_mismatch",
    "int_type", "int_parsing", "int_from_float", "float_type", "float_parsing", "string_type", "bool_type",
    "bool_parsing", "dict_type", "list_type", "model_type", "model_attributes_type", "greater_than",
    "greater_than_equal", "less_than", "less_than_equal", "string_too_short", "string_too_long", "too_short",
    "too_long", "union_tag_invalid", "union_tag_not_found", "number_type", "enum",
})


def _show(value: Any) -> str:
    if isinstance(value, float):
        text = "NaN" if math.isnan(value) else repr(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def problems_from_validation(exc: ValidationError, model: type[BaseModel]) -> list[Problem]:
    """Every error of a pydantic ValidationError as a located :class:`Problem`."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        ctx_err = err.get("ctx", {}).get("error")
        if isinstance(ctx_err, SemanticProblems):
            out.extend(ctx_err.problems)
            continue
        path = format_loc(tuple(err["loc"]), model)
        out.append(_problem(path, err))
    return out


def _problem(path: str, err: dict) -> Problem:
    """One pydantic error as a located problem with its catalogue code (English text from the catalogue)."""
    kind = err["type"]
    found = err.get("input")
    if kind in ("value_error", "assertion_error"):
        inner = err.get("ctx", {}).get("error")
        if isinstance(inner, MCDAError) and inner.code:
            return Problem(path, str(inner), inner.code, dict(inner.params))
        return problem(path, "err.pyd.other_value",
                       msg=err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, "))
    if kind in _PYDANTIC_TYPES:
        params = {k: (v if isinstance(v, (int, float, str)) else str(v)) for k, v in err.get("ctx", {}).items()}
        params["found"] = _show(found) if not isinstance(found, (dict, list)) or kind == "literal_error" else \
            ("{…}" if isinstance(found, dict) else "[…]")
        code = "err.pyd." + kind
        return Problem(path, text(code, "en", **params), code, params)
    msg = f"{err['msg'][0].lower()}{err['msg'][1:]}"
    dated = kind.startswith(("datetime", "date"))
    if isinstance(found, (dict, list)):
        return problem(path, "err.pyd.datetime_value" if dated else "err.pyd.other_value", msg=msg)
    return problem(path, "err.pyd.datetime" if dated else "err.pyd.other", msg=msg, found=_show(found))


# --------------------------------------------------------------------------- documents
def _document_class(data: Any, source: str | None) -> type[Model | Scenario]:
    if not isinstance(data, dict):
        found = type(data).__name__ if not isinstance(data, list) else "an array"
        raise ScenarioError([problem("", "err.doc.not_object", found=found)], source)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        if "schema_version" not in data:
            found = problem("schema_version", "err.doc.version_missing", v=SCHEMA_VERSION)
        else:
            found = problem("schema_version", "err.doc.version", v=SCHEMA_VERSION, found=_show(version))
        raise ScenarioError([found], source)
    kind = data.get("kind")
    if kind == "model":
        return Model
    if kind == "scenario":
        return Scenario
    if "kind" not in data:
        raise ScenarioError([problem("kind", "err.doc.kind_missing")], source)
    raise ScenarioError([problem("kind", "err.doc.kind", found=_show(kind))], source)


def parse_document(data: Any, source: str | None = None) -> Model | Scenario:
    """Validate parsed JSON data as a model or scenario (by its ``kind``)."""
    cls = _document_class(data, source)
    try:
        doc = cls.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(problems_from_validation(exc, cls), source) from None
    return mark_validated(doc) if isinstance(doc, Scenario) else doc  # the engine need not validate it again


def parse_scenario(data: Any, source: str | None = None) -> Scenario:
    doc = parse_document(data, source)
    if not isinstance(doc, Scenario):
        raise ScenarioError([problem("kind", "err.doc.not_scenario", kind=doc.kind)], source)
    return doc


def _read(path: str | os.PathLike) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise MCDAError(code="err.file.missing", path=str(p)) from None
    except OSError as exc:
        raise MCDAError(code="err.file.unreadable", path=str(p), reason=exc.strerror) from None
    if not p.is_file():
        raise MCDAError(code="err.file.not_file", path=str(p))
    if size > MAX_FILE_BYTES:
        raise ScenarioError([size_problem(size)], str(p))
    try:
        return p.read_bytes()
    except OSError as exc:
        raise MCDAError(code="err.file.unreadable", path=str(p), reason=exc.strerror) from None


def _warn_lint(doc: Model | Scenario, source: str) -> None:
    from mcda.scenario.lint import lint

    found = lint(doc)
    if found:
        warnings.warn(
            LintWarning(f"{source}: {len(found)} warning(s): " + "; ".join(map(str, found[:5]))
                        + (" ..." if len(found) > 5 else "")),
            stacklevel=3,
        )


def load_document(path: str | os.PathLike, *, lint: bool = True) -> Model | Scenario:
    """Load a model or scenario file; raise :class:`ScenarioError` listing every problem.

    Lint findings (risky but valid content) are issued as one :class:`LintWarning`.
    """
    source = str(path)
    doc = parse_document(parse_json(_read(path), source), source)
    if lint:
        _warn_lint(doc, source)
    return doc


def load_scenario(path: str | os.PathLike, *, lint: bool = True) -> Scenario:
    """Load a scenario file (see :func:`load_document`)."""
    source = str(path)
    doc = parse_scenario(parse_json(_read(path), source), source)
    if lint:
        _warn_lint(doc, source)
    return doc


def load_model(path: str | os.PathLike) -> Model | Scenario:
    """Load a criteria model; a scenario is accepted too (its criteria are a model)."""
    return load_document(path, lint=False)


def dumps(doc: Model | Scenario) -> str:
    """The canonical file text: UTF-8 JSON, two-space indent, the format's key order, final newline."""
    return json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same folder, fsync, rename.

    If anything fails, the previous file (if any) is left exactly as it was.
    """
    p = Path(os.path.realpath(path))  # write through a symlink to its target, never replace the link
    raw = data.encode("utf-8") if isinstance(data, str) else data
    folder = p.parent
    if not folder.is_dir():
        raise MCDAError(code="err.write.no_folder", path=str(path), folder=str(folder))
    if p.exists():
        if p.is_dir():
            raise MCDAError(code="err.write.folder", path=str(path))
        if not p.is_file():
            raise MCDAError(code="err.write.special", path=str(path))
        if not os.access(p, os.W_OK) or not (p.stat().st_mode & 0o222):
            raise MCDAError(code="err.write.read_only", path=str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise MCDAError(code="err.write.in_folder", path=str(path), folder=str(folder),
                        reason=(exc.strerror or str(exc)).lower()) from None
    try:
        try:  # keep the old file's permissions; a new file gets the usual umask-based ones
            mode = p.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise MCDAError(code="err.write.failed", path=str(path),
                            reason=(exc.strerror or str(exc)).lower()) from None
        raise
    try:  # make the rename itself durable
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:  # pragma: no cover - some file systems refuse directory fsync
        pass


def save_scenario(scenario: Model | Scenario, path: str | os.PathLike) -> None:
    """Validate ``scenario`` again and write it atomically to ``path``.

    Re-validation means an object edited in memory (e.g. via ``model_copy``)
    cannot write an invalid file; on any error the old file is untouched.
    """
    if not isinstance(scenario, (Model, Scenario)):
        raise MCDAError(code="err.type.document", found=type(scenario).__name__)
    text = dumps(scenario)
    parse_document(json.loads(text), str(path))
    atomic_write(path, text)
