"""Sub-commands beyond validation (weights, rank, sensitivity, store, import/export).

Kept apart from :mod:`mcda.cli` so each concept stays small; every command
only parses, calls the engine, and formats.
"""
from __future__ import annotations

import argparse

__all__ = ["add_parsers"]


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register the engine commands on the ``mcda`` parser."""
