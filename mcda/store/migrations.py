"""The library's tables, as numbered steps per backend (the schema migrations).

A library records its format in the table ``mcda_meta`` (key ``schema_version``;
an SQLite file also in ``PRAGMA user_version``, which releases before format 2
read). Opening a library applies, in one transaction, every step above its
format; a format above :data:`STORE_FORMAT` was written by a newer release and is
refused. Steps are only ever added, never edited.

Format 1 (SQLite only): ``scenarios`` and ``versions`` with append-only triggers.
Format 2: versions record their actor, base and merge; the append-only ``audit``
table (filled from the existing versions and deletions when upgrading); ``mcda_meta``.
Format 3: the tender committee's state (:mod:`mcda.committee`): ``committees`` (phase,
sign-off), ``committee_tokens`` (sha256 of each personal link's token, never the token),
``committee_parts`` (submissions and locks) and the append-only ``committee_notes``
(comments, review changes, overrides, reopenings).
Format 4: ``app_drafts``, the app's unsaved work kept per browser (:mod:`mcda.store.drafts`).

>>> [n for n, _ in STEPS["sqlite"]], [n for n, _ in STEPS["postgresql"]]
([1, 2, 3, 4], [2, 3, 4])
"""
from __future__ import annotations

from mcda.errors import MCDAError
from mcda.store.backend import Tx
from mcda.store.drafts import POSTGRES_4, SQLITE_4

__all__ = ["STORE_FORMAT", "APPLICATION_ID", "APPLICATION", "STEPS", "upgrade", "check_format"]

STORE_FORMAT = 4
APPLICATION_ID = 0x76456C62  # SQLite PRAGMA application_id ("vElb"); also the PostgreSQL advisory lock key
APPLICATION = "vendor-eval scenario library"

_REFUSE = "SELECT RAISE(ABORT, '{}')"
_VERSIONS_ONLY = "scenario versions are append-only"
_AUDIT_ONLY = "the audit log is append-only"
_NEVER_REMOVED = "scenarios are deleted softly, never removed"


def _meta(version: int) -> tuple[str, ...]:
    return (f"INSERT INTO mcda_meta (key, value) VALUES ('application', '{APPLICATION}') ON CONFLICT (key) DO NOTHING",
            f"INSERT INTO mcda_meta (key, value) VALUES ('schema_version', '{version}') "
            f"ON CONFLICT (key) DO UPDATE SET value = '{version}'")


_AUDIT_BACKFILL = (  # the history a format-1 library already holds, so that its log starts complete
    "INSERT INTO audit (at, actor, action, scenario_id, name, version, detail) "
    "SELECT v.saved_at, '', CASE WHEN v.restored_from IS NULL THEN 'save' ELSE 'restore' END, s.id, s.name, v.version, "
    "'recorded before the library kept an audit log' FROM versions v JOIN scenarios s ON s.id = v.scenario_id "
    "ORDER BY v.saved_at, v.scenario_id, v.version",
    "INSERT INTO audit (at, actor, action, scenario_id, name, version, detail) "
    "SELECT s.deleted_at, '', 'delete', s.id, s.name, NULL, 'recorded before the library kept an audit log' "
    "FROM scenarios s WHERE s.deleted_at IS NOT NULL ORDER BY s.deleted_at",
)

_SQLITE_1 = (
    """CREATE TABLE scenarios (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        deleted_at TEXT
    )""",
    """CREATE TABLE versions (
        scenario_id   INTEGER NOT NULL REFERENCES scenarios(id),
        version       INTEGER NOT NULL CHECK (version >= 1),
        saved_at      TEXT NOT NULL,
        message       TEXT NOT NULL,
        title         TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        size          INTEGER NOT NULL,
        restored_from INTEGER,
        content       TEXT NOT NULL,
        PRIMARY KEY (scenario_id, version)
    )""",
    f"CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions BEGIN {_REFUSE.format(_VERSIONS_ONLY)}; END",
    f"CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions BEGIN {_REFUSE.format(_VERSIONS_ONLY)}; END",
    f"CREATE TRIGGER scenarios_no_delete BEFORE DELETE ON scenarios BEGIN {_REFUSE.format(_NEVER_REMOVED)}; END",
    f"PRAGMA application_id = {APPLICATION_ID}",
    "PRAGMA user_version = 1",
)

_SQLITE_2 = (
    "CREATE TABLE mcda_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "ALTER TABLE versions ADD COLUMN actor TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE versions ADD COLUMN base INTEGER",
    "ALTER TABLE versions ADD COLUMN merged_with INTEGER",
    """CREATE TABLE audit (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        scenario_id INTEGER REFERENCES scenarios(id),
        name        TEXT,
        version     INTEGER,
        detail      TEXT NOT NULL
    )""",
    "CREATE INDEX audit_by_scenario ON audit (scenario_id, id)",
    f"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN {_REFUSE.format(_AUDIT_ONLY)}; END",
    f"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN {_REFUSE.format(_AUDIT_ONLY)}; END",
    *_AUDIT_BACKFILL,
    *_meta(2),
    "PRAGMA user_version = 2",
)

_PG_REFUSE = """CREATE FUNCTION mcda_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END
$$"""


def _pg_guard(table: str, events: str, reason: str) -> tuple[str, ...]:
    return (f"CREATE TRIGGER {table}_append_only BEFORE {events} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION mcda_refuse_change('{reason}')",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION mcda_refuse_change('{reason}')")


_POSTGRES_2 = (
    "CREATE TABLE mcda_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE scenarios (
        id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        deleted_at TEXT
    )""",
    """CREATE TABLE versions (
        scenario_id   BIGINT NOT NULL REFERENCES scenarios(id),
        version       INTEGER NOT NULL CHECK (version >= 1),
        saved_at      TEXT NOT NULL,
        message       TEXT NOT NULL,
        title         TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        size          INTEGER NOT NULL,
        restored_from INTEGER,
        content       TEXT NOT NULL,
        actor         TEXT NOT NULL DEFAULT '',
        base          INTEGER,
        merged_with   INTEGER,
        PRIMARY KEY (scenario_id, version)
    )""",
    """CREATE TABLE audit (
        id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        scenario_id BIGINT REFERENCES scenarios(id),
        name        TEXT,
        version     INTEGER,
        detail      TEXT NOT NULL
    )""",
    "CREATE INDEX audit_by_scenario ON audit (scenario_id, id)",
    _PG_REFUSE,
    *_pg_guard("versions", "UPDATE OR DELETE", _VERSIONS_ONLY),
    *_pg_guard("audit", "UPDATE OR DELETE", _AUDIT_ONLY),
    *_pg_guard("scenarios", "DELETE", _NEVER_REMOVED),
    *_meta(2),
)

# ----------------------------------------------------------------------- format 3: the tender committee
_NOTES_ONLY = "committee notes are append-only"


def _committee(ids: str, ref: str) -> tuple[str, ...]:
    """The committee tables; ``ids`` is the auto-increment key's type, ``ref`` the scenario id's type."""
    return (
        f"""CREATE TABLE committees (
            scenario_id    {ref} PRIMARY KEY REFERENCES scenarios(id),
            phase          TEXT NOT NULL CHECK (phase IN ('setup', 'individual', 'review', 'decision')),
            changed_at     TEXT NOT NULL,
            changed_by     TEXT NOT NULL,
            decision_note  TEXT,
            signed_version INTEGER
        )""",
        f"""CREATE TABLE committee_tokens (
            id           {ids},
            scenario_id  {ref} NOT NULL REFERENCES scenarios(id),
            token_sha256 TEXT NOT NULL UNIQUE,
            role         TEXT NOT NULL CHECK (role IN ('moderator', 'member', 'observer')),
            person       TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            created_by   TEXT NOT NULL,
            expires_at   TEXT,
            revoked_at   TEXT
        )""",
        "CREATE INDEX committee_tokens_by_person ON committee_tokens (scenario_id, role, person)",
        f"""CREATE TABLE committee_parts (
            scenario_id       {ref} NOT NULL REFERENCES scenarios(id),
            member            TEXT NOT NULL,
            submitted_phase   TEXT,
            submitted_at      TEXT,
            submitted_version INTEGER,
            last_activity     TEXT,
            PRIMARY KEY (scenario_id, member)
        )""",
        f"""CREATE TABLE committee_notes (
            id          {ids},
            scenario_id {ref} NOT NULL REFERENCES scenarios(id),
            at          TEXT NOT NULL,
            actor       TEXT NOT NULL,
            kind        TEXT NOT NULL,
            target      TEXT NOT NULL,
            old_value   TEXT,
            new_value   TEXT,
            text        TEXT NOT NULL,
            version     INTEGER
        )""",
        "CREATE INDEX committee_notes_by_scenario ON committee_notes (scenario_id, id)",
    )


_SQLITE_3 = (
    *_committee("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER"),
    *(f"CREATE TRIGGER committee_notes_no_{event.lower()} BEFORE {event} ON committee_notes "
      f"BEGIN {_REFUSE.format(_NOTES_ONLY)}; END" for event in ("UPDATE", "DELETE")),
    *_meta(3),
    "PRAGMA user_version = 3",
)

_POSTGRES_3 = (
    *_committee("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT"),
    *_pg_guard("committee_notes", "UPDATE OR DELETE", _NOTES_ONLY),
    *_meta(3),
)

STEPS: dict[str, list[tuple[int, tuple[str, ...]]]] = {
    "sqlite": [(1, _SQLITE_1), (2, _SQLITE_2), (3, _SQLITE_3), (4, SQLITE_4)],
    "postgresql": [(2, _POSTGRES_2), (3, _POSTGRES_3), (4, POSTGRES_4)],
}


def check_format(found: int, where: str) -> int:
    """``found`` if this release can read it, else :class:`MCDAError` (a newer release wrote the library)."""
    if found > STORE_FORMAT:
        raise MCDAError(f"{where} is a scenario library in format {found}, written by a newer vendor-eval; "
                        f"this release reads format {STORE_FORMAT} (nothing was changed)")
    return found


def upgrade(tx: Tx, kind: str, found: int) -> int:
    """Apply every step of ``kind`` above format ``found`` in the caller's transaction; return the new format."""
    for number, statements in STEPS[kind]:
        if number > found:
            for statement in statements:
                tx.run(statement)
            found = number
    return found
