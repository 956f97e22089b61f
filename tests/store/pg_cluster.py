"""A throwaway PostgreSQL cluster for the store tests (loaded by ``tests/conftest.py``).

``start()`` runs ``initdb`` in a new temporary folder as a non-root user (the
``postgres`` user if it exists, else ``nobody``, when the tests run as root), then
starts the server on a unix socket in that folder and on 127.0.0.1 at a free
port, tuned for tests (no fsync). Local connections are trusted; TCP needs the
password (scram-sha-256), so wrong credentials can be tested. ``stop()`` stops
the server at once and removes the folder.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ClusterUnavailable", "Cluster", "find_program", "start"]

SUPERUSER = "mcda"
PASSWORD = "test-pw-5f2c"  # only ever on a cluster that lives for one test session


class ClusterUnavailable(RuntimeError):
    """No cluster could be started here (the reason says why)."""


def find_program(name: str) -> str | None:
    """A PostgreSQL program on PATH, else in Debian's /usr/lib/postgresql/<version>/bin (the newest)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    """A running cluster: ``url`` connects as the superuser over TCP, with the password."""

    root: Path
    port: int
    run_as: str | None
    pg_ctl: str

    @property
    def url(self) -> str:
        return f"postgresql://{SUPERUSER}:{PASSWORD}@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run([self.pg_ctl, "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop"],
                       user=self.run_as, cwd=self.root, capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def _account() -> tuple[str | None, int, int]:
    """(user name, uid, gid) to run the server as: ourselves, or a non-root user when we are root."""
    if os.geteuid() != 0:
        return None, os.geteuid(), os.getegid()
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
            return name, entry.pw_uid, entry.pw_gid
        except KeyError:
            continue
    raise ClusterUnavailable("running as root and there is no non-root user (postgres or nobody) to run the server")


def start(attempts: int = 3) -> Cluster:
    """Start a cluster (see the module docstring), or raise :class:`ClusterUnavailable`."""
    initdb, pg_ctl = find_program("initdb"), find_program("pg_ctl")
    if not initdb or not pg_ctl:
        raise ClusterUnavailable("initdb / pg_ctl not found (install PostgreSQL, e.g. apt-get install postgresql)")
    user, uid, gid = _account()
    root = Path(tempfile.mkdtemp(prefix="mcda-pg-"))
    os.chown(root, uid, gid)
    (root / "pw").write_text(PASSWORD + "\n")
    os.chown(root / "pw", uid, gid)
    as_user = {"user": user, "group": gid, "extra_groups": []} if user else {}
    init = subprocess.run([initdb, "-D", str(root / "data"), "-U", SUPERUSER, f"--pwfile={root / 'pw'}",
                           "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"],
                          cwd=root, capture_output=True, text=True, check=False, **as_user)
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise ClusterUnavailable(f"initdb failed: {init.stderr.strip()[-500:]}")
    for _ in range(attempts):
        port = _free_port()
        options = (f"-k {root} -c listen_addresses=127.0.0.1 -p {port} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")
        run = subprocess.run([pg_ctl, "-D", str(root / "data"), "-l", str(root / "server.log"), "-w", "-t", "60",
                              "-o", options, "start"], cwd=root, capture_output=True, text=True, check=False, **as_user)
        if run.returncode == 0:
            return Cluster(root, port, user, pg_ctl)
    log = (root / "server.log").read_text(errors="replace")[-800:] if (root / "server.log").exists() else run.stderr
    shutil.rmtree(root, ignore_errors=True)
    raise ClusterUnavailable(f"the server did not start: {log.strip()}")
