"""Where the bundled data lives: the criteria template and the example scenario.

The project is installed editable (see the README), so the data folders sit
next to the package. ``MCDA_EXAMPLE`` overrides the scenario the app opens.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ROOT", "TEMPLATE", "EXAMPLE", "example_path"]

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "models" / "financial_outsourcing.json"
EXAMPLE = ROOT / "scenarios" / "example_tender.json"


def example_path() -> Path:
    """The scenario the app opens first (``MCDA_EXAMPLE`` or the bundled example)."""
    return Path(os.environ.get("MCDA_EXAMPLE", EXAMPLE))
