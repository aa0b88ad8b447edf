"""A story long enough that its digest takes several messages on Slack and on Matrix.

Written for the tests: 24 reports of 16 attributed sentences each, every one naming Donbass,
so a digest of the topic runs to about ten Slack messages and five Matrix events.
"""

from __future__ import annotations

from pathlib import Path

TOWNS = ("Kramatorsk", "Sloviansk", "Bakhmut", "Pokrovsk", "Kostiantynivka", "Druzhkivka")


def write_long_story(folder: Path, reports: int = 24, sentences: int = 16) -> Path:
    """Write the reports as Markdown files into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for r in range(reports):
        lines = [
            f"Regional envoy Marta Kovalenko-{r}x{s} said on Monday that the Donbass working "
            f"group would reopen the road to {TOWNS[(r + s) % len(TOWNS)]} for convoy {r}-{s}, "
            "restore the water main that feeds its hospital and publish a list of the "
            "prisoners held there since the spring."
            for s in range(sentences)
        ]
        front = f'+++\ntitle = "Donbass working group, session {r}"\noutlet = "Test Wire"\n'
        front += 'published = "2026-01-29"\n+++\n'
        (folder / f"session-{r:02d}.md").write_text(front + "\n".join(lines) + "\n", "utf-8")
    return folder


def write_late_report(path: Path) -> Path:
    """One more Donbass report, stored between a failed digest and its retry."""
    path.write_text(
        '+++\ntitle = "Envoy on the Donbass water talks"\noutlet = "Test Wire"\n+++\n'
        "A senior envoy said on Tuesday that the Donbass water talks would resume in March.\n",
        encoding="utf-8",
    )
    return path
