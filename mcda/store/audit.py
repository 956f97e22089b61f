"""The audit log: who did what to which scenario and version, when; append-only.

Every action of :class:`~mcda.store.library.Store` adds one row in the same
transaction as the change itself, so a change and its record are kept or lost
together. The database refuses UPDATE and DELETE of the ``audit`` table
(triggers on both backends; see :mod:`~mcda.store.migrations`). Rows follow their
scenario through renames (they point at its id) and keep the name it had then.

Built-in actions: :data:`ACTIONS`. Other actions (the committee's, such as
``vote-closed``) are recorded with :meth:`Store.log_action`; ``export`` may be
recorded that way too.
"""
from __future__ import annotations

from mcda.errors import MCDAError
from mcda.store.backend import Tx
from mcda.store.records import AuditEntry, check_action

__all__ = ["ACTIONS", "RESERVED", "MAX_DETAIL_LENGTH", "record", "entries", "check_custom_action", "check_detail"]

ACTIONS = ("save", "merge", "restore", "rename", "delete", "undelete", "export")
RESERVED = frozenset(ACTIONS) - {"export"}  # only the library itself records these
MAX_DETAIL_LENGTH = 1000


def check_custom_action(action: object) -> str:
    """An action that :meth:`Store.log_action` may record: a lower-case word, not one the library records itself."""
    action = check_action(action)
    if action in RESERVED:
        raise MCDAError(f"the audit action {action!r} is recorded by the library itself when it happens; "
                        f"choose another name (reserved: {', '.join(sorted(RESERVED))})")
    return action


def check_detail(detail: object) -> str:
    """A detail as recorded: text, at most :data:`MAX_DETAIL_LENGTH` characters, control characters refused."""
    if detail is None:
        return ""
    if not isinstance(detail, str):
        raise MCDAError(f"an audit detail must be text, found {type(detail).__name__}")
    if len(detail) > MAX_DETAIL_LENGTH:
        raise MCDAError(f"an audit detail has at most {MAX_DETAIL_LENGTH} characters; this one has {len(detail)}")
    bad = next((c for c in detail if ord(c) < 32 and c not in "\n\t" or 0xD800 <= ord(c) <= 0xDFFF), None)
    if bad is not None:
        raise MCDAError(f"an audit detail cannot contain control characters (found U+{ord(bad):04X})")
    return detail.strip()


def short(text: str, limit: int = 200) -> str:
    """The first line of ``text``, cut to ``limit`` characters."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


def record(tx: Tx, *, at: str, actor: str, action: str, scenario_id: int | None, name: str | None,
           version: int | None, detail: str) -> AuditEntry:
    """Add one entry in the caller's transaction; return it."""
    tx.run("INSERT INTO audit (at, actor, action, scenario_id, name, version, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
           (at, actor, action, scenario_id, name, version, detail))
    return AuditEntry(at, actor, action, name or "", version, detail)


def entries(tx: Tx, scenario_id: int) -> list[AuditEntry]:
    """Every entry of one scenario, oldest first."""
    rows = tx.rows("SELECT at, actor, action, name, version, detail FROM audit WHERE scenario_id = ? ORDER BY id",
                   (scenario_id,))
    return [AuditEntry(at, actor, action, name or "", version, detail)
            for at, actor, action, name, version, detail in rows]
