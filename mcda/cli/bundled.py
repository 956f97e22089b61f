"""Sub-commands for what the package ships: the criteria template, the example tender, the app.

* ``mcda template [-o FILE]``: the faithful criteria template (``models/financial_outsourcing.json``), byte for byte
* ``mcda example [-o FILE]``: the example tender (``scenarios/example_tender.json``), byte for byte
* ``mcda app [STREAMLIT OPTIONS ...]``: ``python -m streamlit run <the installed app> [options]``

The files come from the package data (:mod:`mcda.scenario.bundled`), so an installed wheel has
them; ``-o`` writes atomically and refuses a folder or the bundled file itself. Library errors
exit 1 via :func:`mcda.cli`.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

from mcda.cli.args import default_lang, lang_parent
from mcda.cli.output import emit
from mcda.errors import MCDAError
from mcda.text import text

__all__ = ["add_parsers", "APP", "app_command"]

#: The script ``mcda app`` runs (inside the package, next to the UI; found without importing the UI).
APP = Path(str(resources.files("mcda").joinpath("ui"))) / "entry" / "app.py"

#: Streamlit settings the project's ``.streamlit/config.toml`` makes in a checkout, given as
#: environment defaults for the installed app: no e-mail prompt on a fresh machine, no telemetry
#: (the tool holds confidential tender data). ``mcda app --browser.gatherUsageStats true`` overrides.
_STREAMLIT_ENV = {"STREAMLIT_SERVER_SHOW_EMAIL_PROMPT": "false", "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}


def _bundled(path: Path, args: argparse.Namespace, wrote: str) -> int:
    try:
        raw = path.read_bytes()
    except OSError:
        raise MCDAError(code="cli.bundled.err_missing", path=str(path)) from None
    if args.output:
        emit(raw, args.output, path.name, (str(path),), wrote=text(wrote, args.lang, path=args.output))
    elif hasattr(sys.stdout, "buffer"):  # the exact bytes, whatever the console's encoding
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(raw.decode("utf-8"))
    return 0


def _template(args: argparse.Namespace) -> int:
    from mcda.scenario.bundled import TEMPLATE

    return _bundled(TEMPLATE, args, "cli.bundled.wrote_template")


def _example(args: argparse.Namespace) -> int:
    from mcda.scenario.bundled import EXAMPLE

    return _bundled(EXAMPLE, args, "cli.bundled.wrote_example")


def app_command(options: list[str]) -> list[str]:
    """The command ``mcda app OPTIONS`` runs: this interpreter's streamlit on the installed app."""
    return [sys.executable, "-m", "streamlit", "run", str(APP), *options]


def _app(args: argparse.Namespace) -> int:
    if args.options[:1] in (["-h"], ["--help"]):
        args.app_parser.print_help()
        return 0
    cmd = app_command(args.options)
    env = {**_STREAMLIT_ENV, **os.environ}
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":  # the process becomes streamlit: Ctrl-C and signals reach it directly
        os.execve(sys.executable, cmd, env)
    return subprocess.call(cmd, env=env)


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    """Add the template / example / app commands to the ``mcda`` parser; return {command: handler}."""
    lang = default_lang()
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("-o", "--output", metavar="OUT", help=text("cli.bundled.help_output", lang))
    parents = [out, lang_parent(text("cli.bundled.help_lang", lang))]

    sub.add_parser("template", parents=parents, help=text("cli.bundled.help_template", lang),
                   description=text("cli.bundled.help_template", lang))
    sub.add_parser("example", parents=parents, help=text("cli.bundled.help_example", lang),
                   description=text("cli.bundled.help_example", lang))
    # Every argument after `app` goes to streamlit, including `--server.port 8502`: the sub-parser's
    # options start with "+" (it has none), so argparse reads "--x" as a value, not an unknown option.
    p = sub.add_parser("app", prefix_chars="+", add_help=False, help=text("cli.bundled.help_app", lang),
                       description=text("cli.bundled.help_app", lang), epilog=text("cli.bundled.app_epilog", lang),
                       usage="mcda app [-h] [STREAMLIT OPTIONS ...]")
    p.add_argument("options", nargs=argparse.REMAINDER, metavar="STREAMLIT OPTIONS",
                   help=text("cli.bundled.help_app_options", lang))
    p.set_defaults(app_parser=p)
    return {"template": _template, "example": _example, "app": _app}
