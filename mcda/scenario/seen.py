"""The registry of Scenario objects known to be valid (see :mod:`mcda.scenario.validated`).

Kept apart so that the loaders (:mod:`mcda.scenario.io`) can record what they validate
without importing the module that validates again.
"""

from __future__ import annotations

import threading
import weakref

from mcda.scenario.schema import Scenario

__all__ = ["SEEN", "fingerprint", "remember", "mark_validated", "forget", "is_trusted"]

_lock = threading.Lock()
# id(object) -> (weak reference to it, identity of its top-level fields, its validated copy)
SEEN: dict[int, tuple[weakref.ref, tuple, Scenario | None]] = {}  # None: the object itself


def fingerprint(scenario: Scenario) -> tuple:
    settings = getattr(scenario, "settings", None)
    inner = tuple(id(v) for v in settings.__dict__.values()) if hasattr(settings, "__dict__") else ()
    return tuple(id(v) for v in scenario.__dict__.values()) + (id(scenario.__dict__),) + inner


def remember(original: Scenario, valid: Scenario | None) -> None:
    key = id(original)

    def drop(_ref, key=key):
        with _lock:
            entry = SEEN.get(key)
            if entry is not None and entry[0]() is None:
                del SEEN[key]

    with _lock:
        SEEN[key] = (weakref.ref(original, drop), fingerprint(original), valid)


def mark_validated(scenario: Scenario) -> Scenario:
    """Record that ``scenario`` was just validated (by pydantic); returns it."""
    remember(scenario, None)
    return scenario


def forget(scenario: Scenario | None = None) -> None:
    """Forget one scenario (or all): the next :func:`trusted` validates it again."""
    with _lock:
        if scenario is None:
            SEEN.clear()
        else:
            SEEN.pop(id(scenario), None)


def is_trusted(scenario) -> bool:
    """Whether ``scenario`` is an object validated before and unchanged since (see the module doc)."""
    entry = SEEN.get(id(scenario))
    return entry is not None and entry[0]() is scenario and entry[2] is None and entry[1] == fingerprint(scenario)


