"""The package's one exception root and its few subclasses.

Every invalid input anywhere in :mod:`mcda` raises :class:`MCDAError` (a
``ValueError``), with a message that says what was expected and what was
found, naming the criterion, vendor, member, file or field concerned.

An error carries a ``code`` (a key of the text catalogue, :mod:`mcda.text.errors`)
and its ``params``; ``str(exc)`` is the English text and ``exc.render("zh")`` the
Chinese one. The CLI (``--lang`` / ``MCDA_LANG``) and the app (its language
switch) show :meth:`MCDAError.render` in the reader's language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mcda.text import text

__all__ = ["MCDAError", "Problem", "ScenarioError", "NotConnectedError", "render"]


def _clean(value: str) -> str:
    """Text from a hostile file must still print and serialise (lone surrogates escaped)."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


class MCDAError(ValueError):
    """Root of every error the package raises on bad input.

    ``MCDAError(code="err.key", name=...)`` renders the catalogue entry ``err.key``;
    ``MCDAError("message")`` (a message without a code) is the same text in every language.

    >>> e = MCDAError(code="err.lang", found="'fr'")
    >>> str(e), e.render("zh")
    ("lang must be 'zh' or 'en'; found 'fr'", "语言必须是 'zh' 或 'en'，实际为 'fr'")
    """

    def __init__(self, message: str | None = None, /, *, code: str | None = None, **params: Any):
        self.code = code
        self.params = params
        super().__init__(_clean(message if message is not None else text(code or "", "en", **params)))

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` ("zh" or "en")."""
        if self.code is None or lang != "zh":
            return str(self)
        return _clean(text(self.code, lang, **self.params))


def render(exc: BaseException, lang: str = "en") -> str:
    """Any exception's message in ``lang``: :meth:`MCDAError.render` where it has one."""
    return exc.render(lang) if isinstance(exc, MCDAError) else str(exc)


@dataclass(frozen=True)
class Problem:
    """One located problem in a file: ``path`` is a JSON path such as
    ``judgments[cfo].nodes[quality][3].value``; ``code`` and ``params`` (optional) render
    the message in another language (:meth:`render`)."""

    path: str
    message: str
    code: str | None = None
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        for name in ("path", "message"):
            object.__setattr__(self, name, _clean(getattr(self, name)))

    def text(self, lang: str = "en") -> str:
        """The message alone in ``lang``."""
        if self.code is None or lang != "zh":
            return self.message
        return _clean(text(self.code, lang, **self.params))

    def render(self, lang: str = "en") -> str:
        """``path: message`` in ``lang``."""
        message = self.text(lang)
        return f"{self.path}: {message}" if self.path else message

    def __str__(self) -> str:
        return self.render("en")


class ScenarioError(MCDAError):
    """A model or scenario file (or object) is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem], source: str | None = None):
        self.problems = list(problems)
        self.source = source
        super().__init__(self._text("en"))
        self.code = "err.scenario_problems"

    def _text(self, lang: str) -> str:
        head = f"{_clean(self.source)}: " if self.source else ""
        n = len(self.problems)
        lines = "\n".join(f"  - {p.render(lang)}" for p in self.problems[:50])
        more = "\n" + text("err.more_problems", lang, n=n - 50) if n > 50 else ""
        count = text("err.problems_found_one" if n == 1 else "err.problems_found", lang, n=n)
        return f"{head}{count}\n{lines}{more}"

    def render(self, lang: str = "en") -> str:
        return self._text(lang)


class NotConnectedError(MCDAError):
    """Pairwise judgments do not connect every item (the comparison graph has
    several components); ``groups`` lists the items of each component."""

    def __init__(self, message: str | None = None, groups: list[list] | None = None, /, *,
                 code: str | None = None, **params: Any):
        self.groups = groups or []
        super().__init__(message, code=code, **params)
