"""Slack: ``/brief`` commands, daily digests and thread summaries (slack-bolt, asyncio)."""

from bot.slack.adapter import SlackAdapter
from bot.slack.destination import SlackDestination
from bot.slack.threads import ThreadRead, plain_text, read_thread

__all__ = ["SlackAdapter", "SlackDestination", "ThreadRead", "plain_text", "read_thread"]
