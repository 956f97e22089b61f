"""``mcda ask``: the next pairwise question for a committee member, or that the winner is settled.

Only parses, calls :func:`mcda.engine.adaptive.next_step` and formats (text from
the catalogue, :mod:`mcda.text.ask`).
"""
from __future__ import annotations

import argparse

from mcda.cli.args import SEED, lang_parent, whole_number
from mcda.cli.output import print_json, table

__all__ = ["add_parsers"]


def _confidence(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a share such as 0.95, found {value!r}") from None
    if not 0.5 <= x < 1:
        raise argparse.ArgumentTypeError(f"expected a share between 0.5 and 1 (1 excluded), found {x}")
    return x


def _ask(args: argparse.Namespace) -> int:
    from mcda.ahp import format_value, nearest_scale_value
    from mcda.engine.adaptive import DEFAULT_SAMPLES, next_step
    from mcda.scenario.io import load_scenario
    from mcda.text import percent, text

    scenario = load_scenario(args.scenario, lint=False)
    seed = scenario.settings.sensitivity.seed if args.seed is None else args.seed
    r = next_step(scenario, args.member, samples=args.samples or DEFAULT_SAMPLES, seed=seed,
                  confidence=args.confidence, method=args.method)
    names = scenario.names(args.lang)

    def name(i: str) -> str:
        return names.get(i, i)

    if args.format == "json":
        print_json(r.to_dict(args.lang, name))
        return 0
    lang = args.lang
    given = sum(s.given for s in r.nodes if not s.direct)
    total = sum(s.total for s in r.nodes if not s.direct)
    minimum = sum(s.minimum for s in r.nodes if not s.direct)
    print(text("ask.progress", lang, member=name(args.member), given=given, total=total, minimum=minimum))
    if not r.done:
        q = r.question
        print(f"{text('ask.question', lang)}: {name(q.node)}: {name(q.a)} vs {name(q.b)}")
    print(r.why(lang, name))
    if r.candidates:
        rows = [[name(c.node), f"{name(c.a)} / {name(c.b)}", f"{c.information:.3f}",
                 format_value(float(nearest_scale_value(c.estimate)))] for c in r.candidates]
        print()
        print(table(rows, [text("ask.col.node", lang), text("ask.col.pair", lang), text("ask.col.bits", lang), "≈"],
                    numparse=False))
    rows = []
    for s in r.nodes:
        if s.direct:
            continue
        if s.cr is not None:
            cons = f"CR {s.cr:.3f}"
        else:
            cons = text("ask.checkable", lang) if s.checkable else text("ask.not_checkable", lang)
        rows.append([name(s.node), f"{s.given}/{s.total}", cons])
    print()
    print(table(rows, [text("ask.col.node", lang), text("ask.col.given", lang), text("ask.col.consistency", lang)],
                numparse=False))
    print(f"\n{r.method}, {r.samples} samples, seed {r.seed}: "
          + ", ".join(f"{name(v)} {percent(p)}" for v, p in sorted(r.acceptability.items(), key=lambda x: -x[1]) if p))
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    """Add ``mcda ask`` to the ``mcda`` parser; return {command: handler}."""
    from mcda.methods import BATCH_METHODS

    p = sub.add_parser("ask", parents=[lang_parent()],
                       help="the next pairwise question for a member, or that the winner is settled (adaptive AHP)")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--member", required=True, metavar="ID", help="the committee member to ask")
    p.add_argument("--samples", type=whole_number(10, "a number of samples"),
                   help="completions of the unanswered judgments (default 1000)")
    p.add_argument("--seed", type=SEED, help="random seed (default: the scenario's sensitivity seed)")
    p.add_argument("--confidence", type=_confidence, default=0.95,
                   help="stop once the leader is first in this share of the completions (default 0.95)")
    p.add_argument("--method", choices=BATCH_METHODS, help="ranking method of the stop rule (default: the scenario's)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    return {"ask": _ask}
