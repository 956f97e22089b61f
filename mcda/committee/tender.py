"""A tender committee over one scenario of the library: :class:`Tender`.

``Tender(store, name)`` is what the app and ``mcda tender`` use. Every call that
acts for someone takes an :class:`~mcda.committee.tokens.Identity` obtained from
:meth:`Tender.identify` (a personal link's token); what it may do is decided by
the one permission table (:mod:`mcda.committee.roles`) for the tender's phase at
the moment of the call. A refusal is an :class:`~mcda.errors.MCDAError` with a
code in ``err.committee.*`` and never contains a token.

Inputs (judgments and scores) live in the scenario's versions (append-only, merged
part by part when members save at once); the committee's state (phase, links,
submissions, notes) lives in its own tables in the same library, each change with
an audit entry naming its actor (``moderator``, ``member:cfo``, ``observer:x`` or,
for set-up from the command line, the library's actor).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime, timezone

from mcda.committee import records as db
from mcda.committee.consensus import ConsensusMixin
from mcda.committee.records import check_text
from mcda.committee.roles import PHASES, allowed, phase_index
from mcda.committee.submissions import SubmissionsMixin
from mcda.committee.tokens import Identity, issue_identity, link, new_token, same, shape_ok, token_hash
from mcda.committee.views import View, visible_scenario
from mcda.errors import MCDAError
from mcda.scenario.schema import Scenario
from mcda.store import Store
from mcda.store.backend import utc_iso
from mcda.store.records import check_actor, check_name

__all__ = ["Links", "Tender", "find_tender"]


@dataclass(frozen=True)
class Links:
    """The personal links printed once by :meth:`Tender.invite` (the tokens are nowhere else)."""

    moderator: str
    members: dict[str, str] = field(default_factory=dict)
    observers: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"moderator": self.moderator, "members": dict(self.members), "observers": dict(self.observers)}


def _identify(tx, token: object) -> tuple[db.TokenRow, Identity]:
    """The token's row and identity, or :class:`MCDAError` (unknown, revoked, expired); the token is never shown."""
    if not shape_ok(token):
        raise MCDAError(code="err.committee.token_unknown")
    digest = token_hash(token)
    row = db.find_token(tx, digest)
    if row is None or not same(row.token_sha256, digest):
        raise MCDAError(code="err.committee.token_unknown")
    _live(tx, row)
    name = tx.one("SELECT name, deleted_at FROM scenarios WHERE id = ?", (row.scenario_id,))
    if name is None or name[1] is not None:
        raise MCDAError(code="err.committee.token_unknown")
    return row, issue_identity(name[0], row.role, row.person, row.id)


def _live(tx, row: db.TokenRow | None) -> None:
    if row is None:
        raise MCDAError(code="err.committee.token_unknown")
    if row.revoked_at is not None:
        raise MCDAError(code="err.committee.token_revoked", at=row.revoked_at)
    if row.expires_at is not None and row.expires_at <= tx.now():
        raise MCDAError(code="err.committee.token_expired", at=row.expires_at)


def find_tender(store: Store, token: object) -> Identity:
    """Whose link ``token`` is, across the library (the app knows only the ``t`` parameter): its identity,
    whose ``name`` is the tender's scenario; :class:`MCDAError` if unknown, revoked or expired."""
    return db.transaction(store, "check a personal link", lambda tx: _identify(tx, token)[1])


class Tender(SubmissionsMixin, ConsensusMixin):
    """The committee of the scenario ``name`` in ``store`` (see the module docstring)."""

    def __init__(self, store: Store, name: str):
        self.store, self.name = store, check_name(name)

    def __repr__(self) -> str:
        return f"Tender({self.store!r}, {self.name!r})"

    # ------------------------------------------------------------------ who and what
    def identify(self, token: object) -> Identity:
        """The identity of a personal link's token for this tender; :class:`MCDAError` if unknown, revoked,
        expired or a link of another tender (the same message as unknown)."""
        def check(tx):
            row, who = _identify(tx, token)
            if row.scenario_id != db.scenario_id(tx, self.name):
                raise MCDAError(code="err.committee.token_unknown")
            return who

        return db.transaction(self.store, "check a personal link", check)

    def state(self) -> db.State:
        """Phase, when and by whom it last changed, decision note and signed version."""
        return db.transaction(self.store, f"read the committee of {self.name!r}",
                              lambda tx: db.state(tx, db.scenario_id(tx, self.name)))

    @property
    def phase(self) -> str:
        return self.state().phase

    def _verify(self, tx, who: Identity, sid: int) -> None:
        """``who`` was issued by :meth:`identify` for this tender and its link is still live (not revoked or
        expired since): checked again on every call, so that revoking a link takes effect at once."""
        if not isinstance(who, Identity) or not who.sealed:
            raise MCDAError(code="err.committee.token_unknown")
        row = db.token_row(tx, who.link)
        _live(tx, row)
        if row.scenario_id != sid or who.name != self.name:
            raise MCDAError(code="err.committee.token_unknown")

    def can(self, who: Identity, action: str) -> bool:
        """Whether ``who`` may take ``action`` now (:data:`mcda.committee.roles.PERMISSIONS`)."""
        try:
            self.require(who, action)
        except MCDAError:
            return False
        return True

    def require(self, who: Identity, action: str, phase: str | None = None) -> str:
        """The current phase if ``who`` (with a live link) may take ``action`` in it, else :class:`MCDAError`."""
        def check(tx) -> str:
            sid = db.scenario_id(tx, self.name)
            self._verify(tx, who, sid)
            return phase or db.state(tx, sid).phase

        now = db.transaction(self.store, "check a personal link", check)
        if not allowed(who.role, now, action):
            raise MCDAError(code="err.committee.not_allowed", action=action, role=who.role, phase=now)
        return now

    def _check(self, tx, who: Identity, action: str, sid: int) -> db.State:
        """In a transaction: the locked state, after checking ``who``'s link and that they may take ``action``."""
        self._verify(tx, who, sid)
        st = db.state(tx, sid, lock=True)
        if not allowed(who.role, st.phase, action):
            raise MCDAError(code="err.committee.not_allowed", action=action, role=who.role, phase=st.phase)
        return st

    def scenario(self) -> tuple[int, Scenario]:
        """(latest version, scenario): everything, for the moderator's pages and the engine."""
        stored = self.store.read(self.name)
        return stored.info.version, stored.scenario

    def view(self, who: Identity) -> View:
        """What a page may show ``who`` now: the scenario cut down to what they may read, and flags."""
        self.require(who, "view")  # checks the link
        st = self.state()
        _, full = self.scenario()
        locked = False
        if who.role == "member":
            part = db.transaction(self.store, "read the submissions",
                                  lambda tx: db.parts(tx, db.scenario_id(tx, self.name))).get(who.person)
            locked = part is not None and part[0] == st.phase
        ok = lambda action: allowed(who.role, st.phase, action)  # noqa: E731
        return View(who.role, who.person, st.phase, visible_scenario(full, who.role, who.person),
                    ok("edit_own") and not locked, locked, ok("see_results"), ok("see_spread"), ok("see_progress"),
                    st.phase == "review" and who.role == "member")

    # ------------------------------------------------------------------ links
    def _acting(self, actor: str) -> Store:
        """The same store (same connection) recording ``actor`` on the versions it saves."""
        clone = copy.copy(self.store)
        clone.actor = check_actor(actor)
        return clone

    def invite(self, base_url: str, *, observers: tuple[str, ...] | list[str] = (), expires: datetime | None = None,
               by: Identity | None = None) -> Links:
        """Issue new links for the moderator, every member and the observers (the given ones and those who had
        a live link), revoking every older link of this tender. ``by``: the moderator reissuing from the app
        (else the library's actor, i.e. whoever can open the library). The tokens are only in the result."""
        if by is not None:
            self.require(by, "invite")
        actor = by.actor if by is not None else self.store.actor
        _, scenario = self.scenario()
        members = [m.id for m in scenario.members]
        wanted = [check_name(o) for o in observers]
        if expires is not None and expires.tzinfo is None:
            raise MCDAError(code="err.committee.expiry_naive")
        until = None if expires is None else utc_iso(expires)
        if until is not None and until <= utc_iso(datetime.now(timezone.utc)):
            raise MCDAError(code="err.committee.expiry_past", at=until)
        link(base_url, "x")  # a bad URL is refused before anything changes

        def issue(tx) -> Links:
            sid = db.scenario_id(tx, self.name, lock=True)
            everyone = sorted(set(wanted) | set(db.live_people(tx, sid, "observer")))
            revoked = db.revoke_tokens(tx, sid)
            tokens = {("moderator", ""): new_token()}
            tokens.update({("member", m): new_token() for m in members})
            tokens.update({("observer", o): new_token() for o in everyone})
            for (role, person), token in tokens.items():
                db.add_token(tx, sid, token_hash(token), role, person, actor, until)
            if db.state(tx, sid).changed_at is None:
                db.set_state(tx, sid, "setup", actor, None, None)
            db.log(tx, sid, self.name, actor, "committee-invite",
                   f"links issued for the moderator, {len(members)} member(s) ({', '.join(members)}) and "
                   f"{len(everyone)} observer(s) ({', '.join(everyone)}); {revoked} older link(s) revoked"
                   + (f"; valid until {until}" if until else ""))
            return Links(link(base_url, tokens[("moderator", "")]),
                         {m: link(base_url, tokens[("member", m)]) for m in members},
                         {o: link(base_url, tokens[("observer", o)]) for o in everyone})

        return db.transaction(self.store, f"issue the links of {self.name!r}", issue, write=True)

    def reissue(self, base_url: str, role: str, person: str = "", *, expires: datetime | None = None,
                by: Identity | None = None) -> str:
        """A new link for one person (their older links revoked; everyone else's kept): e.g. a member who lost
        theirs, or the moderator's page reissuing one link without cutting off its own."""
        if by is not None:
            self.require(by, "invite")
        if role not in ("moderator", "member", "observer"):
            raise MCDAError(code="err.committee.bad_role", found=str(role)[:40])
        person = "" if role == "moderator" else check_name(person)
        if role == "member" and person not in {m.id for m in self.scenario()[1].members}:
            raise MCDAError(code="err.committee.unknown_member", member=person)
        actor = by.actor if by is not None else self.store.actor
        until = None if expires is None else utc_iso(expires)
        if expires is not None and expires.tzinfo is None:
            raise MCDAError(code="err.committee.expiry_naive")
        link(base_url, "x")
        token = new_token()

        def issue(tx) -> str:
            sid = db.scenario_id(tx, self.name, lock=True)
            revoked = db.revoke_tokens(tx, sid, role, person)
            db.add_token(tx, sid, token_hash(token), role, person, actor, until)
            whom = role + (f" {person}" if person else "")
            db.log(tx, sid, self.name, actor, "committee-invite", f"link reissued for the {whom}; {revoked} older "
                   "link(s) of theirs revoked" + (f"; valid until {until}" if until else ""))
            return link(base_url, token)

        return db.transaction(self.store, f"reissue a link of {self.name!r}", issue, write=True)

    def revoke(self, role: str | None = None, person: str | None = None, *, by: Identity | None = None) -> int:
        """Revoke the live links of one person (``role`` and ``person``), of a role, or all; how many."""
        if by is not None:
            self.require(by, "invite")
        if role is not None and role not in ("moderator", "member", "observer"):
            raise MCDAError(code="err.committee.bad_role", found=str(role)[:40])
        actor = by.actor if by is not None else self.store.actor

        def revoke(tx) -> int:
            sid = db.scenario_id(tx, self.name, lock=True)
            n = db.revoke_tokens(tx, sid, role, person)
            whom = "every link" if role is None else f"the {role} links" + (f" of {person}" if person else "")
            db.log(tx, sid, self.name, actor, "committee-revoke", f"{whom} revoked ({n})")
            return n

        return db.transaction(self.store, f"revoke links of {self.name!r}", revoke, write=True)

    # ------------------------------------------------------------------ phases
    def set_phase(self, who: Identity, phase: str, reason: str | None = None) -> db.State:
        """Move the tender to ``phase`` (moderator only): forward one step at a time, ``decision`` through
        :meth:`signoff`; moving back (reopening) needs a ``reason`` and is recorded with it."""
        if phase not in PHASES:
            raise MCDAError(code="err.committee.bad_phase", found=str(phase)[:40], phases=", ".join(PHASES))
        if phase == "decision":
            return self.signoff(who, reason)
        has_members = bool(self.scenario()[1].members)

        def move(tx) -> db.State:
            sid = db.scenario_id(tx, self.name, lock=True)
            st = self._check(tx, who, "set_phase", sid)
            now, target = phase_index(st.phase), phase_index(phase)
            if target == now:
                raise MCDAError(code="err.committee.same_phase", phase=phase)
            if target > now + 1:
                raise MCDAError(code="err.committee.skip_phase", phase=phase, current=st.phase,
                                next=PHASES[now + 1])
            note = check_text(reason, "reason", required=target < now)
            if phase == "individual" and not has_members:
                raise MCDAError(code="err.committee.no_members")
            db.set_state(tx, sid, phase, who.actor, None, None)
            kind = "reopen" if target < now else "phase"
            db.add_note(tx, sid, who.actor, kind, "phase", st.phase, phase, note, db.latest_version(tx, sid))
            db.log(tx, sid, self.name, who.actor, "committee-phase",
                   f"phase {st.phase} -> {phase}" + (f"; reason: {note}" if note else ""))
            return db.state(tx, sid)

        return db.transaction(self.store, f"move {self.name!r} to {phase}", move, write=True)

    def signoff(self, who: Identity, note: str | None) -> db.State:
        """Sign the decision off (moderator, in review): the tender moves to ``decision``, locked, with the
        decision note and the version signed."""
        text = check_text(note, "decision note")

        def sign(tx) -> db.State:
            sid = db.scenario_id(tx, self.name, lock=True)
            st = self._check(tx, who, "signoff", sid)
            version = db.latest_version(tx, sid)
            db.set_state(tx, sid, "decision", who.actor, text, version)
            db.add_note(tx, sid, who.actor, "signoff", "phase", st.phase, "decision", text, version)
            db.log(tx, sid, self.name, who.actor, "committee-signoff", f"decision signed off on version {version}: "
                   f"{text}", version)
            return db.state(tx, sid)

        return db.transaction(self.store, f"sign off {self.name!r}", sign, write=True)
