"""A throwaway PostgreSQL server for tests and benchmarks: initdb into a temp dir, start, stop.

The server listens on 127.0.0.1 at a free port with its unix sockets in the same temp dir,
trusts local connections (it is reachable only from this machine and lives for one run) and
runs with ``fsync=off`` because nothing in it must survive. PostgreSQL refuses to run as
root, so under root (CI) the binaries run as the ``postgres`` account that Debian's package
creates, and the temp dir is handed to it. The process is stopped by its PID.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

SUPERUSER = "briefbot"
START_TIMEOUT_S = 30.0


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL server binaries are not installed on this machine."""


def find_bindir() -> Path:
    """The folder holding ``initdb`` and ``postgres``: on PATH, or Debian's versioned dir."""
    override = os.environ.get("BRIEFBOT_PG_BINDIR")
    if override:
        if not (Path(override) / "initdb").is_file():
            raise PostgresUnavailable(f"BRIEFBOT_PG_BINDIR={override} holds no initdb")
        return Path(override)
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if candidates:
        return Path(candidates[-1]).parent
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb) not found; `make test` installs them "
        "(apt-get install postgresql), or set BRIEFBOT_PG_BINDIR"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    """One running server; ``url(db)`` gives SQLAlchemy URLs, ``create_database`` fresh DBs."""

    bindir: Path
    root: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    _run_as: str | None = None
    _created: int = field(default=0)

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    @property
    def logfile(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def dsn(self, database: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname={database}"

    def create_database(self, prefix: str = "test") -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        self._created += 1
        name = f"{prefix}_{os.getpid()}_{self._created}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # name built above, never user input
        return self.url(name)

    def start(self) -> None:
        user = self._run_as
        env = {**os.environ, "LC_ALL": "C", "TZ": "UTC"}
        subprocess.run(
            [
                str(self.bindir / "initdb"),
                "-D",
                str(self.datadir),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            user=user,
            env=env,
        )
        last_error = ""
        for _ in range(3):  # a port picked free can be taken before the server binds it
            self.port = _free_port()
            with self.logfile.open("ab") as log:
                self.process = subprocess.Popen(
                    [
                        str(self.bindir / "postgres"),
                        "-D",
                        str(self.datadir),
                        "-p",
                        str(self.port),
                        "-k",
                        str(self.root),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "fsync=off",
                        "-c",
                        "synchronous_commit=off",
                        "-c",
                        "full_page_writes=off",
                        "-c",
                        "max_connections=200",
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    user=user,
                    env=env,
                )
            if self._wait_ready():
                return
            last_error = self.logfile.read_text(errors="replace")[-2000:]
            self.stop()
        raise RuntimeError(f"PostgreSQL did not start:\n{last_error}")

    def _wait_ready(self) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with psycopg.connect(self.dsn(), connect_timeout=2):
                    return True
            except psycopg.OperationalError:
                time.sleep(0.05)  # an external process: there is no event to await
        return False

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # "fast" shutdown: disconnect clients
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


@contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """Start a server in a fresh temp dir and remove both afterwards.

    Raises ``PostgresUnavailable`` when the binaries are missing; callers decide whether
    that skips (a developer machine) or fails (CI).
    """
    bindir = find_bindir()
    root = Path(tempfile.mkdtemp(prefix="briefbot-pg-"))
    run_as = None
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PostgresUnavailable(
                "running as root and there is no 'postgres' account to run the server as"
            ) from exc
        os.chown(root, account.pw_uid, account.pw_gid)
        run_as = "postgres"
    server = PostgresServer(bindir=bindir, root=root, _run_as=run_as)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
