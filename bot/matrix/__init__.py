"""Matrix: ``!brief`` commands, digests to followed rooms and thread summaries (matrix-nio)."""

from bot.matrix.adapter import MatrixAdapter
from bot.matrix.destination import MatrixDestination

__all__ = ["MatrixAdapter", "MatrixDestination"]
