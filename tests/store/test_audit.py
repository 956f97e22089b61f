"""The audit log (mcda.store.audit): every action with its actor, append-only, on both backends."""
from __future__ import annotations

import getpass
import re

import pytest

from mcda.errors import MCDAError
from mcda.store import AuditEntry, Store, UnchangedError, default_actor

UTC_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def noted(scenario, note: str):
    return scenario.model_copy(update={"metadata": scenario.metadata.model_copy(update={"notes": note})})


def test_every_action_is_logged_with_its_actor_oldest_first(library, small_scenario):
    with Store(library.location, actor="王芳") as wang, Store(library.location, actor="li.na") as li:
        wang.save(small_scenario, "t", "first draft")
        li.save(noted(small_scenario, "li"), "t", "li's notes", base=1)
        wang.save(small_scenario.model_copy(update={"vendors": small_scenario.vendors[::-1]}), "t", base=1)  # a merge
        li.restore("t", 1, "back to the draft")
        wang.rename("t", "2027 tender")
        wang.log_action("export", "2027 tender", 2, "written to tender.xlsx")
        li.log_action("vote-closed", "2027 tender", detail="5 of 5 members voted")
        li.delete("2027 tender")
        wang.undelete("2027 tender")
        with pytest.raises(UnchangedError):  # refused actions leave no entry
            wang.save(wang.open("2027 tender"), "2027 tender")
        log = wang.log("2027 tender")
    assert [(e.action, e.actor, e.version, e.name) for e in log] == [
        ("save", "王芳", 1, "t"), ("save", "li.na", 2, "t"), ("merge", "王芳", 3, "t"), ("restore", "li.na", 4, "t"),
        ("rename", "王芳", 4, "2027 tender"), ("export", "王芳", 2, "2027 tender"),
        ("vote-closed", "li.na", None, "2027 tender"), ("delete", "li.na", 4, "2027 tender"),
        ("undelete", "王芳", 4, "2027 tender")]
    assert [e.detail for e in log][:5] == [
        "first draft", "started from version 1; li's notes",
        "merged the changes made since version 1 (1 part: vendors (order)) with version 2",
        "restore of version 1: back to the draft", "renamed from 't' to '2027 tender'"]
    assert log[5].detail == "written to tender.xlsx" and log[6].detail == "5 of 5 members voted"
    assert log[8].detail.startswith("deleted at ")
    assert all(UTC_ISO.fullmatch(e.at) for e in log) and [e.at for e in log] == sorted(e.at for e in log)
    assert log[0].as_dict() == {"at": log[0].at, "actor": "王芳", "action": "save", "version": 1,
                                "detail": "first draft"}


def test_versions_record_who_saved_them(library, small_scenario):
    with Store(library.location, actor="alice") as alice, Store(library.location, actor="bob") as bob:
        alice.save(small_scenario, "t")
        bob.save(noted(small_scenario, "b"), "t")
        bob.restore("t", 1)
        assert [(v.version, v.actor) for v in alice.history("t")] == [(1, "alice"), (2, "bob"), (3, "bob")]


def test_the_log_is_append_only_in_the_database(library, small_scenario):
    with Store(library.location) as store:
        store.save(small_scenario, "t")
        store.delete("t")
        before = library.rows()
        for sql in ("UPDATE audit SET actor = 'nobody'", "UPDATE audit SET detail = '' WHERE action = 'delete'",
                    "DELETE FROM audit", "DELETE FROM audit WHERE action = 'delete'"):
            with pytest.raises(library.integrity_error, match="the audit log is append-only"):
                library.sql(sql)
        assert library.rows() == before
        assert [e.action for e in store.log("t")] == ["save", "delete"]  # a deleted scenario's log stays readable


def test_log_action_checks_what_it_records_and_records_nothing_when_refused(library, small_scenario):
    with Store(library.location) as store:
        store.save(small_scenario, "t")
        before = library.rows()
        cases = [(("save", "t"), "recorded by the library itself"), (("Export", "t"), "a lower-case word"),
                 (("a b", "t"), "a lower-case word"), (("x" * 41, "t"), "40 at most"), ((7, "t"), "found 7"),
                 (("export", "t", 2), "'t' has versions 1..1; there is no version 2"),
                 (("export", "t", 0), "a whole number from 1"), (("export", "nope"), "no scenario named 'nope'"),
                 (("note", "t", None, "x" * 1001), "at most 1000 characters"),
                 (("note", "t", None, "bell\a"), "control characters")]
        for args, match in cases:
            with pytest.raises(MCDAError, match=match):
                store.log_action(*args)
        assert library.rows() == before
        store.delete("t")
        with pytest.raises(MCDAError, match="deleted at .*undelete it first"):
            store.log_action("export", "t", 1)
        store.undelete("t")
        entry = store.log_action("export", "t", 1, "  to the board  ")
    assert isinstance(entry, AuditEntry)
    assert (entry.action, entry.version, entry.detail) == ("export", 1, "to the board")


def test_the_actor_comes_from_the_argument_then_mcda_actor_then_the_os_user(monkeypatch, tmp_path):
    monkeypatch.delenv("MCDA_ACTOR", raising=False)
    monkeypatch.setenv("USER", "os-user")
    monkeypatch.setenv("LOGNAME", "os-user")
    assert default_actor() == getpass.getuser() == "os-user"
    monkeypatch.setenv("MCDA_ACTOR", "  chair ")
    assert default_actor() == "chair" and Store(tmp_path / "l.sqlite3").actor == "chair"
    assert Store(tmp_path / "l.sqlite3", actor="wang.min").actor == "wang.min"
    for bad, match in (("", "cannot be empty"), ("a\x1bb", "control"), (3, "must be text")):
        with pytest.raises(MCDAError, match=f"an actor \\(who saves\\).*{match}|{match}"):
            Store(tmp_path / "l.sqlite3", actor=bad)
    monkeypatch.setenv("MCDA_ACTOR", "bad\nname")
    with pytest.raises(MCDAError, match="an actor \\(who saves\\) cannot contain control"):
        default_actor()


def test_without_a_login_name_the_actor_is_unknown(monkeypatch):
    def no_login():
        raise OSError("no login name")

    monkeypatch.delenv("MCDA_ACTOR", raising=False)
    monkeypatch.setattr(getpass, "getuser", no_login)  # e.g. a container running with an unnamed uid
    assert default_actor() == "unknown"
