"""Sub-commands beyond validation: weights and rank (sensitivity, store, import/export elsewhere).

Kept apart from :mod:`mcda.cli` so each concept stays small; every command
only parses, calls the engine, and formats.
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import math
import sys

from mcda.cli.args import COUNT, SAMPLES, SEED, lang_parent
from mcda.cli.output import field, print_json, safe, table
from mcda.methods import BATCH_METHODS
from mcda.text import text

__all__ = ["add_parsers", "name_of"]


def name_of(scenario, lang: str):
    """id -> display name in ``lang`` for every criterion, vendor and member of a scenario."""
    names = scenario.names(lang)
    return lambda i: names.get(i, i)


# ---------------------------------------------------------------------------- weights
def _weights(args: argparse.Namespace) -> int:
    from mcda.engine.gates import without_gates
    from mcda.engine.weights import compute_weights
    from mcda.scenario.io import load_scenario

    scenario = without_gates(load_scenario(args.scenario, lint=False))  # gates carry no weight
    w = compute_weights(scenario)
    if args.format == "json":
        print_json(w.to_dict())
        return 0
    name = name_of(scenario, args.lang)
    print(f"Weights of {field(args.scenario)}: priorities by {w.priority_method} "
          f"(incomplete judgments: {w.completion}), "
          f"committee rule {w.aggregation}, random index {w.ri_table}, CR threshold {w.cr_threshold:g}")
    rows = []
    for r in w.nodes.values():
        crs = [(m.member, m.consistency.cr) for m in r.members if m.consistency is not None]
        worst = max(crs, key=lambda x: x[1]) if crs else None
        rows.append([
            r.node, name(r.node), len(r.children), r.aggregation,
            "" if r.consistency is None else f"{r.consistency.cr:.3f}" + ("" if r.consistency.acceptable else " !"),
            "" if worst is None else f"{worst[0]} {worst[1]:.3f}" + (" !" if worst[1] > w.cr_threshold else ""),
            "" if r.consensus is None else f"{r.consensus.s_star:.0%} {r.consensus.band}",
            sum(s.deadlock for s in r.spread) or "",
        ])
    print()
    print(table(rows, ["node", "name", "items", "rule", "CR", "worst member CR", "consensus", "deadlocks"]))
    print()
    rows = []
    for node, parent, depth in scenario.criteria.walk():
        if parent is None:
            continue
        pad = "· " * (depth - 1)
        total = sum(w.global_weights[leaf.id] for leaf in node.leaves())
        rows.append([pad + node.id, pad + name(node.id), w.local[parent.id][node.id], total,
                     "cost" if node.direction == "cost" else ""])
    print(table(rows, ["criterion", "name", "local", "global", ""]))
    worst = w.worst_cr()
    if worst:
        who = f"member {worst[1]}" if worst[1] else "the committee"
        print(f"\nworst CR: {worst[2]:.3f} at {worst[0]} ({who}); "
              f"{len(w.inconsistent())} matrix(es) above {w.cr_threshold:g}")
    return 0


# ---------------------------------------------------------------------------- rank
def _rank(args: argparse.Namespace) -> int:
    from mcda.engine.evaluation import evaluate
    from mcda.scenario.io import load_scenario

    scenario = load_scenario(args.scenario, lint=False)
    e = evaluate(scenario, methods=args.method or None, agreement=args.agreement)
    if args.format == "json":
        from mcda.engine.headline import headline

        data = e.to_dict()
        data["headline"] = headline(e, smaa_samples=args.headline_samples).to_dict()
        print_json(data)
        return 0
    name = name_of(scenario, args.lang)
    if args.format == "csv":
        from mcda.export.templates import safe_cell

        buf = io.StringIO()
        out = csv.writer(buf)
        out.writerow(["method", "normalization", "rank", "vendor", "name", "score"])
        for m in e.methods.values():
            for i in m.order():
                out.writerow([m.name, m.normalization, int(m.ranks[i]), e.vendors[i], safe_cell(name(e.vendors[i])),
                              repr(float(m.scores[i]))])
        sys.stdout.write(buf.getvalue())
        return 0
    lang = args.lang

    def say(key: str, **params) -> str:
        return text("cli.rank." + key, lang, **params)

    print(say("head", file=field(args.scenario), n=len(e.vendors), m=len(e.problem.leaves)))
    for x in e.excluded:  # qualification gates (mcda.engine.gates)
        gates = say("sep").join(name(g) for g in x.gates)
        print(safe(say("left_out", vendor=name(x.vendor), gates=gates), lines=False))
    for m in e.methods.values():
        label = m.label_zh if lang == "zh" else m.label_en
        print("\n" + say("method_higher" if m.higher_is_better else "method_lower", label=label, norm=m.normalization))
        rows = [[int(m.ranks[i]), e.vendors[i], name(e.vendors[i]), float(m.scores[i])] for i in m.order()]
        print(table(rows, [say("rank"), say("vendor"), say("name"), say("score")]))
        if m.reasons:
            order = m.order()
            why = say("sep").join(say("reason", name=name(r.dimension), share=f"{r.share:+.0%}") for r in m.reasons)
            print(safe(say("ahead", a=name(e.vendors[order[0]]), b=name(e.vendors[order[1]]), why=why), lines=False))
    if e.agreement is not None:
        a = e.agreement
        print("\n" + say("agreement"))
        rows = [[n, *row] for n, row in zip(a.names, a.spearman.tolist(), strict=True)]
        print(table(rows, ["", *a.names], floatfmt=".3f"))
    for note in e.notes:
        print(say("warning", note=safe(note.text(lang, e.names(lang)), lines=False)))
    return 0


# ---------------------------------------------------------------------------- sensitivity
def _sensitivity(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from mcda.engine import analysis
    from mcda.engine.evaluation import evaluate
    from mcda.scenario.io import load_scenario

    scenario = load_scenario(args.scenario, lint=False)
    settings = scenario.settings.sensitivity
    samples = settings.samples if args.samples is None else args.samples
    seed = settings.seed if args.seed is None else args.seed
    model = args.model or settings.model
    e = evaluate(scenario, agreement=False)
    name = name_of(scenario, args.lang)
    vnames = {v: name(v) for v in e.vendors}
    out: dict = {"samples": samples, "seed": seed, "model": model, "methods": {}}
    for method in args.method or BATCH_METHODS:
        bar = tqdm(total=samples, desc=f"SMAA {method}", unit="sample", file=sys.stderr,
                   disable=args.quiet or None, leave=False)

        def progress(done, total, bar=bar):
            bar.update(done - bar.n)

        smaa = analysis.run_smaa(e, method, samples, seed, model, score_uncertainty=args.score_uncertainty,
                                 progress=progress)
        bar.close()
        stab = analysis.stability_table(e, method, args.level)
        out["methods"][method] = {
            "stability": [{"node": s.node, "parent": s.parent, "current": s.current, "winner_low": s.winner_low,
                           "winner_high": s.winner_high, "ranking_low": s.ranking_low, "ranking_high": s.ranking_high,
                           "leader": s.leader, "taker_below": s.taker_below, "taker_above": s.taker_above,
                           "sentence": s.sentence(args.lang, vnames)} for s in stab],
            "critical": analysis.critical_sentences(e, method, args.lang),
            "tornado": [dataclasses.asdict(r) | {"swing": r.swing}
                        for r in analysis.tornado_table(e, method, level=args.level)],
            "acceptability": {v: row.tolist() for v, row in zip(smaa.vendors, smaa.acceptability, strict=True)},
            "confidence": {v: (None if math.isnan(c) else float(c))
                           for v, c in zip(smaa.vendors, smaa.confidence, strict=True)},
            "samples_done": smaa.samples,
        }
    reversals = [r for r in analysis.reversal_check(e, args.method) if r.changed]
    out["rank_reversals"] = [{"method": r.method, "action": r.action, "vendor": r.vendor,
                              "before": [list(g) for g in r.before], "after": [list(g) for g in r.after]}
                             for r in reversals]
    if args.format == "json":
        print_json(out)
        return 0
    print(f"Sensitivity of {field(args.scenario)}: {samples} weight samples ({model}), seed {seed}")
    for method, res in out["methods"].items():
        print(f"\n== {method} ==")
        rows = [[s["node"], name(s["node"]), f"{s['current']:.1%}", f"{s['winner_low']:.1%} - {s['winner_high']:.1%}",
                 f"{s['ranking_low']:.1%} - {s['ranking_high']:.1%}"] for s in res["stability"]]
        print(table(rows, ["node", "name", "weight", "winner stays", "ranking stays"]))
        print("\nWhat would flip the winner:")
        for s in res["stability"]:
            if s["taker_below"] or s["taker_above"]:
                print(f"  - {safe(s['sentence'], lines=False)}")
        for c in res["critical"]:
            print(f"  - (leaf criterion) {safe(c, lines=False)}")
        print(f"\nRank acceptability (share of {res['samples_done']} samples per rank):")
        acc = [[v, name(v), *[f"{x:.1%}" for x in row],
                "" if res["confidence"][v] is None else f"{res['confidence'][v]:.1%}"]
               for v, row in res["acceptability"].items()]
        print(table(acc, ["vendor", "name", *[f"rank {k + 1}" for k in range(len(acc))], "confidence"]))
    if out["rank_reversals"]:
        print("\nRank reversals (order of the other vendors changes):")
        for r in out["rank_reversals"]:
            order = [" > ".join(" = ".join(g) for g in r[k]) for k in ("before", "after")]
            print(f"  - {r['method']}: {r['action']} {r['vendor']}: {order[0]}  ->  {order[1]}")
    else:
        print("\nNo rank reversal when a vendor is removed or copied.")
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    """Add the engine commands to the ``mcda`` parser; return {command: handler}."""
    from mcda.methods import METHOD_NAMES

    handlers = {}
    lang = lang_parent()

    p = sub.add_parser("weights", parents=[lang], help="local and global criteria weights, consistency per node")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--format", choices=["table", "json"], default="table")
    handlers["weights"] = _weights

    p = sub.add_parser("rank", parents=[lang], help="rank the vendors with every method in the scenario's settings")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--method", action="append", choices=METHOD_NAMES,
                   help="a method to run (repeatable); default: the scenario's")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("--headline-samples", type=COUNT, default=2000, metavar="N",
                   help="SMAA samples for the headline's first-rank share in --format json (0: not computed)")
    p.add_argument("--no-agreement", dest="agreement", action="store_false",
                   help="skip the agreement between methods (saves loading pymcdm, ~1-2 s)")
    handlers["rank"] = _rank

    p = sub.add_parser("sensitivity", parents=[lang],
                       help="what flips the winner: stability intervals, critical criteria, SMAA rank acceptability")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--samples", type=SAMPLES, help="Monte Carlo weight samples (default: the scenario's setting)")
    p.add_argument("--seed", type=SEED, help="random seed (default: the scenario's setting)")
    p.add_argument("--model", choices=["uniform", "judgments", "lognormal"], help="weight uncertainty model")
    p.add_argument("--score-uncertainty", action="store_true", help="also vary scores by the members' spread")
    p.add_argument("--method", action="append", choices=BATCH_METHODS, help="default: both")
    p.add_argument("--level", choices=["dimensions", "all"], default="dimensions",
                   help="stability per dimension or per node")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    handlers["sensitivity"] = _sensitivity
    return handlers
