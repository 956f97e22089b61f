"""The one place the command line writes results: JSON, tables, plain text lines and files.

JSON is exact (``ensure_ascii=False``; no NaN). Tables are aligned for Chinese
(double-width) text through :mod:`tabulate` and :mod:`wcwidth`. Files (``-o OUT``)
are written atomically (:func:`mcda.scenario.io.atomic_write`), never over an input.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from mcda.errors import MCDAError

__all__ = ["print_json", "table", "emit", "not_an_input"]


def print_json(data) -> None:
    """``data`` as indented JSON on stdout (UTF-8 text, never NaN)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def table(rows, headers, floatfmt: str = ".4f", numparse: bool = True) -> str:
    """An aligned text table (with :mod:`wcwidth` installed, tabulate counts wide CJK
    characters as two columns); ``numparse=False`` keeps number-like text as text."""
    from tabulate import tabulate

    return tabulate(rows, headers=headers, floatfmt=floatfmt, disable_numparse=not numparse)


def not_an_input(output: str, *inputs: str) -> None:
    """Refuse an output path that is one of the command's input files (it would be destroyed)."""
    out = Path(output)
    for name in inputs:
        src = Path(name)
        try:
            same = out.exists() and src.exists() and os.path.samefile(out, src)
        except OSError:
            same = False
        if same:
            raise MCDAError(f"the output {output} is the input file {name}: writing it would replace the input; "
                            "choose another output file")


def emit(data: str | bytes, output: str | None, what: str, inputs: tuple[str, ...] = (),
         wrote: str | None = None) -> None:
    """Write ``data`` to ``output`` atomically (refusing a folder or one of ``inputs``) and say so
    (``wrote``, default "wrote {what} to {output}"); without ``output`` print text, refuse bytes."""
    from mcda.scenario.io import atomic_write

    if output:
        not_an_input(output, *inputs)
        atomic_write(output, data)
        print(wrote if wrote is not None else f"wrote {what} to {output}")
    elif isinstance(data, bytes):
        raise MCDAError(f"{what} is a binary file: give -o FILE")
    else:
        sys.stdout.write(data)
