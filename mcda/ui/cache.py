"""Engine calls cached with ``st.cache_data``, keyed by the scenario's digest (a string).

A pydantic model is unhashable for Streamlit's cache, so every function takes
the digest (sha256 of the canonical scenario text, :func:`mcda.ui.state.digest`)
as its key and the scenario itself as an ``_``-prefixed argument, which the
cache does not hash. An engine error is cached too, as its message, so a
scenario that cannot be ranked yet does not recompute on every rerun: the message in both
languages (``{"zh": ..., "en": ...}``, :meth:`mcda.errors.MCDAError.render`), so the page shows
the reader's.

The cheap what-if re-ranking (:func:`mcda.engine.evaluation.with_local_weights`, ~2 ms)
is not cached: pickling its result would cost more than recomputing it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import streamlit as st

from mcda import ahp
from mcda.engine.evaluation import Evaluation, evaluate
from mcda.engine.headline import Headline, headline
from mcda.engine.weights import WeightsResult, compute_weights, local_priorities, node_matrix
from mcda.errors import MCDAError
from mcda.scenario.lint import lint
from mcda.scenario.schema import Scenario

__all__ = ["Message", "NodeView", "analysis_call", "evaluation", "headline_of", "node_view", "problems", "rendered",
           "weights"]

#: An engine message in both languages.
Message = dict[str, str]

#: SMAA samples behind the headline's first-rank share (a few thousand: ~0.5 s, cached).
HEADLINE_SAMPLES = 4000


def rendered(exc: MCDAError) -> Message:
    """An engine error's message in both languages."""
    return {"zh": exc.render("zh"), "en": exc.render("en")}


@st.cache_data(show_spinner=False, max_entries=32)
def evaluation(digest: str, _scenario: Scenario) -> tuple[Evaluation | None, Message | None]:
    """(evaluation, None) or (None, the engine's message) for the scenario with this digest;
    the AHP weights come from :func:`weights` (computed once per content)."""
    w, error = weights(digest, _scenario)
    if error:
        return None, error
    try:
        return evaluate(_scenario, weights=w), None
    except MCDAError as exc:
        return None, rendered(exc)


@st.cache_data(show_spinner=False, max_entries=32)
def weights(digest: str, _scenario: Scenario) -> tuple[WeightsResult | None, Message | None]:
    """(weights, None) or (None, message): the AHP weights alone (they need no vendors or scores)."""
    try:
        return compute_weights(_scenario), None
    except MCDAError as exc:
        return None, rendered(exc)


@st.cache_data(show_spinner=False, max_entries=32)
def problems(digest: str, _scenario: Scenario, lang: str = "en") -> list:
    """Lint warnings (:func:`mcda.scenario.lint.lint`) in the interface language."""
    return lint(_scenario, lang)


@dataclass(frozen=True)
class NodeView:
    """One member's judgments at one node, as the Judgments page shows them (all from the engine)."""

    matrix: np.ndarray  # (n, n), NaN = not judged
    questions: ahp.NextQuestions
    consistency: ahp.ConsistencyResult | None
    hints: tuple[ahp.RepairHint, ...]
    weights: np.ndarray | None  # the member's own local weights at the node
    error: Message | None = None


@st.cache_data(show_spinner=False, max_entries=256)
def node_view(digest: str, member: str, node_id: str, _scenario: Scenario) -> NodeView:
    """Completeness, the next questions, consistency, repair hints and the member's weights at a node."""
    s = _scenario.settings
    node = next(n for n, _, _ in _scenario.criteria.walk() if n.id == node_id)
    children = [c.id for c in node.children]
    matrix = node_matrix(_scenario, member, node)
    if matrix is None:
        matrix = ahp.matrix_from_judgments(children, {})
    questions = ahp.next_question(matrix, labels=children, k=3)
    if not questions.connected:
        return NodeView(matrix, questions, None, (), None)
    try:
        cons = ahp.consistency(matrix, s.ri_table, s.cr_threshold, labels=children)
        hints = () if cons.acceptable else tuple(ahp.repair_hints(matrix, k=3, method=s.priority_method,
                                                                  ri_table=s.ri_table, labels=children))
        own = local_priorities(matrix, s, labels=children)
    except MCDAError as exc:
        return NodeView(matrix, questions, None, (), None, rendered(exc))
    return NodeView(matrix, questions, cons, hints, own)


@st.cache_data(show_spinner=False, max_entries=64)
def analysis_call(name: str, digest: str, params: str, _call: Any) -> tuple[Any, Message | None]:
    """Cache a sensitivity-analysis call ``_call()`` under (its name, the scenario digest, its parameters)."""
    try:
        return _call(), None
    except MCDAError as exc:
        return None, rendered(exc)


@st.cache_data(show_spinner=False, max_entries=32)
def headline_of(digest: str, _evaluation: Evaluation, seed: int) -> tuple[Headline | None, Message | None]:
    """The headline facts (:func:`mcda.engine.headline.headline`) of the evaluation of this scenario."""
    try:
        return headline(_evaluation, smaa_samples=HEADLINE_SAMPLES, seed=seed), None
    except MCDAError as exc:
        return None, rendered(exc)
