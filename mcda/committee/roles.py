"""Who may do what, when: the one permission table (role x phase -> actions).

A tender moves through four phases, in this order, moved by the moderator only:

* ``setup``: the moderator sets criteria, members, vendors and settings;
* ``individual``: blind entry; a member sees and edits only their own inputs
  (no other member, no ranking, no results) and submits them (locked);
* ``review``: revealed; members see the spread of every judgment and score,
  revise their own only with a comment, and comment; the moderator may set the
  committee's value of a score cell (with a reason) and reopen a member's part;
* ``decision``: locked; the moderator has signed off with a decision note;
  observers may now read the results. Reopening (back to ``review``) needs a reason.

Nobody sees another member's individual inputs attributed by name except the
moderator; observers never see individual inputs at all.

>>> allowed("member", "individual", "see_results"), allowed("member", "review", "see_results")
(False, True)
>>> allowed("observer", "decision", "see_results"), allowed("observer", "decision", "see_own")
(True, False)
"""
from __future__ import annotations

__all__ = ["ROLES", "PHASES", "ACTIONS", "PERMISSIONS", "allowed", "phase_index"]

ROLES = ("moderator", "member", "observer")
PHASES = ("setup", "individual", "review", "decision")

#: Every action the table knows, with what it means.
ACTIONS = {
    "view": "open the tender's pages: criteria, vendors and settings (what else shows depends on the other actions)",
    "see_own": "read one's own judgments and scores",
    "edit_own": "change one's own judgments and scores (in review: with a comment)",
    "submit": "mark one's own part complete, which locks it for the phase",
    "see_spread": "see the spread of every judgment and score, without names",
    "see_inputs": "see every member's individual inputs, by name",
    "see_results": "see weights, rankings and results pages",
    "see_progress": "see the progress board",
    "comment": "comment on a judgment pair or a score cell",
    "override": "set the committee's value of a score cell, with a reason",
    "reopen": "reopen one member's submitted part, with a reason",
    "set_phase": "move the tender to another phase",
    "signoff": "sign the decision off with a decision note",
    "setup": "change criteria, members, vendors and settings",
    "invite": "issue, reissue and revoke the personal links",
}

_MODERATOR_ALWAYS = {"see_inputs", "see_spread", "see_results", "see_progress", "set_phase", "invite", "see_own"}

#: (role, phase) -> the actions allowed, besides "view" (everyone with a live link). The only place permissions
#: are decided: :data:`PERMISSIONS`.
_TABLE: dict[tuple[str, str], set[str]] = {
    ("moderator", "setup"): frozenset(_MODERATOR_ALWAYS | {"setup"}),
    ("moderator", "individual"): frozenset(_MODERATOR_ALWAYS | {"reopen"}),
    ("moderator", "review"): frozenset(_MODERATOR_ALWAYS | {"reopen", "comment", "override", "signoff"}),
    ("moderator", "decision"): frozenset(_MODERATOR_ALWAYS),
    ("member", "setup"): frozenset({"see_own"}),
    ("member", "individual"): frozenset({"see_own", "edit_own", "submit"}),
    ("member", "review"): frozenset({"see_own", "edit_own", "submit", "see_spread", "see_results", "comment"}),
    ("member", "decision"): frozenset({"see_own", "see_spread", "see_results"}),
    ("observer", "setup"): frozenset(),
    ("observer", "individual"): frozenset(),
    ("observer", "review"): frozenset(),
    ("observer", "decision"): frozenset({"see_results"}),
}
PERMISSIONS: dict[tuple[str, str], frozenset[str]] = {key: frozenset(acts | {"view"}) for key, acts in _TABLE.items()}


def allowed(role: str, phase: str, action: str) -> bool:
    """Whether ``role`` may take ``action`` in ``phase`` (unknown roles, phases or actions: never)."""
    return action in PERMISSIONS.get((role, phase), frozenset())


def phase_index(phase: str) -> int:
    """The phase's position in :data:`PHASES` (-1 if unknown)."""
    return PHASES.index(phase) if phase in PHASES else -1
