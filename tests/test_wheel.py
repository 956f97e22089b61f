"""The wheel: built offline, installed in a fresh virtual environment outside the checkout, its commands run.

No network: the wheel is built without build isolation (setuptools from this environment, see the
``test`` extra), installed with ``pip --no-index --no-deps``, and the fresh environment reaches the
dependencies (numpy, pydantic, streamlit, ...) through a ``.pth`` file naming this environment's
site-packages, added after the install. Those folders hold no ``mcda``: the package comes from the
wheel, which the tests check (``mcda.__file__``, run from a folder outside the checkout).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import site
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "models" / "financial_outsourcing.json"
EXAMPLE = ROOT / "scenarios" / "example_tender.json"
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""


def _env(home: Path) -> dict[str, str]:
    """The environment without this checkout: no PYTHONPATH, no virtualenv, no pip configuration."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "PIP_", "MCDA_", "STREAMLIT_")) and k != "VIRTUAL_ENV"}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", HOME=str(home),
               MCDA_STORE=str(home / "library.sqlite3"), PYTHONDONTWRITEBYTECODE="1")
    return env


def _run(cmd: list, cwd: Path, env: dict, timeout: float = 120) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{cmd}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    return proc


def _source_copy(dst: Path) -> Path:
    """What the build reads, copied (symlinks kept: mcda/data/* -> ../../models, ../../scenarios),
    so that building leaves no build/ or *.egg-info in the checkout."""
    dst.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dst / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("mcda", "models", "scenarios"):
        shutil.copytree(ROOT / name, dst / name, symlinks=True, ignore=ignore)
    return dst


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("wheel")
    home = base / "home"
    home.mkdir()
    env = _env(home)
    src = _source_copy(base / "src")
    wheelhouse = base / "wheelhouse"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-deps", "--no-index",
          "-w", wheelhouse, src], cwd=base, env=env)
    (wheel,) = wheelhouse.glob("vendor_eval-*.whl")

    venv = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=base, env=env)
    python = venv / BIN / f"python{EXE}"
    _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-index", "--no-deps", wheel],
         cwd=base, env=env)
    # The dependencies: this environment's site-packages (after the install, so pip saw an empty venv).
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                        cwd=base, env=env).stdout.strip())
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    if site.ENABLE_USER_SITE:
        deps.add(site.getusersitepackages())
    (purelib / "_vendor_eval_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")

    work = base / "work"
    work.mkdir()
    return {"wheel": wheel, "venv": venv, "python": python, "mcda": venv / BIN / f"mcda{EXE}",
            "purelib": purelib, "work": work, "env": env}


def test_the_wheel_holds_the_package_data_the_app_and_every_module(installed):
    with zipfile.ZipFile(installed["wheel"]) as whl:
        names = set(whl.namelist())
        for data in (TEMPLATE, EXAMPLE, ROOT / "models" / "README.md"):
            inside = f"mcda/data/{data.parent.name}/{data.name}"
            assert whl.read(inside) == data.read_bytes(), inside  # the file itself, not a link
    assert "mcda/export/report.html.j2" in names
    assert {"mcda/ui/router.py", "mcda/ui/entry/app.py"} <= names
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "mcda").rglob("*.py") if "__pycache__" not in p.parts}
    assert sorted(modules - names) == []
    assert not any(n.startswith(("tests/", "models/", "scenarios/", "app.py")) for n in names)


def test_the_installed_package_comes_from_the_wheel_not_the_checkout(installed):
    out = _run([installed["python"], "-c", "import mcda, mcda.cli.bundled as b; print(mcda.__file__); print(b.APP)"],
               cwd=installed["work"], env=installed["env"]).stdout.split("\n")
    package, app = Path(out[0]).resolve(), Path(out[1]).resolve()
    assert package.is_relative_to(installed["purelib"].resolve()), package
    assert not package.is_relative_to(ROOT) and not app.is_relative_to(ROOT)
    assert app.is_file() and app.is_relative_to(package.parent)


def test_example_and_template_are_written_and_validate(installed):
    mcda, work, env = installed["mcda"], installed["work"], installed["env"]
    assert "example tender" in _run([mcda, "example", "-o", "e.json"], cwd=work, env=env).stdout
    report = json.loads(_run([mcda, "validate", "e.json", "--format", "json"], cwd=work, env=env).stdout)
    assert report["valid"] is True and report["problems"] == []
    assert (work / "e.json").read_bytes() == EXAMPLE.read_bytes()

    _run([mcda, "template", "-o", "t.json"], cwd=work, env=env)
    report = json.loads(_run([mcda, "validate", "t.json", "--format", "json"], cwd=work, env=env).stdout)
    assert report["valid"] is True and report["dimensions"] == 19 and report["criteria"] == 114
    assert (work / "t.json").read_bytes() == TEMPLATE.read_bytes()
    assert _run([mcda, "template"], cwd=work, env=env).stdout.encode("utf-8") == TEMPLATE.read_bytes()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_mcda_app_serves_the_installed_app(installed):
    port = _free_port()
    cmd = [str(installed["mcda"]), "app", "--server.headless", "true", "--server.address", "127.0.0.1",
           "--server.port", str(port)]
    proc = subprocess.Popen(cmd, cwd=installed["work"], env=installed["env"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=os.name == "posix")
    try:
        deadline, status = time.monotonic() + 45, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    status = r.status
                    break
            except OSError:
                time.sleep(0.3)
        assert status == 200, f"no answer on port {port} (exit {proc.poll()})"
    finally:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGTERM)
        else:
            proc.terminate()
        try:
            output = proc.communicate(timeout=15)[0]
        except subprocess.TimeoutExpired:
            if os.name == "posix":
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()
            output = proc.communicate()[0]
    assert "Traceback" not in output, output


def test_the_installed_app_opens_the_example(installed):
    """The router and its pages resolve inside the installed package (AppTest on ``mcda app``'s script)."""
    script = ("from streamlit.testing.v1 import AppTest\n"
              "from mcda.cli.bundled import APP\n"
              "at = AppTest.from_file(str(APP), default_timeout=60).run()\n"
              "assert not at.exception, [e.value for e in at.exception]\n"
              "print(at.title[0].value, [m.value for m in at.metric][:4])\n")
    out = _run([installed["python"], "-c", script], cwd=installed["work"], env=installed["env"]).stdout
    assert out.strip() == "方案 ['19', '115', '3', '5']"
