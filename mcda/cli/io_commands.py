"""Sub-commands for getting decisions in and out: score templates, import, export.

* ``mcda template-scores SCENARIO --member ID [--format csv|xlsx] [--empty] [-o OUT]``
* ``mcda import-scores SCENARIO FILE --member ID [-o OUT | --in-place]``
* ``mcda export SCENARIO --format xlsx|html|json [--redact] [--lang zh|en] [--samples N] [--sensitivity FILE] [-o OUT]``
* ``mcda diff`` and ``mcda store diff`` live in :mod:`mcda.cli.diff`

Each command only parses, calls the library and prints or writes; files are
written atomically; binary formats (xlsx) need ``-o``. Library errors exit 1
via :func:`mcda.cli`.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mcda.cli.args import COUNT, lang_parent
from mcda.cli.output import emit, not_an_input
from mcda.errors import MCDAError
from mcda.methods import BATCH_METHODS

__all__ = ["add_parsers"]


def _read_bytes(path: str) -> bytes:
    from mcda.scenario.io import MAX_FILE_BYTES

    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise MCDAError(f"{p}: over {MAX_FILE_BYTES / 1e6:.0f} MB; refused")
        return p.read_bytes()
    except FileNotFoundError:
        raise MCDAError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise MCDAError(f"{p}: not a file") from None
    except OSError as exc:
        raise MCDAError(f"{p}: cannot be read ({exc.strerror})") from None


_KNOWN_SUFFIXES = {"csv", "xlsx", "html", "htm", "json", "pdf", "txt", "xls"}


def _format(requested: str | None, output: str | None, choices: tuple[str, ...], default: str | None) -> str:
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    if requested:
        if suffix in _KNOWN_SUFFIXES and suffix != requested and not (requested == "html" and suffix == "htm"):
            raise MCDAError(f"the output {output} ends in .{suffix} but the format is {requested}; "
                            f"use a .{requested} file name")
        return requested
    if suffix in choices:
        return suffix
    if suffix == "htm" and "html" in choices:
        return "html"
    if suffix:
        raise MCDAError(f"the output {output} ends in .{suffix}; expected one of {', '.join('.' + c for c in choices)} "
                        f"(or give --format)")
    if default is None:
        raise MCDAError(f"give --format ({'|'.join(choices)}) or an output file ending in one of them")
    return default


# ---------------------------------------------------------------------------- commands
def _template(args: argparse.Namespace) -> int:
    from mcda.export.templates import score_template, template_csv
    from mcda.scenario.io import load_scenario

    scenario = load_scenario(args.scenario, lint=False)
    fmt = _format(args.format, args.output, ("csv", "xlsx"), "csv")
    if fmt == "xlsx" and not args.output:
        raise MCDAError("xlsx is a binary format: give -o FILE")
    if fmt == "csv" and not args.output:
        sys.stdout.write(template_csv(scenario, args.member, prefill=not args.empty))
        return 0
    emit(score_template(scenario, args.member, fmt, prefill=not args.empty), args.output,
          f"the {fmt} score template of {args.member}", (args.scenario,))
    return 0


def _import(args: argparse.Namespace) -> int:
    from mcda.export.templates import import_scores
    from mcda.scenario.io import dumps, load_scenario, save_scenario

    if args.output and args.in_place:
        raise MCDAError("give either -o OUT or --in-place, not both")
    scenario = load_scenario(args.scenario, lint=False)
    updated = import_scores(scenario, args.member, _read_bytes(args.file), source=args.file)
    target = args.scenario if args.in_place else args.output
    if args.output:
        not_an_input(args.output, args.file)
    if target is None:
        sys.stdout.write(dumps(updated))
        return 0
    save_scenario(updated, target)
    print(f"imported {args.member}'s scores from {args.file}; wrote {target}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from mcda.scenario.io import load_scenario, parse_json

    scenario = load_scenario(args.scenario, lint=False)
    fmt = _format(args.format, args.output, ("xlsx", "html", "json"), None)
    if fmt == "xlsx" and not args.output:
        raise MCDAError("xlsx is a binary format: give -o FILE")
    if args.redact:
        from mcda.export.share import redact

        scenario = redact(scenario)
    if fmt == "json":
        from mcda.export.share import export_json

        emit(export_json(scenario), args.output, "the scenario", (args.scenario,))
        return 0
    from mcda.engine.evaluation import evaluate

    inputs = (args.scenario,) + ((args.sensitivity,) if args.sensitivity else ())
    evaluation = evaluate(scenario)
    if args.sensitivity:
        sensitivity = parse_json(_read_bytes(args.sensitivity), args.sensitivity)
    elif args.samples > 0:
        from mcda.engine.analysis import sensitivity_report

        sensitivity = sensitivity_report(evaluation, args.sensitivity_method, samples=args.samples,
                                         seed=scenario.settings.sensitivity.seed, lang=args.lang)
    else:
        sensitivity = None
    if fmt == "html":
        from mcda.export.report import html_report

        emit(html_report(evaluation, args.lang, sensitivity), args.output, "the HTML report", inputs)
    else:
        from mcda.export.workbook import export_workbook

        emit(export_workbook(evaluation, sensitivity), args.output, "the Excel workbook", inputs)
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    """Add the import / export / diff commands to the ``mcda`` parser; return {command: handler}."""
    lang = lang_parent("Chinese or English (env MCDA_LANG)")
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of printing")

    p = sub.add_parser("template-scores", parents=[out], help="a member's score template (CSV or Excel) to fill in")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--member", required=True, metavar="ID")
    p.add_argument("--format", choices=["csv", "xlsx"], help="default: from OUT's suffix, else csv")
    p.add_argument("--empty", action="store_true", help="leave the score cells empty (default: the member's current scores)")

    p = sub.add_parser("import-scores", parents=[out], help="replace a member's scores with a filled-in template")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("file", metavar="FILE", help="the filled-in template (.csv or .xlsx)")
    p.add_argument("--member", required=True, metavar="ID")
    p.add_argument("--in-place", action="store_true", help="overwrite SCENARIO (atomically)")

    p = sub.add_parser("export", parents=[out, lang], help="export a scenario: Excel workbook, HTML report or JSON")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--format", choices=["xlsx", "html", "json"], help="default: from OUT's suffix")
    p.add_argument("--redact", action="store_true",
                   help="keep only the committee's aggregate (no member names, judgments or individual scores)")
    p.add_argument("--sensitivity", metavar="FILE", help="include these sensitivity results (JSON) instead of computing them")
    p.add_argument("--sensitivity-method", choices=BATCH_METHODS, default="topsis",
                   help="method whose sensitivity the report shows (default topsis)")
    p.add_argument("--samples", type=COUNT, default=2000, metavar="N",
                   help="SMAA samples for the report's sensitivity section; 0 leaves sensitivity out (default 2000)")
    return {"template-scores": _template, "import-scores": _import, "export": _export}
