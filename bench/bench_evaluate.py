"""A full evaluation: ``mcda.evaluate`` vs AHPy + pymcdm doing the same work on the same scenario JSON.

Run: ``python bench/bench_evaluate.py [--repeat 15] [--coldstart 7]`` (``pip install -e ".[bench]"`` for AHPy).

Scenarios: the bundled example (3 members, 19 dimensions, 115 leaves, 5 vendors) and variants
built from it with a seeded generator: committees of 1, 10 and 30 members (each new member
perturbs an example member's judgments on Saaty's scale, keeping which pairs are missing, and
their scores) on the 5 vendors, and 50 and 500 vendors (copies of the example's vendors with
perturbed scores) with the 3 members; 3 members and 5 vendors is the example itself.  A single
member leaves 10 matrices incomplete, which the committee's weights then need completed (the
others' judgments fill those pairs), so the cost per added member is also given from 3 and 10.

Contenders, in the same process, alternated within each repeat (best and median reported, in CPU
time of the process, ``time.process_time``: on a shared machine wall time also counts the waits
for a CPU):

* ``ours``: ``mcda.evaluate(scenario, agreement=False)`` on a validated Scenario, with the
  engine's weight cache cleared before every call (the weights are computed each time);
* ``ours (cached)``: the same call with the weights found in the cache (score edits, what-if);
* ``peers``: the same work with AHPy and pymcdm from the parsed JSON: per parent node the
  committee's matrix (weighted geometric mean of the members' judgments, Forman & Peniwati
  1998) given to ``ahpy.Compare`` (eigenvector priorities and CR), global weights by
  products down the tree, the decision matrix (weighted mean of the members' scores), then
  pymcdm's TOPSIS and WSM and the AHP ideal synthesis (numpy).  The largest difference
  between its global weights and ours is printed (AHPy rounds to ``precision`` = 10 digits).

Then the cold start of ``mcda rank`` with the agreement between methods against
``python -c "import numpy, pydantic"`` (median CPU time, user + system, of fresh interpreters).

A script, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import copy
import gc
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "scenarios" / "example_tender.json"
SAATY = np.array([1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9])


# --------------------------------------------------------------------------- scenario variants
def _value(x) -> float:
    return float(Fraction(x)) if isinstance(x, str) else float(x)


def _saaty(x: float):
    v = SAATY[np.argmin(np.abs(np.log(SAATY) - np.log(x)))]
    return int(round(v)) if v >= 1 else f"1/{int(round(1 / v))}"


def _perturb_scores(cells: dict, scales: dict, leaf_scale: dict, rng, fill: dict) -> dict:
    """Scores moved at random within their scale; a missing score takes another member's (``fill``)."""
    out = {}
    for cid, v in cells.items():
        sc = scales[leaf_scale[cid]]
        v = fill.get(cid) if v is None else v
        if v is None:
            out[cid] = None
        elif sc["kind"] == "ordinal":
            out[cid] = float(np.clip(round(v + rng.integers(-1, 2)), sc["min"], sc["max"]))
        else:
            out[cid] = float(np.clip(round(v * np.exp(rng.normal(0, 0.05))), sc.get("min", 0) or 0,
                                     sc.get("max", 1e15) or 1e15))
    return out


def variant(base: dict, members: int, vendors: int, seed: int = 20261205) -> dict:
    """The example with ``members`` members and ``vendors`` vendors (seeded; see the module doc)."""
    rng = np.random.default_rng(seed + 1000 * members + vendors)
    doc = copy.deepcopy(base)
    leaf_scale = {}
    stack = [doc["criteria"]]
    while stack:
        node = stack.pop()
        if node.get("children"):
            stack.extend(node["children"])
        else:
            leaf_scale[node["id"]] = node["scale"]
    old = base["members"]
    fill: dict[str, dict] = {}  # vendor -> criterion -> some member's score
    for by_vendor in base["scores"].values():
        for v, cells in by_vendor.items():
            for c, x in cells.items():
                if x is not None:
                    fill.setdefault(v, {}).setdefault(c, x)
    if members != len(old):
        doc["members"], doc["judgments"], doc["scores"] = [], {}, {}
        for k in range(members):
            src = old[k % len(old)]["id"]
            mid = f"m{k:02d}"
            doc["members"].append({"id": mid, "name": f"Member {k}", "weight": float(rng.uniform(0.5, 1.5))})
            j = copy.deepcopy(base["judgments"][src])
            for pairs in j["nodes"].values():
                for p in pairs:
                    p["value"] = _saaty(_value(p["value"]) * np.exp(rng.normal(0, 0.3)))
            doc["judgments"][mid] = j
            doc["scores"][mid] = {v: _perturb_scores(c, doc["scales"], leaf_scale, rng, fill[v])
                                  for v, c in base["scores"][src].items()}
    if vendors != len(base["vendors"]):
        src_vendors = base["vendors"]
        doc["vendors"] = [{"id": f"v{j:03d}", "name": {"en": f"Vendor {j}"}} for j in range(vendors)]
        for mid, by_vendor in list(doc["scores"].items()):
            doc["scores"][mid] = {f"v{j:03d}": _perturb_scores(
                by_vendor[src_vendors[j % len(src_vendors)]["id"]], doc["scales"], leaf_scale, rng,
                fill[src_vendors[j % len(src_vendors)]["id"]]) for j in range(vendors)}
    return doc


# --------------------------------------------------------------------------- the peers: AHPy + pymcdm
def peers(doc: dict) -> tuple[dict, np.ndarray]:
    """Global weights and TOPSIS closeness of ``doc`` computed with AHPy and pymcdm."""
    import ahpy
    from pymcdm.methods import TOPSIS, WSM
    from pymcdm.normalizations import max_normalization, vector_normalization

    members = {m["id"]: m["weight"] for m in doc["members"]}
    local: dict[str, dict[str, float]] = {}
    stack, leaves = [doc["criteria"]], []
    while stack:
        node = stack.pop(0)
        kids = node.get("children") or []
        if not kids:
            leaves.append(node)
            continue
        stack[:0] = kids
        ids = [c["id"] for c in kids]
        if len(ids) == 1:
            local[node["id"]] = {ids[0]: 1.0}
            continue
        logs: dict[tuple, list] = {}
        for mid, j in doc["judgments"].items():
            if node["id"] in j.get("direct", {}):
                w = j["direct"][node["id"]]
                for a in range(len(ids)):
                    for b in range(a + 1, len(ids)):
                        logs.setdefault((ids[a], ids[b]), []).append((members[mid], np.log(w[ids[a]] / w[ids[b]])))
            for p in j["nodes"].get(node["id"], []):
                logs.setdefault((p["a"], p["b"]), []).append((members[mid], np.log(_value(p["value"]))))
        comparisons = {pair: float(np.exp(sum(w * x for w, x in v) / sum(w for w, _ in v))) for pair, v in logs.items()}
        if not comparisons:
            local[node["id"]] = {c: 1 / len(ids) for c in ids}
            continue
        cmp = ahpy.Compare(node["id"], comparisons, precision=10, random_index="saaty" if len(ids) <= 15 else "dd")
        local[node["id"]] = {c: cmp.local_weights.get(c, 0.0) for c in ids}
    glob = {}
    todo = [(doc["criteria"]["id"], 1.0)]
    while todo:
        nid, w = todo.pop()
        if nid in local:
            todo.extend((c, w * x) for c, x in local[nid].items())
        else:
            glob[nid] = w
    leaf_ids = [leaf["id"] for leaf in leaves]
    vendors = [v["id"] for v in doc["vendors"]]
    lam = np.array([members[m["id"]] for m in doc["members"]])
    raw = np.array([[[np.nan if doc["scores"][m["id"]][v].get(c) is None else doc["scores"][m["id"]][v][c]
                      for c in leaf_ids] for v in vendors] for m in doc["members"]])
    ok = ~np.isnan(raw)
    matrix = np.einsum("k,kij->ij", lam, np.where(ok, raw, 0.0)) / np.einsum("k,kij->ij", lam, ok)
    weights = np.array([glob[c] for c in leaf_ids])
    types = np.array([1 if leaf["direction"] == "benefit" else -1 for leaf in leaves])
    closeness = TOPSIS(vector_normalization)(matrix, weights, types)
    WSM(max_normalization)(matrix, weights, types)
    ideal = np.where(types > 0, matrix / matrix.max(axis=0), matrix.min(axis=0) / matrix)  # AHP ideal synthesis
    ideal @ weights
    return glob, closeness


# --------------------------------------------------------------------------- timing
def timed(fn) -> float:
    """CPU time of one call (this process): on a shared machine wall time also counts the waits for a CPU."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def race(contenders: dict, repeat: int) -> dict[str, list[float]]:
    """Alternate the contenders within each repeat; one warm-up call each first."""
    for fn in contenders.values():
        fn()
    times: dict[str, list[float]] = {k: [] for k in contenders}
    for _ in range(repeat):
        for name, fn in contenders.items():
            gc.collect()
            times[name].append(timed(fn))
    return times


def coldstart(runs: int) -> tuple[float, float]:
    commands = {
        "floor": [sys.executable, "-c", "import numpy, pydantic"],
        "rank": [sys.executable, "-m", "mcda.cli", "rank", str(EXAMPLE), "--format", "json"],
    }
    out = {}
    for cmd in commands.values():
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    samples = {k: [] for k in commands}
    for _ in range(runs):
        for name, cmd in commands.items():  # CPU time (user + system) of the child interpreter
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            samples[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    for name in commands:
        out[name] = statistics.median(samples[name])
    return out["floor"], out["rank"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--coldstart", type=int, default=7, help="fresh interpreters per cold-start command (0: skip)")
    args = parser.parse_args()

    from mcda import evaluate
    from mcda.engine.weights_cache import CACHE
    from mcda.scenario.io import parse_scenario

    base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    cases = [("example: 3 members, 5 vendors", base)]  # the 3-member and 5-vendor variants are the example
    cases += [(f"{k} member{'s' if k > 1 else ''}, 5 vendors", variant(base, k, 5)) for k in (1, 10, 30)]
    cases += [(f"3 members, {v} vendors", variant(base, 3, v)) for v in (50, 500)]
    print(f"mcda.evaluate vs AHPy + pymcdm, {args.repeat} alternated repeats, CPU time, "
          f"Python {platform.python_version()}, numpy {np.__version__}")
    header = ("| scenario | ours best / median (ms) | ours, weights cached (ms) | AHPy + pymcdm best / median (ms) "
              "| peers / ours | largest weight difference |")
    print(header)
    print("|---|---|---|---|---|---|")
    best = {}
    for label, doc in cases:
        scenario = parse_scenario(copy.deepcopy(doc), label)

        def cold(s=scenario):
            CACHE.clear()
            evaluate(s, agreement=False)

        def warm(s=scenario):
            evaluate(s, agreement=False)

        times = race({"ours": cold, "cached": warm, "peers": lambda d=doc: peers(d)}, args.repeat)
        ours_w = evaluate(scenario, agreement=False).weights.global_weights
        glob, _ = peers(doc)
        diff = max(abs(glob[c] - w) for c, w in ours_w.items())
        b = {k: min(v) * 1000 for k, v in times.items()}
        m = {k: statistics.median(v) * 1000 for k, v in times.items()}
        best[label] = b
        print(f"| {label} | {b['ours']:.2f} / {m['ours']:.2f} | {b['cached']:.2f} "
              f"| {b['peers']:.2f} / {m['peers']:.2f} "
              f"| {b['peers'] / b['ours']:.1f}x | {diff:.1e} |")
    k_time = {1: best["1 member, 5 vendors"], 3: best["example: 3 members, 5 vendors"],
              10: best["10 members, 5 vendors"], 30: best["30 members, 5 vendors"]}
    for lo, hi in ((1, 30), (3, 30), (10, 30)):
        print(f"each added member, {lo} -> {hi} members: "
              f"ours {(k_time[hi]['ours'] - k_time[lo]['ours']) / (hi - lo):.3f} ms "
              f"(weights cached {(k_time[hi]['cached'] - k_time[lo]['cached']) / (hi - lo):.3f} ms); "
              f"peers {(k_time[hi]['peers'] - k_time[lo]['peers']) / (hi - lo):.3f} ms")
    if args.coldstart:
        floor, rank = coldstart(args.coldstart)
        print(f"cold start, median CPU time of {args.coldstart}: "
              f"`python -c \"import numpy, pydantic\"` {floor * 1000:.0f} ms; "
              f"`mcda rank` (default methods + agreement) {rank * 1000:.0f} ms ({rank / floor:.2f}x)")


if __name__ == "__main__":
    main()
