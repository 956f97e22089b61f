"""mcda.ahp.graph: comparison graph, connected groups, NotConnectedError messages."""
from __future__ import annotations

import numpy as np
import pytest

from mcda.ahp.graph import comparison_graph, judgment_groups, require_connected
from mcda.ahp.matrix import check_matrix
from mcda.errors import MCDAError, NotConnectedError

NAN = np.nan
LABELS = ["cost", "quality", "security"]


def test_disconnected_judgments_name_the_groups():
    a = check_matrix([[1, 2, NAN], [0.5, 1, NAN], [NAN, NAN, 1]])
    with pytest.raises(NotConnectedError) as info:
        require_connected(a, labels=LABELS)
    err = info.value
    assert isinstance(err, MCDAError)
    assert err.groups == [["cost", "quality"], ["security"]]
    assert ("the judgments fall into 2 unconnected groups: {cost, quality} and {security}; "
            "compare at least one item of each group with the other") in str(err)
    assert "n - 1 = 2" in str(err) and "1 given" in str(err)


def test_three_groups_message():
    a = check_matrix(np.where(np.eye(4) == 1, 1.0, NAN))
    with pytest.raises(NotConnectedError) as info:
        require_connected(a, labels="ABCD")
    assert "4 unconnected groups: {A}, {B}, {C} and {D}" in str(info.value)
    assert info.value.groups == [["A"], ["B"], ["C"], ["D"]]


def test_connected_incomplete_passes():
    require_connected(check_matrix([[1, 2, NAN], [0.5, 1, 3], [NAN, 1 / 3, 1]]))


def test_comparison_graph_and_groups():
    m = [[1, 2, NAN, NAN], [0.5, 1, NAN, NAN], [NAN, NAN, 1, 3], [NAN, NAN, 1 / 3, 1]]
    g = comparison_graph(m, labels="ABCD")
    assert sorted(g.edges) == [(0, 1), (2, 3)]
    assert g.edges[2, 3]["value"] == 3
    assert g.nodes[3]["label"] == "D"
    assert judgment_groups(m) == [[0, 1], [2, 3]]
    assert judgment_groups(m, labels="ABCD") == [["A", "B"], ["C", "D"]]
