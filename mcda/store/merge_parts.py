"""The values of the three-way merge shared by :mod:`mcda.store.merge` and :mod:`mcda.store.merge_tree`:
:data:`ABSENT` and :class:`Conflict` (kept apart so that the two modules import no cycle)."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ABSENT", "Conflict"]


class _Absent:
    """The value of a part that does not exist on one side (e.g. a removed vendor)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT = _Absent()


@dataclass(frozen=True)
class Conflict:
    """One part both sides changed differently: its value in the base, in mine and in theirs.

    A value is :data:`ABSENT` where the part does not exist on that side.
    """

    part: str
    base: object
    mine: object
    theirs: object

    def as_dict(self) -> dict:
        """The conflict as JSON-ready data (``null`` where the part is absent)."""
        def shown(value):
            return None if value is ABSENT else value

        return {"part": self.part, "base": shown(self.base), "mine": shown(self.mine), "theirs": shown(self.theirs)}
