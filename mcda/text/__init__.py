"""Every user-facing sentence in Chinese and English, in one catalogue.

``text(key, lang, **params)`` renders the entry ``key`` in ``lang`` ("zh" or "en"),
formatted with ``params`` (:meth:`str.format` syntax). The catalogue is the union
of the modules in this package, one per area, each with ``ENTRIES``, a dict ``key -> (zh, en)``
(every module of the package that has ``ENTRIES`` is part of it):

* :mod:`mcda.text.ui`: the app's labels;
* :mod:`mcda.text.errors`: every error of the package (:class:`mcda.errors.MCDAError` codes);
* :mod:`mcda.text.notes`, :mod:`mcda.text.lint`: notes on a result and linter warnings;
* :mod:`mcda.text.diff`: sentences describing the difference between two scenarios;
* :mod:`mcda.text.cli_bundled`: the ``mcda template`` / ``example`` / ``app`` commands.

Chinese entries use full-width punctuation; a test checks that both languages of an entry
take the same placeholders, and that no key is defined twice.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from typing import Any

__all__ = ["LANGS", "text", "has", "catalogue", "format_number", "percent"]

LANGS = ("zh", "en")

_CATALOGUE: dict[str, tuple[str, str]] | None = None


def catalogue() -> Mapping[str, tuple[str, str]]:
    """The whole catalogue (built on first use from the area modules; a key defined twice is an error)."""
    global _CATALOGUE
    if _CATALOGUE is None:
        merged: dict[str, tuple[str, str]] = {}
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            module = importlib.import_module(f"mcda.text.{info.name}")
            for key, entry in getattr(module, "ENTRIES", {}).items():
                if key in merged:
                    raise RuntimeError(f"text key {key!r} is defined twice (in {module.__name__})")
                merged[key] = entry
        _CATALOGUE = merged
    return _CATALOGUE


def has(key: str) -> bool:
    """Whether ``key`` is in the catalogue."""
    return key in catalogue()


class _Params(dict):
    """Format parameters; a missing one shows as ``{name}`` rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(key: str, lang: str = "en", /, **params: Any) -> str:
    """The entry ``key`` in ``lang`` with ``params`` filled in; the key itself if unknown.

    >>> text("page_results", "zh"), text("page_results", "en")
    ('排序结果', 'Results')
    """
    entry = catalogue().get(key)
    if entry is None:
        return key
    template = entry[0] if lang == "zh" else entry[1]
    if not params:
        return template
    return template.format_map(_Params(params))


def format_number(x: float, digits: int = 0) -> str:
    """A number with thousands separators: ``560,000`` (both languages use the comma).

    >>> format_number(560000), format_number(1234.5678, 2)
    ('560,000', '1,234.57')
    """
    return f"{x:,.{digits}f}"


def percent(x: float, digits: int = 1) -> str:
    """A share as a percentage with ``digits`` decimals: the one percentage format.

    >>> percent(0.0425)
    '4.3%'
    """
    return f"{100 * x:.{digits}f}%"
