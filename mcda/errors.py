"""The package's one exception root and its few subclasses.

Every invalid input anywhere in :mod:`mcda` raises :class:`MCDAError` (a
``ValueError``), with a message that says what was expected and what was
found, naming the criterion, vendor, member, file or field concerned.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MCDAError", "Problem", "ScenarioError", "NotConnectedError"]


class MCDAError(ValueError):
    """Root of every error the package raises on bad input."""


@dataclass(frozen=True)
class Problem:
    """One located problem in a file: ``path`` is a JSON path such as
    ``judgments[cfo].nodes[quality][3].value``."""

    path: str
    message: str

    def __post_init__(self) -> None:  # text from a hostile file must still print and serialise
        for name in ("path", "message"):
            value = getattr(self, name)
            object.__setattr__(self, name, value.encode("utf-8", "backslashreplace").decode("utf-8"))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ScenarioError(MCDAError):
    """A model or scenario file (or object) is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem], source: str | None = None):
        self.problems = list(problems)
        self.source = source
        head = f"{source}: " if source else ""
        n = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = f"\n  ... and {n - 50} more" if n > 50 else ""
        super().__init__(f"{head}{n} problem{'s' if n != 1 else ''} found:\n{lines}{more}")


class NotConnectedError(MCDAError):
    """Pairwise judgments do not connect every item (the comparison graph has
    several components); ``groups`` lists the items of each component."""

    def __init__(self, message: str, groups: list[list]):
        self.groups = groups
        super().__init__(message)
