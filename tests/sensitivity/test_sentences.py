"""Plain sentences built from critical changes and stability intervals."""
from __future__ import annotations

from mcda.sensitivity import CriticalChange, change_sentence, flip_sentences, stability, stability_sentence
from mcda.sensitivity.sentences import percent_pair


def test_change_sentence_template():
    c = CriticalChange(0, 0, 1, 0.142, 0.117, -0.025, -0.176, 0.028, 0.2, 0.5)
    assert change_sentence(c, ["A", "B"], ["Price"]) == \
        "B overtakes A if Price falls from 14.2 % to 11.7 % (other weights rescaled)."
    up = CriticalChange(0, 1, 0, 0.2, 0.25, 0.05, 0.25, -0.07, -0.3, 0.5)
    assert change_sentence(up) == \
        "vendor 1 overtakes vendor 2 if criterion 1 rises from 20.0 % to 25.0 % (other weights rescaled)."


def test_close_percentages_get_more_decimals():
    assert percent_pair(0.14201, 0.14196) == ("14.201 %", "14.196 %")
    assert percent_pair(0.5, 0.5) == ("50.0 %", "50.0 %")


def test_stability_sentences():
    s = stability([[1, 0], [0, 1]], [0.6, 0.4], [1, 1], "wsm", "none")
    assert stability_sentence(s, 1, ["A", "B"], ["Quality", "Price"]) == \
        "A stays on top while Price is between 0.0 % and 50.0 % (now 40.0 %; other weights rescaled)."
    whole = stability([[2, 2], [1, 1]], [0.6, 0.4], [1, 1], "wsm", "none")
    assert stability_sentence(whole, 0, ["A", "B"], ["Quality", "Price"]) == \
        "A stays on top whatever the weight of Quality (other weights rescaled)."
    tied = stability([[1, 0], [0, 1], [0.1, 0.1]], [0.5, 0.5], [1, 1], "wsm", "none",
                     kind="ranking")
    assert "only at the current weight" in stability_sentence(tied, 0)


def test_flip_sentences_one_per_criterion():
    out = flip_sentences([[0.5, 0.2, 0.3], [0.3, 0.5, 0.3], [0.2, 0.3, 0.4]], [0.5, 0.3, 0.2],
                         [1, 1, 1], "wsm", "none", vendors=["A1", "A2", "A3"],
                         criteria=["C1", "C2", "C3"])
    assert out[0] == "A2 overtakes A1 if C1 falls from 50.0 % to 47.4 % (other weights rescaled)."
    assert len(out) == len({s.split(" if ")[1].split()[0] for s in out})
