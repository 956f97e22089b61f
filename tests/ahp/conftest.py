"""Published example matrices shared by the AHP tests (as fixtures)."""
from __future__ import annotations

import numpy as np
import pytest


def upper(values) -> np.ndarray:
    """Reciprocal matrix from its upper triangle listed row by row."""
    k = len(values)
    n = int(round((1 + np.sqrt(1 + 8 * k)) / 2))
    a = np.eye(n)
    iu = np.triu_indices(n, 1)
    a[iu] = values
    a[iu[1], iu[0]] = 1 / a[iu]
    return a


@pytest.fixture(scope="session")
def drinks() -> np.ndarray:
    """Saaty (2008), Int. J. Services Sciences 1(1), 83-98: relative consumption of drinks in the US
    (coffee, wine, tea, beer, sodas, milk, water), as reproduced in the AHPy README."""
    return np.array([
        [1, 9, 5, 2, 1, 1, 1 / 2],
        [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
        [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
        [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [1, 9, 4, 2, 1, 2, 1 / 2],
        [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [2, 9, 9, 3, 2, 3, 1],
    ])


@pytest.fixture(scope="session")
def leader() -> dict:
    """Wikipedia, "Analytic hierarchy process - leader example" (Tom, Dick, Harry; criteria experience,
    education, charisma, age), judgments as listed in the AHPy README (which renames the candidates
    Moll, Nell, Sue)."""
    return {
        "criteria": ["Experience", "Education", "Charisma", "Age"],
        "candidates": ["Tom", "Dick", "Harry"],
        "goal": upper([4, 3, 7, 1 / 3, 3, 5]),
        "local": {
            "Experience": upper([1 / 4, 4, 9]),
            "Education": upper([3, 1 / 5, 1 / 7]),
            "Charisma": upper([5, 9, 4]),
            "Age": upper([1 / 3, 5, 9]),
        },
    }
