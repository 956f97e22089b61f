"""The scenario settings the Settings page edits: their choices (from the schema and the registries,
never a second list) and the edit itself, through the scenario's validation (no streamlit here).
"""
from __future__ import annotations

import typing
from typing import Any

from mcda.methods import METHOD_NAMES, METHODS
from mcda.normalization import NORMALIZATIONS
from mcda.scenario.io import parse_scenario
from mcda.scenario.schema import Scenario, SensitivitySettings, Settings

__all__ = ["CHOICE_FIELDS", "NUMBER_FIELDS", "SENSITIVITY_FIELDS", "choices", "normalisable_methods",
           "normalization_choices", "set_settings"]

#: Settings chosen from a list (the schema's Literal choices), in the order the page shows them.
CHOICE_FIELDS: tuple[str, ...] = ("aggregation", "priority_method", "completion", "ri_table", "score_aggregation",
                                  "missing_scores")
#: Settings typed as numbers.
NUMBER_FIELDS: tuple[str, ...] = ("cr_threshold", "tie_tolerance")
#: ``settings.sensitivity`` fields.
SENSITIVITY_FIELDS: tuple[str, ...] = ("samples", "seed", "model", "lognormal_sigma")


def choices(field: str, sensitivity: bool = False) -> tuple[str, ...]:
    """The allowed values of a setting, from the schema's ``Literal`` annotation.

    >>> choices("missing_scores")
    ('error', 'skip', 'impute_median')
    >>> choices("model", sensitivity=True)
    ('uniform', 'judgments', 'lognormal')
    """
    model = SensitivitySettings if sensitivity else Settings
    return tuple(typing.get_args(model.model_fields[field].annotation))


def normalisable_methods() -> tuple[str, ...]:
    """Methods whose normalisation can be chosen (the others fix their own)."""
    return tuple(m for m in METHOD_NAMES if METHODS[m].default_normalization is not None)


def normalization_choices() -> tuple[str, ...]:
    return tuple(NORMALIZATIONS)


def set_settings(scenario: Scenario, changes: dict[str, Any], sensitivity: dict[str, Any] | None = None) -> Scenario:
    """The scenario with some settings changed, validated as a whole file would be.

    ``changes`` maps setting names to values (``normalization``: ``{method: name}``, a method's
    default left out); ``sensitivity`` the fields of ``settings.sensitivity``. Raises
    :class:`~mcda.errors.ScenarioError` with every problem (``settings.cr_threshold: ...``).
    """
    data = scenario.model_dump(mode="python", round_trip=True)
    data["settings"] = {**data["settings"], **changes}
    if sensitivity:
        data["settings"]["sensitivity"] = {**data["settings"]["sensitivity"], **sensitivity}
    return parse_scenario(data, None)
