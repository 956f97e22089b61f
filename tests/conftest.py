"""Shared fixtures: seeded random generators, the repository's data folders, and the library backends."""
from __future__ import annotations

import importlib.util
import os
import sqlite3
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261127)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


# --------------------------------------------------------------------------- scenario library backends
# The store tests run on SQLite and on PostgreSQL: `library` is parametrised over both. The server is
# env MCDA_TEST_PG_URL (a superuser-like URL that may CREATE DATABASE), else a throwaway cluster that
# tests/store/pg_cluster.py starts when initdb is installed. Without either, PostgreSQL tests skip
# with the reason, except under CI=true, where they fail.
def _pg_cluster_module():
    spec = importlib.util.spec_from_file_location("mcda_tests_pg_cluster", ROOT / "tests" / "store" / "pg_cluster.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def _no_server(reason: str):
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"the PostgreSQL store tests must run under CI=true, but: {reason}", pytrace=False)
    hint = "" if os.environ.get("MCDA_TEST_PG_URL") else " (set MCDA_TEST_PG_URL, or install PostgreSQL's initdb)"
    pytest.skip(f"PostgreSQL store tests skipped: {reason}{hint}")


def with_database(url: str, database: str) -> str:
    """``url`` pointing at another database of the same server."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + database, parts.query, parts.fragment))


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server whose user may create databases (see above); the cluster is stopped at the end."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _no_server("psycopg is not installed")
    url = os.environ.get("MCDA_TEST_PG_URL", "").strip()
    if url:
        import psycopg

        from mcda.store.backend import redact_url, scrub

        try:
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            _no_server(f"MCDA_TEST_PG_URL={redact_url(url)} cannot be reached ({scrub(str(exc).strip(), url)})")
        yield url
        return
    helper = _pg_cluster_module()
    try:
        cluster = helper.start()
    except helper.ClusterUnavailable as exc:
        _no_server(str(exc))
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty UTF8 database for one test (dropped afterwards): the URL of its library."""
    import psycopg

    name = f"mcda_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    yield with_database(pg_server, name)
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class Library:
    """Where one test's library lives, and raw access to its tables from outside vendor-eval."""

    def __init__(self, kind: str, location: str):
        self.kind, self.location = kind, location

    def __repr__(self) -> str:
        return f"Library({self.kind})"

    @property
    def integrity_error(self) -> type[Exception]:
        """What the driver raises when the database refuses a change (e.g. an append-only trigger)."""
        if self.kind == "sqlite":
            return sqlite3.IntegrityError
        import psycopg

        return psycopg.IntegrityError

    def sql(self, statement: str, params: tuple = ()) -> list[tuple]:
        """Run one statement (``?`` placeholders) in its own transaction; its rows, if any."""
        if self.kind == "sqlite":
            with sqlite3.connect(self.location) as conn:
                cursor = conn.execute(statement, params)
                return cursor.fetchall() if cursor.description else []
        import psycopg

        with psycopg.connect(self.location) as conn:
            cursor = conn.execute(statement.replace("?", "%s"), params or None)
            return cursor.fetchall() if cursor.description else []

    def exists(self) -> bool:
        """Whether the library's tables were created."""
        if self.kind == "sqlite":
            return Path(self.location).exists()
        return self.sql("SELECT to_regclass('scenarios') IS NOT NULL")[0][0]

    def rows(self) -> list[tuple]:
        """Every row of every table, for "nothing changed" checks."""
        if not self.exists():
            return []
        return (self.sql("SELECT * FROM scenarios ORDER BY id")
                + self.sql("SELECT * FROM versions ORDER BY scenario_id, version")
                + self.sql("SELECT * FROM audit ORDER BY id"))

    def allow_tampering(self) -> None:
        """Switch off the append-only guard of ``versions``, as someone changing the database from outside could."""
        if self.kind == "sqlite":
            self.sql("DROP TRIGGER versions_no_update")
        else:
            self.sql("ALTER TABLE versions DISABLE TRIGGER versions_append_only")


@pytest.fixture
def pg_library(pg_url) -> Library:
    """A fresh PostgreSQL library (for the tests of that backend alone)."""
    return Library("postgresql", pg_url)


@pytest.fixture(params=["sqlite", "postgresql"])
def library(request, tmp_path) -> Library:
    """A fresh library on each backend: an SQLite file in tmp_path, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return Library("sqlite", str(tmp_path / "library.sqlite3"))
    return Library("postgresql", request.getfixturevalue("pg_url"))


def small_scenario_data(leaves: int = 10, vendors: int = 3, members: tuple[str, ...] = ("alice", "bob")) -> dict:
    """A small valid scenario (one node of ``leaves`` criteria, ``vendors`` vendors, every score 3) as JSON data."""
    ids = [f"c{i}" for i in range(leaves)]
    vendor_ids = [f"v{i}" for i in range(1, vendors + 1)]
    return {
        "schema_version": 1, "kind": "scenario", "metadata": {"title": "small tender"},
        "scales": {"likert5": {"kind": "ordinal", "min": 1, "max": 5}},
        "criteria": {"id": "goal", "name": {"en": "Goal"}, "children": [
            {"id": c, "name": {"en": c.upper()}, "direction": "benefit", "scale": "likert5"} for c in ids]},
        "members": [{"id": m, "name": m.title()} for m in members],
        "judgments": {m: {"nodes": {"goal": [{"a": a, "b": b, "value": 2} for a, b in zip(ids, ids[1:], strict=False)]}}
                      for m in members},
        "vendors": [{"id": v, "name": {"en": v.upper()}} for v in vendor_ids],
        "scores": {m: {v: {c: 3 for c in ids} for v in vendor_ids} for m in members},
    }


@pytest.fixture
def small_scenario():
    """A small valid scenario (see :func:`small_scenario_data`), for tests that save many versions quickly."""
    from mcda.scenario.io import parse_scenario

    return parse_scenario(small_scenario_data(), "small_scenario")
