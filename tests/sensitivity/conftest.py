"""Seeded random decision problems for the sensitivity tests."""
from __future__ import annotations

import numpy as np
import pytest


def random_problem(rng: np.random.Generator, n: int, m: int, cost_share: float = 0.4):
    """A positive (n, m) matrix, +1/-1 types (at least one benefit) and weights summing to 1."""
    X = rng.uniform(0.5, 10.0, size=(n, m))
    types = np.where(rng.random(m) < cost_share, -1, 1)
    types[0] = 1
    w = rng.dirichlet(np.ones(m))
    return X, types, w


@pytest.fixture
def problems():
    """Twelve seeded problems of assorted sizes."""
    rng = np.random.default_rng(1997)
    sizes = [(2, 2), (3, 3), (4, 5), (5, 4), (6, 7), (8, 3), (3, 8), (10, 6), (4, 2), (7, 5),
             (5, 10), (9, 4)]
    return [random_problem(rng, n, m) for n, m in sizes]
