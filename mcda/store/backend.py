"""What the library needs from a database: one transaction at a time, and where it is.

:class:`~mcda.store.library.Store` writes its SQL once, with ``?`` placeholders,
against :class:`Tx`; a backend (:mod:`~mcda.store.sqlite` for a file,
:mod:`~mcda.store.postgres` for a server) runs each action as one transaction,
turns its driver's errors into :class:`~mcda.errors.MCDAError` and never shows a
password (:func:`redact_url`).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol, TypeVar
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

__all__ = ["Tx", "Backend", "redact_url", "utc_iso"]

T = TypeVar("T")
_SECRET_KEYS = {"password", "passfile", "sslpassword", "sslkey"}


def utc_iso(moment: datetime | None = None) -> str:
    """A UTC time as the library records it: ISO 8601 with milliseconds and ``Z``.

    >>> utc_iso(datetime(2026, 11, 27, 9, 30, tzinfo=timezone.utc))
    '2026-11-27T09:30:00.000Z'
    """
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def redact_url(url: str) -> str:
    """The URL with any password replaced by ``***`` (in the user part and in the query).

    >>> redact_url("postgresql://tender:s3cr%40t@db.example.com:5432/library?sslmode=require&password=x")
    'postgresql://tender:***@db.example.com:5432/library?sslmode=require&password=***'
    >>> redact_url("postgresql:///library?host=/run/postgresql")
    'postgresql:///library?host=/run/postgresql'
    """
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            user, host = netloc.rsplit("@", 1)
            if ":" in user:
                user = user.split(":", 1)[0] + ":***"
            netloc = f"{user}@{host}"
        query = [(k, "***" if k.lower() in _SECRET_KEYS else v)
                 for k, v in parse_qsl(parts.query, keep_blank_values=True)]
        query_text = urlencode(query, safe="/*:", quote_via=quote)
        return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query_text}" if query_text else "")
    except ValueError:
        return url.split("://", 1)[0] + "://***"  # unparseable: show nothing of it but the scheme


def scrub(text: str, url: str) -> str:
    """``text`` (e.g. a driver's message) with the URL redacted and its password, if any, replaced by ``***``."""
    text = text.replace(url, redact_url(url))
    try:
        secrets = [urlsplit(url).password or ""]
        secrets += [v for k, v in parse_qsl(urlsplit(url).query) if k.lower() in _SECRET_KEYS]
    except ValueError:
        secrets = []
    for secret in sorted({x for s in secrets for x in (s, unquote(s)) if x}, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


class Tx:
    """The statements of one transaction, for SQL written once with ``?`` placeholders.

    ``lock`` is the row-lock clause to append to a SELECT of a row about to change
    (`` FOR UPDATE`` on PostgreSQL; empty on SQLite, whose writers hold the whole file);
    ``blob`` reads a text column as UTF-8 bytes, for checksums.
    """

    def __init__(self, conn, *, placeholder: str, lock: str, blob: str, now: Callable[[], str]):
        self._conn, self._placeholder, self.lock, self._blob, self.now = conn, placeholder, lock, blob, now

    def _sql(self, sql: str) -> str:
        return sql if self._placeholder == "?" else sql.replace("?", self._placeholder)

    def blob(self, column: str) -> str:
        return self._blob.format(column)

    def _execute(self, sql: str, params: tuple):
        # without parameters the text goes as it is (PostgreSQL DDL may hold a literal %)
        return self._conn.execute(self._sql(sql), params) if params else self._conn.execute(sql)

    def run(self, sql: str, params: tuple = ()) -> None:
        self._execute(sql, params)

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        return list(self._execute(sql, params).fetchall())

    def one(self, sql: str, params: tuple = ()) -> tuple | None:
        return self._execute(sql, params).fetchone()


class Backend(Protocol):
    """A database holding one scenario library."""

    kind: str  # "sqlite" or "postgresql"
    location: str  # for messages: the file path, or the URL without its password
    path: Path | None  # the library file (None for a server)

    @property
    def read_only(self) -> bool:
        """True when only reading is possible (writes raise :class:`~mcda.store.records.ReadOnlyError`)."""

    def run(self, doing: str, fn: Callable[[Tx], T], *, write: bool = False) -> T:
        """``fn(tx)`` in one transaction (committed if it returns, undone if it raises); ``doing`` names it."""

    def close(self) -> None:
        """Release the connection; later calls raise :class:`~mcda.errors.MCDAError`."""
