"""``mcda template``, ``mcda example`` and ``mcda app``: the package's own data and app.

The same commands from an installed wheel: tests/test_wheel.py.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from mcda.cli import bundled, main
from mcda.scenario.bundled import EXAMPLE, TEMPLATE

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("command", "source"), [("template", ROOT / "models" / "financial_outsourcing.json"),
                                                 ("example", ROOT / "scenarios" / "example_tender.json")])
def test_bundled_files_are_written_byte_for_byte_or_printed(tmp_path, capsys, command, source):
    out = tmp_path / f"{command}.json"
    assert main([command, "-o", str(out)]) == 0
    assert out.read_bytes() == source.read_bytes()
    what = "criteria template" if command == "template" else "example tender"
    assert capsys.readouterr().out == f"wrote the {what} to {out}\n"
    assert main([command]) == 0
    assert capsys.readouterr().out.encode("utf-8") == source.read_bytes()


def test_messages_follow_lang(tmp_path, capsys):
    assert main(["template", "-o", str(tmp_path / "t.json"), "--lang", "zh"]) == 0
    assert capsys.readouterr().out == f"已将指标模板写入 {tmp_path / 't.json'}\n"
    assert main(["example", "-o", str(tmp_path / "e.json"), "--lang", "zh"]) == 0
    assert capsys.readouterr().out.startswith("已将示例招标方案写入 ")


def test_a_folder_or_the_bundled_file_itself_is_refused(tmp_path, capsys):
    assert main(["template", "-o", str(tmp_path)]) == 1
    assert "folder" in capsys.readouterr().err
    before = TEMPLATE.read_bytes()
    assert main(["template", "-o", str(TEMPLATE)]) == 1
    assert "is the input file" in capsys.readouterr().err
    assert main(["example", "-o", str(ROOT / "scenarios" / "example_tender.json")]) == 1
    assert TEMPLATE.read_bytes() == before and list(tmp_path.iterdir()) == []


def test_an_existing_output_is_replaced_atomically(tmp_path):
    out = tmp_path / "e.json"
    out.write_text("old", encoding="utf-8")
    assert main(["example", "-o", str(out)]) == 0
    assert out.read_bytes() == EXAMPLE.read_bytes() and [p.name for p in tmp_path.iterdir()] == ["e.json"]


def test_a_missing_bundled_file_is_a_clean_error_in_both_languages(tmp_path, monkeypatch, capsys):
    import mcda.scenario.bundled

    monkeypatch.setattr(mcda.scenario.bundled, "TEMPLATE", tmp_path / "absent.json")
    assert main(["template", "--lang", "zh"]) == 1
    err = capsys.readouterr().err
    assert "找不到随包提供的文件" in err and "absent.json" in err and "Traceback" not in err


class _Exec(Exception):
    """os.execve never returns: the stand-in records its arguments and leaves by raising."""


def _record(calls: list):
    def execve(exe, argv, env):
        calls.append((exe, argv, env))
        raise _Exec

    def call(argv, env):
        calls.append((sys.executable, argv, env))
        raise _Exec

    return execve, call


def test_app_runs_streamlit_on_the_packaged_script_with_every_option(monkeypatch):
    calls: list = []
    execve, call = _record(calls)
    monkeypatch.setattr(os, "execve", execve)
    monkeypatch.setattr(bundled.subprocess, "call", call)
    monkeypatch.delenv("STREAMLIT_BROWSER_GATHER_USAGE_STATS", raising=False)
    monkeypatch.setenv("STREAMLIT_SERVER_SHOW_EMAIL_PROMPT", "true")  # the user's setting wins
    with pytest.raises(_Exec):
        main(["app", "--server.port", "8502", "--server.headless=true", "--", "x"])
    ((exe, argv, env),) = calls
    assert exe == sys.executable
    assert argv == [sys.executable, "-m", "streamlit", "run", str(bundled.APP),
                    "--server.port", "8502", "--server.headless=true", "--", "x"]
    assert env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"
    assert env["STREAMLIT_SERVER_SHOW_EMAIL_PROMPT"] == "true"


def test_the_app_script_is_inside_the_package_and_runs_the_router():
    assert bundled.APP == ROOT / "mcda" / "ui" / "entry" / "app.py"
    assert bundled.APP.read_text(encoding="utf-8").endswith("from mcda.ui.router import run\n\nrun()\n")
    assert [p.name for p in bundled.APP.parent.iterdir() if p.suffix == ".py"] == ["app.py"]


def test_app_help_is_ours_not_streamlits(monkeypatch, capsys):
    monkeypatch.setattr(os, "execve", lambda *a: pytest.fail("started streamlit"))
    assert main(["app", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: mcda app") and "streamlit run --help" in out
