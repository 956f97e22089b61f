"""The permission table and the personal links' tokens."""
from __future__ import annotations

import pytest

from mcda.committee.roles import ACTIONS, PERMISSIONS, PHASES, ROLES, allowed
from mcda.committee.tokens import link, new_token, shape_ok, token_hash
from mcda.errors import MCDAError


def test_the_table_covers_every_role_and_phase_with_known_actions_only():
    assert set(PERMISSIONS) == {(r, p) for r in ROLES for p in PHASES}
    assert set().union(*PERMISSIONS.values()) <= set(ACTIONS)


def test_blind_individual_entry():
    assert not allowed("member", "individual", "see_results") and not allowed("member", "individual", "see_spread")
    assert allowed("member", "individual", "edit_own") and not allowed("member", "decision", "edit_own")
    assert not any(allowed("member", p, "see_inputs") for p in PHASES)


def test_unknown_roles_phases_and_actions_are_never_allowed():
    assert not allowed("admin", "review", "see_results")
    assert not allowed("moderator", "voting", "set_phase")
    assert not allowed("moderator", "review", "delete_everything")


def test_tokens_have_256_bits_are_distinct_and_are_stored_as_sha256():
    tokens = {new_token() for _ in range(2000)}
    assert len(tokens) == 2000 and all(len(t) == 43 and shape_ok(t) and not t.startswith("-") for t in tokens)
    t = next(iter(tokens))
    assert token_hash(t) != t and len(token_hash(t)) == 64 and t not in token_hash(t)


def test_links_keep_other_parameters_and_replace_an_old_token():
    assert link("https://a.example.com/x?t=old&lang=zh#top", "new") == "https://a.example.com/x?lang=zh&t=new#top"
    for bad in ("ftp://a.example.com/", "a.example.com", "https://"):
        with pytest.raises(MCDAError, match="base URL"):
            link(bad, "x")
