"""The data shipped inside the package: the criteria template and the example tender.

They are package data (``mcda/data/``, found through :mod:`importlib.resources`),
so an installed wheel has them as well as a source checkout; in the repository
``mcda/data/models`` and ``mcda/data/scenarios`` point at the top-level ``models/``
and ``scenarios/`` folders. ``MCDA_EXAMPLE`` overrides the scenario the app opens.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

__all__ = ["DATA", "TEMPLATE", "GROUPED", "EXAMPLE", "example_path"]

#: The package's data folder (a real folder: the package is installed unzipped).
DATA = Path(str(resources.files("mcda").joinpath("data")))
#: The criteria template as published in the source article (19 dimensions, 114 sub-criteria).
TEMPLATE = DATA / "models" / "financial_outsourcing.json"
#: The recommended grouped model: the same dimensions under 5 clusters of at most 7, repeated
#: sub-criteria merged (100 leaves; see models/README.md). New tenders in the app start from it.
GROUPED = DATA / "models" / "financial_outsourcing_grouped.json"
#: The fictitious example tender (5 vendors, 3 members).
EXAMPLE = DATA / "scenarios" / "example_tender.json"


def example_path() -> Path:
    """The scenario the app opens first (``MCDA_EXAMPLE`` or the bundled example)."""
    return Path(os.environ.get("MCDA_EXAMPLE", EXAMPLE))

