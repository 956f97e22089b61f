"""Argument types and options shared by the ``mcda`` sub-commands."""
from __future__ import annotations

import argparse
import os
from collections.abc import Callable

from mcda.scenario.rules import MAX_SAMPLES

__all__ = [
    "COUNT",
    "MAX_WHOLE",
    "REPORT_SAMPLES",
    "SAMPLES",
    "SEED",
    "VERSION",
    "default_lang",
    "lang_parent",
    "whole_number",
]

#: The largest version number, seed or count the command line accepts (the store keeps 64-bit integers).
MAX_WHOLE = 2**63 - 1


def whole_number(minimum: int, what: str = "a whole number", maximum: int = MAX_WHOLE) -> Callable[[str], int]:
    """An argparse type accepting ``what`` (a whole number) between ``minimum`` and ``maximum``;
    a usage error (exit 2) otherwise, also for a number of thousands of digits."""

    def parse(text: str) -> int:
        digits = text.strip().lstrip("+-")
        if len(digits) > 30:  # int() of a huge literal is slow, and such a number is out of range anyway
            raise argparse.ArgumentTypeError(
                f"expected {what} of at most {maximum:,}, found a {len(digits)}-digit number")
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, found {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected {what} of at least {minimum}, found {value}")
        if value > maximum:
            raise argparse.ArgumentTypeError(f"expected {what} of at most {maximum:,}, found {value:,}")
        return value

    parse.__name__ = what.replace(" ", "_")
    return parse


VERSION = whole_number(1, "a version number")
SAMPLES = whole_number(1, "a number of samples", MAX_SAMPLES)
REPORT_SAMPLES = whole_number(0, "a number of samples", MAX_SAMPLES)
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
