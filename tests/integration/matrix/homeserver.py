"""A real Synapse for the Matrix tests: configured, started, stopped by PID, users registered.

Synapse lives in its own virtual environment (``make synapse``), found through
``BRIEFBOT_SYNAPSE_VENV`` or ``.venv-synapse`` in the checkout.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import socket
import subprocess
import time
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
READY_TIMEOUT = 90.0
RELAXED = "{per_second: 1000, burst_count: 1000}"


@dataclass(frozen=True)
class MatrixUser:
    user_id: str
    password: str
    access_token: str
    device_id: str

    @property
    def localpart(self) -> str:
        return self.user_id[1:].partition(":")[0]


def synapse_python() -> Path | None:
    """The Synapse venv's interpreter, if Synapse is installed there."""
    configured = os.environ.get("BRIEFBOT_SYNAPSE_VENV")
    venv = Path(configured) if configured else ROOT / ".venv-synapse"
    python = venv / "bin" / "python"
    if not python.exists():
        return None
    probe = subprocess.run(
        [str(python), "-c", "import synapse.app.homeserver"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    return python if probe.returncode == 0 else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Homeserver:
    """One Synapse process on 127.0.0.1 with a random shared registration secret.

    ``login_limit`` is Synapse's ``rc_login.address``: the logins one address may make, as
    ``{per_second: …, burst_count: …}``; relaxed unless a test is about that limit.
    ``token_lifetime`` (such as ``"5s"``) makes every access token expire that long after it
    was issued, answered then with the spec's soft logout; by default tokens never expire.
    """

    def __init__(
        self, python: Path, workdir: Path, login_limit: str = RELAXED, token_lifetime: str = "null"
    ) -> None:
        self.python = python
        self.dir = workdir
        self.login_limit = login_limit
        self.token_lifetime = token_lifetime
        self.port = free_port()
        self.secret = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "homeserver.log"
        self.process: subprocess.Popen[bytes] | None = None
        self._admin: MatrixUser | None = None

    def start(self) -> None:
        for name in ("homeserver.yaml", "log.config"):
            template = (HERE / f"{name}.tmpl").read_text(encoding="utf-8")
            text = (
                template.replace("@DIR@", str(self.dir))
                .replace("@PORT@", str(self.port))
                .replace("@SECRET@", self.secret)
                .replace("@RC_LOGIN_ADDRESS@", self.login_limit)
                .replace("@TOKEN_LIFETIME@", self.token_lifetime)
            )
            (self.dir / name).write_text(text, encoding="utf-8")
        config = str(self.dir / "homeserver.yaml")
        module = [str(self.python), "-m", "synapse.app.homeserver", "-c", config]
        subprocess.run(
            [*module, "--generate-keys"],
            cwd=self.dir,
            capture_output=True,
            timeout=120,
            check=True,
        )
        with (self.dir / "stdout.log").open("wb") as out:
            self.process = subprocess.Popen(
                module, cwd=self.dir, stdout=out, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Synapse exited at start:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/_matrix/client/versions", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)  # polling a process we do not control: no event to await
        raise RuntimeError(f"Synapse not ready after {READY_TIMEOUT:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def log_tail(self, lines: int = 60) -> str:
        parts = []
        for name in ("homeserver.log", "stdout.log"):
            path = self.dir / name
            if path.exists():
                text = path.read_text(encoding="utf-8", errors="replace").splitlines()
                parts.append(f"--- {name} (last {lines} lines) ---\n" + "\n".join(text[-lines:]))
        return "\n".join(parts)

    def register(self, prefix: str, admin: bool = False) -> MatrixUser:
        """A new user (random name) through the shared-secret admin API."""
        username = f"{prefix}-{secrets.token_hex(4)}"
        password = secrets.token_urlsafe(12)
        base = f"{self.url}/_synapse/admin/v1/register"
        nonce = httpx.get(base, timeout=10).json()["nonce"]
        mac = hmac.new(
            self.secret.encode(),
            b"\x00".join(
                [
                    nonce.encode(),
                    username.encode(),
                    password.encode(),
                    b"admin" if admin else b"notadmin",
                ]
            ),
            hashlib.sha1,
        ).hexdigest()
        reply = httpx.post(
            base,
            json={
                "nonce": nonce,
                "username": username,
                "password": password,
                "admin": admin,
                "mac": mac,
            },
            timeout=30,
        )
        reply.raise_for_status()
        data = reply.json()
        return MatrixUser(data["user_id"], password, data["access_token"], data["device_id"])

    def admin(self) -> MatrixUser:
        if self._admin is None:
            self._admin = self.register("admin", admin=True)
        return self._admin

    def lasting(self, user: MatrixUser) -> MatrixUser:
        """``user`` with an access token that never expires, even on a homeserver whose
        tokens do (``token_lifetime``): a person in a test that outlasts the lifetime must
        not be logged out halfway. It is the admin API's login as the user, asked by an
        admin registered just now, since an earlier admin's token may have expired."""
        admin = self.register("admin", admin=True)
        reply = httpx.post(
            f"{self.url}/_synapse/admin/v1/users/{user.user_id}/login",
            headers={"Authorization": f"Bearer {admin.access_token}"},
            json={},
            timeout=10,
        )
        reply.raise_for_status()
        return replace(user, access_token=reply.json()["access_token"])

    def limit_messages(self, user_id: str, per_second: int, burst_count: int) -> None:
        """Give one user a strict message rate limit (the server-wide one is relaxed)."""
        reply = httpx.post(
            f"{self.url}/_synapse/admin/v1/users/{user_id}/override_ratelimit",
            headers={"Authorization": f"Bearer {self.admin().access_token}"},
            json={"messages_per_second": per_second, "burst_count": burst_count},
            timeout=10,
        )
        reply.raise_for_status()

    def log_out(self, access_token: str) -> None:
        """End the session of ``access_token`` as its owner would (Element's "Sign out")."""
        reply = httpx.post(
            f"{self.url}/_matrix/client/v3/logout",
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=10,
        )
        reply.raise_for_status()

    def delete_device(self, user_id: str, device_id: str) -> None:
        """Delete a device, and so end its session, as the homeserver's admin would."""
        reply = httpx.delete(
            f"{self.url}/_synapse/admin/v2/users/{user_id}/devices/{device_id}",
            headers={"Authorization": f"Bearer {self.admin().access_token}"},
            timeout=10,
        )
        reply.raise_for_status()

    def token_status(self, access_token: str) -> int:
        """The HTTP status ``/whoami`` answers ``access_token`` with (401 once refused)."""
        reply = httpx.get(
            f"{self.url}/_matrix/client/v3/account/whoami",
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=10,
        )
        return reply.status_code

    def devices(self, user: MatrixUser) -> list[str]:
        reply = httpx.get(
            f"{self.url}/_matrix/client/v3/devices",
            headers={"Authorization": f"Bearer {user.access_token}"},
            timeout=10,
        )
        reply.raise_for_status()
        return sorted(d["device_id"] for d in reply.json()["devices"])
