"""A tender committee: personal links, blind individual entry, progress, moderated consensus, sign-off.

The library side of the committee workflow; ``mcda tender`` (:mod:`mcda.cli.tender`)
and the app call it. ``Tender(store, name)`` over a scenario of the library:

* :meth:`Tender.invite` issues personal links (tokens: 256 bits, stored as sha256 only);
  :meth:`Tender.identify` / :func:`find_tender` turn a link's ``t`` into an
  :class:`Identity` (role, person); :meth:`Tender.revoke` withdraws links;
* :meth:`Tender.can` / :meth:`Tender.require` ask the one permission table
  (:mod:`mcda.committee.roles`); :meth:`Tender.view` says what a page may show;
* :meth:`Tender.set_phase` / :meth:`Tender.signoff` move ``setup -> individual ->
  review -> decision`` (moderator only; going back needs a reason);
* :meth:`Tender.set_judgment`, :meth:`Tender.set_scores`, :meth:`Tender.save_inputs` and
  :meth:`Tender.submit` (with a filled template, :mod:`mcda.committee.templates`) change a
  member's own part; :meth:`Tender.reopen` unlocks one;
* :meth:`Tender.comment`, :meth:`Tender.override`, :meth:`Tender.record`,
  :meth:`Tender.spread`, :meth:`Tender.progress`, :meth:`Tender.results`.

The state lives in the library's committee tables (format 3) on SQLite and PostgreSQL
alike; every change is in the audit log (:meth:`mcda.store.Store.log`) with its actor.
"""
from mcda.committee.consensus import ConsensusRecord, Results, record_rows, target_label
from mcda.committee.progress import MemberProgress
from mcda.committee.records import Note, State
from mcda.committee.roles import ACTIONS, PERMISSIONS, PHASES, ROLES, allowed
from mcda.committee.submissions import Submitted
from mcda.committee.templates import import_member_file, member_template
from mcda.committee.tender import Links, Tender, find_tender
from mcda.committee.tokens import Identity
from mcda.committee.views import Spread, View, pair_key, score_key

__all__ = ["Tender", "find_tender", "Identity", "Links", "View", "State", "Note", "Submitted", "MemberProgress",
           "ConsensusRecord", "Results", "Spread", "ROLES", "PHASES", "ACTIONS", "PERMISSIONS", "allowed",
           "member_template", "import_member_file", "pair_key", "score_key", "record_rows", "target_label"]
