"""The ``mcda`` command line: it parses arguments, calls the library, prints.

Library errors (:class:`~mcda.errors.MCDAError`) become a message on stderr
and exit status 1, never a traceback; usage errors exit with 2 (argparse).
Heavy modules are imported inside each command so that ``mcda validate`` does
not pay for pymcdm or streamlit.

The one command table is :data:`SECTIONS`: each module adds its sub-commands
to the parser and returns their handlers; output goes through
:mod:`mcda.cli.output`.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from mcda.cli import ask, bundled, commands, diff, io_commands, store, tender, validate
from mcda.cli.args import default_lang
from mcda.errors import MCDAError, ScenarioError
from mcda.text import text

__all__ = ["main", "build_parser", "SECTIONS"]

#: Every group of sub-commands, in the order ``mcda --help`` lists them.
SECTIONS = (validate, commands, store, io_commands, diff, ask, bundled, tender)


def build_parser() -> tuple[argparse.ArgumentParser, dict]:
    """The ``mcda`` parser and {command: handler} for every sub-command."""
    p = argparse.ArgumentParser(prog="mcda", description="vendor-eval: choose a financial-outsourcing provider with AHP weights and TOPSIS / weighted-sum ranking.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    handlers: dict = {}
    for section in SECTIONS:
        handlers.update(section.add_parsers(sub))
    return p, handlers


def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", None) or default_lang()
    try:
        return handlers[args.command](args)
    except ScenarioError as exc:
        print(f"mcda {args.command}: {exc.render(lang)}", file=sys.stderr)
        return 1
    except MCDAError as exc:
        print(f"mcda {args.command}: {text('cli.error', lang)}: {exc.render(lang)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"mcda {args.command}: {text('cli.interrupted', lang)}", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `mcda rank ... | head`
        return 0

