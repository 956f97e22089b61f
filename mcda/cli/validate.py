"""``mcda schema``, ``mcda validate`` and ``mcda lint``: the file format and its checks."""
from __future__ import annotations

import argparse

from mcda.cli.args import lang_parent
from mcda.cli.output import field, print_json, safe
from mcda.errors import MCDAError, ScenarioError
from mcda.text import text

__all__ = ["add_parsers"]


def _schema(args: argparse.Namespace) -> int:
    from mcda.scenario.schema import Model, Scenario

    cls = Model if args.kind == "model" else Scenario
    print_json(cls.model_json_schema())
    return 0


def _report(path: str, lang: str = "en") -> dict:
    """What ``mcda validate`` says about one file; messages in ``lang`` (JSON and text alike)."""
    import warnings

    from mcda.scenario.io import load_document
    from mcda.scenario.lint import lint

    report = {"file": path, "valid": False, "kind": None, "dimensions": None, "criteria": None,
              "problems": [], "warnings": []}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = load_document(path, lint=False)
    except ScenarioError as exc:
        report["problems"] = [{"path": p.path, "message": p.text(lang)} for p in exc.problems]
        return report
    except MCDAError as exc:  # no such file, a folder, unreadable: still report the other files
        report["problems"] = [{"path": "", "message": exc.render(lang)}]
        return report
    report.update(valid=True, kind=doc.kind, dimensions=len(doc.criteria.children), criteria=len(doc.criteria.leaves()))
    report["warnings"] = [{"path": p.path, "message": p.message} for p in lint(doc, lang)]
    if doc.kind == "scenario":
        report.update(members=len(doc.members), vendors=len(doc.vendors))
    return report


def _print_report(report: dict, show_warnings: bool = True, lang: str = "en") -> None:
    """The report as text lines (from the catalogue, in ``lang``); file names and messages escaped."""
    name = field(report["file"])
    if report["valid"]:
        key = "cli.validate.valid_scenario" if report["kind"] == "scenario" else "cli.validate.valid_model"
        print(text(key, lang, file=name, dimensions=report["dimensions"], criteria=report["criteria"],
                   members=report.get("members"), vendors=report.get("vendors")))
    else:
        print(text("cli.validate.invalid", lang, file=name, n=len(report["problems"])))
        for p in report["problems"]:
            where = field(p["path"]) if p["path"] else text("cli.validate.file", lang)
            print(text("cli.validate.error", lang, path=where, message=safe(p["message"], lines=False)))
    if show_warnings:
        for w in report["warnings"]:
            print(text("cli.validate.warning", lang, path=field(w["path"]), message=safe(w["message"], lines=False)))


def _validate(args: argparse.Namespace) -> int:
    reports = [_report(f, args.lang) for f in args.files]
    if args.format == "json":
        print_json(reports[0] if len(reports) == 1 else reports)
    else:
        for r in reports:
            _print_report(r, show_warnings=args.warnings, lang=args.lang)
    return 0 if all(r["valid"] for r in reports) else 1


def _lint(args: argparse.Namespace) -> int:
    reports = [_report(f, args.lang) for f in args.files]
    if args.format == "json":
        print_json(reports[0] if len(reports) == 1 else reports)
    else:
        for r in reports:
            _print_report(r, lang=args.lang)
            if r["valid"] and not r["warnings"]:
                print(text("cli.validate.no_warnings", args.lang))
    return 0 if all(r["valid"] for r in reports) else 1


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    """Add schema, validate and lint to the ``mcda`` parser; return {command: handler}."""
    s = sub.add_parser("schema", help="print the JSON Schema of the scenario (or model) format")
    s.add_argument("--kind", choices=["scenario", "model"], default="scenario")

    for name, help_ in (
        ("validate", "check a model or scenario file; list every problem with its JSON path"),
        ("lint", "check a file and list risky-but-valid content (double counting, single children, ...)"),
    ):
        s = sub.add_parser(name, help=help_, parents=[lang_parent("messages in Chinese or English (env MCDA_LANG)")])
        s.add_argument("files", nargs="+", metavar="FILE")
        s.add_argument("--format", choices=["text", "json"], default="text")
        if name == "validate":
            s.add_argument("--no-warnings", dest="warnings", action="store_false", help="print errors only")
    return {"schema": _schema, "validate": _validate, "lint": _lint}
