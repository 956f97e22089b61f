"""agreement(): Spearman and WS matrices (numpy, checked against pymcdm), winners and dissenters."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda.errors import MCDAError
from mcda.methods import agreement


def test_matrices_match_pymcdm_pairwise():
    from pymcdm.correlations import spearman, ws

    rankings = {"a": [1, 2, 3, 4, 5], "b": [2, 1, 3, 5, 4], "c": [5, 4, 3, 2, 1]}
    res = agreement(rankings)
    assert res.names == ("a", "b", "c")
    for i, x in enumerate(rankings.values()):
        for j, y in enumerate(rankings.values()):
            assert res.spearman[i, j] == pytest.approx(spearman(np.array(x), np.array(y)))
            assert res.ws[i, j] == pytest.approx(ws(np.array(x), np.array(y)))
    assert_allclose(res.spearman, res.spearman.T)
    assert_allclose(np.diag(res.ws), 1.0)
    assert res.spearman[0, 2] == pytest.approx(-1.0)


def test_ws_is_asymmetric():
    # hand-computed from WS = 1 - sum 2^-x_i |x_i - y_i| / max(|1 - x_i|, |N - x_i|)
    res = agreement({"x": [1, 2, 3, 4], "y": [2, 3, 4, 1]})
    assert res.ws[0, 1] == pytest.approx(1 - (1 / 6 + 1 / 8 + 1 / 16 + 1 / 16))
    assert res.ws[1, 0] == pytest.approx(1 - (1 / 8 + 1 / 16 + 1 / 48 + 1 / 2))


def test_winners_and_dissenters():
    res = agreement({"topsis": [1, 2, 3], "wsm": [1, 3, 2], "vikor": [2, 1, 2], "ahp": [1, 2, 3]})
    assert res.winners == {"topsis": (0,), "wsm": (0,), "vikor": (1,), "ahp": (0,)}
    assert res.consensus_winner == (0,)
    assert res.dissenters == ("vikor",)


def test_shared_first_place_is_a_winner_set():
    res = agreement({"a": [1, 1, 3], "b": [1, 2, 3]})
    assert res.winners == {"a": (0, 1), "b": (0,)}
    assert res.consensus_winner == (0, 1)  # tie between winner sets: the earliest method's
    assert res.dissenters == ("b",)


def test_reference_method():
    res = agreement({"a": [1, 2], "b": [2, 1], "c": [2, 1]}, reference="a")
    assert res.consensus_winner == (0,)
    assert res.dissenters == ("b", "c")


def test_constant_ranking_policy():
    res = agreement({"a": [1, 1, 1], "b": [1, 1, 1], "c": [1, 2, 3]})
    assert res.spearman[0, 1] == 1.0 and res.spearman[0, 2] == 0.0
    assert np.all(np.isfinite(res.ws))


def test_single_vendor():
    res = agreement({"a": [1], "b": [1]})
    assert_allclose(res.spearman, 1.0)
    assert_allclose(res.ws, 1.0)


@pytest.mark.parametrize("rankings, reference, message", [
    ({}, None, "non-empty dict"),
    ([1, 2], None, "non-empty dict"),
    ({"a": [1, 2], "b": [1, 2, 3]}, None, "same 2 vendors"),
    ({"a": [0, 1]}, None, "finite and >= 1"),
    ({"a": [1, np.nan]}, None, "finite and >= 1"),
    ({"a": [[1, 2]]}, None, "1-D"),
    ({"a": [1, 2]}, "b", "reference method 'b'"),
])
def test_bad_inputs(rankings, reference, message):
    with pytest.raises(MCDAError, match=message):
        agreement(rankings, reference=reference)


def test_numpy_matrices_equal_pymcdm_on_random_rankings_with_ties_salabun_urbaniak2020(rng):
    """Spearman and WS (Sałabun & Urbaniak 2020) in numpy equal pymcdm's, pair by pair, ties included."""
    from pymcdm.correlations import spearman, ws

    from mcda.methods.agreement import spearman_matrix, ws_matrix
    from mcda.methods.ranking import rank

    for n in (2, 3, 5, 8, 40):
        ranks = np.stack([rank(np.round(rng.random(n) * 4) / 4) for _ in range(6)]).astype(float)
        sp, w = spearman_matrix(ranks), ws_matrix(ranks)
        for i in range(6):
            for j in range(6):
                assert w[i, j] == pytest.approx(ws(ranks[i], ranks[j]), rel=1e-12, abs=1e-12)
                if i != j and np.std(ranks[i]) > 0 and np.std(ranks[j]) > 0:
                    assert sp[i, j] == pytest.approx(spearman(ranks[i], ranks[j]), rel=1e-12, abs=1e-12)


def test_a_ranking_command_does_not_import_pymcdm_or_matplotlib(root):
    """`mcda rank` with the default methods and agreement loads neither pymcdm nor matplotlib (cold start)."""
    import subprocess
    import sys

    code = ("import sys, io, contextlib\n"
            "from mcda.cli import main\n"
            "sys.argv = ['mcda', 'rank', 'scenarios/example_tender.json', '--format', 'json']\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    try:\n"
            "        main()\n"
            "    except SystemExit as exc:\n"
            "        assert not exc.code, exc.code\n"
            "import json\n"
            "assert json.loads(out.getvalue())['agreement'] is not None\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'pymcdm', 'matplotlib'}))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
