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

import threading
import weakref

from mcda.errors import MCDAError
from mcda.scenario.schema import Scenario

__all__ = ["trusted", "is_trusted", "mark_validated", "forget"]

_lock = threading.Lock()
# id(object) -> (weak reference to it, identity of its top-level fields, its validated copy)
_SEEN: dict[int, tuple[weakref.ref, tuple, Scenario | None]] = {}  # None: the object itself


def _fingerprint(scenario: Scenario) -> tuple:
    settings = getattr(scenario, "settings", None)
    inner = tuple(id(v) for v in settings.__dict__.values()) if hasattr(settings, "__dict__") else ()
    return tuple(id(v) for v in scenario.__dict__.values()) + (id(scenario.__dict__),) + inner


def _remember(original: Scenario, valid: Scenario | None) -> None:
    key = id(original)

    def drop(_ref, key=key):
        with _lock:
            entry = _SEEN.get(key)
            if entry is not None and entry[0]() is None:
                del _SEEN[key]

    with _lock:
        _SEEN[key] = (weakref.ref(original, drop), _fingerprint(original), valid)


def mark_validated(scenario: Scenario) -> Scenario:
    """Record that ``scenario`` was just validated (by pydantic); returns it."""
    _remember(scenario, None)
    return scenario


def forget(scenario: Scenario | None = None) -> None:
    """Forget one scenario (or all): the next :func:`trusted` validates it again."""
    with _lock:
        if scenario is None:
            _SEEN.clear()
        else:
            _SEEN.pop(id(scenario), None)


def is_trusted(scenario) -> bool:
    """Whether ``scenario`` is an object validated before and unchanged since (see the module doc)."""
    entry = _SEEN.get(id(scenario))
    return entry is not None and entry[0]() is scenario and entry[2] is None and entry[1] == _fingerprint(scenario)


def trusted(scenario: Scenario, source: str = "the scenario in memory") -> Scenario:
    """A validated scenario equal to ``scenario``: itself (or its validated copy) if already seen unchanged,
    else the result of validating it again (raising :class:`~mcda.errors.ScenarioError` listing every problem).
    """
    if not isinstance(scenario, Scenario):
        raise MCDAError(code="err.ahp.not_a_scenario", found=type(scenario).__name__)
    entry = _SEEN.get(id(scenario))
    if entry is not None and entry[0]() is scenario and entry[1] == _fingerprint(scenario):
        return scenario if entry[2] is None else entry[2]
    from mcda.scenario.io import parse_scenario

    data = scenario.model_dump(mode="python", round_trip=True)
    valid = parse_scenario(data, source)
    if valid.model_dump(mode="python", round_trip=True) == data:  # already canonical: trust the object itself,
        _remember(scenario, None)  # so that later valid edits in place are seen
        return scenario
    _remember(scenario, valid)  # e.g. model_construct with raw values: the engine runs on the validated copy
    _remember(valid, None)
    return valid
