"""No lost updates: Store.save(..., base=V) merges newer versions or refuses conflicts, on both backends."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from mcda.errors import MCDAError
from mcda.scenario.io import dumps
from mcda.scenario.schema import Scenario
from mcda.store import ConflictError, Store, UnchangedError

ROOT = Path(__file__).resolve().parents[2]


def scored(scenario: Scenario, member: str, vendor: str, leaf: str, value: float) -> Scenario:
    out = scenario.model_copy(deep=True)
    out.scores[member][vendor][leaf] = value
    return out


def weighted(scenario: Scenario, member: str, weight: float) -> Scenario:
    out = scenario.model_copy(deep=True)
    next(m for m in out.members if m.id == member).weight = weight
    return out


def test_a_save_from_the_latest_version_is_a_plain_save_that_records_its_base(library, small_scenario):
    with Store(library.location, actor="alice") as store:
        store.save(small_scenario, "t", "first")
        v = store.save(scored(small_scenario, "alice", "v1", "c0", 5.0), "t", "my score", base=1)
        assert (v.version, v.base, v.merged_with, v.is_merge, v.actor) == (2, 1, None, False, "alice")
        assert store.history("t")[-1] == v
        assert store.log("t")[-1].detail == "started from version 1; my score"


def test_a_stale_save_touching_another_members_part_is_merged_and_recorded_as_a_merge(library, small_scenario):
    with Store(library.location, actor="alice") as alice, Store(library.location, actor="moderator") as moderator:
        alice.save(small_scenario, "t", "first")
        mine = alice.open("t", 1)
        alice_edit = scored(scored(mine, "alice", "v1", "c0", 5.0), "alice", "v2", "c1", 1.0)
        alice.save(alice_edit, "t", "alice scores", base=1)
        v = moderator.save(weighted(mine, "bob", 2.0), "t", "bob's voting weight", base=1)  # still on version 1
        assert (v.version, v.base, v.merged_with, v.is_merge, v.actor) == (3, 1, 2, True, "moderator")
        latest = alice.open("t")
        assert latest.scores["alice"]["v1"]["c0"] == 5.0 and latest.scores["alice"]["v2"]["c1"] == 1.0
        assert next(m for m in latest.members if m.id == "bob").weight == 2.0
        assert latest == scored(scored(weighted(mine, "bob", 2.0), "alice", "v1", "c0", 5.0), "alice", "v2", "c1", 1.0)
        entry = alice.log("t")[-1]
        assert (entry.action, entry.actor, entry.version) == ("merge", "moderator", 3)
        assert entry.detail == ("merged the changes made since version 1 (1 part: members[bob]) with version 2; "
                                "bob's voting weight")


def test_a_stale_conflicting_save_is_refused_naming_the_newer_versions_and_saves_nothing(library, small_scenario):
    with Store(library.location, actor="alice") as alice, Store(library.location, actor="bob") as bob:
        alice.save(small_scenario, "t")
        v2 = alice.save(scored(small_scenario, "alice", "v1", "c0", 1.0), "t", base=1)
        v3 = alice.save(scored(alice.open("t"), "bob", "v3", "c9", 2.0), "t", base=2)
        before = library.rows()
        with pytest.raises(ConflictError) as refused:
            bob.save(scored(small_scenario, "alice", "v1", "c0", 5.0), "t", "my view of alice's score", base=1)
        assert library.rows() == before
    error = refused.value
    assert isinstance(error, MCDAError) and (error.name, error.base) == ("t", 1)
    assert [(v.version, v.actor) for v in error.newer] == [(2, "alice"), (3, "alice")]
    assert [c.as_dict() for c in error.conflicts] == [
        {"part": "scores[alice][v1][c0]", "base": 3.0, "mine": 5.0, "theirs": 1.0}]
    assert str(error) == (
        f"cannot save 't': your changes start from version 1, but since then version 2 was saved by alice at "
        f"{v2.saved_at}; version 3 was saved by alice at {v3.saved_at}.\n"
        "1 conflicting change (both sides changed the same part):\n"
        "  - scores[alice][v1][c0]: version 1 had 3.0, yours has 5.0, version 3 has 1.0\n"
        "Nothing was saved: open the latest version, choose for each part, and save again.")


def test_parts_that_merge_but_do_not_fit_together_are_refused_with_the_problems(library, small_scenario):
    data = small_scenario.model_dump(mode="json")
    without_v3 = Scenario.model_validate({**data, "vendors": data["vendors"][:2],
                                          "scores": {m: {v: s for v, s in vs.items() if v != "v3"}
                                                     for m, vs in data["scores"].items()}})
    with_carol = Scenario.model_validate({**data, "members": data["members"] + [{"id": "carol", "name": "Carol"}],
                                          "judgments": {**data["judgments"], "carol": data["judgments"]["alice"]},
                                          "scores": {**data["scores"], "carol": data["scores"]["alice"]}})
    with Store(library.location, actor="alice") as store:
        store.save(small_scenario, "t")
        store.save(with_carol, "t", "carol joins", base=1)
        before = library.rows()
        with pytest.raises(ConflictError, match=r"(?s)The changes touch different parts, but together they make an "
                                                r"invalid scenario:\n  - scores\[carol\]\[v3\]: unknown vendor id "
                                                r"'v3'.*Nothing was saved") as refused:
            store.save(without_v3, "t", "v3 withdrew", base=1)
        assert refused.value.conflicts == [] and refused.value.problems
        assert library.rows() == before


def test_changes_already_in_the_latest_version_are_unchanged(library, small_scenario):
    edit = scored(small_scenario, "bob", "v2", "c3", 4.0)
    with Store(library.location) as store:
        store.save(small_scenario, "t")
        store.save(edit, "t", base=1)
        with pytest.raises(UnchangedError, match="'t' is unchanged: the scenario equals its latest version 2"):
            store.save(edit, "t", base=2)
        store.save(scored(edit, "alice", "v1", "c1", 1.0), "t", base=2)
        with pytest.raises(UnchangedError, match="your changes since version 1 are already in its latest version 3"):
            store.save(edit, "t", base=1)  # the same edit, from version 1 again
        assert store.save(edit, "t", base=1, allow_unchanged=True).merged_with == 3


def test_a_base_must_be_a_version_of_an_existing_scenario(library, small_scenario):
    with Store(library.location) as store:
        store.save(small_scenario, "t")
        before = library.rows()
        with pytest.raises(MCDAError, match="'t' has versions 1..1; there is no version 4 to start from"):
            store.save(scored(small_scenario, "bob", "v1", "c1", 1.0), "t", base=4)
        with pytest.raises(MCDAError, match="no scenario named 'other' .*it holds 't'"):
            store.save(small_scenario, "other", base=1)
        for bad in (0, -2, True, "1", 1.5):
            with pytest.raises(MCDAError, match="the base version is a whole number from 1"):
                store.save(small_scenario, "t", base=bad)
        assert library.rows() == before


WRITER = """
import sys
from mcda.scenario.io import load_scenario
from mcda.store import Store
location, me, cells = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
print("ready", flush=True)
sys.stdin.readline()
with Store(location, actor=me) as store:
    for cell in cells:
        current = store.read("shared")  # what this member has open: the latest version, then edited
        scenario = current.scenario.model_copy(deep=True)
        vendor, leaf = cell.split(":")
        scenario.scores[me][vendor][leaf] = 5.0
        store.save(scenario, "shared", f"{me} {cell}", base=current.info.version)
print("done", flush=True)
"""


def test_two_members_saving_ten_edits_each_at_once_lose_none(library, small_scenario):
    """2 x 10 concurrent saves, each from the version its writer read: consecutive versions, every edit kept."""
    with Store(library.location) as store:
        store.save(small_scenario, "shared", "start")
    cells = {m: [f"v{1 + i % 3}:c{i}" for i in range(10)] for m in ("alice", "bob")}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, library.location, m, ",".join(cells[m])], cwd=ROOT,
                                text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for m in cells]
    try:
        assert [w.stdout.readline().strip() for w in writers] == ["ready", "ready"]
        for w in writers:
            w.stdin.write("go\n")
            w.stdin.flush()
        results = [w.communicate(timeout=300) for w in writers]
    finally:
        for w in writers:
            w.kill()
    assert [w.returncode for w in writers] == [0, 0], [err for _, err in results]
    with Store(library.location) as store:
        history = store.history("shared")
        assert [v.version for v in history] == list(range(1, 22))
        latest = store.open("shared")
        assert all(latest.scores[m][c.split(":")[0]][c.split(":")[1]] == 5.0 for m in cells for c in cells[m])
        assert sum(value == 5.0 for m in latest.scores.values() for v in m.values() for value in v.values()) == 20
        for v in history[1:]:
            assert v.base is not None and v.actor in cells and v.message.startswith(v.actor)
            assert (v.merged_with is None) == (v.base == v.version - 1)
        log = store.log("shared")
        assert [(e.version, e.action) for e in log] == [(v.version, "merge" if v.is_merge else "save") for v in history]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", log[-1].at)
    assert dumps(latest).count('"c') > 0
