"""A member's inputs: saving them, submitting (locking) them, importing a filled template; reopening.

Mixed into :class:`mcda.committee.Tender`. A member changes only their own part
(``judgments[member]`` and ``scores[member]``): any other difference from the version
the edit started from is refused. The inputs are saved as a new version of the
scenario, recorded with the member as its actor and merged with what others saved
meanwhile (:meth:`mcda.store.Store.save` with ``base``). A part submitted in a phase
is locked for that phase until the moderator reopens it; moving to ``review``
starts a new phase, where each change needs a comment and is kept in the
consensus record (old value, new value, who, why).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from mcda.committee import records as db
from mcda.committee.records import check_text
from mcda.committee.templates import import_member_file
from mcda.committee.tokens import Identity
from mcda.committee.views import pair_key, score_key
from mcda.errors import MCDAError
from mcda.scenario import edits
from mcda.scenario.schema import Scenario

__all__ = ["Submitted", "SubmissionsMixin", "part_values", "changed_cells"]


@dataclass(frozen=True)
class Submitted:
    """What :meth:`SubmissionsMixin.submit` did."""

    member: str
    kind: str | None  # "judgments", "scores" or None (no file)
    changes: int  # judgment pairs, direct-weight nodes and score cells changed
    version: int  # the scenario version holding the member's part
    locked: bool


def part_values(scenario: Scenario, member: str) -> dict[str, str]:
    """A member's part as target -> value text (judgments as ratios of the sorted ids)."""
    out: dict[str, str] = {}
    mj = scenario.judgments.get(member)
    if mj is not None:
        for node, pairs in mj.nodes.items():
            for p in pairs:
                ratio = p.value if p.a < p.b else 1 / p.value
                out[pair_key(node, p.a, p.b)] = f"{ratio:.6g}"
        for node, weights in mj.direct.items():
            out[f"direct:{node}"] = json.dumps(weights, sort_keys=True)
    for vendor, row in scenario.scores.get(member, {}).items():
        for leaf, value in row.items():
            if value is not None:
                out[score_key(vendor, leaf)] = f"{value:.12g}"
    return out


def changed_cells(old: Scenario, new: Scenario, member: str) -> list[tuple[str, str | None, str | None]]:
    """(target, old value, new value) for every cell of ``member``'s part that differs."""
    a, b = part_values(old, member), part_values(new, member)
    return [(k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def _without_part(scenario: Scenario, member: str) -> dict:
    data = scenario.model_dump(mode="json")
    data["judgments"].pop(member, None)
    data["scores"].pop(member, None)
    return data


class SubmissionsMixin:
    """Members' inputs (see the module docstring); needs ``store``, ``name``, ``require``, ``_check``, ``_acting``."""

    def _member(self, who: Identity, action: str) -> tuple[str, str]:
        """(member id, phase) after checking ``who`` is a member who may take ``action`` and whose part is open."""
        def check(tx):
            sid = db.scenario_id(tx, self.name)
            st = self._check(tx, who, action, sid)  # the link first; only members may edit or submit
            if who.role != "member" or not who.person:
                raise MCDAError(code="err.committee.not_allowed", action=action, role=who.role, phase=st.phase)
            part = db.parts(tx, sid).get(who.person)
            if part is not None and part[0] == st.phase:
                raise MCDAError(code="err.committee.locked", member=who.person, at=part[1] or "")
            return st.phase

        return who.person, db.transaction(self.store, "check the member's part", check)

    def save_inputs(self, who: Identity, scenario: Scenario, base: int, comment: str | None = None,
                    message: str = "") -> int:
        """Save ``scenario`` (edited from version ``base``) whose only changes are ``who``'s own part; the new
        version number. In review a ``comment`` is required and each changed cell is recorded with it."""
        member, phase = self._member(who, "edit_own")
        note = check_text(comment, "comment", required=phase == "review")
        old = self.store.read(self.name, base).scenario
        outside = _without_part(old, member) != _without_part(scenario, member)
        if member not in {m.id for m in scenario.members} or outside:
            raise MCDAError(code="err.committee.other_part", member=member)
        changes = changed_cells(old, scenario, member)
        if not changes:
            raise MCDAError(code="err.committee.unchanged", member=member)
        text = message or f"{who.actor}: {len(changes)} input(s) changed" + (f" ({note})" if note else "")
        info = self._acting(who.actor).save(scenario, self.name, text[:1000], base=base)

        def record(tx):
            sid = db.scenario_id(tx, self.name)
            db.touch(tx, sid, member)
            if phase == "review":
                for target, before, after in changes:
                    db.add_note(tx, sid, who.actor, "change", target, before, after, note, info.version)
            db.log(tx, sid, self.name, who.actor, "committee-input",
                   f"{len(changes)} input(s) of {member} changed in {phase}" + (f"; comment: {note}" if note else ""),
                   info.version)

        db.transaction(self.store, "record the member's change", record, write=True)
        return info.version

    def set_judgment(self, who: Identity, node: str, a: str, b: str, value: float | None,
                     comment: str | None = None) -> int:
        """``who``'s judgment of ``a`` against ``b`` at ``node`` (None removes it), saved on the latest version."""
        self._member(who, "edit_own")  # who and when, before anything is read
        version, scenario = self.scenario()
        changed = edits.set_pairwise(scenario, who.person, node, a, b, value)
        return self.save_inputs(who, changed, version, comment)

    def set_scores(self, who: Identity, changes: dict[str, dict[str, float | None]], comment: str | None = None) -> int:
        """``who``'s scores ``{vendor: {leaf: value or None}}``, saved on the latest version."""
        self._member(who, "edit_own")
        version, scenario = self.scenario()
        return self.save_inputs(who, edits.set_scores(scenario, who.person, changes), version, comment)

    def submit(self, who: Identity, data: bytes | None = None, source: str | None = None,
               comment: str | None = None, *, lock: bool = True) -> Submitted:
        """Import a filled template (``data``, if given) into ``who``'s part, then mark it complete and lock it
        for the phase (``lock``). Refused when ``who`` is not a member, the phase is not individual or review,
        the part is locked, or the file names another member (or none)."""
        member, phase = self._member(who, "submit" if lock else "edit_own")
        kind, changes = None, 0
        version, scenario = self.scenario()
        if data is not None:
            kind, imported = import_member_file(scenario, member, data, source)
            changes = len(changed_cells(scenario, imported, member))
            if changes:
                version = self.save_inputs(who, imported, version, comment)
        if lock:
            def close(tx):
                sid = db.scenario_id(tx, self.name, lock=True)
                st = self._check(tx, who, "submit", sid)
                part = db.parts(tx, sid).get(member)
                if part is not None and part[0] == st.phase:
                    raise MCDAError(code="err.committee.locked", member=member, at=part[1] or "")
                db.set_submitted(tx, sid, member, st.phase, version)
                db.log(tx, sid, self.name, who.actor, "committee-submit",
                       f"{member} submitted their part in {st.phase} (version {version})", version)

            db.transaction(self.store, "submit the member's part", close, write=True)
        return Submitted(member, kind, changes, version, lock)

    def reopen(self, who: Identity, member: str, reason: str | None) -> None:
        """Reopen ``member``'s submitted part (moderator, with a reason): it can be changed and submitted again."""
        text = check_text(reason, "reason")

        def reopen(tx):
            sid = db.scenario_id(tx, self.name, lock=True)
            st = self._check(tx, who, "reopen", sid)
            part = db.parts(tx, sid).get(member)
            if part is None or part[0] != st.phase:
                raise MCDAError(code="err.committee.not_locked", member=str(member)[:64], phase=st.phase)
            db.set_submitted(tx, sid, member, None, None)
            db.add_note(tx, sid, who.actor, "reopen", f"member:{member}", st.phase, None, text,
                        db.latest_version(tx, sid))
            db.log(tx, sid, self.name, who.actor, "committee-reopen",
                   f"part of {member} reopened in {st.phase}: {text}")

        db.transaction(self.store, f"reopen a part of {self.name!r}", reopen, write=True)
