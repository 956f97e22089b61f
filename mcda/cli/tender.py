"""``mcda tender``: the committee workflow (:mod:`mcda.committee`) from the command line.

Sub-commands: invite, revoke, phase, template, submit, reopen, signoff, status,
record. They share ``--store PATH|URL`` (env ``MCDA_STORE``) and ``--actor NAME``
(who runs set-up commands such as invite and revoke; env ``MCDA_ACTOR``). Commands
acting for a person take ``--token T`` (or env ``MCDA_TOKEN``, which keeps the token
out of the shell history): the token of that person's personal link. Only
``invite`` prints tokens (inside the links); no other output and no error message
contains one. Refusals exit 1 with the reason.
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mcda.cli.args import lang_parent
from mcda.cli.output import print_json, table
from mcda.errors import MCDAError
from mcda.text import text

if TYPE_CHECKING:
    from mcda.committee import Tender

__all__ = ["add_parsers"]


def _token(args: argparse.Namespace) -> str:
    token = args.token or os.environ.get("MCDA_TOKEN", "").strip()
    if not token:
        raise MCDAError(code="err.committee.token_option")
    return token


def _expiry(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an ISO 8601 time with a zone, e.g. 2027-01-31T18:00:00+08:00; "
                                         f"found {value[:40]!r}") from None


# ---------------------------------------------------------------------------- sub-commands
def _invite(args, tender: Tender) -> int:
    links = tender.invite(args.url, observers=args.observer or [], expires=args.expires)
    if args.format == "json":
        print_json(links.as_dict())
        return 0
    rows = [["moderator", "", links.moderator]] + [["member", m, u] for m, u in links.members.items()]
    rows += [["observer", o, u] for o, u in links.observers.items()]
    print(table(rows, ["role", "id", "link"], numparse=False))
    n = len(rows)
    print(text("committee.invited", args.lang, n=n), file=sys.stderr)
    return 0


def _revoke(args, tender: Tender) -> int:
    if args.all:
        n = tender.revoke()
    elif args.moderator:
        n = tender.revoke("moderator")
    elif args.member:
        n = tender.revoke("member", args.member)
    else:
        n = tender.revoke("observer", args.observer)
    print(text("committee.revoked", args.lang, n=n))
    return 0


def _phase(args, tender: Tender) -> int:
    who = tender.identify(_token(args))
    st = tender.set_phase(who, args.phase, args.reason)
    print(text("committee.phase_moved", args.lang, phase=st.phase))
    return 0


def _template(args, tender: Tender) -> int:
    from mcda.committee import member_template

    who = tender.identify(_token(args))
    tender.require(who, "see_own")
    if who.role != "member":
        raise MCDAError(code="err.committee.not_allowed", action="see_own", role=who.role, phase=tender.phase)
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "csv")
    data = member_template(tender.view(who).scenario, who.person, args.kind, fmt)
    if args.output:
        from mcda.scenario.io import atomic_write

        atomic_write(args.output, data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _submit(args, tender: Tender) -> int:
    who = tender.identify(_token(args))
    path = Path(args.file)
    try:
        data = path.read_bytes()[: 16 * 1024 * 1024 + 1]
    except OSError as exc:
        raise MCDAError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > 16 * 1024 * 1024:
        raise MCDAError(f"{path} is over 16 MB: not a template")
    done = tender.submit(who, data, path.name, args.comment, lock=not args.draft)
    kind = done.kind or "-"
    key = "committee.submitted" if done.locked else "committee.saved"
    print(text(key, args.lang, member=done.member, kind=kind, changes=done.changes, version=done.version))
    return 0


def _reopen(args, tender: Tender) -> int:
    who = tender.identify(_token(args))
    tender.reopen(who, args.member, args.reason)
    print(text("committee.reopened", args.lang, member=args.member))
    return 0


def _signoff(args, tender: Tender) -> int:
    who = tender.identify(_token(args))
    st = tender.signoff(who, args.note)
    print(text("committee.signed", args.lang, version=st.signed_version))
    return 0


def _comment(args, tender: Tender) -> int:
    who = tender.identify(_token(args))
    tender.comment(who, args.target, args.text)
    print(text("committee.commented", args.lang, target=args.target))
    return 0


def _override(args, tender: Tender) -> int:
    who = tender.identify(_token(args))
    value = None if args.value.strip().lower() in ("none", "-", "") else _number(args.value)
    tender.override(who, args.vendor, args.leaf, value, args.reason)
    print(text("committee.overridden", args.lang, vendor=args.vendor, leaf=args.leaf,
               value="-" if value is None else f"{value:g}"))
    return 0


def _number(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise MCDAError(code="err.committee.bad_value", value=raw[:40], leaf="") from None
    return value


def _status(args, tender: Tender) -> int:
    board, phase = tender.progress(), tender.phase
    if args.format == "json":
        print_json({"phase": phase, "members": {m: p.as_dict() for m, p in board.items()}})
        return 0
    print(text("committee.status.head", args.lang, phase=text(f"committee.phase.{phase}", args.lang)))
    rows = [[m, f"{p.answered}/{p.needed} ({p.all_pairs})",
             text(f"committee.cr.{p.cr_state.replace(' ', '_')}", args.lang)
             + ("" if p.max_cr is None else f" {p.max_cr:.3f}"), f"{p.filled}/{p.cells}",
             text("committee.status.submitted" if p.submitted else "committee.status.open", args.lang),
             p.last_activity or ""] for m, p in board.items()]
    print(table(rows, ["member", "judgments", "CR", "scores", "", "last activity (UTC)"], numparse=False))
    return 0


def _record(args, tender: Tender) -> int:
    rec = tender.record()
    if args.format == "json":
        print_json(rec.as_dict())
        return 0
    rows = [[e.at, e.actor, e.kind, e.target, e.old_value or "", e.new_value or "", e.text] for e in rec.entries]
    print(table(rows, ["at (UTC)", "by", "what", "on", "from", "to", "why"], numparse=False))
    return 0


_COMMANDS = {
    "invite": ("create or reissue every personal link (older links stop working); prints them", _invite),
    "revoke": ("revoke personal links", _revoke),
    "phase": ("move the tender to another phase (moderator)", _phase),
    "template": ("write a member's own judgments or scores template", _template),
    "submit": ("import a member's filled template into their own part and submit it", _submit),
    "reopen": ("reopen a member's submitted part (moderator, with a reason)", _reopen),
    "comment": ("comment on a judgment pair or a score cell (in review)", _comment),
    "override": ("set the committee's value of a score cell, with a reason (moderator, in review)", _override),
    "signoff": ("sign the decision off with a decision note (moderator)", _signoff),
    "status": ("the progress board: per member, judgments, CR, scores, submitted", _status),
    "record": ("the consensus record: changes in review, comments, overrides, sign-off", _record),
}


def _configure(name: str, p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME", help="the scenario's name in the library")
    token = "the token of your personal link (default: env MCDA_TOKEN)"
    if name == "invite":
        p.add_argument("--url", required=True, metavar="BASE_URL", help="the app's address, e.g. https://tender.example.com/")
        p.add_argument("--observer", action="append", metavar="ID", help="an observer's id (repeatable)")
        p.add_argument("--expires", type=_expiry, default=None, metavar="TIME",
                       help="links expire then (ISO 8601, with zone)")
        p.add_argument("--format", choices=["text", "json"], default="text")
    elif name == "revoke":
        who = p.add_mutually_exclusive_group(required=True)
        who.add_argument("--member", metavar="ID")
        who.add_argument("--observer", metavar="ID")
        who.add_argument("--moderator", action="store_true")
        who.add_argument("--all", action="store_true")
    elif name == "phase":
        p.add_argument("phase", choices=["setup", "individual", "review", "decision"])
        p.add_argument("--reason", default=None, help="why (required when going back, i.e. reopening)")
    elif name == "template":
        p.add_argument("--kind", choices=["judgments", "scores"], required=True)
        p.add_argument("--format", choices=["csv", "xlsx", "json"], default=None)
        p.add_argument("-o", "--output", default=None, metavar="FILE")
    elif name == "submit":
        p.add_argument("file", metavar="FILE", help="a filled template (judgments: CSV, xlsx, JSON; scores: CSV, xlsx)")
        p.add_argument("--comment", default=None, help="why (required in review)")
        p.add_argument("--draft", action="store_true", help="import without submitting (the part stays open)")
    elif name == "reopen":
        p.add_argument("member", metavar="MEMBER")
        p.add_argument("--reason", required=True)
    elif name == "comment":
        p.add_argument("target", metavar="TARGET", help="judgment:NODE:A:B (ids sorted) or score:VENDOR:LEAF")
        p.add_argument("text", metavar="TEXT")
    elif name == "override":
        p.add_argument("vendor", metavar="VENDOR")
        p.add_argument("leaf", metavar="LEAF")
        p.add_argument("value", metavar="VALUE", help="the committee's value, or 'none' to withdraw the override")
        p.add_argument("--reason", required=True)
    elif name == "signoff":
        p.add_argument("--note", required=True, help="the decision note")
    elif name in ("status", "record"):
        p.add_argument("--format", choices=["text", "json"], default="text")
    if name in ("phase", "template", "submit", "reopen", "signoff", "comment", "override"):
        p.add_argument("--token", default=None, metavar="T", help=token)


def _run(args: argparse.Namespace) -> int:
    from mcda.committee import Tender
    from mcda.store import Store

    with Store(args.store_path, actor=args.actor) as store:
        return _COMMANDS[args.tender_command][1](args, Tender(store, args.name))


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    """Add ``mcda tender`` and its sub-commands to the ``mcda`` parser; return {"tender": handler}."""
    where = "the library: an SQLite file or a postgresql:// URL (default: env MCDA_STORE)"
    who = "who runs set-up commands, for the audit log (default: env MCDA_ACTOR, else the OS user name)"
    p = sub.add_parser("tender", help="the committee workflow: personal links, phases, submissions, sign-off",
                       description="A tender committee over a scenario of the library: personal links, blind "
                                   "individual entry, submissions, review, sign-off.")
    common = argparse.ArgumentParser(add_help=False, parents=[lang_parent("messages in Chinese or English")])
    common.add_argument("--store", dest="store_path", metavar="PATH|URL", default=None, help=where)
    common.add_argument("--actor", metavar="NAME", default=None, help=who)
    commands = p.add_subparsers(dest="tender_command", required=True, metavar="SUBCOMMAND")
    for name, (help_text, _) in _COMMANDS.items():
        _configure(name, commands.add_parser(name, parents=[common], help=help_text, description=help_text))
    return {"tender": _run}
