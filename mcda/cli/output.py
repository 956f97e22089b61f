"""The one place the command line writes results: JSON, tables and plain text lines.

JSON is exact (``ensure_ascii=False``; no NaN). Tables are aligned for Chinese
(double-width) text through :mod:`tabulate` and :mod:`wcwidth`.
"""
from __future__ import annotations

import json
import sys

__all__ = ["print_json", "table"]


def print_json(data) -> None:
    """``data`` as indented JSON on stdout (UTF-8 text, never NaN)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def table(rows, headers, floatfmt: str = ".4f", numparse: bool = True) -> str:
    """An aligned text table (with :mod:`wcwidth` installed, tabulate counts wide CJK
    characters as two columns); ``numparse=False`` keeps number-like text as text."""
    from tabulate import tabulate

    return tabulate(rows, headers=headers, floatfmt=floatfmt, disable_numparse=not numparse)
