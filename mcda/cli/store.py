"""``mcda store``: the scenario library (:mod:`mcda.store`) from the command line.

One top-level command with sub-commands (save, list, history, open, restore,
rename, delete, undelete, log) sharing ``--store PATH|URL`` (an SQLite file or a
``postgresql://`` URL; env ``MCDA_STORE``; default: ``library.sqlite3`` in the
user's data folder) and ``--actor NAME`` (who acts, for the audit log; env
``MCDA_ACTOR``, else the OS user name). Each sub-command only parses, calls the
library and prints; library errors (a conflict too) exit 1 via
:func:`mcda.cli.main`.

``mcda store diff`` comes from :mod:`mcda.cli.diff`, listed in the one command table below.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from mcda.cli.args import VERSION
from mcda.cli.diff import store_diff, store_diff_args
from mcda.cli.output import print_json, table

if TYPE_CHECKING:
    from mcda.store import Store

__all__ = ["add_parsers", "StoreCommand"]


class StoreCommand(NamedTuple):
    """A sub-command of ``mcda store``: its help line, how to add its arguments, how to run it."""

    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, "Store"], int]


def _table(rows, headers) -> str:
    return table(rows, headers, numparse=False)


def _short(text: str, limit: int = 48) -> str:
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit and line == text else line[: limit - 3] + "..."


# ---------------------------------------------------------------------------- sub-commands
def _save(args: argparse.Namespace, store: Store) -> int:
    from mcda.errors import MCDAError
    from mcda.scenario.io import load_scenario
    from mcda.store import UnchangedError

    scenario = load_scenario(args.file, lint=False)  # an invalid file stops here: nothing is written
    name = args.name if args.name is not None else Path(args.file).stem
    try:
        v = store.save(scenario, name, args.message, allow_unchanged=args.allow_unchanged, base=args.base)
    except UnchangedError as exc:
        raise MCDAError(f"{exc} (add --allow-unchanged to record it anyway)") from None
    merged = ""
    if v.is_merge:
        newer = f" {v.merged_with}" if v.merged_with == v.base + 1 else f"s {v.base + 1}..{v.merged_with}"
        merged = f": your changes since version {v.base} merged with version{newer}"
    print(f"saved {v.name!r} version {v.version}{merged} ({v.size / 1000:.1f} kB, sha256 {v.sha256[:12]})")
    if args.base is None and v.version > 1:
        print(f"note: saved without --base, so changes others saved to {v.name!r} meanwhile were not checked; "
              "pass --base N (the version your file started from) to merge them or be told of conflicts",
              file=sys.stderr)
    return 0


def _list(args: argparse.Namespace, store: Store) -> int:
    found = store.list(include_deleted=args.all)
    if args.format == "json":
        print_json([dataclasses.asdict(s) for s in found])
        return 0
    if not found:
        print(f"the library {store.location} holds no scenario"
              + ("" if args.all else " (add --all to show deleted ones)"))
        return 0
    rows = [[s.name, s.versions, s.updated_at, _short(s.title)] + ([s.deleted_at or ""] if args.all else [])
            for s in found]
    print(_table(rows, ["name", "versions", "updated (UTC)", "title"] + (["deleted (UTC)"] if args.all else [])))
    return 0


def _history(args: argparse.Namespace, store: Store) -> int:
    versions = store.history(args.name)
    if args.format == "json":
        print_json([dataclasses.asdict(v) for v in versions])
        return 0
    rows = [[v.version, v.saved_at, v.actor, f"{v.size / 1000:.1f} kB", v.sha256[:12], _short(_made(v) + v.message)]
            for v in versions]
    print(_table(rows, ["version", "saved (UTC)", "by", "size", "sha256", "message"]))
    return 0


def _made(v) -> str:
    if not v.is_merge:
        return ""
    return f"[merge: from {v.base} with {v.merged_with}] " if v.merged_with == v.base + 1 else \
        f"[merge: from {v.base} with {v.base + 1}..{v.merged_with}] "


def _log(args: argparse.Namespace, store: Store) -> int:
    entries = store.log(args.name)
    if args.format == "json":
        print_json([e.as_dict() for e in entries])
        return 0
    rows = [[e.at, e.actor, e.action, "" if e.version is None else e.version, _short(e.detail, 72)] for e in entries]
    print(_table(rows, ["at (UTC)", "actor", "action", "version", "detail"]))
    return 0


def _open(args: argparse.Namespace, store: Store) -> int:
    from mcda.scenario.io import atomic_write

    stored = store.read(args.name, args.version)
    if args.output is None:
        sys.stdout.write(stored.text)
        return 0
    atomic_write(args.output, stored.text)
    if not store.read_only:  # a read-only library cannot record it; the export itself needs no write
        store.log_action("export", stored.info.name, stored.info.version, f"written to {Path(args.output).name}")
    print(f"wrote {stored.info.name!r} version {stored.info.version} to {args.output}")
    return 0


def _restore(args: argparse.Namespace, store: Store) -> int:
    v = store.restore(args.name, args.version, args.message)
    print(f"restored {v.name!r} version {v.restored_from} as version {v.version}")
    return 0


def _rename(args: argparse.Namespace, store: Store) -> int:
    store.rename(args.old, args.new)
    print(f"renamed {args.old!r} to {args.new!r}")
    return 0


def _delete(args: argparse.Namespace, store: Store) -> int:
    store.delete(args.name)
    print(f"deleted {args.name!r}; its versions are kept: `mcda store undelete` brings it back")
    return 0


def _undelete(args: argparse.Namespace, store: Store) -> int:
    store.undelete(args.name)
    print(f"undeleted {args.name!r}")
    return 0


def _name(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME")


def _format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["table", "json"], default="table")


def _save_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a scenario file (validated first; an invalid file saves nothing)")
    p.add_argument("--name", help="the scenario's name in the library (default: the file name without .json)")
    p.add_argument("-m", "--message", default="", help="what changed in this version")
    p.add_argument("--allow-unchanged", action="store_true", help="record a version even if it equals the latest one")
    p.add_argument("--base", type=VERSION, metavar="V",
                   help="the version FILE started from: newer versions are merged part by part, or the save is "
                        "refused listing the conflicts (exit 1)")


def _list_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--all", action="store_true", help="include deleted scenarios")
    _format(p)


def _name_and_format(p: argparse.ArgumentParser) -> None:
    _name(p)
    _format(p)


def _open_args(p: argparse.ArgumentParser) -> None:
    _name(p)
    p.add_argument("--version", type=VERSION, help="a version number (default: the latest)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the scenario to FILE (atomically) instead of printing it")


def _restore_args(p: argparse.ArgumentParser) -> None:
    _name(p)
    p.add_argument("version", metavar="N", type=VERSION,
                   help="the version whose content becomes the new latest version")
    p.add_argument("-m", "--message", default=None, help="why (added to 'restore of version N')")


def _rename_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")


_COMMANDS: dict[str, StoreCommand] = {
    "save": StoreCommand("save a scenario file as the next version of NAME", _save_args, _save),
    "list": StoreCommand("list the scenarios in the library", _list_args, _list),
    "history": StoreCommand("list every version of a scenario, oldest first", _name_and_format, _history),
    "open": StoreCommand("print (or write with -o) a version of a scenario, checked", _open_args, _open),
    "restore": StoreCommand("add a new version equal to version N (nothing is overwritten)", _restore_args, _restore),
    "rename": StoreCommand("rename a scenario (its versions follow)", _rename_args, _rename),
    "delete": StoreCommand("hide a scenario; its versions are kept (see undelete)", _name, _delete),
    "undelete": StoreCommand("bring back a deleted scenario", _name, _undelete),
    "diff": StoreCommand("compare two versions of a scenario: inputs, weights and rankings", store_diff_args,
                         store_diff),
    "log": StoreCommand("the audit log of a scenario: who did what, when; oldest first", _name_and_format, _log),
}


def _run(args: argparse.Namespace) -> int:
    from mcda.store import Store

    command = _COMMANDS[args.store_command]
    with Store(args.store_path, actor=args.actor) as store:
        return command.run(args, store)


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    """Add ``mcda store`` and its sub-commands to the ``mcda`` parser; return {"store": handler}."""
    where = ("the library: an SQLite file or a postgresql://user:password@host/database URL "
             "(default: env MCDA_STORE, else library.sqlite3 in the user's data folder)")
    who = "who acts, recorded in the audit log (default: env MCDA_ACTOR, else the OS user name)"
    p = sub.add_parser("store", help="the scenario library: every saved version of every scenario",
                       description="The scenario library: save, list, open, restore, rename and delete versioned "
                                   "scenarios; merge concurrent edits; read the audit log.")
    p.add_argument("--store", dest="store_path", metavar="PATH|URL", default=None, help=where)
    p.add_argument("--actor", metavar="NAME", default=None, help=who)
    common = argparse.ArgumentParser(add_help=False)  # --store and --actor are accepted after the sub-command too
    common.add_argument("--store", dest="store_path", metavar="PATH|URL", default=argparse.SUPPRESS, help=where)
    common.add_argument("--actor", metavar="NAME", default=argparse.SUPPRESS, help=who)
    commands = p.add_subparsers(dest="store_command", required=True, metavar="SUBCOMMAND")
    for name, command in _COMMANDS.items():
        command.configure(commands.add_parser(name, parents=[common], help=command.help, description=command.help))
    return {"store": _run}
