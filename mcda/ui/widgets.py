"""Pieces every page uses: the page boundary for engine errors, messages, the cached evaluation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from mcda.engine.evaluation import Evaluation
from mcda.engine.weights import WeightsResult
from mcda.errors import MCDAError
from mcda.ui import cache, state
from mcda.ui.names import local_time
from mcda.ui.state import t

__all__ = [
    "current_evaluation",
    "current_weights",
    "evaluation_result",
    "guard",
    "header",
    "in_language",
    "plain",
    "reader_time",
    "show_error",
    "show_flashes",
    "sidebar",
]

_FLASH = {
    "error": st.error,
    "warning": st.warning,
    "success": st.success,
    "info": st.info,
    "refused": st.error,
}  # "refused": markdown already written by the page


def _as_markdown(message: str) -> str:
    """The engine's message with its located problems as a bullet list (paths in code style)."""
    lines = message.splitlines()
    if len(lines) == 1:
        return plain(message)
    out = [plain(lines[0])]
    for line in lines[1:]:
        item = line.strip()
        if item.startswith("- "):
            item = item[2:]
            path, sep, rest = item.partition(": ")
            out.append(f"- `{path}`: {plain(rest)}" if sep and " " not in path else f"- {plain(item)}")
        elif item:
            out.append(f"- {plain(item)}")
    return "\n".join(out)


def plain(text: str) -> str:
    """Text shown through markdown exactly as written (ids like ``data_security`` stay unformatted)."""
    for ch in "\\`*_[]<>#|~":
        text = text.replace(ch, "\\" + ch)
    return text


def in_language(message: str | dict | MCDAError) -> str:
    """An engine message in the interface language: a cached ``{"zh", "en"}`` pair, an
    :class:`~mcda.errors.MCDAError` (rendered), or text already in the reader's language."""
    if isinstance(message, MCDAError):
        return message.render(state.lang())
    if isinstance(message, dict):
        return message.get(state.lang()) or message.get("en", "")
    return message


def show_error(lead: str, message: str | dict | MCDAError) -> None:
    """``st.error`` with a plain lead sentence in the interface language and the engine's located message."""
    st.error(f"**{lead}**\n\n{_as_markdown(in_language(message))}")


@contextmanager
def guard(lead_key: str = "engine_error") -> Iterator[None]:
    """The page boundary: an :class:`~mcda.errors.MCDAError` becomes ``st.error``; the app keeps running."""
    try:
        yield
    except MCDAError as exc:
        show_error(t(lead_key), exc)


def show_flashes() -> None:
    """Messages queued by callbacks on the previous interaction."""
    for kind, message, lead in state.pop_flashes():
        if kind == "error":
            show_error(t(lead), message)
        else:
            _FLASH.get(kind, st.info)(message)


def header(title_key: str, help_key: str | None = None) -> None:
    """The page title, its one-line help, and the messages from the last interaction (in a container
    that is always there, so the elements below keep their place and the open tab stays open)."""
    st.title(t(title_key))
    if help_key:
        st.caption(t(help_key))
    with st.container():
        show_flashes()


def evaluation_result() -> tuple[Evaluation | None, dict | None]:
    """The evaluation of the current scenario (cached) and, when it cannot be ranked, the engine's message
    in both languages."""
    digest, sc = state.digest(), state.scenario()
    with st.spinner(t("computing")):
        return state.memo("evaluation", digest, lambda: cache.evaluation(digest, sc))


def current_evaluation(show: bool = True) -> Evaluation | None:
    """The evaluation of the current scenario (cached); None with an explanation if it cannot be ranked yet."""
    digest, sc = state.digest(), state.scenario()
    with st.spinner(t("computing")):
        ev, error = state.memo("evaluation", digest, lambda: cache.evaluation(digest, sc))
    if error and show:
        show_error(t("cannot_rank"), error)
    return ev


def current_weights(show: bool = True) -> WeightsResult | None:
    """The committee's AHP weights (cached); None with an explanation if the judgments do not give weights."""
    digest, sc = state.digest(), state.scenario()
    with st.spinner(t("computing")):
        w, error = state.memo("weights", digest, lambda: cache.weights(digest, sc))
    if error and show:
        show_error(t("cannot_weigh"), error)
    return w


def reader_time(saved_at) -> str:
    """A stored (UTC) save time in the reader's browser time zone, the zone named
    (:func:`mcda.ui.names.local_time`; UTC when the browser does not say)."""
    try:
        zone = st.context.timezone
    except Exception:  # noqa: BLE001 - outside a browser session (bare run, tests)
        zone = None
    return local_time(saved_at, zone)


def sidebar() -> None:
    """The language switch and what is open (with a note when it has unsaved changes)."""
    state.language_switch()
    sc = state.scenario()
    st.sidebar.caption(t("current_scenario_line", title=f"**{plain(sc.metadata.title or state.source_label())}**"))
    entry = state.library_entry()
    if entry:
        st.sidebar.caption(t("library_version", name=entry[0], version=entry[1]))
    if state.unsaved():
        st.sidebar.warning(t("unsaved_changes"))
