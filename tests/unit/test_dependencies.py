"""The install path: what briefbot needs at run time is declared where every pip installs it."""

from __future__ import annotations

import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

pytestmark = pytest.mark.unit


def _declared() -> list[Requirement]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    return [Requirement(line) for line in project["dependencies"]]


def _extras_asked_by_dependencies() -> list[tuple[str, str, str]]:
    """(asked by, package[extra], what the extra installs) for every extra that a package
    briefbot installs asks of another one, over the whole installed dependency tree."""
    found: list[tuple[str, str, str]] = []
    todo: list[tuple[Requirement, str | None]] = [(r, None) for r in _declared()]
    visited: set[str] = set()
    while todo:
        requirement, asked_by = todo.pop()
        name = canonicalize_name(requirement.name)
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        requires = [Requirement(line) for line in dist.requires or []]
        for extra in sorted(requirement.extras):
            for needed in requires:
                marker = needed.marker
                if (
                    marker
                    and marker.evaluate({"extra": extra})
                    and not marker.evaluate({"extra": ""})
                ):
                    if asked_by is not None:
                        found.append((asked_by, f"{name}[{extra}]", needed.name))
                    todo.append((needed, name))
        if name in visited:
            continue
        visited.add(name)
        todo += [
            (needed, name)
            for needed in requires
            if needed.marker is None or needed.marker.evaluate({"extra": ""})
        ]
    return found


def test_what_a_dependency_gets_through_an_extra_is_declared_directly() -> None:
    # justext asks for lxml[html_clean]; an installer that drops that extra (the audit saw
    # pip 23.x do so) leaves lxml_html_clean out, and every article page then fails with an
    # ImportError. Declared directly, it is installed whatever pip does with extras.
    declared = {canonicalize_name(r.name) for r in _declared()}
    missing = [
        f"{asker} asks for {extra}, which needs {needed}"
        for asker, extra, needed in _extras_asked_by_dependencies()
        if canonicalize_name(needed) not in declared
    ]
    assert missing == []


def test_the_installed_versions_satisfy_the_declared_bounds() -> None:
    for requirement in _declared():
        installed = metadata.version(requirement.name)
        assert requirement.specifier.contains(installed, prereleases=True), (
            f"{requirement.name} {installed} does not satisfy {requirement}"
        )
