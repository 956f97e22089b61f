"""The SQLite backend's own cases: read-only libraries, and upgrading a library written by an earlier release."""
from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from mcda.errors import MCDAError
from mcda.scenario.io import dumps
from mcda.store import STORE_FORMAT, ReadOnlyError, Store
from mcda.store.migrations import STEPS

ROOT = Path(__file__).resolve().parents[2]


def noted(scenario, note: str):
    return scenario.model_copy(update={"metadata": scenario.metadata.model_copy(update={"notes": note})})


@pytest.fixture
def saved(tmp_path, small_scenario) -> Path:
    """A library with two versions of 't' and a deleted 'gone', in a folder of its own."""
    path = tmp_path / "shared" / "library.sqlite3"
    with Store(path, actor="chair") as store:
        store.save(small_scenario, "t", "first")
        store.save(noted(small_scenario, "second"), "t", "second")
        store.save(small_scenario, "gone")
        store.delete("gone")
    return path


@pytest.fixture(params=["file", "folder"])
def read_only(request, saved):
    """The library with its file, or its folder, made read-only (restored afterwards)."""
    target = saved if request.param == "file" else saved.parent
    mode = target.stat().st_mode
    target.chmod(0o444 if request.param == "file" else 0o555)
    yield saved
    target.chmod(mode)


def test_a_read_only_library_can_be_read_and_refuses_every_change(read_only, small_scenario):
    raw = read_only.read_bytes()
    with Store(read_only, actor="auditor") as store:
        assert store.read_only
        assert [s.name for s in store.list(include_deleted=True)] == ["gone", "t"]
        assert [v.message for v in store.history("t")] == ["first", "second"]
        assert store.open("t", 1) == small_scenario and store.open("t") == noted(small_scenario, "second")
        assert [e.action for e in store.log("gone")] == ["save", "delete"]
        changes = {"save 't'": lambda: store.save(noted(small_scenario, "third"), "t"),
                   "save 't'": lambda: store.restore("t", 1),  # noqa: F601 - a restore saves
                   "rename 't'": lambda: store.rename("t", "u"), "delete 't'": lambda: store.delete("t"),
                   "undelete 'gone'": lambda: store.undelete("gone"),
                   "record 'export' for 't'": lambda: store.log_action("export", "t", 1)}
        for doing, change in changes.items():
            with pytest.raises(ReadOnlyError, match=rf"^the scenario library {read_only} is read-only \((the file|"
                                                    rf"its folder .*) is read-only\); cannot {doing}, "
                                                    "nothing was changed$"):
                change()
    assert read_only.read_bytes() == raw


def test_a_read_only_library_in_an_older_format_says_how_to_upgrade_it(tmp_path):
    path = tmp_path / "old.sqlite3"
    format_1(path)
    path.chmod(0o444)
    with pytest.raises(ReadOnlyError, match=rf"in format 1, and the file is read-only, so it cannot be upgraded to "
                                            rf"format {STORE_FORMAT}; open it once where it can be written "
                                            r"\(or copy it\)"):
        Store(path).list()


NON_ROOT_READER = """
import sys
from mcda.errors import MCDAError
from mcda.store import Store
store = Store(sys.argv[1], actor="reader")
print(store.read_only, [s.name for s in store.list()], len(store.history("t")), store.open("t").metadata.notes)
try:
    store.delete("t")
except MCDAError as exc:
    print(type(exc).__name__)
"""


def test_a_user_without_write_permission_reads_a_library_in_a_read_only_folder(small_scenario):
    """As that user, SQLite cannot even create its shared-memory index: the immutable fallback reads the file."""
    if os.geteuid() != 0:
        pytest.skip("needs root, to run the reader as another user")
    try:
        user = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no 'nobody' user to read as")
    env = {"PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path[1:]]), "HOME": "/"}

    def usable(python: str) -> bool:
        try:
            return subprocess.run([python, "-c", "import mcda.store"], user=user.pw_uid, capture_output=True, env=env,
                                  cwd="/", check=False).returncode == 0
        except OSError:  # e.g. an interpreter under /root
            return False

    python = next(filter(usable, (sys.executable, f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")),
                  None)
    if python is None:
        pytest.skip("no Python interpreter with this project's packages that the user 'nobody' may run")
    folder = Path(tempfile.mkdtemp(prefix="mcda-read-only-"))  # under /tmp, which every user may enter
    try:
        saved = folder / "library.sqlite3"
        with Store(saved, actor="chair") as store:
            store.save(small_scenario, "t", "first")
            store.save(noted(small_scenario, "second"), "t", "second")
        folder.chmod(0o555)
        proc = subprocess.run([python, "-c", NON_ROOT_READER, str(saved)], user=user.pw_uid, group=user.pw_gid,
                              extra_groups=[], capture_output=True, text=True, cwd="/", check=False, env=env)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines() == ["True ['t'] 2 second", "ReadOnlyError"]
        assert sorted(p.name for p in folder.iterdir()) == ["library.sqlite3"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


# --------------------------------------------------------------------------- upgrading format 1
def format_1(path: Path, scenario=None) -> None:
    """A library exactly as the release before the audit log wrote it (format 1)."""
    with sqlite3.connect(path) as conn:
        for statement in STEPS["sqlite"][0][1]:
            conn.execute(statement)
        if scenario is None:
            return
        conn.execute("INSERT INTO scenarios (id, name, created_at, deleted_at) VALUES "
                     "(1, 'old', '2026-01-01T00:00:00.000Z', NULL), (2, 'hidden', '2026-01-02T00:00:00.000Z', "
                     "'2026-01-03T00:00:00.000Z')")
        for sid, version, restored in ((1, 1, None), (1, 2, 1), (2, 1, None)):
            text = dumps(scenario)
            conn.execute("INSERT INTO versions VALUES (?, ?, ?, 'm', 't', ?, ?, ?, ?)",
                         (sid, version, f"2026-01-0{version}T00:00:00.000Z", hashlib.sha256(text.encode()).hexdigest(),
                          len(text.encode()), restored, text))


def test_a_format_1_library_is_upgraded_once_keeping_every_version_and_logging_its_past(tmp_path, small_scenario):
    path = tmp_path / "old.sqlite3"
    format_1(path, small_scenario)
    with Store(path, actor="chair") as store:
        assert [(v.version, v.actor, v.restored_from) for v in store.history("old")] == [(1, "", None), (2, "", 1)]
        assert store.open("old", 2) == small_scenario
        assert [(e.action, e.version, e.actor, e.at) for e in store.log("old")] == [
            ("save", 1, "", "2026-01-01T00:00:00.000Z"), ("restore", 2, "", "2026-01-02T00:00:00.000Z")]
        assert [e.action for e in store.log("hidden")] == ["save", "delete"]
        assert store.log("old")[0].detail == "recorded before the library kept an audit log"
        v = store.save(noted(small_scenario, "new"), "old", "after the upgrade", base=2)
        assert (v.version, v.actor) == (3, "chair") and store.log("old")[-1].actor == "chair"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == STORE_FORMAT
        assert dict(conn.execute("SELECT key, value FROM mcda_meta")) == {
            "application": "vendor-eval scenario library", "schema_version": str(STORE_FORMAT)}
        assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == 5  # upgraded once: 4 recorded + the save


def test_a_newer_format_in_the_meta_table_is_refused_too(tmp_path, small_scenario):
    path = tmp_path / "library.sqlite3"
    Store(path).save(small_scenario, "t")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE mcda_meta SET value = '9' WHERE key = 'schema_version'")
    raw = path.read_bytes()
    with pytest.raises(MCDAError, match=f"format 9, written by a newer vendor-eval; this release reads format "
                                        f"{STORE_FORMAT}"):
        Store(path).list()
    assert path.read_bytes() == raw
