"""The ``mcda`` command line: it parses arguments, calls the library, prints.

Library errors (:class:`~mcda.errors.MCDAError`) become a message on stderr
and exit status 1, never a traceback; usage errors exit with 2 (argparse).
Heavy modules are imported inside each command so that ``mcda validate`` does
not pay for pymcdm or streamlit.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from mcda.errors import MCDAError, ScenarioError

__all__ = ["main", "build_parser", "COMMANDS"]

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(fn):
        COMMANDS[name] = fn
        return fn

    return register


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


# ---------------------------------------------------------------------------- schema / validate / lint
@command("schema")
def _schema(args: argparse.Namespace) -> int:
    from mcda.schema import Model, Scenario

    cls = Model if args.kind == "model" else Scenario
    _print_json(cls.model_json_schema())
    return 0


def _report(path: str) -> dict:
    import warnings

    from mcda.files import load_document
    from mcda.lint import lint

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


@command("validate")
def _validate(args: argparse.Namespace) -> int:
    reports = [_report(f) for f in args.files]
    if args.format == "json":
        _print_json(reports[0] if len(reports) == 1 else reports)
    else:
        for r in reports:
            _print_report(r, show_warnings=args.warnings)
    return 0 if all(r["valid"] for r in reports) else 1


@command("lint")
def _lint(args: argparse.Namespace) -> int:
    reports = [_report(f) for f in args.files]
    if args.format == "json":
        _print_json(reports[0] if len(reports) == 1 else reports)
    else:
        for r in reports:
            _print_report(r)
            if r["valid"] and not r["warnings"]:
                print("  no warnings")
    return 0 if all(r["valid"] for r in reports) else 1


# ---------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mcda", description="vendor-eval: choose a financial-outsourcing provider with AHP weights and TOPSIS / weighted-sum ranking.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("schema", help="print the JSON Schema of the scenario (or model) format")
    s.add_argument("--kind", choices=["scenario", "model"], default="scenario")

    for name, help_ in (("validate", "check a model or scenario file; list every problem with its JSON path"),
                        ("lint", "check a file and list risky-but-valid content (double counting, single children, ...)")):
        s = sub.add_parser(name, help=help_)
        s.add_argument("files", nargs="+", metavar="FILE")
        s.add_argument("--format", choices=["text", "json"], default="text")
        if name == "validate":
            s.add_argument("--no-warnings", dest="warnings", action="store_false", help="print errors only")

    from mcda import cli_commands, cli_io, cli_store

    for module in (cli_commands, cli_store, cli_io):
        COMMANDS.update(module.add_parsers(sub))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ScenarioError as exc:
        print(f"mcda {args.command}: {exc}", file=sys.stderr)
        return 1
    except MCDAError as exc:
        print(f"mcda {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"mcda {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `mcda rank ... | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
