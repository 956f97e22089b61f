"""A small tender over a real library on each backend (SQLite file, PostgreSQL database): no mocks."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from mcda.committee import Tender
from mcda.scenario.io import parse_scenario
from mcda.scenario.schema import Scenario
from mcda.store import Store

BASE_URL = "https://tender.example.com/app"
MEMBERS = ("cfo", "fin_mgr", "it_sec")


def small_scenario() -> Scenario:
    """Two dimensions of two leaves, three members, three vendors; every member has answered and scored."""
    def leaf(i, name, scale="likert5", direction="benefit"):
        return {"id": i, "name": {"zh": name, "en": name}, "direction": direction, "scale": scale}

    judgments = {
        "cfo": {"nodes": {"goal": [{"a": "quality", "b": "cost", "value": 3}],
                          "quality": [{"a": "quality.expertise", "b": "quality.accuracy", "value": 2}],
                          "cost": [{"a": "cost.fee", "b": "cost.extra", "value": 5}]}},
        "fin_mgr": {"nodes": {"goal": [{"a": "quality", "b": "cost", "value": "1/2"}],
                              "quality": [{"a": "quality.expertise", "b": "quality.accuracy", "value": 1}]}},
        "it_sec": {"nodes": {"goal": [{"a": "quality", "b": "cost", "value": 4}],
                             "quality": [{"a": "quality.expertise", "b": "quality.accuracy", "value": "1/3"}],
                             "cost": [{"a": "cost.fee", "b": "cost.extra", "value": 2}]}},
    }
    base = {"huaxin": 4.0, "zhongcai": 3.0, "dingxin": 2.0}
    scores = {m: {v: {"quality.expertise": s, "quality.accuracy": min(5.0, s + 1), "cost.fee": 300000.0 + 100000 * k,
                      "cost.extra": 2.0} for v, s in base.items()} for k, m in enumerate(MEMBERS)}
    data = {
        "schema_version": 1, "kind": "scenario", "metadata": {"title": "2027 财务外包招标"},
        "scales": {"likert5": {"kind": "ordinal", "min": 1, "max": 5},
                   "cny": {"kind": "numeric", "min": 100000.0, "max": 1000000.0}},
        "criteria": {"id": "goal", "name": {"zh": "目标", "en": "Goal"}, "children": [
            {"id": "quality", "name": {"zh": "质量", "en": "Quality"},
             "children": [leaf("quality.expertise", "Expertise"), leaf("quality.accuracy", "Accuracy")]},
            {"id": "cost", "name": {"zh": "成本", "en": "Cost"},
             "children": [leaf("cost.fee", "Fee", "cny", "cost"), leaf("cost.extra", "Extras", "likert5", "cost")]}]},
        "members": [{"id": "cfo", "name": "王敏", "weight": 2.0}, {"id": "fin_mgr", "name": "李娜"},
                    {"id": "it_sec", "name": "陈伟"}],
        "judgments": judgments,
        "vendors": [{"id": v, "name": {"zh": v, "en": v}} for v in base],
        "scores": scores,
    }
    return parse_scenario(data)


def token_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["t"][0]


class Committee:
    """A tender with its links, on one backend."""

    def __init__(self, library, store: Store, name: str = "招标 2027"):
        self.library, self.store, self.name = library, store, name
        store.save(small_scenario(), name, "set-up")
        self.tender = Tender(store, name)
        self.links = self.tender.invite(BASE_URL, observers=["auditor"])
        self.tokens = {"moderator": token_of(self.links.moderator),
                       **{m: token_of(u) for m, u in self.links.members.items()},
                       "auditor": token_of(self.links.observers["auditor"])}

    def who(self, key: str):
        return self.tender.identify(self.tokens[key])

    def to(self, phase: str) -> None:
        from mcda.committee.roles import PHASES

        mod = self.who("moderator")
        while self.tender.phase != phase:
            nxt = PHASES[PHASES.index(self.tender.phase) + 1]
            if nxt == "decision":
                self.tender.signoff(mod, "Huaxin wins on quality")
            else:
                self.tender.set_phase(mod, nxt)


@pytest.fixture
def committee(library, tmp_path):
    with Store(library.location, actor="secretary") as store:
        yield Committee(library, store)
