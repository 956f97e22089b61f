"""Properties of the two readers of outside data (issue 11): the scenario loader and the score
import. Any input either loads or raises :class:`~mcda.errors.MCDAError` (never another
exception), and whatever loads round-trips (written out and read back, it is equal)."""
from __future__ import annotations

import copy
import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mcda.errors import MCDAError
from mcda.export.templates import import_scores, template_csv
from mcda.scenario.io import dumps, parse_document, parse_json

SMALL = {
    "schema_version": 1, "kind": "scenario",
    "scales": {"s": {"kind": "ordinal", "min": 1, "max": 5}, "fee": {"kind": "numeric", "min": 0, "max": 1e6}},
    "criteria": {"id": "goal", "name": {"en": "Goal"}, "children": [
        {"id": "a", "name": {"zh": "甲", "en": "A"}, "children": [
            {"id": "a1", "name": {"en": "A1"}, "direction": "benefit", "scale": "s"},
            {"id": "a2", "name": {"en": "A2"}, "direction": "cost", "scale": "fee"}]},
        {"id": "b", "name": {"en": "B"}, "children": [
            {"id": "b1", "name": {"en": "B1"}, "direction": "benefit", "scale": "s"},
            {"id": "b2", "name": {"en": "B2"}, "direction": "benefit", "scale": "s"}]}]},
    "members": [{"id": "m1", "name": "Wang", "weight": 0.6}, {"id": "m2", "name": "Li", "weight": 0.4}],
    "judgments": {"m1": {"nodes": {"goal": [{"a": "a", "b": "b", "value": 3}],
                                   "a": [{"a": "a1", "b": "a2", "value": "1/2"}]},
                         "direct": {"b": {"b1": 60, "b2": 40}}},
                  "m2": {"nodes": {"goal": [{"a": "a", "b": "b", "value": 1}]}}},
    "vendors": [{"id": "v1", "name": {"en": "One"}}, {"id": "v2", "name": {"zh": "二"}}],
    "scores": {"m1": {"v1": {"a1": 3, "a2": 1000, "b1": 4, "b2": None}, "v2": {"a1": 5, "a2": 2000, "b1": 1, "b2": 2}}},
}


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, prefix + (i,))


PATHS = [p for p in _paths(SMALL) if p]
scalars = st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=True) | st.text(max_size=20) \
    | st.sampled_from(["1/3", "1/0", "a1", "v1", "m1", "goal", "ordinal", "numeric", "benefit",
                       "\ud800", "\x85", "9" * 400])
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def _set(data, path, value):
    obj = data
    for key in path[:-1]:
        obj = obj[key]
    obj[path[-1]] = value


def _load_or_refuse(raw: bytes | str):
    """Load ``raw`` as a document; None when refused with an MCDAError (anything else propagates)."""
    try:
        return parse_document(parse_json(raw, "x.json"), "x.json")
    except MCDAError as exc:
        exc.render("zh").encode("utf-8")  # both languages render and print
        str(exc).encode("utf-8")
        return None


def _round_trips(doc) -> None:
    again = parse_document(json.loads(dumps(doc)))
    assert again == doc
    assert dumps(again) == dumps(doc)


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_load_or_are_refused(raw):
    doc = _load_or_refuse(raw)
    if doc is not None:
        _round_trips(doc)


@FAST
@given(json_values)
def test_any_json_value_loads_or_is_refused(value):
    doc = _load_or_refuse(json.dumps(value, allow_nan=True))
    if doc is not None:
        _round_trips(doc)


@FAST
@given(st.lists(st.tuples(st.sampled_from(PATHS), json_values), min_size=1, max_size=3))
def test_a_scenario_with_fields_replaced_loads_or_is_refused_and_round_trips(edits):
    data = copy.deepcopy(SMALL)
    for path, value in edits:
        try:
            _set(data, path, value)
        except (KeyError, IndexError, TypeError):  # an earlier edit removed the place
            continue
    doc = _load_or_refuse(json.dumps(data, ensure_ascii=False, allow_nan=True))
    if doc is not None:
        _round_trips(doc)


@FAST
@given(st.integers(0, len(json.dumps(SMALL))), st.text(max_size=6))
def test_a_scenario_with_text_spliced_in_loads_or_is_refused(at, junk):
    text = json.dumps(SMALL)
    doc = _load_or_refuse(text[:at] + junk + text[at:])
    if doc is not None:
        _round_trips(doc)


# ----------------------------------------------------------------------------- score import
BASE = parse_document(SMALL)
cells = st.none() | st.text(max_size=12) | st.sampled_from([
    "1", "5", "0", "6", "1e999", "nan", "-0", "1,000", "'3", "=1+2", "\t4", "2.5", " 3 ", "9" * 300,
    "v1", "#x", "vendor"])


def _import_or_refuse(data: bytes | str):
    try:
        return import_scores(BASE, "m2", data, source="s.csv")
    except MCDAError as exc:
        exc.render("zh").encode("utf-8")
        str(exc).encode("utf-8")
        return None


def _scores_round_trip(updated) -> None:
    again = import_scores(updated, "m2", template_csv(updated, "m2"), source="again.csv")
    assert again.scores == updated.scores
    assert again == updated


def _grid(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _csv(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


@FAST
@given(st.text(max_size=300) | st.binary(max_size=300))
def test_any_csv_text_imports_or_is_refused(data):
    updated = _import_or_refuse(data)
    if updated is not None:
        _scores_round_trip(updated)


@FAST
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 8), cells), min_size=1, max_size=6))
def test_a_template_with_cells_changed_imports_or_is_refused_and_round_trips(changes):
    rows = _grid(template_csv(BASE, "m1"))
    for r, c, value in changes:
        if r < len(rows) and c < len(rows[r]):
            rows[r][c] = "" if value is None else value
    updated = _import_or_refuse(_csv(rows))
    if updated is not None:
        _scores_round_trip(updated)


@FAST
@given(st.lists(st.integers(0, 9), max_size=4), st.lists(st.integers(0, 8), max_size=3))
def test_a_template_with_rows_or_columns_removed_imports_or_is_refused(drop_rows, drop_cols):
    rows = [[c for j, c in enumerate(row) if j not in drop_cols]
            for i, row in enumerate(_grid(template_csv(BASE, "m1"))) if i not in drop_rows]
    updated = _import_or_refuse(_csv(rows).encode("utf-8"))
    if updated is not None:
        _scores_round_trip(updated)
