"""The library in a PostgreSQL database: one server shared by a committee (psycopg 3).

``Store("postgresql://user:password@host:5432/database")``. One connection per
store, opened on first use; every action is one transaction (READ COMMITTED).
A change first locks the scenario's row (``SELECT ... FOR UPDATE``), so writers
to one scenario take turns and version numbers stay consecutive; the primary key
(scenario, version) refuses a duplicate in any case. A client that dies or loses
its connection mid-change leaves nothing: the server rolls the transaction back.
Times come from the server's clock, so several app instances agree on the order.

Errors never show the password: the URL is redacted in every message
(:func:`~mcda.store.backend.redact_url`). An unreachable server, refused
credentials, a missing database, a lock held longer than ``timeout`` and a lost
connection are each one :class:`~mcda.errors.MCDAError` saying what to check.
"""
from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from mcda.errors import MCDAError
from mcda.store.backend import Tx, redact_url, scrub, utc_iso
from mcda.store.migrations import APPLICATION, APPLICATION_ID, STORE_FORMAT, check_format, upgrade
from mcda.store.records import ReadOnlyError, StoreBusyError

__all__ = ["PostgresBackend"]

T = TypeVar("T")
_RETRIES = 5


class PostgresBackend:
    """The library in the PostgreSQL database named by ``url`` (see the module docstring)."""

    kind = "postgresql"
    path = None
    read_only = False  # what a role may do is the server's business: a refused write raises ReadOnlyError

    def __init__(self, url: str, timeout: float):
        self._url, self.timeout, self.location = url, float(timeout), redact_url(url)
        self._conn = None
        self._closed = False
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self._drop()
            self._closed = True

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 - a broken connection may fail to close; it is gone either way
                pass
        self._conn = None

    def _reason(self, exc: Exception) -> str:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        text = "; ".join(lines).removeprefix("connection failed: ").replace("FATAL:  ", "").replace("ERROR:  ", "")
        return scrub(text, self._url) or type(exc).__name__

    # ----------------------------------------------------------------------- connection
    def _connect(self):
        try:
            import psycopg
        except ImportError:
            raise MCDAError("a PostgreSQL library needs the psycopg package: "
                            "pip install 'psycopg[binary]>=3.1'") from None
        try:
            conn = psycopg.connect(self._url, autocommit=True, connect_timeout=max(2, math.ceil(self.timeout)),
                                   application_name="vendor-eval", client_encoding="UTF8", prepare_threshold=None)
        except psycopg.Error as exc:
            raise self._connect_error(exc) from None
        try:
            self._prepare(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect_error(self, exc: Exception) -> MCDAError:
        reason = self._reason(exc)
        low = reason.lower()
        if "password" in low or "authentication" in low or ('role "' in low and "does not exist" in low):
            return MCDAError(f"the PostgreSQL server refused the user name or password for the scenario library "
                             f"{self.location} ({reason}); check the URL given by --store or MCDA_STORE "
                             "(nothing was changed)")
        if "does not exist" in low:
            return MCDAError(f"cannot open the scenario library {self.location}: {reason}; the library needs an "
                             "existing database (e.g. createdb), where it creates its tables (nothing was changed)")
        if "invalid" in low or "missing" in low:
            return MCDAError(f"{self.location} is not a usable PostgreSQL URL ({reason}); expected "
                             "postgresql://user:password@host:5432/database")
        return MCDAError(f"cannot reach the scenario library {self.location}: {reason}; is the server running, and are "
                         "the host and port right? (nothing was changed)")

    def _tx(self, conn, write: bool = False) -> Tx:
        """The statements of the transaction just begun; a change waits for locks at most ``timeout`` seconds.

        The timeout is set for this transaction only (``SET LOCAL``), so that a connection pooler
        handing the connection to someone else afterwards leaks no setting.
        """
        def now() -> str:
            return utc_iso(conn.execute("SELECT clock_timestamp()").fetchone()[0])

        if write:
            conn.execute("SELECT set_config('lock_timeout', %s, true)", (f"{max(1, round(self.timeout * 1000))}ms",))
        return Tx(conn, placeholder="%s", lock=" FOR UPDATE", blob="convert_to({}, 'UTF8')", now=now)

    def _format(self, tx: Tx) -> int:
        """The library's format (0: none yet); refuses a database whose tables are not a library, and newer formats."""
        # pg_class itself, not to_regclass(): a backend may cache "no such table" past another's upgrade
        present = {r[0] for r in tx.rows("SELECT relname FROM pg_class WHERE pg_table_is_visible(oid) AND "
                                         "relname IN ('mcda_meta', 'scenarios', 'versions', 'audit')")}
        if "mcda_meta" not in present:
            taken = sorted(present)
            if taken:
                raise MCDAError(f"the database {self.location} has tables named {', '.join(taken)} but is not a "
                                "vendor-eval scenario library; give the library a database of its own "
                                "(nothing was changed)")
            return 0
        meta = dict(tx.rows("SELECT key, value FROM mcda_meta"))
        if meta.get("application") != APPLICATION:
            raise MCDAError(f"the database {self.location} has an mcda_meta table, but it is not a vendor-eval "
                            "scenario library (nothing was changed)")
        found = str(meta.get("schema_version", ""))
        if not found.isdigit():
            raise MCDAError(f"the scenario library {self.location} is damaged: its schema_version is {found!r} "
                            "(changed outside vendor-eval); nothing was changed")
        return check_format(int(found), self.location)

    def _prepare(self, conn) -> None:
        encoding = conn.execute("SHOW server_encoding").fetchone()[0]
        if str(encoding).upper().replace("-", "") != "UTF8":
            raise MCDAError(f"the database {self.location} uses the encoding {encoding}; a scenario library needs UTF8 "
                            "(CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0)")
        with conn.transaction():
            found = self._format(self._tx(conn))
        if found < STORE_FORMAT:
            with conn.transaction():
                tx = self._tx(conn, write=True)
                tx.run("SELECT pg_advisory_xact_lock(?)", (APPLICATION_ID,))  # one upgrader at a time
                upgrade(tx, self.kind, self._format(tx))

    # ----------------------------------------------------------------------- one action
    def run(self, doing: str, fn: Callable[[Tx], T], *, write: bool = False) -> T:
        """``fn(tx)`` in one transaction; driver errors become :class:`MCDAError` naming the redacted URL."""
        import psycopg
        from psycopg import errors

        with self._lock:
            if self._closed:
                raise MCDAError(f"the scenario library {self.location} is closed")
            for attempt in range(_RETRIES):
                began = False
                try:
                    if self._conn is None or self._conn.closed:
                        self._conn = self._connect()
                    with self._conn.transaction():
                        began = True
                        return fn(self._tx(self._conn, write))
                except (errors.SerializationFailure, errors.DeadlockDetected):
                    if attempt + 1 == _RETRIES:
                        raise StoreBusyError(f"the scenario library {self.location} is busy: could not {doing} after "
                                             f"{_RETRIES} tries, nothing was changed; try again") from None
                    time.sleep(random.uniform(0.01, 0.1))
                except (errors.LockNotAvailable, errors.QueryCanceled):
                    raise StoreBusyError(f"the scenario library {self.location} is busy: another program kept it "
                                         f"locked for over {self.timeout:g} s; could not {doing}, nothing was changed; "
                                         "try again") from None
                except (errors.InsufficientPrivilege, errors.ReadOnlySqlTransaction) as exc:
                    raise ReadOnlyError(f"the scenario library {self.location} can only be read by this user "
                                        f"({self._reason(exc)}); cannot {doing}, nothing was changed") from None
                except psycopg.OperationalError as exc:
                    self._drop()
                    if not began and attempt == 0:  # the server closed an idle connection: once more, on a new one
                        continue
                    raise MCDAError(f"lost the connection to the scenario library {self.location} while trying to "
                                    f"{doing} ({self._reason(exc)}); the server undoes any change it did not finish, "
                                    "so nothing half-written is kept: check the history, then try again") from None
                except psycopg.IntegrityError as exc:  # a guard of the schema (e.g. an append-only trigger) refused it
                    raise MCDAError(f"{self.location}: cannot {doing}: {self._reason(exc)} "
                                    "(nothing was changed)") from None
                except psycopg.Error as exc:
                    raise MCDAError(f"{self.location}: cannot {doing}: {self._reason(exc)}") from None
            raise AssertionError("unreachable")  # pragma: no cover
