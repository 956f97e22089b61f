"""Run one library call of the hostile corpus on a file: ``python api_runner.py FUNCTION FILE``.

Like the command line: an :class:`~mcda.errors.MCDAError` is printed on stderr with exit 1;
any other exception escapes as a traceback (which the corpus test counts as a failure).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def main(function: str, path: str) -> int:
    import mcda
    from mcda.cli.output import safe
    from mcda.errors import MCDAError
    from mcda.export.report import check_sensitivity
    from mcda.export.templates import import_scores
    from mcda.scenario.io import parse_json

    data = Path(path).read_bytes()
    example = mcda.scenario.bundled.EXAMPLE
    try:
        if function == "parse_json":
            parse_json(data, path)
        elif function == "import_scores":
            import_scores(mcda.load_scenario(example, lint=False), "cfo", data, source=path)
        elif function == "check_sensitivity":
            scenario = mcda.load_scenario(example, lint=False)
            check_sensitivity(json.loads(data), mcda.evaluate(scenario, agreement=False))
        elif function == "safe":
            print(safe(data))
        else:
            raise SystemExit(f"unknown function {function}")
    except MCDAError as exc:
        print(exc.render("en"), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
