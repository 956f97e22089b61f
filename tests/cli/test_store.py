"""``mcda store``: every sub-command through mcda.cli.main, on a real SQLite file and a real PostgreSQL database."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mcda.cli import main
from mcda.cli import store as cli_store
from mcda.scenario.io import dumps, load_scenario

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scenarios" / "example_tender.json"
SUBCOMMANDS = ["save", "list", "history", "open", "restore", "rename", "delete", "undelete", "diff", "log"]


@pytest.fixture
def lib(tmp_path) -> Path:
    """An SQLite library file, for the tests about the file itself."""
    return tmp_path / "library.sqlite3"


@pytest.fixture
def store(library, capsys):
    """Run ``mcda store --store LIBRARY ...`` (a file or a server URL); return (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["store", "--store", library.location, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def edited(tmp_path) -> Path:
    """The example with other notes, as a file."""
    base = load_scenario(EXAMPLE, lint=False)
    path = tmp_path / "edited.json"
    path.write_text(dumps(base.model_copy(update={"metadata": base.metadata.model_copy(update={"notes": "edited"})})),
                    encoding="utf-8")
    return path


def test_every_store_subcommand_works_end_to_end(store, edited, tmp_path):
    code, out, _ = store("save", str(EXAMPLE), "-m", "first draft")
    assert code == 0 and out.startswith("saved 'example_tender' version 1 (344.5 kB, sha256 ")
    code, out, _ = store("save", str(edited), "--name", "example_tender", "--message", "notes edited")
    assert code == 0 and out.startswith("saved 'example_tender' version 2 ")

    code, out, _ = store("list", "--format", "json")
    [info] = json.loads(out)
    assert (code, info["name"], info["versions"], info["deleted"]) == (0, "example_tender", 2, False)
    code, out, _ = store("list")
    assert code == 0 and "example_tender" in out and "updated (UTC)" in out

    code, out, _ = store("history", "example_tender", "--format", "json")
    history = json.loads(out)
    assert code == 0 and [(v["version"], v["message"]) for v in history] == [(1, "first draft"), (2, "notes edited")]
    assert all({"version", "saved_at", "message", "sha256", "size", "title"} <= set(v) for v in history)
    code, out, _ = store("history", "example_tender")
    assert code == 0 and "notes edited" in out and history[0]["sha256"][:12] in out

    code, out, _ = store("open", "example_tender", "--version", "1")
    assert code == 0 and out == EXAMPLE.read_text(encoding="utf-8")  # the example file is canonical
    code, out, _ = store("open", "example_tender")
    assert out == edited.read_text(encoding="utf-8")
    target = tmp_path / "out.json"
    code, out, _ = store("open", "example_tender", "--version", "1", "-o", str(target))
    assert code == 0 and out == f"wrote 'example_tender' version 1 to {target}\n"
    assert target.read_bytes() == EXAMPLE.read_bytes()

    code, out, _ = store("restore", "example_tender", "1", "-m", "back to the draft")
    assert (code, out) == (0, "restored 'example_tender' version 1 as version 3\n")
    latest = json.loads(store("history", "example_tender", "--format", "json")[1])[-1]
    assert (latest["version"], latest["message"], latest["restored_from"]) == (
        3, "restore of version 1: back to the draft", 1)

    assert store("rename", "example_tender", "2027 财务外包招标") == (
        0, "renamed 'example_tender' to '2027 财务外包招标'\n", "")
    code, out, _ = store("delete", "2027 财务外包招标")
    assert code == 0 and "undelete" in out
    assert json.loads(store("list", "--format", "json")[1]) == []
    assert "--all" in store("list")[1]
    [hidden] = json.loads(store("list", "--all", "--format", "json")[1])
    assert (hidden["name"], hidden["deleted"], hidden["versions"]) == ("2027 财务外包招标", True, 3)
    assert store("undelete", "2027 财务外包招标")[0] == 0
    assert store("open", "2027 财务外包招标", "--version", "3")[1] == EXAMPLE.read_text(encoding="utf-8")


def test_store_path_after_the_subcommand_and_from_the_environment(lib, tmp_path, capsys, monkeypatch):
    assert main(["store", "save", str(EXAMPLE), "--name", "2027 财务外包招标", "--store", str(lib)]) == 0
    monkeypatch.setenv("MCDA_STORE", str(lib))
    capsys.readouterr()
    assert main(["store", "list", "--format", "json"]) == 0
    assert [s["name"] for s in json.loads(capsys.readouterr().out)] == ["2027 财务外包招标"]
    other = tmp_path / "other.sqlite3"
    assert main(["store", "--store", str(other), "list", "--format", "json"]) == 0  # the option beats the environment
    assert json.loads(capsys.readouterr().out) == []


def test_saving_unchanged_content_needs_allow_unchanged(store):
    store("save", str(EXAMPLE))
    code, out, err = store("save", str(EXAMPLE))
    assert (code, out) == (1, "")
    assert "is unchanged" in err and "nothing was saved" in err and "--allow-unchanged" in err
    assert store("save", str(EXAMPLE), "--allow-unchanged")[1].startswith("saved 'example_tender' version 2")


def test_a_truncated_or_corrupted_file_is_refused_and_changes_nothing(store, library, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    truncated, corrupted = tmp_path / "truncated.json", tmp_path / "corrupted.json"
    truncated.write_text(text[: len(text) // 2], encoding="utf-8")
    corrupted.write_bytes(EXAMPLE.read_bytes().replace(b'"kind": "scenario"', b'"kind": "scenari\xff"'))
    for bad in (truncated, corrupted):
        code, out, err = store("save", str(bad), "--name", "t")
        assert (code, out) == (1, "") and "Traceback" not in err
    assert not library.exists()  # the library is not even created
    assert "looks truncated" in store("save", str(truncated))[2]
    store("save", str(EXAMPLE), "--name", "t")
    before = store("history", "t", "--format", "json")[1]
    for bad in (truncated, corrupted, tmp_path / "absent.json"):
        assert store("save", str(bad), "--name", "t")[0] == 1
    assert store("history", "t", "--format", "json")[1] == before


def test_errors_exit_1_with_a_message_naming_what_exists(store, library):
    store("save", str(EXAMPLE), "--name", "tender")
    cases = {
        ("open", "tendr"): "no scenario named 'tendr'",
        ("open", "tender", "--version", "5"): "'tender' has only version 1; there is no version 5",
        ("history", "nothing"): "it holds 'tender'",
        ("restore", "tender", "9"): "there is no version 9",
        ("rename", "tender", "a\tb"): "control or invisible characters",
        ("undelete", "tender"): "is not deleted",
        ("delete", "x" * 101): "at most 100 characters",
    }
    for args, message in cases.items():
        code, out, err = store(*args)
        assert code == 1 and out == "" and message in err and err.startswith("mcda store: error: "), args
        assert "Traceback" not in err
    with pytest.raises(SystemExit) as exit_:
        main(["store", "--store", library.location, "open", "tender", "--version", "0"])
    assert exit_.value.code == 2  # a usage error, from argparse


def test_a_damaged_library_is_a_clean_error_in_a_real_process(library, tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mcda.cli", "store", "--store", library.location, *args],
                              capture_output=True, text=True, cwd=ROOT)

    assert run("save", str(EXAMPLE), "--name", "x").returncode == 0
    library.allow_tampering()
    library.sql("UPDATE versions SET content = replace(content, 'fictitious', 'fictional')")
    proc = run("open", "x")
    assert proc.returncode == 1 and proc.stdout == ""
    assert "version 1 of 'x' is corrupted: its checksum does not match" in proc.stderr
    assert "Traceback" not in proc.stderr
    if library.kind != "sqlite":
        return
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00garbage" * 1000)
    proc = subprocess.run([sys.executable, "-m", "mcda.cli", "store", "--store", str(garbage), "list"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1 and "not an SQLite database" in proc.stderr and "Traceback" not in proc.stderr
    assert garbage.read_bytes() == b"\x00garbage" * 1000


def test_every_store_subcommand_is_documented():
    from mcda.cli import build_parser

    build_parser()
    docs = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "README.md", ROOT / "docs_store_section.md")
                   if p.exists())
    assert [c for c in SUBCOMMANDS if f"mcda store {c}" not in docs] == []
    assert set(SUBCOMMANDS) == set(cli_store._COMMANDS)


# --------------------------------------------------------------------------- no lost updates, the audit log
def write(path: Path, scenario) -> str:
    path.write_text(dumps(scenario), encoding="utf-8")
    return str(path)


def test_a_stale_base_is_merged_or_refused_with_the_newer_versions_named(store, tmp_path, small_scenario):
    """Issue 13's committee: A saved version 2; the moderator, still on version 1, saves."""
    start = write(tmp_path / "start.json", small_scenario)
    assert store("save", start, "--name", "t", "--actor", "chair")[0] == 0
    a = small_scenario.model_copy(deep=True)
    a.scores["alice"]["v1"]["c0"], a.scores["alice"]["v2"]["c1"] = 5.0, 1.0
    a.judgments["alice"].nodes["goal"][0].value = 4.0
    code, out, err = store("save", write(tmp_path / "a.json", a), "--name", "t", "--base", "1", "--actor", "alice")
    assert (code, err) == (0, "") and out.startswith("saved 't' version 2 (")
    moderator = small_scenario.model_copy(deep=True)
    moderator.members[1].weight = 3.0
    moderator_file = write(tmp_path / "m.json", moderator)
    code, out, err = store("save", moderator_file, "--name", "t", "--base", "1", "--actor", "mod")
    assert (code, err) == (0, "") and out.startswith("saved 't' version 3: your changes since version 1 merged with "
                                                     "version 2 (")
    merged = json.loads(store("open", "t")[1])
    assert merged["members"][1]["weight"] == 3.0 and merged["scores"]["alice"]["v1"]["c0"] == 5.0
    assert merged["judgments"]["alice"]["nodes"]["goal"][0]["value"] == 4
    history = json.loads(store("history", "t", "--format", "json")[1])
    assert [(v["version"], v["actor"], v["base"], v["merged_with"]) for v in history] == [
        (1, "chair", None, None), (2, "alice", 1, None), (3, "mod", 1, 2)]
    assert "[merge: from 1 with 2]" in store("history", "t")[1]

    clash = small_scenario.model_copy(deep=True)
    clash.scores["alice"]["v1"]["c0"] = 2.0
    before = store("history", "t", "--format", "json")[1]
    clash_file = write(tmp_path / "clash.json", clash)
    code, out, err = store("save", clash_file, "--name", "t", "--base", "1", "--actor", "bob")
    assert (code, out) == (1, "") and err.startswith("mcda store: error: cannot save 't': your changes start from "
                                                     "version 1, but since then version 2 was saved by alice at ")
    assert "version 3 was saved by mod at " in err and "Traceback" not in err
    assert "  - scores[alice][v1][c0]: version 1 had 3.0, yours has 2.0, version 3 has 5.0\n" in err
    assert store("history", "t", "--format", "json")[1] == before


def test_log_lists_every_action_with_its_actor(store, tmp_path, small_scenario, monkeypatch):
    monkeypatch.setenv("MCDA_ACTOR", "secretary")
    store("save", write(tmp_path / "t.json", small_scenario))
    changed = small_scenario.model_copy(deep=True)
    changed.metadata.notes = "round 2"
    code, _, err = store("save", write(tmp_path / "t2.json", changed), "--name", "t", "--actor", "chair")
    assert code == 0 and "saved without --base" in err and "--base N" in err
    store("open", "t", "--version", "1", "-o", str(tmp_path / "copy.json"))
    store("restore", "t", "1", "--actor", "chair")
    store("--actor", "auditor", "rename", "t", "tender")
    store("delete", "tender")
    store("undelete", "tender", "--actor", "chair")
    code, out, _ = store("log", "tender", "--format", "json")
    log = json.loads(out)
    assert code == 0 and all(set(e) == {"at", "actor", "action", "version", "detail"} for e in log)
    assert [(e["action"], e["actor"], e["version"]) for e in log] == [
        ("save", "secretary", 1), ("save", "chair", 2), ("export", "secretary", 1), ("restore", "chair", 3),
        ("rename", "auditor", 3), ("delete", "secretary", 3), ("undelete", "chair", 3)]
    assert log[2]["detail"] == "written to copy.json" and log[4]["detail"] == "renamed from 't' to 'tender'"
    code, out, _ = store("log", "tender")
    assert code == 0 and out.splitlines()[0].split() == ["at", "(UTC)", "actor", "action", "version", "detail"]
    assert len(out.splitlines()) == 2 + len(log)


CLI_WRITER = """
import sys
from mcda.cli import main
folder, me = sys.argv[1], sys.argv[2]
print("ready", flush=True)
sys.stdin.readline()
codes = [main(["store", "save", f"{folder}/{me}-{i}.json", "--name", "shared", "-m", f"{me}-{i}"]) for i in range(10)]
print("done", codes, flush=True)
"""


def test_two_writers_saving_ten_times_each_through_mcda_store_lose_nothing(library, tmp_path, small_scenario):
    import subprocess

    for me in "AB":
        for i in range(10):
            s = small_scenario.model_copy(deep=True)
            s.metadata.notes = f"{me}-{i}"
            write(tmp_path / f"{me}-{i}.json", s)
    env = {**__import__("os").environ, "MCDA_STORE": library.location, "MCDA_ACTOR": "writer"}
    writers = [subprocess.Popen([sys.executable, "-c", CLI_WRITER, str(tmp_path), me], cwd=ROOT, env=env, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for me in "AB"]
    try:
        assert [w.stdout.readline().strip() for w in writers] == ["ready", "ready"]
        for w in writers:
            w.stdin.write("go\n")
            w.stdin.flush()
        results = [w.communicate(timeout=300) for w in writers]
    finally:
        for w in writers:
            w.kill()
    assert [r[0].strip().splitlines()[-1] for r in results] == ["done [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"] * 2, results
    proc = subprocess.run([sys.executable, "-m", "mcda.cli", "store", "history", "shared", "--format", "json"],
                          env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    history = json.loads(proc.stdout)
    assert [v["version"] for v in history] == list(range(1, 21))
    assert sorted(v["message"] for v in history) == sorted(f"{me}-{i}" for me in "AB" for i in range(10))
    for me in "AB":
        assert [v["message"] for v in history if v["message"].startswith(me)] == [f"{me}-{i}" for i in range(10)]


def test_a_read_only_library_file_is_read_but_not_changed(lib, tmp_path, small_scenario, capsys):
    assert main(["store", "--store", str(lib), "save", write(tmp_path / "t.json", small_scenario)]) == 0
    lib.chmod(0o444)
    try:
        raw = lib.read_bytes()
        capsys.readouterr()
        for args in (["list"], ["history", "t"], ["log", "t", "--format", "json"], ["open", "t"],
                     ["open", "t", "-o", str(tmp_path / "out.json")]):
            assert main(["store", "--store", str(lib), *args]) == 0, args
        assert (tmp_path / "out.json").read_text(encoding="utf-8") == dumps(small_scenario)
        capsys.readouterr()
        assert main(["store", "--store", str(lib), "delete", "t"]) == 1
        assert capsys.readouterr().err == (f"mcda store: error: the scenario library {lib} is read-only (the file is "
                                           "read-only); cannot delete 't', nothing was changed\n")
        assert lib.read_bytes() == raw
    finally:
        lib.chmod(0o644)
