"""Plain-sentence summaries of a :class:`mcda.engine.diff.ScenarioDiff` in Chinese and English
(the sentences themselves are in :mod:`mcda.text.diff`)."""
from __future__ import annotations

from mcda.engine.diff import TOPICS, Change, ScenarioDiff, VendorChange
from mcda.errors import MCDAError
from mcda.text.diff import DIFF as _T

__all__ = ["summary"]


def _ratio(v) -> str:
    if not isinstance(v, (int, float)):
        return str(v)
    if v >= 1 or v <= 0:
        return f"{v:g}"
    k = round(1 / v)
    return f"1/{k}" if abs(1 / v - k) < 1e-9 else f"{v:.3g}"


def _show(v, lang: str) -> str:
    if v is None:
        return _T[lang]["missing"]
    if isinstance(v, dict) and ("zh" in v or "en" in v):
        v = (v.get(lang) or v.get("en") or v.get("zh") or "")
    if isinstance(v, float):
        return f"{v:g}"
    text = str(v)
    return text if len(text) <= 40 else text[:37] + "..."


def _cap(lines: list[str], limit: int, t: dict) -> list[str]:
    return lines if len(lines) <= limit else lines[:limit] + [t["more"].format(n=len(lines) - limit)]


def _change_lines(d: ScenarioDiff, lang: str, limit: int) -> list[str]:
    t, out = _T[lang], []
    def name(i):
        return d.names.get(i, (i, i))[0 if lang == "zh" else 1]
    # Chinese sentences name everything by its Chinese name; English keeps the ids its readers script against
    who = name if lang == "zh" else (lambda i: i)
    for topic in TOPICS:
        items = d.by_topic(topic)
        lines: list[str] = []
        if topic == "scores":
            groups: dict[tuple, list[Change]] = {}
            for c in items:
                groups.setdefault(c.key[:2], []).append(c)
            for (m, v), cs in groups.items():
                shown = ", ".join(f"{who(c.key[2])} {_show(c.before, lang)} -> {_show(c.after, lang)}" for c in cs[:5])
                lines.append(t["scores"].format(m=who(m), v=who(v), n=len(cs),
                                                items=shown + (", ..." if len(cs) > 5 else "")))
        else:
            show = _ratio if topic == "judgments" else (lambda x: _show(x, lang))
            for c in items:
                k = c.key + ("",) * 4
                a, b = (k[2], k[3]) if topic == "judgments" else (k[1], k[2])
                lines.append(t[topic, c.action].format(id=who(k[0]), name=name(k[0]), m=who(k[0]), a=who(a), b=who(b),
                                                       x=show(c.before), y=show(c.after),
                                                       field=t["fields"].get(c.field, c.field)))
        out += _cap(lines, limit, t)
    return out


def _signed(x: float) -> str:
    """+0.031, -0.002, and 0.000 for what rounds to zero (no "-0.000")."""
    return "0.000" if abs(x) < 5e-4 else f"{x:+.3f}"


def _pct(v) -> str:
    return "—" if v is None else f"{100 * v:.1f}%"


def summary(d: ScenarioDiff, lang: str = "en", limit: int = 20) -> str:
    """A plain-sentence summary of ``d`` in ``lang`` ("zh" or "en"), at most ``limit`` lines per topic."""
    if lang not in _T:
        raise MCDAError(code="err.lang", found=repr(lang))
    t = _T[lang]
    if d.empty:
        return t["empty"]
    lines = _change_lines(d, lang, limit)
    def name(i):
        return d.names.get(i, (i, i))[0 if lang == "zh" else 1]
    who = name if lang == "zh" else (lambda i: i)
    for key, rows in (("dims", d.dimension_weights), ("leaves", d.leaf_weights)):
        ranked = sorted(rows, key=lambda w: -abs(w.delta) if w.delta is not None else -1.0)
        if ranked:
            items = t["sep"].join(t["weight"].format(name=name(w.id), x=_pct(w.before), y=_pct(w.after))
                                  for w in ranked[:5])
            lines.append(t[key].format(items=items + (t["sep"] + "..." if len(ranked) > 5 else "")))
    for m in d.methods.values():
        label = (m.label_zh if lang == "zh" else m.label_en).split(" (")[0].split("（")[0]

        def parts(v: VendorChange) -> str:
            if v.weights_part is not None:
                return t["parts"].format(w=_signed(v.weights_part), s=_signed(v.scores_part))
            if v.delta is None:
                return ""
            return t["scores_only"].format(x=f"{v.score_before:.3f}", y=f"{v.score_after:.3f}")

        moved = [v for v in m.vendors if v.moved]
        if moved:
            items = [t["new"].format(v=who(v.vendor), y=v.rank_after) if v.rank_before is None else
                     t["gone"].format(v=who(v.vendor), x=v.rank_before) if v.rank_after is None else
                     f"{who(v.vendor)} {v.rank_before} -> {v.rank_after}{parts(v)}" for v in moved]
            lines.append(t["moved"].format(label=label, items=t["sep"].join(items)))
        else:
            big = max(m.vendors, key=lambda v: abs(v.delta or 0.0), default=None)
            if big is None or not big.delta:
                lines.append(t["still"].format(label=label))
            else:
                lines.append(t["same"].format(label=label, v=who(big.vendor), d=_signed(big.delta), parts=parts(big)))
    notes = {m.note for m in d.methods.values() if not m.split and m.note} or ({d.note} if d.note else set())
    for note in sorted(notes):
        shown = t.get("notes", {}).get(note, note)
        lines.append(t["nosplit"].format(note=shown) if d.evaluated else shown)
    return "\n".join(lines)
