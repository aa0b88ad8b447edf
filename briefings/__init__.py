"""briefings: the core of briefbot — reports in, attributed claims, denials, open questions
and briefs out.

The core does no network or chat I/O: it parses what it is given, runs the rule-based
engine, keeps its state behind ``briefings.store`` and renders briefs with templates shipped
inside the package. The platform adapters live in ``bot``.
"""

from briefings.model import (
    Brief,
    ChatMessage,
    Claim,
    Denial,
    Digest,
    Entities,
    Evidence,
    Extraction,
    Notice,
    OpenQuestion,
    Report,
    Sentence,
    ThreadSummary,
)

__version__ = "0.1.0"

__all__ = [
    "Brief",
    "ChatMessage",
    "Claim",
    "Denial",
    "Digest",
    "Entities",
    "Evidence",
    "Extraction",
    "Notice",
    "OpenQuestion",
    "Report",
    "Sentence",
    "ThreadSummary",
    "__version__",
]
