"""Every case of the hostile corpus (:mod:`corpus`), each in a subprocess under a memory cap
(``RLIMIT_AS``) and a timeout, with a strict UTF-8 stdout: never a traceback, the expected
exit code, and a message that matches and names the place."""
from __future__ import annotations

import importlib.util
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("hostile_corpus", HERE / "corpus.py")
corpus = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = corpus
_spec.loader.exec_module(corpus)

MEMORY_CAP = 2 * 2**30  # bytes of address space per command
TIMEOUT = 60  # seconds per command


def _limit_memory() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _env(tmp: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MCDA_", "PYTHONIOENCODING", "LC_", "LANG"))}
    env.update(PYTHONIOENCODING="utf-8:strict", LANG="C.UTF-8", MCDA_STORE=str(tmp / "default-library.sqlite3"),
               OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", HOME=str(tmp))
    return env


def _command(args: tuple) -> list:
    if args and args[0] == "api":
        return [sys.executable, str(HERE / "api_runner.py"), *args[1:]]
    return [sys.executable, "-m", "mcda.cli", *args]


def run(args: tuple, tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run(_command(args), cwd=tmp, env=_env(tmp), capture_output=True, timeout=TIMEOUT,
                          preexec_fn=_limit_memory, check=False)


def _write(tmp: Path, name: str | bytes, content) -> None:
    data = content() if callable(content) else content
    path = os.path.join(os.fsencode(tmp), name if isinstance(name, bytes) else os.fsencode(name))
    with open(path, "wb") as fh:
        fh.write(data)


def test_the_corpus_is_large_and_its_ids_unique():
    ids = [c.id for c in corpus.CASES]
    assert len(ids) >= 60 and len(set(ids)) == len(ids)


@pytest.mark.parametrize("case", corpus.CASES, ids=lambda c: c.id)
def test_hostile_input(case, tmp_path):
    for name, content in case.files.items():
        _write(tmp_path, name, content)
    for step in case.setup:
        done = run(step, tmp_path)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    done = run(case.args, tmp_path)
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # strict: the output is valid UTF-8
    assert "Traceback" not in err, err[-3000:]
    assert done.returncode == case.exit, (done.returncode, err[-2000:], out[-2000:])
    if case.match:
        text = err + out if case.exit else out  # validate and lint report problems on stdout
        assert re.search(case.match, text), text[-3000:]
    if case.stdout:
        assert case.stdout in out, out[-2000:]
    for absent in case.absent:
        assert absent not in out, (absent, out[-2000:])
