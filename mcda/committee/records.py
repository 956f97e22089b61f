"""The committee's tables in the scenario library (format 3, :mod:`mcda.store.migrations`).

Plain functions over one transaction (:class:`mcda.store.backend.Tx`), the same SQL on
SQLite and PostgreSQL. Every change is written together with its audit entry
(:func:`mcda.store.audit.record`, actor = the person acting) in the caller's
transaction, so a change and its record are kept or lost together. Tokens never
reach these tables: only their sha256 (``token_sha256``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from mcda.errors import MCDAError
from mcda.store import audit
from mcda.store.backend import Tx

__all__ = ["MAX_TEXT", "check_text", "State", "Note", "TokenRow", "transaction", "scenario_id", "latest_version",
           "state", "set_state", "log", "add_note", "notes", "parts", "touch", "set_submitted", "find_token",
           "token_row", "add_token", "revoke_tokens", "live_people"]

T = TypeVar("T")
MAX_TEXT = 2000  # a comment, reason or decision note


def check_text(value: object, what: str, *, required: bool = True) -> str:
    """A comment, reason or note: text, at most :data:`MAX_TEXT` characters, no control characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise MCDAError(code="err.committee.text_type", what=what)
    value = value.strip()
    if required and not value:
        raise MCDAError(code="err.committee.text_required", what=what)
    if len(value) > MAX_TEXT:
        raise MCDAError(code="err.committee.text_long", what=what, limit=MAX_TEXT, n=len(value))
    if any(ord(c) < 32 and c not in "\n\t" or 0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise MCDAError(code="err.committee.text_control", what=what)
    return value


@dataclass(frozen=True)
class State:
    """A tender's phase and sign-off."""

    phase: str = "setup"
    changed_at: str | None = None
    changed_by: str | None = None
    decision_note: str | None = None
    signed_version: int | None = None


@dataclass(frozen=True)
class Note:
    """One entry of the consensus record (append-only)."""

    at: str
    actor: str
    kind: str  # comment, change, override, reopen, phase, signoff
    target: str  # judgment:node:a:b, score:vendor:leaf, member:<id>, phase
    old_value: str | None
    new_value: str | None
    text: str
    version: int | None

    def as_dict(self) -> dict:
        return {"at": self.at, "actor": self.actor, "kind": self.kind, "target": self.target, "old": self.old_value,
                "new": self.new_value, "text": self.text, "version": self.version}


@dataclass(frozen=True)
class TokenRow:
    id: int
    scenario_id: int
    token_sha256: str
    role: str
    person: str
    expires_at: str | None
    revoked_at: str | None


def transaction(store, doing: str, fn: Callable[[Tx], T], *, write: bool = False) -> T:
    """``fn(tx)`` in one transaction of ``store``'s database (the committee tables live beside the library's)."""
    return store._db.run(doing, fn, write=write)  # noqa: SLF001 - the store's one transaction runner


def scenario_id(tx: Tx, name: str, *, lock: bool = False) -> int:
    row = tx.one(f"SELECT id, deleted_at FROM scenarios WHERE name = ?{tx.lock if lock else ''}", (name,))
    if row is None or row[1] is not None:
        raise MCDAError(code="err.committee.no_scenario", name=name)
    return int(row[0])


def latest_version(tx: Tx, sid: int) -> int | None:
    row = tx.one("SELECT max(version) FROM versions WHERE scenario_id = ?", (sid,))
    return None if row is None or row[0] is None else int(row[0])


def state(tx: Tx, sid: int, *, lock: bool = False) -> State:
    row = tx.one("SELECT phase, changed_at, changed_by, decision_note, signed_version FROM committees "
                 f"WHERE scenario_id = ?{tx.lock if lock else ''}", (sid,))
    return State() if row is None else State(row[0], row[1], row[2], row[3], row[4])


def set_state(tx: Tx, sid: int, phase: str, actor: str, decision_note: str | None, signed_version: int | None) -> None:
    now = tx.now()
    tx.run("INSERT INTO committees (scenario_id, phase, changed_at, changed_by, decision_note, signed_version) "
           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scenario_id) DO UPDATE SET phase = excluded.phase, "
           "changed_at = excluded.changed_at, changed_by = excluded.changed_by, "
           "decision_note = excluded.decision_note, signed_version = excluded.signed_version",
           (sid, phase, now, actor, decision_note, signed_version))


def log(tx: Tx, sid: int, name: str, actor: str, action: str, detail: str, version: int | None = None) -> None:
    """One audit entry (``committee-...`` actions) in the caller's transaction."""
    audit.record(tx, at=tx.now(), actor=actor, action=action, scenario_id=sid, name=name, version=version,
                 detail=audit.check_detail(detail[:1000]))


def add_note(tx: Tx, sid: int, actor: str, kind: str, target: str, old: str | None, new: str | None, text: str,
             version: int | None) -> None:
    tx.run("INSERT INTO committee_notes (scenario_id, at, actor, kind, target, old_value, new_value, text, version) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (sid, tx.now(), actor, kind, target, old, new, text, version))


def notes(tx: Tx, sid: int) -> list[Note]:
    rows = tx.rows("SELECT at, actor, kind, target, old_value, new_value, text, version FROM committee_notes "
                   "WHERE scenario_id = ? ORDER BY id", (sid,))
    return [Note(*r) for r in rows]


def parts(tx: Tx, sid: int) -> dict[str, tuple[str | None, str | None, int | None, str | None]]:
    """member -> (submitted_phase, submitted_at, submitted_version, last_activity)."""
    rows = tx.rows("SELECT member, submitted_phase, submitted_at, submitted_version, last_activity "
                   "FROM committee_parts "
                   "WHERE scenario_id = ?", (sid,))
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def touch(tx: Tx, sid: int, member: str) -> None:
    """Record activity on ``member``'s part now."""
    tx.run("INSERT INTO committee_parts (scenario_id, member, last_activity) VALUES (?, ?, ?) "
           "ON CONFLICT (scenario_id, member) DO UPDATE SET last_activity = excluded.last_activity",
           (sid, member, tx.now()))


def set_submitted(tx: Tx, sid: int, member: str, phase: str | None, version: int | None) -> None:
    """Mark ``member``'s part submitted (locked) for ``phase``, or reopen it (``phase=None``)."""
    now = tx.now()
    tx.run("INSERT INTO committee_parts (scenario_id, member, submitted_phase, submitted_at, submitted_version, "
           "last_activity) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scenario_id, member) DO UPDATE SET "
           "submitted_phase = excluded.submitted_phase, submitted_at = excluded.submitted_at, "
           "submitted_version = excluded.submitted_version, last_activity = excluded.last_activity",
           (sid, member, phase, now if phase else None, version if phase else None, now))


def find_token(tx: Tx, digest: str) -> TokenRow | None:
    row = tx.one("SELECT id, scenario_id, token_sha256, role, person, expires_at, revoked_at FROM committee_tokens "
                 "WHERE token_sha256 = ?", (digest,))
    return None if row is None else TokenRow(*row)


def token_row(tx: Tx, link_id: int) -> TokenRow | None:
    row = tx.one("SELECT id, scenario_id, token_sha256, role, person, expires_at, revoked_at FROM committee_tokens "
                 "WHERE id = ?", (int(link_id),))
    return None if row is None else TokenRow(*row)


def add_token(tx: Tx, sid: int, digest: str, role: str, person: str, actor: str, expires_at: str | None) -> None:
    tx.run("INSERT INTO committee_tokens (scenario_id, token_sha256, role, person, created_at, created_by, expires_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)", (sid, digest, role, person, tx.now(), actor, expires_at))


def revoke_tokens(tx: Tx, sid: int, role: str | None = None, person: str | None = None) -> int:
    """Revoke the live tokens of ``sid`` (of one role / person if given); how many were revoked."""
    where, params = "scenario_id = ? AND revoked_at IS NULL", [sid]
    if role is not None:
        where, params = where + " AND role = ?", params + [role]
    if person is not None:
        where, params = where + " AND person = ?", params + [person]
    count = tx.one(f"SELECT count(*) FROM committee_tokens WHERE {where}", tuple(params))[0]
    tx.run(f"UPDATE committee_tokens SET revoked_at = ? WHERE {where}", (tx.now(), *params))
    return int(count)


def live_people(tx: Tx, sid: int, role: str) -> list[str]:
    """The people of ``role`` holding a live (not revoked) token."""
    rows = tx.rows("SELECT DISTINCT person FROM committee_tokens WHERE scenario_id = ? AND role = ? "
                   "AND revoked_at IS NULL ORDER BY person", (sid, role))
    return [r[0] for r in rows]
