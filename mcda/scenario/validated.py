"""Validate once: which Scenario objects the engine has already seen valid, so it does not validate them again.

A :class:`~mcda.scenario.schema.Scenario` built by pydantic validation (the loaders in
:mod:`mcda.scenario.io`, ``Scenario.model_validate``) is valid, but nothing stops code
from editing it afterwards without validation (``model_copy(update=...)``,
``model_construct``, assigning an attribute).  :func:`trusted` returns a validated
scenario for any Scenario: the first time it sees an object it validates it (a full
pydantic round trip, as before) and remembers it, weakly, together with the identity
of each of its top-level fields and settings; later calls with the same, unchanged
object return it at once (or, if validation changed its content, e.g. an object made
by ``model_construct`` with raw values, the validated copy).  A new object (a copy, a
constructed one) or one whose top-level fields or settings were reassigned is
validated again.  Editing nested values in place (``s.scores[m][v][c] = 99``) on an
object already trusted is used as it is but not validated again: edit through
``model_copy`` or :mod:`mcda.scenario.edits`, which make new objects.

:func:`mark_validated` lets a loader that has just validated an object record it.
"""
from __future__ import annotations

from mcda.errors import MCDAError
from mcda.scenario.io import parse_scenario
from mcda.scenario.schema import Scenario
from mcda.scenario.seen import SEEN, fingerprint, forget, is_trusted, mark_validated, remember

__all__ = ["trusted", "is_trusted", "mark_validated", "forget"]


def trusted(scenario: Scenario, source: str = "the scenario in memory") -> Scenario:
    """A validated scenario equal to ``scenario``: itself (or its validated copy) if already seen unchanged,
    else the result of validating it again (raising :class:`~mcda.errors.ScenarioError` listing every problem).
    """
    if not isinstance(scenario, Scenario):
        raise MCDAError(code="err.ahp.not_a_scenario", found=type(scenario).__name__)
    entry = SEEN.get(id(scenario))
    if entry is not None and entry[0]() is scenario and entry[1] == fingerprint(scenario):
        return scenario if entry[2] is None else entry[2]
    data = scenario.model_dump(mode="python", round_trip=True)
    valid = parse_scenario(data, source)
    if valid.model_dump(mode="python", round_trip=True) == data:  # already canonical: trust the object itself,
        remember(scenario, None)  # so that later valid edits in place are seen
        return scenario
    remember(scenario, valid)  # e.g. model_construct with raw values: the engine runs on the validated copy
    remember(valid, None)
    return valid
