"""``mcda schema``, ``mcda validate`` and ``mcda lint``: the file format and its checks."""
from __future__ import annotations

import argparse

from mcda.cli.output import print_json
from mcda.errors import MCDAError, ScenarioError

__all__ = ["add_parsers"]


def _schema(args: argparse.Namespace) -> int:
    from mcda.scenario.schema import Model, Scenario

    cls = Model if args.kind == "model" else Scenario
    print_json(cls.model_json_schema())
    return 0


def _report(path: str) -> dict:
    import warnings

    from mcda.scenario.io import load_document
    from mcda.scenario.lint import lint

    report = {"file": path, "valid": False, "kind": None, "dimensions": None, "criteria": None, "problems": [], "warnings": []}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = load_document(path, lint=False)
    except ScenarioError as exc:
        report["problems"] = [{"path": p.path, "message": p.message} for p in exc.problems]
        return report
    except MCDAError as exc:  # no such file, a folder, unreadable: still report the other files
        report["problems"] = [{"path": "", "message": str(exc)}]
        return report
    report.update(valid=True, kind=doc.kind, dimensions=len(doc.criteria.children), criteria=len(doc.criteria.leaves()))
    report["warnings"] = [{"path": p.path, "message": p.message} for p in lint(doc)]
    if doc.kind == "scenario":
        report.update(members=len(doc.members), vendors=len(doc.vendors))
    return report


def _print_report(report: dict, show_warnings: bool = True) -> None:
    if report["valid"]:
        extra = f", {report['members']} members, {report['vendors']} vendors" if report["kind"] == "scenario" else ""
        print(f"{report['file']}: valid {report['kind']}: {report['dimensions']} dimensions, {report['criteria']} criteria{extra}")
    else:
        print(f"{report['file']}: INVALID, {len(report['problems'])} problem(s):")
        for p in report["problems"]:
            print(f"  error   {p['path'] or '(file)'}: {p['message']}")
    if show_warnings:
        for w in report["warnings"]:
            print(f"  warning {w['path']}: {w['message']}")


def _validate(args: argparse.Namespace) -> int:
    reports = [_report(f) for f in args.files]
    if args.format == "json":
        print_json(reports[0] if len(reports) == 1 else reports)
    else:
        for r in reports:
            _print_report(r, show_warnings=args.warnings)
    return 0 if all(r["valid"] for r in reports) else 1


def _lint(args: argparse.Namespace) -> int:
    reports = [_report(f) for f in args.files]
    if args.format == "json":
        print_json(reports[0] if len(reports) == 1 else reports)
    else:
        for r in reports:
            _print_report(r)
            if r["valid"] and not r["warnings"]:
                print("  no warnings")
    return 0 if all(r["valid"] for r in reports) else 1


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    """Add schema, validate and lint to the ``mcda`` parser; return {command: handler}."""
    s = sub.add_parser("schema", help="print the JSON Schema of the scenario (or model) format")
    s.add_argument("--kind", choices=["scenario", "model"], default="scenario")

    for name, help_ in (("validate", "check a model or scenario file; list every problem with its JSON path"),
                        ("lint", "check a file and list risky-but-valid content (double counting, single children, ...)")):
        s = sub.add_parser(name, help=help_)
        s.add_argument("files", nargs="+", metavar="FILE")
        s.add_argument("--format", choices=["text", "json"], default="text")
        if name == "validate":
            s.add_argument("--no-warnings", dest="warnings", action="store_false", help="print errors only")
    return {"schema": _schema, "validate": _validate, "lint": _lint}
