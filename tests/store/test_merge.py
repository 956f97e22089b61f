"""The three-way merge (mcda.store.merge, merge_tree) on scenario JSON data: rules, conflicts, properties."""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mcda
from mcda.scenario.io import dumps, parse_scenario
from mcda.store.merge import ABSENT, Conflict, differing, merge_order, merge_scenarios

BASE = json.loads(dumps(mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)))
MEMBERS = [m["id"] for m in BASE["members"]]
VENDORS = [v["id"] for v in BASE["vendors"]]
LEAVES = list(BASE["scores"][MEMBERS[0]][VENDORS[0]])
NODES = [(member, node, i) for member in MEMBERS for node, pairs in BASE["judgments"][member]["nodes"].items()
         for i in range(len(pairs))]
SAATY = [1, 2, 3, 4, 5, 6, 7, 8, 9, "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9"]


def edited(data: dict, *edits) -> dict:
    out = copy.deepcopy(data)
    for edit in edits:
        edit(out)
    return out


def conflicts(base, mine, theirs) -> list[str]:
    return [c.part for c in merge_scenarios(base, mine, theirs).conflicts]


# --------------------------------------------------------------------------- edits the hypothesis tests combine
def score(member, vendor, leaf, value):
    def apply(d):
        d["scores"][member][vendor][leaf] = value
    return ("score", member, vendor, leaf), apply


def judgment(member, node, i, value):
    def apply(d):
        d["judgments"][member]["nodes"][node][i]["value"] = value
    return ("judgment", member, node, i), apply


def setting(key, value):
    def apply(d):
        d["settings"][key] = value
    return ("setting", key), apply


def sensitivity(key, value):
    def apply(d):
        d["settings"]["sensitivity"][key] = value
    return ("sensitivity", key), apply


def metadata(key, value):
    def apply(d):
        d["metadata"][key] = value
    return ("metadata", key), apply


def member_weight(i, value):
    def apply(d):
        d["members"][i]["weight"] = value
    return ("member", i), apply


def vendor_notes(i, value):
    def apply(d):
        d["vendors"][i]["notes"] = value
    return ("vendor", i), apply


EDITS = st.one_of(
    st.builds(score, st.sampled_from(MEMBERS), st.sampled_from(VENDORS), st.sampled_from(LEAVES),
              st.one_of(st.none(), st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0]))),
    st.builds(lambda n, v: judgment(*n, v), st.sampled_from(NODES), st.sampled_from(SAATY)),
    st.builds(setting, st.sampled_from(["aggregation"]), st.sampled_from(["aij", "aip_geometric", "aip_arithmetic"])),
    st.builds(setting, st.sampled_from(["missing_scores"]), st.sampled_from(["error", "skip", "impute_median"])),
    st.builds(setting, st.sampled_from(["cr_threshold"]), st.sampled_from([0.05, 0.1, 0.15])),
    st.builds(sensitivity, st.sampled_from(["samples"]), st.sampled_from([1000, 5000, 10000])),
    st.builds(sensitivity, st.sampled_from(["seed"]), st.integers(0, 100)),
    st.builds(metadata, st.sampled_from(["title", "notes", "author"]), st.text(max_size=8)),
    st.builds(member_weight, st.integers(0, len(MEMBERS) - 1), st.sampled_from([0.1, 0.25, 0.5, 1.0])),
    st.builds(vendor_notes, st.integers(0, len(VENDORS) - 1), st.text(max_size=8)),
)


@st.composite
def disjoint_edits(draw):
    """Edits of distinct parts, each given to mine or to theirs."""
    edits = draw(st.lists(EDITS, max_size=12, unique_by=lambda e: e[0]))
    sides = draw(st.lists(st.booleans(), min_size=len(edits), max_size=len(edits)))
    mine = [apply for (_, apply), side in zip(edits, sides, strict=True) if side]
    theirs = [apply for (_, apply), side in zip(edits, sides, strict=True) if not side]
    return mine, theirs


@settings(max_examples=60, deadline=None)
@given(disjoint_edits())
def test_merging_disjoint_edits_equals_applying_both(split):
    mine_edits, theirs_edits = split
    mine, theirs = edited(BASE, *mine_edits), edited(BASE, *theirs_edits)
    both = edited(BASE, *mine_edits, *theirs_edits)
    for a, b in ((mine, theirs), (theirs, mine)):
        result = merge_scenarios(BASE, a, b)
        assert result.conflicts == [] and result.data == both


@settings(max_examples=40, deadline=None)
@given(EDITS)
def test_a_side_alone_or_both_sides_alike_merge_to_that_side(edit):
    _, apply = edit
    changed = edited(BASE, apply)
    assert merge_scenarios(BASE, changed, BASE).data == changed
    assert merge_scenarios(BASE, BASE, changed).data == changed
    assert merge_scenarios(BASE, changed, changed).data == changed
    assert merge_scenarios(BASE, BASE, BASE).data == BASE


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(MEMBERS), st.sampled_from(VENDORS), st.sampled_from(LEAVES))
def test_one_score_cell_changed_differently_on_both_sides_is_one_conflict(member, vendor, leaf):
    old = BASE["scores"][member][vendor][leaf]
    mine_value, theirs_value = [v for v in (1.0, 2.0, 3.0, 4.0, 5.0) if v != old][:2]
    mine = edited(BASE, score(member, vendor, leaf, mine_value)[1])
    theirs = edited(BASE, score(member, vendor, leaf, theirs_value)[1], score(MEMBERS[0], VENDORS[0], "x.new", 1.0)[1])
    result = merge_scenarios(BASE, mine, theirs)
    assert result.data is None
    assert result.conflicts == [Conflict(f"scores[{member}][{vendor}][{leaf}]", old, mine_value, theirs_value)]


# --------------------------------------------------------------------------- parts, one rule each
def test_the_committee_example_of_issue_13_merges_and_validates():
    """A saved one judgment and two scores; the moderator, still on the base, changed a voting weight."""
    a = edited(BASE, judgment("cfo", "quality", 0, 5)[1], score("fin_mgr", "huaxin", LEAVES[0], 1.0)[1],
               score("fin_mgr", "huaxin", LEAVES[1], 2.0)[1])
    moderator = edited(BASE, member_weight(2, 0.5)[1])
    result = merge_scenarios(BASE, moderator, a)
    assert result.conflicts == [] and result.from_mine == ["members[it_sec]"]
    merged = parse_scenario(result.data)
    assert merged.members[2].weight == 0.5 and merged.judgments["cfo"].nodes["quality"][0].value == 5
    assert merged.scores["fin_mgr"]["huaxin"][LEAVES[0]] == 1.0


def test_a_judgment_written_the_other_way_round_is_the_same_judgment():
    pair = BASE["judgments"]["cfo"]["nodes"]["quality"][1]  # quality.expertise vs quality.service_attitude: 1/7

    def flip(d):
        d["judgments"]["cfo"]["nodes"]["quality"][1] = {"a": pair["b"], "b": pair["a"], "value": 7}

    flipped = edited(BASE, flip)
    assert merge_scenarios(BASE, flipped, edited(BASE, judgment("cfo", "quality", 0, 9)[1])).conflicts == []
    changed = edited(BASE, judgment("cfo", "quality", 1, 3)[1])
    assert conflicts(BASE, flipped, changed) == []  # mine did not change the judgment: theirs is taken
    assert conflicts(BASE, edited(BASE, judgment("cfo", "quality", 1, "1/5")[1]), changed) == [
        f"judgments[cfo].nodes[quality][{min(pair['a'], pair['b'])} vs {max(pair['a'], pair['b'])}]"]


def test_judgments_added_by_each_side_at_one_node_are_all_kept():
    def add(a, b, value):
        def apply(d):
            d["judgments"]["x"] = d["judgments"].get("x", {"nodes": {"n": []}, "direct": {}})
            d["judgments"]["x"]["nodes"]["n"].append({"a": a, "b": b, "value": value})
        return apply

    base = {"judgments": {"x": {"nodes": {"n": [{"a": "p", "b": "q", "value": 2}]}, "direct": {}}}}
    mine, theirs = edited(base, add("p", "r", 3)), edited(base, add("q", "r", "1/2"))
    assert merge_scenarios(base, mine, theirs).data["judgments"]["x"]["nodes"]["n"] == [  # theirs, then mine's
        {"a": "p", "b": "q", "value": 2}, {"a": "q", "b": "r", "value": "1/2"}, {"a": "p", "b": "r", "value": 3}]
    assert conflicts(base, mine, edited(base, add("r", "p", "1/3"))) == []  # the same judgment added on both sides
    assert conflicts(base, mine, edited(base, add("p", "r", 5))) == ["judgments[x].nodes[n][p vs r]"]


def test_direct_weights_of_a_node_are_one_part():
    base = {"judgments": {"x": {"nodes": {}, "direct": {"n": {"a": 50, "b": 50}}}}}
    mine = {"judgments": {"x": {"nodes": {}, "direct": {"n": {"a": 60, "b": 40}}}}}
    theirs = {"judgments": {"x": {"nodes": {}, "direct": {"n": {"a": 50, "b": 50}, "m": {"c": 1}}}}}
    merged = merge_scenarios(base, mine, theirs).data["judgments"]["x"]["direct"]
    assert merged == {"n": {"a": 60, "b": 40}, "m": {"c": 1}}
    other = {"judgments": {"x": {"nodes": {}, "direct": {"n": {"a": 70, "b": 30}}}}}
    assert conflicts(base, mine, other) == ["judgments[x].direct[n]"]


def test_removed_on_one_side_and_changed_on_the_other_is_a_conflict():
    def drop_vendor(d):
        d["vendors"] = [v for v in d["vendors"] if v["id"] != "huaxin"]
        for member in d["scores"].values():
            member.pop("huaxin")

    mine = edited(BASE, drop_vendor)
    theirs = edited(BASE, score("cfo", "huaxin", LEAVES[0], 1.0)[1])
    assert conflicts(BASE, mine, theirs) == [f"scores[cfo][huaxin][{LEAVES[0]}]"]
    assert conflicts(BASE, mine, edited(BASE, vendor_notes(0, "new notes")[1])) == ["vendors[huaxin]"]
    assert merge_scenarios(BASE, mine, edited(BASE, score("cfo", "yunsuan", LEAVES[0], 1.0)[1])).data["vendors"] == [
        v for v in BASE["vendors"] if v["id"] != "huaxin"]

    def drop_scores(d):
        d["scores"].pop("cfo")

    def add_cell(d):
        d["scores"]["cfo"]["huaxin"]["a.new.leaf"] = 3.0

    assert conflicts(BASE, edited(BASE, drop_scores), edited(BASE, add_cell)) == ["scores[cfo][huaxin]"]


def test_settings_merge_field_by_field_and_one_level_down():
    mine = edited(BASE, setting("aggregation", "aip_geometric")[1], sensitivity("seed", 7)[1])
    theirs = edited(BASE, setting("score_aggregation", "median")[1], sensitivity("samples", 500)[1],
                    lambda d: d["settings"]["normalization"].update({"topsis": "max"}))
    merged = merge_scenarios(BASE, mine, theirs).data["settings"]
    assert (merged["aggregation"], merged["score_aggregation"]) == ("aip_geometric", "median")
    assert (merged["sensitivity"]["seed"], merged["sensitivity"]["samples"]) == (7, 500)
    assert merged["normalization"] == {"topsis": "max"}
    clash = edited(BASE, lambda d: d["settings"]["normalization"].update({"topsis": "sum"}))
    assert conflicts(BASE, clash, theirs) == ["settings.normalization[topsis]"]
    assert conflicts(BASE, mine, edited(BASE, sensitivity("seed", 8)[1])) == ["settings.sensitivity.seed"]
    assert conflicts(BASE, mine, edited(BASE, setting("ranking_methods", ["wsm"])[1])) == []


def test_members_added_on_both_sides_keep_both_and_reorders_follow_the_side_that_reordered():
    new = {"id": "legal", "name": "Legal", "role": "", "weight": 1.0}
    mine = edited(BASE, lambda d: d["members"].append(new))
    theirs = edited(BASE, lambda d: d["members"].reverse())
    merged = merge_scenarios(BASE, mine, theirs).data["members"]
    assert [m["id"] for m in merged] == ["it_sec", "fin_mgr", "cfo", "legal"]  # appended: stays last
    other_order = edited(BASE, lambda d: d["members"].insert(0, d["members"].pop(1)))
    assert conflicts(BASE, other_order, theirs) == ["members (order)"]


# --------------------------------------------------------------------------- the criteria tree
def leaf(i: str, name: str | None = None) -> dict:
    return {"id": i, "name": {"en": name or i}, "children": []}


def tree(*children, name="goal") -> dict:
    return {"criteria": {"id": "goal", "name": {"en": name}, "children": list(children)}}


def test_nodes_merge_one_by_one_and_new_children_follow_their_predecessor():
    base = tree({"id": "d1", "name": {"en": "D1"}, "children": [leaf("a"), leaf("b")]}, leaf("d2"))
    mine = tree({"id": "d1", "name": {"en": "D1"}, "children": [leaf("a", "A!"), leaf("b"), leaf("c")]}, leaf("d2"))
    theirs = tree({"id": "d1", "name": {"en": "Dim 1"}, "children": [leaf("x"), leaf("a"), leaf("b")]},
                  leaf("d2", "D2"))
    merged = merge_scenarios(base, mine, theirs).data["criteria"]
    assert merged == {"id": "goal", "name": {"en": "goal"}, "children": [
        {"id": "d1", "name": {"en": "Dim 1"}, "children": [leaf("x"), leaf("a", "A!"), leaf("b"), leaf("c")]},
        leaf("d2", "D2")]}


def test_criteria_conflicts_same_node_order_cycles_and_removed_parents():
    base = tree({"id": "d1", "name": {"en": "D1"}, "children": [leaf("a"), leaf("b"), leaf("c")]}, leaf("d2"))
    renamed = tree({"id": "d1", "name": {"en": "mine"}, "children": [leaf("a"), leaf("b"), leaf("c")]}, leaf("d2"))
    renamed_too = tree({"id": "d1", "name": {"en": "theirs"}, "children": [leaf("a"), leaf("b"), leaf("c")]},
                       leaf("d2"))
    assert conflicts(base, renamed, renamed_too) == ["criteria[d1]"]
    order_1 = tree({"id": "d1", "name": {"en": "D1"}, "children": [leaf("b"), leaf("a"), leaf("c")]}, leaf("d2"))
    order_2 = tree({"id": "d1", "name": {"en": "D1"}, "children": [leaf("a"), leaf("c"), leaf("b")]}, leaf("d2"))
    assert conflicts(base, order_1, order_2) == ["criteria[d1] (order of its sub-criteria)"]
    removed = tree(leaf("d2"))
    grown = tree({"id": "d1", "name": {"en": "D1"}, "children": [leaf("a"), leaf("b"), leaf("c"), leaf("e")]},
                 leaf("d2"))
    assert "criteria[d1]" in conflicts(base, removed, grown)[0]
    base = tree({"id": "p", "name": {"en": "p"}, "children": []}, {"id": "q", "name": {"en": "q"}, "children": []})
    p_under_q = tree({"id": "q", "name": {"en": "q"}, "children": [{"id": "p", "name": {"en": "p"}, "children": []}]})
    q_under_p = tree({"id": "p", "name": {"en": "p"}, "children": [{"id": "q", "name": {"en": "q"}, "children": []}]})
    assert conflicts(base, p_under_q, q_under_p) == ["criteria[p] (moved under each other)"]


def test_unknown_or_malformed_sections_merge_as_one_part():
    base = {"schema_version": 1, "extra": {"a": 1}, "members": "not a list"}
    assert merge_scenarios(base, {**base, "extra": {"a": 2}}, {**base, "members": []}).data == {
        "schema_version": 1, "extra": {"a": 2}, "members": []}
    assert conflicts(base, {**base, "extra": 1}, {**base, "extra": 2}) == ["extra"]
    dup = {"members": [{"id": "a", "w": 1}, {"id": "a", "w": 2}]}
    assert conflicts(dup, {"members": []}, {"members": [{"id": "b"}]}) == ["members"]


def test_merge_order_rules():
    assert merge_order(["a", "b", "c"], ["a", "b", "c"], ["c", "b", "a"], keep=["a", "b", "c"]) == ["c", "b", "a"]
    assert merge_order(["a", "b"], ["b", "a"], ["a", "b", "z"], keep=["a", "b", "z"]) == ["b", "a", "z"]
    assert merge_order([], ["x"], ["y"], keep=["x", "y"]) == ["y", "x"]
    assert merge_order(["a", "b", "c"], ["c", "a", "b"], ["b", "c", "a"], keep=["a"], strict=False) == ["a"]


def test_conflicts_show_the_fields_that_differ():
    c = Conflict("members[cfo]", {"id": "cfo", "weight": 1, "role": "r"}, {"id": "cfo", "weight": 2, "role": "r"},
                 ABSENT)
    assert differing(c) == ({"weight": 1}, {"weight": 2}, ABSENT)
    assert c.as_dict() == {"part": "members[cfo]", "base": c.base, "mine": c.mine, "theirs": None}


@pytest.mark.parametrize("part", ["metadata.title", "settings.aggregation"])
def test_identical_changes_on_both_sides_are_no_conflict(part):
    section, key = part.split(".")
    changed = edited(BASE, lambda d: d[section].update({key: "aip_geometric" if section == "settings" else "same"}))
    assert merge_scenarios(BASE, changed, copy.deepcopy(changed)).data == changed
