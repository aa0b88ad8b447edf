"""The composition root: one place that builds the store, engine pipeline, renderer and
command handler from a ``Config``, so the CLI, the scheduler, the chat adapters and the
tests all get the same wiring (and tests can pass their own config)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Config, ConfigError
from bot.handler import CommandHandler, FollowListener
from briefings import database_url
from briefings.database_url import StoreUnavailable
from briefings.pipeline import Pipeline
from briefings.render import Renderer
from briefings.store import Store
from briefings.topics import TopicMatcher


@dataclass
class Services:
    config: Config
    store: Store
    matcher: TopicMatcher
    pipeline: Pipeline
    renderer: Renderer
    handler: CommandHandler

    def close(self) -> None:
        self.store.close()


def build_services(config: Config, on_follow: FollowListener | None = None) -> Services:
    try:
        database_url.refuse_in_memory(config.database_url)
        store = Store.open(config.database_url)
    except StoreUnavailable as exc:
        # A store that cannot be opened is a setting to fix: say which one set it.
        raise ConfigError(f"{config.database_url_source}: {exc}") from exc
    matcher = TopicMatcher(config.topics)
    pipeline = Pipeline(store, matcher)
    handler = CommandHandler(
        store, matcher, on_follow=on_follow, sources=[s.name for s in config.sources]
    )
    return Services(config, store, matcher, pipeline, Renderer(), handler)
