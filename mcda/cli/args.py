"""Argument types and options shared by the ``mcda`` sub-commands."""
from __future__ import annotations

import argparse
import os
from collections.abc import Callable

__all__ = ["whole_number", "VERSION", "SAMPLES", "SEED", "COUNT", "lang_parent", "default_lang"]


def whole_number(minimum: int, what: str = "a whole number") -> Callable[[str], int]:
    """An argparse type accepting ``what`` (a whole number) of at least ``minimum``; a usage error otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, found {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected {what} of at least {minimum}, found {value}")
        return value

    parse.__name__ = what.replace(" ", "_")
    return parse


VERSION = whole_number(1, "a version number")
SAMPLES = whole_number(1, "a number of samples")
SEED = whole_number(0, "a seed (a whole number)")
COUNT = whole_number(0, "a whole number")


def default_lang() -> str:
    """Names and sentences in Chinese or English: env ``MCDA_LANG`` (default en)."""
    return os.environ.get("MCDA_LANG", "en") if os.environ.get("MCDA_LANG") in ("zh", "en") else "en"


def lang_parent(help_text: str = "names in Chinese or English (env MCDA_LANG)") -> argparse.ArgumentParser:
    """A parent parser adding ``--lang zh|en``."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--lang", choices=["zh", "en"], default=default_lang(), help=help_text)
    return p
