"""What a version holds, on the way in and out: canonical text, and records read back from the database."""
from __future__ import annotations

from pydantic_core import PydanticSerializationError

from mcda.errors import MCDAError
from mcda.scenario.io import MAX_FILE_BYTES, dumps, parse_json, parse_scenario
from mcda.scenario.schema import Scenario
from mcda.store.records import VersionInfo

__all__ = ["canonical", "whole", "version_info"]


def canonical(scenario: object) -> str:
    """The canonical text of a scenario (:func:`mcda.scenario.io.dumps`), validated again (an object edited in memory
    may be invalid)."""
    if not isinstance(scenario, Scenario):
        raise MCDAError("only scenarios are saved in the library; expected a Scenario, "
                        f"found {type(scenario).__name__}")
    try:
        text = dumps(scenario)
    except (PydanticSerializationError, TypeError, ValueError) as exc:  # e.g. a field set to a wrong type in memory
        raise MCDAError(f"the scenario cannot be written as JSON ({exc}); nothing was saved") from None
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise MCDAError(f"the scenario contains text that is not valid Unicode (character {exc.start} of its JSON "
                        "text); nothing was saved") from None
    if len(raw) > MAX_FILE_BYTES:
        raise MCDAError(f"the scenario is {len(raw) / 1e6:.1f} MB as JSON; over {MAX_FILE_BYTES / 1e6:.0f} MB is "
                        "refused (it could not be opened again); nothing was saved")
    parse_scenario(parse_json(text, "the scenario to save"), "the scenario to save")
    return text


def whole(value, name: str) -> int:
    """A version number or size read back from the database; anything else means the library was damaged."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise MCDAError(f"the scenario library is damaged: {name!r} has a version record holding {value!r} "
                        "where a whole number belongs (changed outside vendor-eval); nothing was changed")
    return value


def version_info(name: str, row) -> VersionInfo:
    """A :class:`VersionInfo` from a row of ``versions`` (see ``_INFO`` in :mod:`mcda.store.library`), type-checked."""
    version, saved_at, message, title, sha, size, restored_from, actor, base, merged_with = row
    whole(version, name)
    whole(size, name)
    for optional in (restored_from, base, merged_with):
        if optional is not None:
            whole(optional, name)
    if not all(isinstance(x, str) for x in (saved_at, message, title, sha, actor)):
        raise MCDAError(f"the scenario library is damaged: version {version} of {name!r} has a text field of the "
                        "wrong type (changed outside vendor-eval); nothing was changed")
    return VersionInfo(name, version, saved_at, message, title, sha, size, restored_from, actor, base, merged_with)
