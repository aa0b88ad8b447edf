"""Fixtures every test layer shares: a project config on a temporary store, the seed report."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.app import Services, build_services
from bot.config import Config, parse_config
from briefings.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def bot_env(tmp_path: Path, more: str = "") -> dict[str, str]:
    """This environment without any briefbot, Slack or Matrix setting, and a config with a
    store (``tmp_path``/run.db), the project's topics, a Matrix state folder of its own under
    ``tmp_path`` and ``more`` TOML after them."""
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "run.db"}"\n'
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n'
        f'[matrix]\nstate_dir = "{tmp_path / "matrix"}"\n' + more,
        encoding="utf-8",
    )
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "MATRIX_"))
    }
    environ["BRIEFBOT_CONFIG"] = str(config)
    return environ


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: one the system gave out, then let go."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_config(
    tmp_path: Path, extra: dict[str, Any] | None = None, env: dict[str, str] | None = None
) -> Config:
    """The project's own topics, a SQLite store under ``tmp_path``, and any extra sections."""
    data: dict[str, Any] = {
        "database": {"url": f"sqlite:///{tmp_path / 'briefbot.db'}"},
        "topics": {"file": str(ROOT / "config" / "topics.toml")},
        "seeds": {"paths": [str(SEED_DIR)]},
        "matrix": {"state_dir": str(tmp_path / "matrix")},
    }
    for key, value in (extra or {}).items():
        data[key] = value
    return parse_config(data, tmp_path / "briefbot.toml", tmp_path, env or {})


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return make_config(tmp_path)


@pytest.fixture
def services(config: Config) -> Iterator[Services]:
    built = build_services(config)
    yield built
    built.close()


@pytest.fixture
def seed_file() -> Path:
    return next(SEED_DIR.glob("*.md"))


@contextmanager
def ingest_breaks_on(pipeline: Pipeline, suffix: str, error: Exception) -> Iterator[None]:
    """While open, storing the item whose name ends with ``suffix`` raises ``error``: a bug
    that one file, entry or URL meets, which no input can be written to trigger, for the
    tests that the batch or source goes on without that item."""
    real = pipeline.ingest

    def buggy(report: Any, name: str, *args: Any) -> Any:
        if name.endswith(suffix):
            raise error
        return real(report, name, *args)

    pipeline.ingest = buggy  # type: ignore[method-assign]
    try:
        yield
    finally:
        pipeline.ingest = real  # type: ignore[method-assign]
