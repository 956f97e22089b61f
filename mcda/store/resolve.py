"""Saving with the user's choice for each conflicting part (the app's side-by-side conflicts).

:func:`resolve` merges ``base -> mine`` into ``theirs`` like :func:`mcda.store.merge.merge_scenarios`,
but takes, for each part named in ``choices``, the side the user chose (``"mine"`` or ``"theirs"``)
instead of reporting a conflict. A conflict without a choice is still reported: nothing is
resolved silently.
"""
from __future__ import annotations

from mcda.store.merge import ABSENT, Merger, MergeResult, run_merger

__all__ = ["resolve"]


class _Choosing(Merger):
    def __init__(self, choices: dict[str, str]):
        super().__init__()
        self.choices = dict(choices)

    def _chosen(self, before: int, m, t):
        """If the conflict just recorded has a choice, drop it and return the chosen side (else ``None``)."""
        if len(self.conflicts) > before and self.conflicts[-1].part in self.choices:
            part = self.conflicts.pop().part
            if self.choices[part] == "mine":
                self.from_mine.append(part)
                return (m,)
            return (t,)
        return None

    def atom(self, part, b, m, t, same=lambda x, y: x == y):
        before = len(self.conflicts)
        out = super().atom(part, b, m, t, same)
        got = self._chosen(before, m, t)
        return out if got is None else got[0]

    def container(self, part, b, m, t, child):
        before = len(self.conflicts)
        out = super().container(part, b, m, t, child)
        got = self._chosen(before, m, t)
        return out if got is None else got[0]

    def order(self, part, b, m, t, keep):
        before = len(self.conflicts)
        out = super().order(part, b, m, t, keep)
        got = self._chosen(before, m, t)
        if got is None:
            return out
        side = got[0]
        return [x for x in side if x in keep] + [x for x in keep if x not in side]


def resolve(base: dict, mine: dict, theirs: dict, choices: dict[str, str]) -> MergeResult:
    """The merge of ``base -> mine`` into ``theirs`` with ``choices`` ({part: "mine" | "theirs"}) applied."""
    result = run_merger(_Choosing(choices), base, mine, theirs)
    if result.data is ABSENT:
        return MergeResult({}, [], result.from_mine)
    return result
