"""Plain-sentence summaries of a :class:`mcda.engine.diff.ScenarioDiff` in Chinese and English."""
from __future__ import annotations

from mcda.engine.diff import TOPICS, Change, ScenarioDiff, VendorChange
from mcda.errors import MCDAError

__all__ = ["summary"]


# ----------------------------------------------------------------------------- text
_T = {
    "en": {
        ("metadata", "changed"): "metadata {field}: {x} -> {y}",
        ("criteria", "added"): "criterion {id} ({name}) added", ("criteria", "removed"): "criterion {id} ({name}) removed",
        ("criteria", "renamed"): "criterion id {x} renamed to {y}", ("criteria", "changed"): "criterion {id}: {field} {x} -> {y}",
        ("scales", "added"): "scale {id} added", ("scales", "removed"): "scale {id} removed",
        ("scales", "changed"): "scale {id} redefined",
        ("members", "added"): "member {id} added", ("members", "removed"): "member {id} removed",
        ("members", "changed"): "member {id}: {field} {x} -> {y}",
        ("vendors", "added"): "vendor {id} ({name}) added", ("vendors", "removed"): "vendor {id} ({name}) removed",
        ("vendors", "changed"): "vendor {id}: {field} {x} -> {y}",
        ("judgments", "changed"): "{m} changed {a} vs {b} from {x} to {y}",
        ("judgments", "added"): "{m} added {a} vs {b}: {y}", ("judgments", "removed"): "{m} removed {a} vs {b} (was {x})",
        ("direct", "changed"): "{m} changed the direct weight of {b} under {a} from {x} to {y}",
        ("direct", "added"): "{m} gave {b} under {a} the direct weight {y}",
        ("direct", "removed"): "{m} removed the direct weight of {b} under {a} (was {x})",
        ("settings", "changed"): "setting {id}: {x} -> {y}",
        "scores": "{m} changed {n} score(s) of {v}: {items}", "more": "... and {n} more",
        "dims": "Dimension weights: {items}", "leaves": "Criterion weights: {items}", "weight": "{name} weight {x} -> {y}",
        "moved": "{label}: {items}", "same": "{label}: ranking unchanged; largest score change {v} {d}{parts}",
        "still": "{label}: ranking and scores unchanged", "parts": " (weights {w}, scores {s})",
        "new": "{v} new at rank {y}", "gone": "{v} removed (was {x})",
        "nosplit": "Score changes are not split into weights and scores: {note}.", "scores_only": " ({x} -> {y})",
        "empty": "No differences.", "missing": "missing", "sep": "; ",
        "fields": {"weight": "voting weight"},
    },
    "zh": {
        ("metadata", "changed"): "元数据 {field}：{x} -> {y}",
        ("criteria", "added"): "新增指标 {id}（{name}）", ("criteria", "removed"): "删除指标 {id}（{name}）",
        ("criteria", "renamed"): "指标编号 {x} 改为 {y}", ("criteria", "changed"): "指标 {id} 的{field}：{x} -> {y}",
        ("scales", "added"): "新增量表 {id}", ("scales", "removed"): "删除量表 {id}", ("scales", "changed"): "量表 {id} 的定义有修改",
        ("members", "added"): "新增成员 {id}", ("members", "removed"): "删除成员 {id}",
        ("members", "changed"): "成员 {id} 的{field}：{x} -> {y}",
        ("vendors", "added"): "新增服务商 {id}（{name}）", ("vendors", "removed"): "删除服务商 {id}（{name}）",
        ("vendors", "changed"): "服务商 {id} 的{field}：{x} -> {y}",
        ("judgments", "changed"): "{m} 将 {a} 与 {b} 的比较从 {x} 改为 {y}",
        ("judgments", "added"): "{m} 新增 {a} 与 {b} 的比较：{y}", ("judgments", "removed"): "{m} 删除了 {a} 与 {b} 的比较（原为 {x}）",
        ("direct", "changed"): "{m} 将 {a} 下 {b} 的直接权重从 {x} 改为 {y}",
        ("direct", "added"): "{m} 给 {a} 下 {b} 直接权重 {y}", ("direct", "removed"): "{m} 删除了 {a} 下 {b} 的直接权重（原为 {x}）",
        ("settings", "changed"): "设置 {id}：{x} -> {y}",
        "scores": "{m} 修改了 {v} 的 {n} 项评分：{items}", "more": "…… 另有 {n} 项",
        "dims": "维度权重：{items}", "leaves": "指标权重：{items}", "weight": "{name} 权重 {x} -> {y}",
        "moved": "{label}：{items}", "same": "{label}：排名不变；得分变化最大的是 {v} {d}{parts}",
        "still": "{label}：排名和得分均未变化", "parts": "（权重 {w}，评分 {s}）",
        "new": "{v} 为新增，排第 {y}", "gone": "{v} 已删除（原排第 {x}）",
        "nosplit": "得分变化无法拆分为权重和评分两部分：{note}。", "scores_only": "（{x} -> {y}）",
        "empty": "两个方案没有差异。", "missing": "空", "sep": "；",
        "fields": {"name": "名称", "description": "说明", "direction": "方向", "scale": "量表", "parent": "上级",
                   "role": "角色", "weight": "投票权重", "notes": "备注", "title": "标题", "author": "作者"},
        "notes": {"the vendors changed": "服务商有变化", "the leaf criteria changed": "末级指标有变化",
                  "the method's normalisation setting changed": "该方法的归一化设置有变化"},
    },
}


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
    name = (lambda i: d.names.get(i, (i, i))[0 if lang == "zh" else 1])
    for topic in TOPICS:
        items = d.by_topic(topic)
        lines: list[str] = []
        if topic == "scores":
            groups: dict[tuple, list[Change]] = {}
            for c in items:
                groups.setdefault(c.key[:2], []).append(c)
            for (m, v), cs in groups.items():
                shown = ", ".join(f"{c.key[2]} {_show(c.before, lang)} -> {_show(c.after, lang)}" for c in cs[:5])
                lines.append(t["scores"].format(m=m, v=v, n=len(cs), items=shown + (", ..." if len(cs) > 5 else "")))
        else:
            show = _ratio if topic == "judgments" else (lambda x: _show(x, lang))
            for c in items:
                k = c.key + ("",) * 4
                a, b = (k[2], k[3]) if topic == "judgments" else (k[1], k[2])
                lines.append(t[topic, c.action].format(id=k[0], name=name(k[0]), m=k[0], a=a, b=b, x=show(c.before),
                                                       y=show(c.after), field=t["fields"].get(c.field, c.field)))
        out += _cap(lines, limit, t)
    return out


def _signed(x: float) -> str:
    """+0.031, -0.002, and 0.000 for what rounds to zero (no "-0.000")."""
    return "0.000" if abs(x) < 5e-4 else f"{x:+.3f}"


def _pct(v) -> str:
    return "—" if v is None else f"{100 * v:.1f}%"


def summary(d: ScenarioDiff, lang: str, limit: int) -> str:
    if lang not in _T:
        raise MCDAError(f"lang must be 'zh' or 'en'; found {lang!r}")
    t = _T[lang]
    if d.empty:
        return t["empty"]
    lines = _change_lines(d, lang, limit)
    name = (lambda i: d.names.get(i, (i, i))[0 if lang == "zh" else 1])
    for key, rows in (("dims", d.dimension_weights), ("leaves", d.leaf_weights)):
        ranked = sorted(rows, key=lambda w: -abs(w.delta) if w.delta is not None else -1.0)
        if ranked:
            items = t["sep"].join(t["weight"].format(name=name(w.id), x=_pct(w.before), y=_pct(w.after)) for w in ranked[:5])
            lines.append(t[key].format(items=items + (t["sep"] + "..." if len(ranked) > 5 else "")))
    for m in d.methods.values():
        label = (m.label_zh if lang == "zh" else m.label_en).split(" (")[0].split("（")[0]

        def parts(v: VendorChange) -> str:
            if v.weights_part is not None:
                return t["parts"].format(w=_signed(v.weights_part), s=_signed(v.scores_part))
            return "" if v.delta is None else t["scores_only"].format(x=f"{v.score_before:.3f}", y=f"{v.score_after:.3f}")

        moved = [v for v in m.vendors if v.moved]
        if moved:
            items = [t["new"].format(v=v.vendor, y=v.rank_after) if v.rank_before is None else
                     t["gone"].format(v=v.vendor, x=v.rank_before) if v.rank_after is None else
                     f"{v.vendor} {v.rank_before} -> {v.rank_after}{parts(v)}" for v in moved]
            lines.append(t["moved"].format(label=label, items=t["sep"].join(items)))
        else:
            big = max(m.vendors, key=lambda v: abs(v.delta or 0.0), default=None)
            if big is None or not big.delta:
                lines.append(t["still"].format(label=label))
            else:
                lines.append(t["same"].format(label=label, v=big.vendor, d=_signed(big.delta), parts=parts(big)))
    notes = {m.note for m in d.methods.values() if not m.split and m.note} or ({d.note} if d.note else set())
    for note in sorted(notes):
        shown = t.get("notes", {}).get(note, note)
        lines.append(t["nosplit"].format(note=shown) if d.evaluated else shown)
    return "\n".join(lines)
