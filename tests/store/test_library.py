"""The scenario library (mcda.store) on both backends: a real SQLite file in tmp_path and a real PostgreSQL
database (the `library` fixture, tests/conftest.py), real processes, no mocks."""
from __future__ import annotations

import hashlib
import signal
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mcda
from mcda.errors import MCDAError, ScenarioError
from mcda.scenario.io import dumps, load_scenario
from mcda.scenario.schema import Scenario
from mcda.store import (
    MAX_NAME_LENGTH,
    STORE_FORMAT,
    Store,
    StoreBusyError,
    UnchangedError,
    check_name,
    default_store_path,
)

ROOT = Path(__file__).resolve().parents[2]
# format 3 (mcda.committee) and format 4 (mcda.store.drafts)
COMMITTEE_TABLES = {"committees", "committee_tokens", "committee_parts", "committee_notes", "app_drafts"}
LIBRARY_FILES = {"library.sqlite3", "library.sqlite3-wal", "library.sqlite3-shm"}


@pytest.fixture(scope="module")
def example() -> Scenario:
    return load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)


def variant(base: Scenario, note: str) -> Scenario:
    """The example with different notes: a slightly different, still valid scenario."""
    return base.model_copy(update={"metadata": base.metadata.model_copy(update={"notes": note})})


@pytest.fixture
def path(tmp_path) -> Path:
    """An SQLite library file, for the tests about the file itself."""
    return tmp_path / "library.sqlite3"


@pytest.fixture
def store(library):
    with Store(library.location) as s:
        yield s


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def start(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


# --------------------------------------------------------------------------- round trip
def test_save_then_open_gives_back_the_scenario_and_its_canonical_text(store, example):
    drafts = [variant(example, f"draft {i}") for i in range(3)]
    infos = [store.save(d, "tender", f"draft {i}") for i, d in enumerate(drafts)]
    assert [v.version for v in infos] == [1, 2, 3]
    history = store.history("tender")
    assert history == infos  # oldest first, exactly what save returned
    for d, v in zip(drafts, history, strict=True):
        assert store.open("tender", v.version) == d
        assert store.open_text("tender", v.version) == dumps(d)
        assert v.sha256 == sha(dumps(d)) and v.size == len(dumps(d).encode("utf-8"))
        assert v.title == example.metadata.title and v.restored_from is None
        assert datetime.fromisoformat(v.saved_at).utcoffset().total_seconds() == 0
    assert store.open("tender") == drafts[-1]
    assert [h.saved_at for h in history] == sorted(h.saved_at for h in history)
    [info] = store.list()
    assert (info.name, info.versions, info.latest, info.updated_at, info.deleted) == (
        "tender", 3, 3, history[-1].saved_at, False)


def test_the_library_is_created_on_first_use_in_wal_mode(tmp_path, example):
    path = tmp_path / "new" / "folder" / "library.sqlite3"
    store = Store(path)
    assert not path.parent.exists()  # nothing touches the disk before the first operation
    assert store.list() == []
    store.save(example, "a")
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == STORE_FORMAT
    with pytest.raises(MCDAError, match="is closed"):
        store.list()


def test_versions_are_append_only_in_the_database_itself(store, library, example):
    store.save(example, "a")
    refused = ["UPDATE versions SET message = 'rewritten'", "DELETE FROM versions", "DELETE FROM scenarios",
               "UPDATE audit SET actor = 'someone else'", "DELETE FROM audit"]
    if library.kind == "postgresql":
        refused += ["TRUNCATE versions CASCADE", "TRUNCATE audit", "TRUNCATE scenarios CASCADE"]
    before = library.rows()
    for sql in refused:
        with pytest.raises(library.integrity_error, match="append-only|never removed"):
            library.sql(sql)
    assert library.rows() == before
    assert store.open("a") == example


# --------------------------------------------------------------------------- unchanged content
def test_saving_the_latest_content_again_is_refused_unless_allowed(store, library, example):
    store.save(example, "a", "first")
    before = library.rows()
    with pytest.raises(UnchangedError, match=r"'a' is unchanged: the scenario equals its latest version 1"):
        store.save(example.model_copy(deep=True), "a", "again")
    assert library.rows() == before
    assert store.save(example, "a", "checkpoint", allow_unchanged=True).version == 2
    store.save(variant(example, "edit"), "a")
    assert store.save(example, "a").version == 4  # equal to an older version, not the latest: a new version


# --------------------------------------------------------------------------- concurrency and crashes
WRITER = """
import sys
import mcda
from mcda.store import Store
path, writer = sys.argv[1], sys.argv[2]
base = mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)
drafts = [base.model_copy(update={"metadata": base.metadata.model_copy(update={"notes": f"{writer}-{i}"})})
          for i in range(10)]
print("ready", flush=True)
sys.stdin.readline()
with Store(path) as store:  # both writers create the library at the same moment too
    for i, draft in enumerate(drafts):
        store.save(draft, "shared", f"{writer}-{i}")
print("done", flush=True)
"""


def test_two_processes_saving_at_once_lose_nothing(library, example):
    writers = [start(WRITER, library.location, w) for w in ("A", "B")]
    try:
        assert [w.stdout.readline().strip() for w in writers] == ["ready", "ready"]
        for w in writers:  # release both together
            w.stdin.write("go\n")
            w.stdin.flush()
        results = [w.communicate(timeout=120) for w in writers]
    finally:
        for w in writers:
            w.kill()
    assert [w.returncode for w in writers] == [0, 0], [err for _, err in results]
    with Store(library.location) as store:
        history = store.history("shared")
        assert [v.version for v in history] == list(range(1, 21))
        assert sorted(v.message for v in history) == sorted(f"{w}-{i}" for w in "AB" for i in range(10))
        for w in "AB":  # each writer's versions keep its own order
            mine = [int(v.message.split("-")[1]) for v in history if v.message.startswith(w)]
            assert mine == list(range(10))
        for v in history:
            expected = dumps(variant(example, v.message))
            assert v.sha256 == sha(expected)
            assert store.open_text("shared", v.version) == expected


BIG_WRITER = """
import sys
import mcda
from mcda.store import Store
path, tag = sys.argv[1], sys.argv[2]
base = mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)
store = Store(path)
i = 0
while True:
    note = f"{tag}-{i} " + "x" * 3_000_000  # a 3.3 MB scenario: a long write to be killed in
    big = base.model_copy(update={"metadata": base.metadata.model_copy(update={"notes": note})})
    store.save(big, "big", f"{tag}-{i}")
    print(i, flush=True)
    i += 1
"""


def test_a_process_killed_during_saves_loses_nothing_saved_before(library, example, rng):
    kept: dict[int, str] = {}
    for run in range(4):
        child = start(BIG_WRITER, library.location, f"run{run}")
        try:
            assert child.stdout.readline().strip() == "0"  # at least one save of this run is done
            threading.Event().wait(rng.uniform(0.0, 0.5))  # then kill it at a random point of a later save
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
        with Store(library.location) as store:
            history = store.history("big")
            assert [v.version for v in history] == list(range(1, len(history) + 1))
            assert {v.version: v.sha256 for v in history if v.version in kept} == kept  # earlier versions intact
            for v in history:
                text = store.open_text("big", v.version)  # verifies the checksum and validates
                assert sha(text) == v.sha256 == sha(dumps(variant(example, v.message + " " + "x" * 3_000_000)))
            kept = {v.version: v.sha256 for v in history}
    if library.kind == "sqlite":
        assert library.sql("PRAGMA integrity_check") == [("ok",)]


HOLDER = {  # a writer that locks the scenario, half-writes a version and a rename, then hangs until killed
    "sqlite": """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
sid = conn.execute("SELECT id FROM scenarios WHERE name = 'held'").fetchone()[0]
conn.execute("INSERT INTO versions (scenario_id, version, saved_at, message, title, sha256, size, content) "
             "VALUES (?, 2, 'now', 'half-written', '', 'x', 1, 'x')", (sid,))
conn.execute("UPDATE scenarios SET name = 'renamed' WHERE id = ?", (sid,))
print("holding", flush=True)
time.sleep(600)
""",
    "postgresql": """
import psycopg, sys, time
conn = psycopg.connect(sys.argv[1])
sid = conn.execute("SELECT id FROM scenarios WHERE name = 'held' FOR UPDATE").fetchone()[0]
conn.execute("INSERT INTO versions (scenario_id, version, saved_at, message, title, sha256, size, content) "
             "VALUES (%s, 2, 'now', 'half-written', '', 'x', 1, 'x')", (sid,))
conn.execute("UPDATE scenarios SET name = 'renamed' WHERE id = %s", (sid,))
print("holding", flush=True)
time.sleep(600)
""",
}


def test_a_process_killed_while_holding_the_write_lock_changes_nothing(library, example):
    with Store(library.location) as store:
        store.save(example, "held", "v1")
    before = library.rows()
    holder = start(HOLDER[library.kind], library.location)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with (Store(library.location, timeout=0.2) as busy,
              pytest.raises(StoreBusyError, match="busy: .* could not save 'held', nothing was changed")):
            busy.save(variant(example, "blocked"), "held")  # a locked library: refused after the timeout
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=60)
    assert library.rows() == before
    with Store(library.location) as store:
        assert [v.message for v in store.history("held")] == ["v1"]
        assert store.save(variant(example, "after"), "held", "v2").version == 2


def test_one_store_shared_by_threads_numbers_versions_without_gaps(store, example):
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: store.save(variant(example, f"t{i}"), "threads", f"t{i}"), range(8)))
    assert [v.version for v in store.history("threads")] == list(range(1, 9))


# --------------------------------------------------------------------------- refusals that change nothing
def test_an_invalid_scenario_saves_nothing(library, example):
    broken = example.model_copy(deep=True)
    broken.judgments["cfo"].nodes["quality"][3].value = 12.0  # edited in memory, never validated
    store = Store(library.location)
    with pytest.raises(ScenarioError, match=r"judgments\[cfo\]\.nodes\[quality\]\[3\]\.value: 12 is outside"):
        store.save(broken, "a")
    assert not library.exists()
    store.save(example, "a")
    before = library.rows()
    mistyped = example.model_copy(deep=True)
    mistyped.judgments["cfo"].nodes["quality"][3].value = 12  # an int where the serializer expects a float
    for bad, match in ((broken, "outside"), (mistyped, "cannot be written as JSON"),
                       (mcda.load_model(mcda.scenario.bundled.TEMPLATE), "expected a Scenario, found Model"),
                       (variant(example, "\ud800"), "not valid Unicode"),
                       (variant(example, "x" * 17_000_000), "MB is refused")):
        with pytest.raises(MCDAError, match=match):
            store.save(bad, "a")
    with pytest.raises(MCDAError, match="control characters"):
        store.save(variant(example, "b"), "a", "bell\a")
    assert library.rows() == before
    store.close()


def test_a_corrupted_row_gives_a_clear_error_and_changes_nothing(store, library, example):
    for i in range(3):
        store.save(variant(example, f"v{i}"), "x")
    library.allow_tampering()  # damage from outside vendor-eval (the trigger guards against vendor-eval itself)
    library.sql("UPDATE versions SET content = replace(content, 'v1', 'v9') WHERE version = 2")
    before = library.rows()
    for call in (store.open, store.open_text, store.read):
        with pytest.raises(MCDAError, match=r"^version 2 of 'x' is corrupted: its checksum does not match"):
            call("x", 2)
    with pytest.raises(MCDAError, match="version 2 of 'x' is corrupted"):
        store.restore("x", 2)
    assert library.rows() == before
    assert store.open("x", 1) == variant(example, "v0") and store.open("x") == variant(example, "v2")
    # a row whose checksum matches content that no longer validates: located problems, naming the version
    text = dumps(example).replace('"kind": "scenario"', '"kind": "scenari0"')
    library.sql("UPDATE versions SET content = ?, sha256 = ?, size = ? WHERE version = 3",
                (text, sha(text), len(text.encode())))
    with pytest.raises(ScenarioError, match=r"version 3 of 'x': 1 problem found:\n  - kind: expected"):
        store.open("x")


@pytest.mark.parametrize("content", [b"this is not a database at all " * 40, b"{}",
                                     b"SQLite format 3\x00" + b"\xff" * 2000], ids=["text", "tiny", "bad-header"])
def test_a_file_that_is_not_a_library_gives_a_clear_error_and_is_left_alone(path, example, content):
    path.write_bytes(content)
    for call in (lambda s: s.list(), lambda s: s.save(example, "a")):
        with pytest.raises(MCDAError, match="not an SQLite database|damaged"):
            call(Store(path))
    assert path.read_bytes() == content


def test_another_sqlite_database_or_a_newer_library_is_refused(tmp_path, path, example):
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    raw = other.read_bytes()
    with pytest.raises(MCDAError, match="an SQLite database, but not a vendor-eval scenario library"):
        Store(other).save(example, "a")
    assert other.read_bytes() == raw
    Store(path).save(example, "a")
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {STORE_FORMAT + 1}")
    with pytest.raises(MCDAError, match=rf"format {STORE_FORMAT + 1}, written by a newer vendor-eval; "
                                         rf"this release reads format {STORE_FORMAT}"):
        Store(path).list()
    with pytest.raises(MCDAError, match="is a folder"):
        Store(tmp_path).list()


# --------------------------------------------------------------------------- names
HOSTILE = ["'; DROP TABLE versions; --", "Robert'); DELETE FROM scenarios; --", "../../etc/passwd", "..\\..\\boot.ini",
           "/tmp/x", ":memory:", "file:x?mode=memory", "?", "%s", "%(x)s", "NUL", "2027 财务外包招标",
           "a" * MAX_NAME_LENGTH, "财" * MAX_NAME_LENGTH]


def test_hostile_names_are_stored_literally_and_touch_no_file(tmp_path, library, example, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store(library.location) as store:
        for i, name in enumerate(HOSTILE):
            store.save(variant(example, str(i)), name)
        assert sorted(s.name for s in store.list()) == sorted(HOSTILE)
        for i, name in enumerate(HOSTILE):
            assert store.open(name) == variant(example, str(i))
            assert [v.name for v in store.history(name)] == [name]
    assert {p.name for p in tmp_path.rglob("*")} <= LIBRARY_FILES
    if library.kind == "sqlite":
        tables = {r[0] for r in library.sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables - COMMITTEE_TABLES == {"scenarios", "versions", "audit", "mcda_meta", "sqlite_sequence"}
    else:
        tables = {r[0] for r in library.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        assert tables - COMMITTEE_TABLES == {"scenarios", "versions", "audit", "mcda_meta"}


@pytest.mark.parametrize("name, match", [
    ("", "empty"), ("   ", "empty"), ("\t\n", "empty"), ("a" * (MAX_NAME_LENGTH + 1), "at most 100 characters"),
    ("a\x00b", "U\\+0000 at position 2"), ("a\nb", "U\\+000A"), ("\x1b[31mred", "U\\+001B"), ("a\u202eb", "U\\+202E"),
    ("zero\u200bwidth", "U\\+200B"), ("a\ud800", "U\\+D800"), (None, "must be text, found NoneType"), (5, "found int"),
])
def test_bad_names_are_refused_with_a_clear_message_and_save_nothing(library, example, name, match):
    with pytest.raises(MCDAError, match=match):
        Store(library.location).save(example, name)
    assert not library.exists()


def test_names_are_compared_after_nfc_and_trimming(store, example):
    store.save(example, " Cafe\u0301 ")
    assert [s.name for s in store.list()] == ["Caf\u00e9"]
    assert store.open("Caf\u00e9") == example


@given(st.text(max_size=120))
def test_check_name_accepts_a_clean_name_or_refuses_with_mcdaerror(text):
    try:
        name = check_name(text)
    except MCDAError:
        return
    assert 1 <= len(name) <= MAX_NAME_LENGTH and name == name.strip() and check_name(name) == name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=MAX_NAME_LENGTH))
def test_every_accepted_name_round_trips(store, example, name):
    try:
        clean = check_name(name)
    except MCDAError:
        return
    store.save(example, name, allow_unchanged=True)
    assert clean in {s.name for s in store.list()}
    assert store.open(name) == example


# --------------------------------------------------------------------------- rename, delete, restore
def test_rename_moves_every_version_and_refuses_taken_names(store, example):
    store.save(example, "draft", "one")
    store.save(variant(example, "2"), "draft", "two")
    store.save(example, "other")
    store.rename("draft", "2027 财务外包招标")
    assert [v.message for v in store.history("2027 财务外包招标")] == ["one", "two"]
    with pytest.raises(MCDAError, match="no scenario named 'draft'.*it holds '2027 财务外包招标', 'other'"):
        store.open("draft")
    with pytest.raises(MCDAError, match="'other' already exists"):
        store.rename("2027 财务外包招标", "other")
    with pytest.raises(MCDAError, match="already named"):
        store.rename("other", " other ")
    store.delete("other")
    with pytest.raises(MCDAError, match="'other' already exists \\(a deleted one"):
        store.rename("2027 财务外包招标", "other")
    with pytest.raises(MCDAError, match="deleted at .*undelete it first"):
        store.rename("other", "another")
    with pytest.raises(MCDAError, match="control"):
        store.rename("2027 财务外包招标", "a\x07")


def test_delete_hides_and_undelete_brings_back_every_version(store, library, example):
    store.save(example, "gone", "one")
    store.save(variant(example, "2"), "gone", "two")
    store.save(example, "kept")
    store.delete("gone")
    assert [s.name for s in store.list()] == ["kept"]
    [hidden] = [s for s in store.list(include_deleted=True) if s.deleted]
    assert (hidden.name, hidden.versions) == ("gone", 2) and hidden.deleted_at is not None
    before = library.rows()
    for call in (lambda: store.open("gone"), lambda: store.history("gone"), lambda: store.restore("gone", 1),
                 lambda: store.delete("gone")):
        with pytest.raises(MCDAError, match="'gone' was deleted at .*undelete it first"):
            call()
    with pytest.raises(MCDAError, match="belongs to a scenario deleted at .*undelete it to add versions, "
                                        "or choose another name"):
        store.save(variant(example, "3"), "gone")
    with pytest.raises(MCDAError, match="no scenario named 'gon' .*did you mean 'kept'|"
                                        "no scenario named 'gon'.*1 deleted one hidden"):
        store.open("gon")
    with pytest.raises(MCDAError, match="'kept' is not deleted"):
        store.undelete("kept")
    assert library.rows() == before
    store.undelete("gone")
    assert [v.message for v in store.history("gone")] == ["one", "two"]
    assert store.open("gone") == variant(example, "2")


def test_restore_appends_a_copy_of_the_old_version(store, example):
    store.save(example, "t", "first")
    store.save(variant(example, "edit"), "t", "edit")
    v = store.restore("t", 1)
    assert (v.version, v.message, v.restored_from) == (3, "restore of version 1", 1)
    assert store.open_text("t") == store.open_text("t", 1) == dumps(example)
    assert store.open("t", 2) == variant(example, "edit")  # nothing was overwritten
    with pytest.raises(UnchangedError, match="already equals version 1; nothing was restored"):
        store.restore("t", 1)
    v = store.restore("t", 2, "the committee reverted the vote")
    assert (v.version, v.message) == (4, "restore of version 2: the committee reverted the vote")
    with pytest.raises(MCDAError, match=r"'t' has versions 1..4; there is no version 7"):
        store.restore("t", 7)


def test_unknown_names_and_versions_say_what_exists(store, example):
    with pytest.raises(MCDAError, match="no scenario named 'x' .*it holds no scenario"):
        store.open("x")
    store.save(example, "tender 2027")
    store.save(example, "tender 2026")
    with pytest.raises(MCDAError, match=r"no scenario named 'tender 2028' .*\(did you mean 'tender 2027'\?\); "
                                        r"it holds 'tender 2026', 'tender 2027'"):
        store.history("tender 2028")
    with pytest.raises(MCDAError, match="'tender 2027' has only version 1; there is no version 2"):
        store.open("tender 2027", 2)
    for bad in (0, -1, True, "1", 1.0):
        with pytest.raises(MCDAError):
            store.open("tender 2027", bad)


# --------------------------------------------------------------------------- location
def test_default_path_is_the_user_data_folder_or_mcda_store(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.delenv("MCDA_STORE", raising=False)
    assert default_store_path() == Path(platformdirs.user_data_dir("vendor-eval", appauthor=False)) / "library.sqlite3"
    monkeypatch.setenv("MCDA_STORE", str(tmp_path / "env.sqlite3"))
    assert default_store_path() == tmp_path / "env.sqlite3"
    assert Store().path == tmp_path / "env.sqlite3"
    assert Store(tmp_path / "given.sqlite3").path == tmp_path / "given.sqlite3"
    assert not (tmp_path / "env.sqlite3").exists()


def test_a_device_as_the_library_is_refused():
    from mcda.store import Store

    with pytest.raises(MCDAError, match="not a regular file"):
        Store("/dev/null").list()
    assert not Path("/dev/null-journal").exists()
