"""The one text catalogue (:mod:`mcda.text`): both languages, the same placeholders, no key twice."""
from __future__ import annotations

import string

import pytest

from mcda.text import catalogue, text

#: Placeholders one language may use alone (the language's own name for a language).
LANGUAGE_ONLY = {"lang_name", "lang"}


def _fields(template: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_entry_has_both_languages_and_zh_needs_no_other_placeholder(key):
    zh, en = catalogue()[key]
    assert zh.strip() and en.strip(), key
    assert _fields(zh) - LANGUAGE_ONLY <= _fields(en) | {"lang"}, key  # zh may be terser, never needs more


def test_a_key_defined_in_two_areas_is_refused(monkeypatch):
    import mcda.text as t
    from mcda.text import notes

    monkeypatch.setattr(t, "_CATALOGUE", None)
    monkeypatch.setitem(notes.ENTRIES, "page_results", ("x", "x"))
    with pytest.raises(RuntimeError, match="defined twice"):
        t.catalogue()
    monkeypatch.setattr(t, "_CATALOGUE", None)


def test_text_renders_in_each_language_and_keeps_an_unknown_key():
    assert text("note.who_member", "zh", name="财务总监") == "成员 财务总监"
    assert text("note.who_member", "en", name="CFO") == "member CFO"
    assert text("no.such.key", "zh") == "no.such.key"
    assert text("note.who_member", "en") == "member {name}"  # a missing parameter shows, never raises
