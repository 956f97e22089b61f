"""Notes on a result (inconsistent judgments, equal weights, disagreeing methods, ...), in zh and en.

The engine records each note as a code with parameters; the UI, the reports
and the CLI render it in the user's language with criterion, member and
vendor names from the scenario.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mcda.text import text

__all__ = ["Note"]



@dataclass(frozen=True)
class Note:
    """One note: a code of the catalogue (:mod:`mcda.text.notes`, keys ``note.<code>``) and its parameters.

    The parameters are ids and numbers.
    """

    code: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str = "en", name: Callable[[str], str] | None = None) -> str:
        """The note in ``lang``; ``name`` maps ids (criteria, members, vendors) to display names."""
        name = name or (lambda x: x)
        zh = lang == "zh"
        p = dict(self.params)
        for key in ("node", "member"):
            if key in p:
                p[key] = name(p[key])
        if "who" in p:
            p["who"] = (text("note.who_member", lang, name=name(p["who"])) if p["who"]
                        else text("note.who_committee", lang))
        if "members" in p:
            p["members"] = ", ".join(name(m) for m in p["members"])
        if "winners" in p:
            sep = ";" if zh else "; "
            p["detail"] = sep.join(f"{k}: {', '.join(name(v) for v in vs)}" for k, vs in p["winners"].items())
        return text("note." + self.code, lang, **p)

    def __str__(self) -> str:
        return self.text("en")
