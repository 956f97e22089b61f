"""Review and decision: comments, the moderator's overrides, the consensus record, progress and results.

Mixed into :class:`mcda.committee.Tender`.

* **Comments** on a judgment pair (``judgment:node:a:b``, ids sorted) or a score cell
  (``score:vendor:leaf``), by members and the moderator in review.
* **Overrides**: the moderator sets the committee's value of a score cell, with a
  mandatory reason. Individual scores are never touched: the override is kept beside
  them (``committee_notes``), and :meth:`ConsensusMixin.committee_scenario` is the
  scenario the results are computed from, in which every member's score of an
  overridden cell is the committee's value (so any score aggregation gives it).
  ``value=None`` withdraws an override (a reason is still required).
* **The consensus record** (:meth:`ConsensusMixin.record`): every change made in
  review (old and new value, by whom, why), comment, override, reopening, phase move
  and the sign-off, oldest first; for the HTML and Excel reports.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from mcda.committee import records as db
from mcda.committee.progress import MemberProgress, member_progress
from mcda.committee.records import check_text
from mcda.committee.tokens import Identity
from mcda.committee.views import Spread, pair_key, score_key, spread
from mcda.errors import MCDAError
from mcda.scenario.io import parse_scenario
from mcda.scenario.schema import Scenario
from mcda.text import text

__all__ = ["ConsensusRecord", "Results", "ConsensusMixin", "target_label", "record_rows"]


@dataclass(frozen=True)
class ConsensusRecord:
    """What changed in review, by whom and why; the overrides in force; the sign-off."""

    phase: str
    entries: tuple[db.Note, ...]
    overrides: dict[str, float] = field(default_factory=dict)  # score:vendor:leaf -> committee value
    decision_note: str | None = None
    signed_version: int | None = None
    signed_by: str | None = None
    signed_at: str | None = None

    def as_dict(self) -> dict:
        return {"phase": self.phase, "entries": [e.as_dict() for e in self.entries], "overrides": dict(self.overrides),
                "decision_note": self.decision_note, "signed_version": self.signed_version,
                "signed_by": self.signed_by, "signed_at": self.signed_at}


@dataclass(frozen=True)
class Results:
    """Aggregates only (no individual input): global weights per leaf and each method's ranking."""

    version: int
    weights: dict[str, float]
    rankings: dict[str, list[dict]]  # method -> [{"vendor", "score", "rank"}], best first


def _overrides(notes: list[db.Note]) -> dict[str, float]:
    out: dict[str, float] = {}
    for n in notes:
        if n.kind == "override":
            if n.new_value is None:
                out.pop(n.target, None)
            else:
                out[n.target] = float(n.new_value)
    return out


def _targets(scenario: Scenario) -> set[str]:
    out = {score_key(v.id, leaf.id) for v in scenario.vendors for leaf in scenario.criteria.leaves()}
    for node, _, _ in scenario.criteria.walk():
        kids = [c.id for c in node.children]
        out |= {pair_key(node.id, a, b) for i, a in enumerate(kids) for b in kids[i + 1:]}
    return out


def target_label(target: str, scenario: Scenario, lang: str = "en") -> str:
    """A note's target in words: ``Quality : Cost (Goal)``, ``Huaxin / Fee``, ``member cfo``, ``phase``."""
    names = scenario.names(lang)
    kind, _, rest = target.partition(":")
    parts = rest.split(":")
    if kind == "judgment" and len(parts) == 3:
        node, a, b = (names.get(p, p) for p in parts)
        return f"{a} : {b} ({node})"
    if kind == "score" and len(parts) == 2:
        return " / ".join(names.get(p, p) for p in parts)
    if kind == "member":
        return names.get(rest, rest)
    return target


def record_rows(record: ConsensusRecord, scenario: Scenario, lang: str = "en") -> list[dict]:
    """The record as rows for a report table: at, by, what, on (in words), from, to, why, version."""
    return [{"at": e.at, "by": e.actor, "what": text(f"committee.kind.{e.kind}", lang),
             "on": target_label(e.target, scenario, lang), "from": e.old_value or "", "to": e.new_value or "",
             "why": e.text, "version": e.version} for e in record.entries]


class ConsensusMixin:
    """See the module docstring; needs ``store``, ``name``, ``require``, ``_check``, ``scenario``, ``state``."""

    def _notes(self) -> list[db.Note]:
        return db.transaction(self.store, f"read the notes of {self.name!r}",
                              lambda tx: db.notes(tx, db.scenario_id(tx, self.name)))

    def comment(self, who: Identity, target: str, text: str) -> None:
        """Comment on a judgment pair or score cell (see :func:`mcda.committee.views.pair_key`, ``score_key``)."""
        body = check_text(text, "comment")
        _, scenario = self.scenario()
        if target not in _targets(scenario):
            raise MCDAError(code="err.committee.bad_target", target=str(target)[:120])

        def add(tx):
            sid = db.scenario_id(tx, self.name, lock=True)
            self._check(tx, who, "comment", sid)
            db.add_note(tx, sid, who.actor, "comment", target, None, None, body, db.latest_version(tx, sid))
            db.log(tx, sid, self.name, who.actor, "committee-comment", f"on {target}: {body}")

        db.transaction(self.store, f"comment on {self.name!r}", add, write=True)

    def override(self, who: Identity, vendor: str, leaf: str, value: float | None, reason: str) -> None:
        """Set (or with None withdraw) the committee's value of a score cell, with a reason (moderator, review)."""
        why = check_text(reason, "reason")
        _, scenario = self.scenario()
        target = score_key(vendor, leaf)
        if target not in _targets(scenario):
            raise MCDAError(code="err.committee.bad_target", target=target[:120])
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise MCDAError(code="err.committee.bad_value", value=str(value)[:40], leaf=leaf)
            scale = next(lf for lf in scenario.criteria.leaves() if lf.id == leaf)
            lo, hi = scenario.leaf_scale(scale).bounds
            if value != value or (lo is not None and value < lo) or (hi is not None and value > hi):
                raise MCDAError(code="err.committee.bad_value", value=f"{value:g}", leaf=leaf)

        def set_value(tx):
            sid = db.scenario_id(tx, self.name, lock=True)
            self._check(tx, who, "override", sid)
            before = _overrides(db.notes(tx, sid)).get(target)
            new = None if value is None else f"{float(value):.12g}"
            old = None if before is None else f"{before:.12g}"
            db.add_note(tx, sid, who.actor, "override", target, old, new, why, db.latest_version(tx, sid))
            db.log(tx, sid, self.name, who.actor, "committee-override",
                   f"{target}: {old or 'members’ scores'} -> {new or 'members’ scores'}; reason: {why}")

        db.transaction(self.store, f"override a score of {self.name!r}", set_value, write=True)

    def record(self, who: Identity | None = None) -> ConsensusRecord:
        """The consensus record (``who``, if given, must be allowed to see the spread or every input)."""
        if who is not None and not (self.can(who, "see_inputs") or self.can(who, "see_spread")):
            raise MCDAError(code="err.committee.not_allowed", action="see_spread", role=who.role, phase=self.phase)
        st, notes = self.state(), self._notes()
        return ConsensusRecord(st.phase, tuple(notes), _overrides(notes), st.decision_note, st.signed_version,
                               st.changed_by if st.phase == "decision" else None,
                               st.changed_at if st.phase == "decision" else None)

    def committee_scenario(self) -> tuple[int, Scenario]:
        """(version, the scenario results are computed from): the latest one with the overrides applied."""
        version, scenario = self.scenario()
        overrides = _overrides(self._notes())
        if not overrides:
            return version, scenario
        data = scenario.model_dump(mode="json")
        for target, value in overrides.items():
            _, vendor, leaf = target.split(":", 2)
            for m in scenario.members:
                data["scores"].setdefault(m.id, {}).setdefault(vendor, {})[leaf] = value
        return version, parse_scenario(data)

    def spread(self, who: Identity) -> list[Spread]:
        """The spread of every judgment and score, without names (members from review on; the moderator)."""
        if not (self.can(who, "see_spread") or self.can(who, "see_inputs")):
            raise MCDAError(code="err.committee.not_allowed", action="see_spread", role=who.role, phase=self.phase)
        return spread(self.scenario()[1])

    def results(self, who: Identity) -> Results:
        """Weights and rankings of the committee scenario, for those who may see results now."""
        self.require(who, "see_results")
        from mcda.engine import evaluate

        version, scenario = self.committee_scenario()
        ev = evaluate(scenario)
        weights = {leaf: float(w) for leaf, w in zip(ev.problem.leaves, ev.global_weights, strict=True)}
        rankings = {}
        for method, outcome in ev.methods.items():
            rankings[method] = [{"vendor": ev.vendors[i], "score": float(outcome.scores[i]),
                                 "rank": int(outcome.ranks[i])}
                                for i in outcome.order()]
        return Results(version, weights, rankings)

    def progress(self, who: Identity | None = None) -> dict[str, MemberProgress]:
        """The progress board: member id -> :class:`~mcda.committee.progress.MemberProgress` (``who``, if
        given, must be allowed to see it: the moderator)."""
        if who is not None:
            self.require(who, "see_progress")
        _, scenario = self.scenario()
        parts = db.transaction(self.store, "read the submissions",
                               lambda tx: db.parts(tx, db.scenario_id(tx, self.name)))
        phase = self.phase
        out = {}
        for m in scenario.members:
            p = member_progress(scenario, m.id)
            sub_phase, _, version, last = parts.get(m.id, (None, None, None, None))
            out[m.id] = MemberProgress(**{**p.__dict__, "submitted": sub_phase is not None,
                                          "locked": sub_phase == phase, "submitted_version": version,
                                          "last_activity": last})
        return out
