"""The PostgreSQL backend's own cases: connecting, credentials, foreign databases, lost connections, roles."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from mcda.errors import MCDAError
from mcda.store import STORE_FORMAT, ReadOnlyError, Store, default_store_location
from mcda.store.backend import redact_url, scrub

ROOT = Path(__file__).resolve().parents[2]
SECRET = "hunter2-Pa55"


def with_password(url: str, password: str) -> str:
    parts = urlsplit(url)
    user = parts.username or "postgres"
    return f"{parts.scheme}://{user}:{password}@{parts.hostname}:{parts.port or 5432}{parts.path}"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def admin(pg_url):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        yield conn


# --------------------------------------------------------------------------- URLs and messages
@pytest.mark.parametrize("url, shown", [
    ("postgresql://tender:s3cr%40t@db:5432/lib", "postgresql://tender:***@db:5432/lib"),
    ("postgres://tender@db/lib?sslmode=require", "postgres://tender@db/lib?sslmode=require"),
    ("postgresql://db/lib?user=t&password=pw", "postgresql://db/lib?user=t&password=***"),
    ("postgresql:///lib?host=/var/run/postgresql", "postgresql:///lib?host=/var/run/postgresql"),
])
def test_urls_are_shown_without_their_password(url, shown):
    assert redact_url(url) == shown
    assert scrub(f"failed for {url}", url) == f"failed for {shown}"


def test_a_driver_message_loses_the_password_in_every_spelling():
    url = "postgresql://tender:s3cr%40t@db:5432/lib?password=other"
    assert scrub(f"{url}: bad s3cr@t, s3cr%40t or other", url) == (
        "postgresql://tender:***@db:5432/lib?password=***: bad ***, *** or ***")


def test_a_url_in_mcda_store_picks_the_server(monkeypatch):
    monkeypatch.setenv("MCDA_STORE", " postgresql://u:p@h/db ")
    assert default_store_location() == "postgresql://u:p@h/db"
    store = Store()
    assert (store.backend, store.path, store.location, repr(store)) == (
        "postgresql", None, "postgresql://u:***@h/db", "Store('postgresql://u:***@h/db')")


# --------------------------------------------------------------------------- cannot connect: clean errors, no password
def test_wrong_credentials_are_a_clean_error_without_the_password(pg_url):
    wrong = with_password(pg_url, SECRET)
    with pytest.raises(MCDAError) as refused:
        Store(wrong, timeout=5).list()
    message = str(refused.value)
    if "authentication" not in message and "password" not in message:  # a server that trusts everyone
        pytest.fail(f"the test server accepted a wrong password: {message}")
    assert message.startswith("the PostgreSQL server refused the user name or password for the scenario library "
                              f"{redact_url(wrong)} (")
    real = urlsplit(pg_url).password
    assert SECRET not in message and (not real or real not in message) and "Traceback" not in message


def test_an_unreachable_server_or_missing_database_is_a_clean_error(pg_url):
    down = with_password(pg_url.replace(f":{urlsplit(pg_url).port}/", f":{closed_port()}/"), SECRET)
    with pytest.raises(MCDAError, match=r"^cannot reach the scenario library "
                                        r"postgresql://\w+:\*\*\*@127\.0\.0\.1:\d+/\w+: .*is the server running"
                       ) as refused:
        Store(down, timeout=2).history("x")
    assert SECRET not in str(refused.value)
    missing = pg_url.rsplit("/", 1)[0] + "/no_such_library"
    with pytest.raises(MCDAError, match='database "no_such_library" does not exist; the library needs an existing '
                                        'database'):
        Store(missing).list()


def test_the_command_line_shows_one_line_and_no_password(pg_url):
    wrong = with_password(pg_url, SECRET)
    proc = subprocess.run([sys.executable, "-m", "mcda.cli", "store", "--store", wrong, "list"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith("mcda store: error: the PostgreSQL server refused the user name or password")
    assert SECRET not in proc.stderr and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


# --------------------------------------------------------------------------- what the database holds
def test_a_newer_schema_is_refused(pg_url, admin, small_scenario):
    with Store(pg_url) as store:
        store.save(small_scenario, "t")
    admin.execute("UPDATE mcda_meta SET value = %s WHERE key = 'schema_version'", (str(STORE_FORMAT + 1),))
    with pytest.raises(MCDAError, match=rf"is a scenario library in format {STORE_FORMAT + 1}, written by a newer "
                                        rf"vendor-eval; this release reads format {STORE_FORMAT} "
                                        r"\(nothing was changed\)"):
        Store(pg_url).list()


def test_a_database_with_other_tables_of_the_same_names_is_left_alone(pg_url, admin, small_scenario):
    admin.execute("CREATE TABLE scenarios (invoice_no integer)")
    with pytest.raises(MCDAError, match="has tables named scenarios but is not a vendor-eval scenario library"):
        Store(pg_url).save(small_scenario, "t")
    assert admin.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 1


def test_a_database_not_in_utf8_is_refused(pg_server, small_scenario):
    import psycopg

    name = f"mcda_ascii_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    try:
        url = pg_server.rsplit("/", 1)[0] + f"/{name}"
        with pytest.raises(MCDAError, match="uses the encoding SQL_ASCII; a scenario library needs UTF8"):
            Store(url).save(small_scenario, "t")
    finally:
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def test_a_role_that_may_only_read_reads_and_its_writes_are_refused(pg_url, admin, small_scenario):
    with Store(pg_url, actor="chair") as store:
        store.save(small_scenario, "t", "first")
    role = f"reader_{uuid.uuid4().hex[:8]}"
    admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{SECRET}'")
    try:
        admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        parts = urlsplit(pg_url)
        reader_url = f"postgresql://{role}:{SECRET}@{parts.hostname}:{parts.port}{parts.path}"
        with Store(reader_url, actor="auditor") as reader:
            assert [s.name for s in reader.list()] == ["t"]
            assert reader.open("t") == small_scenario and [e.action for e in reader.log("t")] == ["save"]
            with pytest.raises(ReadOnlyError, match=r"can only be read by this user \(permission denied .*\); cannot "
                                                    r"save 't', nothing was changed") as refused:
                reader.save(small_scenario.model_copy(update={"vendors": small_scenario.vendors[::-1]}), "t")
            assert SECRET not in str(refused.value)
            with pytest.raises(ReadOnlyError):
                reader.rename("t", "u")
    finally:
        admin.execute(f"DROP OWNED BY {role}")
        admin.execute(f"DROP ROLE {role}")


# --------------------------------------------------------------------------- lost connections
def terminate(admin, application_name: str = "vendor-eval") -> int:
    return admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                         "WHERE application_name = %s AND datname = current_database() AND pid <> pg_backend_pid()",
                         (application_name,)).fetchone()[0]


def test_a_connection_closed_by_the_server_between_actions_is_opened_again(pg_url, admin, small_scenario):
    with Store(pg_url) as store:
        store.save(small_scenario, "t")
        assert terminate(admin) == 1
        assert [s.name for s in store.list()] == ["t"]  # a read on a fresh connection
        assert terminate(admin) == 1
        assert store.save(small_scenario.model_copy(update={"vendors": small_scenario.vendors[::-1]}), "t").version == 2


HOLD = """
import psycopg, sys, time
conn = psycopg.connect(sys.argv[1])
conn.execute("SELECT id FROM scenarios WHERE name = 't' FOR UPDATE")
print("holding", flush=True)
time.sleep(600)
"""


def test_a_connection_lost_in_the_middle_of_a_save_keeps_nothing_of_it(pg_url, admin, pg_library, small_scenario):
    """The save waits for the row lock; its connection is cut then: a clean error, no half-written version."""
    library = pg_library
    with Store(pg_url) as store:
        store.save(small_scenario, "t")
    before = library.rows()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, pg_url], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "holding"
        errors: list[Exception] = []
        saver = Store(pg_url, timeout=30)

        def save():
            try:
                saver.save(small_scenario.model_copy(update={"vendors": small_scenario.vendors[::-1]}), "t", "cut")
            except MCDAError as exc:
                errors.append(exc)

        thread = threading.Thread(target=save)
        thread.start()
        for _ in range(200):  # until the save waits for the lock
            waiting = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'vendor-eval' "
                                    "AND wait_event_type = 'Lock'").fetchone()[0]
            if waiting:
                break
            threading.Event().wait(0.05)
        assert waiting == 1 and terminate(admin) == 1
        thread.join(timeout=60)
        assert len(errors) == 1 and str(errors[0]).startswith(
            f"lost the connection to the scenario library {redact_url(pg_url)} while trying to save 't' (")
        assert "nothing half-written is kept" in str(errors[0])
    finally:
        holder.kill()
        holder.wait(timeout=60)
    assert library.rows() == before
    assert saver.save(small_scenario.model_copy(update={"vendors": small_scenario.vendors[::-1]}), "t").version == 2
    saver.close()



def test_an_app_role_that_owns_nothing_does_everything_and_cannot_switch_off_the_guards(pg_url, admin, small_scenario):
    """The grants that README's "Running a shared library for a committee" recommends for the app."""
    import psycopg

    Store(pg_url).list()  # the owner creates the tables once
    role = f"app_{uuid.uuid4().hex[:8]}"
    admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{SECRET}'")
    try:
        for grant in ("SELECT, INSERT ON ALL TABLES IN SCHEMA public", "UPDATE (name, deleted_at) ON scenarios",
                      "USAGE ON ALL SEQUENCES IN SCHEMA public"):
            admin.execute(f"GRANT {grant} TO {role}")
        parts = urlsplit(pg_url)
        app_url = f"postgresql://{role}:{SECRET}@{parts.hostname}:{parts.port}{parts.path}"
        with Store(app_url, actor="app") as app:
            app.save(small_scenario, "t", "first")
            app.save(small_scenario.model_copy(update={"vendors": small_scenario.vendors[::-1]}), "t", base=1)
            app.save(small_scenario.model_copy(update={"members": small_scenario.members[::-1]}), "t", base=1)
            app.restore("t", 1)
            app.rename("t", "u")
            app.delete("u")
            app.undelete("u")
            app.log_action("export", "u", 3, "to the board")
            assert [e.action for e in app.log("u")] == ["save", "save", "merge", "restore", "rename", "delete",
                                                        "undelete", "export"]
        with psycopg.connect(app_url, autocommit=True) as conn:
            for sql in ("ALTER TABLE audit DISABLE TRIGGER audit_append_only",
                        "DROP TRIGGER audit_append_only ON audit", "UPDATE audit SET actor = 'x'",
                        "UPDATE versions SET message = 'x'"):
                with pytest.raises(psycopg.Error, match="must be owner|permission denied"):
                    conn.execute(sql)
    finally:
        admin.execute(f"DROP OWNED BY {role}")
        admin.execute(f"DROP ROLE {role}")
