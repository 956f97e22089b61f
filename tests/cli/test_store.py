"""``mcda store``: every sub-command through mcda.cli, a real library file in tmp_path."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mcda.cli import store as cli_store
from mcda.cli import main
from mcda.scenario.io import dumps, load_scenario

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scenarios" / "example_tender.json"
SUBCOMMANDS = ["save", "list", "history", "open", "restore", "rename", "delete", "undelete", "diff", "log"]


@pytest.fixture
def lib(tmp_path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def store(lib, capsys):
    """Run ``mcda store --store LIB ...``; return (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["store", "--store", str(lib), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def edited(tmp_path) -> Path:
    """The example with other notes, as a file."""
    base = load_scenario(EXAMPLE, lint=False)
    path = tmp_path / "edited.json"
    path.write_text(dumps(base.model_copy(update={"metadata": base.metadata.model_copy(update={"notes": "edited"})})), encoding="utf-8")
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
    assert (latest["version"], latest["message"], latest["restored_from"]) == (3, "restore of version 1: back to the draft", 1)

    assert store("rename", "example_tender", "2027 财务外包招标") == (0, "renamed 'example_tender' to '2027 财务外包招标'\n", "")
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


def test_a_truncated_or_corrupted_file_is_refused_and_changes_nothing(store, lib, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    truncated, corrupted = tmp_path / "truncated.json", tmp_path / "corrupted.json"
    truncated.write_text(text[: len(text) // 2], encoding="utf-8")
    corrupted.write_bytes(EXAMPLE.read_bytes().replace(b'"kind": "scenario"', b'"kind": "scenari\xff"'))
    for bad in (truncated, corrupted):
        code, out, err = store("save", str(bad), "--name", "t")
        assert (code, out) == (1, "") and "Traceback" not in err
    assert not lib.exists()  # the library is not even created
    assert "looks truncated" in store("save", str(truncated))[2]
    store("save", str(EXAMPLE), "--name", "t")
    before = store("history", "t", "--format", "json")[1]
    for bad in (truncated, corrupted, tmp_path / "absent.json"):
        assert store("save", str(bad), "--name", "t")[0] == 1
    assert store("history", "t", "--format", "json")[1] == before


def test_errors_exit_1_with_a_message_naming_what_exists(store, lib):
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
        main(["store", "--store", str(lib), "open", "tender", "--version", "0"])
    assert exit_.value.code == 2  # a usage error, from argparse


def test_a_damaged_library_is_a_clean_error_in_a_real_process(lib, tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mcda.cli", "store", "--store", str(lib), *args],
                              capture_output=True, text=True, cwd=ROOT)

    assert run("save", str(EXAMPLE), "--name", "x").returncode == 0
    with sqlite3.connect(lib) as conn:
        conn.execute("DROP TRIGGER versions_no_update")
        conn.execute("UPDATE versions SET content = replace(content, 'fictitious', 'fictional')")
    proc = run("open", "x")
    assert proc.returncode == 1 and proc.stdout == ""
    assert "version 1 of 'x' is corrupted: its checksum does not match" in proc.stderr and "Traceback" not in proc.stderr
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00garbage" * 1000)
    proc = subprocess.run([sys.executable, "-m", "mcda.cli", "store", "--store", str(garbage), "list"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1 and "not an SQLite database" in proc.stderr and "Traceback" not in proc.stderr
    assert garbage.read_bytes() == b"\x00garbage" * 1000


def test_every_store_subcommand_is_documented():
    from mcda.cli import build_parser

    build_parser()
    docs = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "README.md", ROOT / "docs_store_section.md") if p.exists())
    assert [c for c in SUBCOMMANDS if f"mcda store {c}" not in docs] == []
    assert set(SUBCOMMANDS) == set(cli_store._COMMANDS)
