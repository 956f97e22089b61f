"""``mcda diff A.json B.json`` and ``mcda store diff NAME V1 [V2]``: what changed between two
scenarios (or two library versions), and what it did to the weights and rankings."""
from __future__ import annotations

import argparse

from mcda.cli.args import VERSION, default_lang
from mcda.cli.output import print_json, safe
from mcda.engine.diff_text import summary

__all__ = ["add_parsers", "store_diff", "store_diff_args"]


def _print_diff(result, fmt: str, lang: str) -> int:
    if fmt == "json":
        print_json(result.to_dict())
    else:
        print(safe(summary(result, lang)))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from mcda.engine.diff import diff_scenarios
    from mcda.scenario.io import load_scenario

    return _print_diff(diff_scenarios(load_scenario(args.a, lint=False), load_scenario(args.b, lint=False)),
                       args.format, args.lang)


def _diff_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--lang", choices=["zh", "en"], default=default_lang(),
                   help="sentences in Chinese or English (env MCDA_LANG)")


def store_diff_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME")
    p.add_argument("v1", metavar="V1", type=VERSION, help="the earlier version")
    p.add_argument("v2", metavar="V2", type=VERSION, nargs="?", help="the later version (default: the latest)")
    _diff_options(p)


def store_diff(args: argparse.Namespace, store) -> int:
    from mcda.engine.diff import diff_scenarios

    return _print_diff(diff_scenarios(store.open(args.name, args.v1), store.open(args.name, args.v2)),
                       args.format, args.lang)


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    """Add ``mcda diff`` to the ``mcda`` parser; return {command: handler}."""
    p = sub.add_parser("diff", help="what changed between two scenarios, and what it did to weights and rankings")
    p.add_argument("a", metavar="A", help="the earlier scenario")
    p.add_argument("b", metavar="B", help="the later scenario")
    _diff_options(p)
    return {"diff": _diff}
