"""Shared fixtures: seeded random generators and the repository's data folders."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261127)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
