"""A throwaway PostgreSQL server for the tests: Debian's binaries, a cluster in a temporary folder.

The server refuses to run as root, so as root it runs as the ``postgres`` user (``runuser``). It
listens on 127.0.0.1 on a free port only (no Unix socket), trusts local connections and is
stopped, its folder removed, when the test session ends (or, if the session was killed, when the next
one starts: ``stop_orphans``). Each test gets a new database.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

# Newest first: the first folder with the server's binaries wins.
BIN_PATTERNS = ("/usr/lib/postgresql/*/bin",)
SERVER_USER = "postgres"
# Every store and link test runs on each (fixtures parametrised with them, tests/conftest.py).
BACKENDS = ("sqlite", "postgresql")


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres; None when PostgreSQL is not installed."""
    explicit = os.environ.get("HEARSAY_PG_BIN")
    folders = [explicit] if explicit else []
    for pattern in BIN_PATTERNS:
        folders += sorted(glob.glob(pattern), key=_version, reverse=True)
    for folder in folders:
        if all((Path(folder) / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _version(folder: str) -> int:
    name = Path(folder).parent.name
    return int(name) if name.isdigit() else 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# The test session a server belongs to (its pid), written into the server's folder: a session killed
# before it could stop its server leaves it running, and the next session stops it.
OWNER = "owner.pid"


def stop_orphans(binaries: Path) -> list[Path]:
    """Stop the servers of test sessions that are gone, and remove their folders; the folders stopped."""
    stopped = []
    for owner in Path(tempfile.gettempdir()).glob(f"hearsay-pg-*/{OWNER}"):
        try:
            pid = int(owner.read_text())
        except (OSError, ValueError):
            continue
        if _alive(pid):
            continue
        folder = owner.parent
        if (folder / "data" / "postmaster.pid").exists():
            _run_as_server(_stop_command(binaries, folder / "data"), folder, check=False)
        shutil.rmtree(folder, ignore_errors=True)
        stopped.append(folder)
    return stopped


def _run_as_server(command: list[str], folder: Path, *, check: bool = True) -> None:
    """Run one of the server's programs as the server's user (as root: ``postgres``, through runuser)."""
    prefix = ["runuser", "-u", SERVER_USER, "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *command], check=check, capture_output=True, text=True, cwd=folder)


def _stop_command(binaries: Path, data: Path) -> list[str]:
    return [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Server:
    """One running cluster; ``database()`` hands out the URL of a new, empty database."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="hearsay-pg-"))
        self.as_root = os.geteuid() == 0
        self.port = _free_port()
        self.user = SERVER_USER if self.as_root else pwd.getpwuid(os.geteuid()).pw_name
        self._names = itertools.count(1)
        self._has_template = False
        if self.as_root:
            os.chmod(self.folder, 0o755)
            shutil.chown(self.folder, SERVER_USER, SERVER_USER)

    def _run(self, *command: str) -> None:
        _run_as_server(list(command), self.folder)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def start(self) -> None:
        stop_orphans(self.binaries)
        (self.folder / OWNER).write_text(str(os.getpid()))
        initdb, pg_ctl = str(self.binaries / "initdb"), str(self.binaries / "pg_ctl")
        self._run(initdb, "-D", str(self.data), "-U", self.user, "--auth=trust", "-E", "UTF8", "--locale=C")
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            pg_ctl, "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", options, "-w", "start"
        )

    def stop(self) -> None:
        try:
            self._run(*_stop_command(self.binaries, self.data))
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def database(self, *, migrated: bool = True) -> str:
        """A new database on this server, as a URL: a copy of one migrated by hearsay, or empty."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        template = self._template() if migrated else "template0"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return self.url(name)

    def copy(self, url: str) -> str:
        """A new database holding what the database at ``url`` holds (no one may be connected to it)."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{url.rsplit("/", 1)[1]}" STRATEGY FILE_COPY')
        return self.url(name)

    def drop(self, url: str) -> None:
        """Drop a database ``database()`` made (closing whatever connection a test left open)."""
        self._admin(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def _template(self) -> str:
        # Migrating takes a while; copying a migrated database is quick.
        if not self._has_template:
            from hearsay.store import open_store

            self._admin('CREATE DATABASE "hearsay_template" TEMPLATE "template0"')
            open_store(self.url("hearsay_template")).close()
            self._has_template = True
        return "hearsay_template"

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""


def scoped_database(request, tmp_path_factory, name: str) -> str:
    """For a module or session fixture parametrised with ``params=BACKENDS``: a new store's place."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp(name.split(".")[0]) / name)
    server: Server = request.getfixturevalue("postgres_server")
    return server.database()
