"""Scenario library throughput: save and open versions of the example tender.

Run: ``python bench/bench_store.py [--versions 50] [--store PATH]``

Saves ``--versions`` slightly different versions of the bundled example
(~0.34 MB of JSON each) under one name in a fresh library, then opens each
one (checksum + validation), and reports per-operation wall time, the cost of
the checks alone, and the library's size on disk. A script, not a test:
timings depend on the machine and its disk (``synchronous=FULL`` fsyncs
every save).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import mcda
from mcda.scenario.io import dumps, parse_json, parse_scenario
from mcda.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--versions", type=int, default=50)
    ap.add_argument("--store", type=Path, default=None, help="library file (default: a temporary folder)")
    args = ap.parse_args()

    base = mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)
    drafts = [base.model_copy(update={"metadata": base.metadata.model_copy(update={"notes": f"bench {i}"})})
              for i in range(args.versions)]
    with tempfile.TemporaryDirectory() as folder:
        path = args.store or Path(folder) / "library.sqlite3"
        with Store(path) as store:
            t0 = time.perf_counter()
            for i, d in enumerate(drafts):
                store.save(d, "bench", f"version {i + 1}")
            t_save = time.perf_counter() - t0

            t0 = time.perf_counter()
            for v in range(1, args.versions + 1):
                store.open("bench", v)
            t_open = time.perf_counter() - t0

            t0 = time.perf_counter()
            store.history("bench")
            store.list()
            t_meta = time.perf_counter() - t0

        text = dumps(base)
        t0 = time.perf_counter()
        for _ in range(10):
            parse_scenario(parse_json(text))
        t_validate = (time.perf_counter() - t0) / 10
        files = [p for p in Path(path).parent.glob(Path(path).name + "*")]
        size = sum(p.stat().st_size for p in files)

    n = args.versions
    print(f"{n} versions of {len(text.encode()) / 1e6:.2f} MB ({path})")
    print(f"save:    {t_save / n * 1e3:7.1f} ms per version ({n / t_save:6.1f} per s), "
          f"of which validation ~{t_validate * 1e3:.1f} ms")
    print(f"open:    {t_open / n * 1e3:7.1f} ms per version ({n / t_open:6.1f} per s), checksum + validation")
    print(f"history + list: {t_meta * 1e3:.1f} ms")
    print(f"library size: {size / 1e6:.1f} MB ({size / n / 1e3:.0f} kB per version, WAL included)")


if __name__ == "__main__":
    main()
