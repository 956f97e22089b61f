"""The consensus record of a tender in the HTML report: what changed in review, by whom and why.

:func:`consensus_html` renders a :class:`mcda.committee.ConsensusRecord` as an HTML section (escaped);
:func:`with_consensus` puts it into a report of :func:`mcda.export.report.html_report`, before
``</body>``. The record never holds a token (it names actors such as ``member:cfo``).
"""
from __future__ import annotations

from html import escape

__all__ = ["LABELS", "consensus_html", "with_consensus"]

LABELS = {
    "title": ("共识记录", "Consensus record"),
    "decision": ("决定", "Decision"),
    "signed": ("已签署：版本 {version}，{by}，{at}", "signed off: version {version}, by {by}, at {at}"),
    "none": ("评议阶段没有变更、评论或覆盖", "no changes, comments or overrides in review"),
    "at": ("时间", "at"), "actor": ("人员", "by"), "kind": ("类型", "kind"), "target": ("对象", "what"),
    "old": ("原值", "before"), "new": ("新值", "after"), "text": ("理由 / 评论", "reason / comment"),
    "overrides": ("委员会值（覆盖）", "committee values (overrides)"),
    "kind.comment": ("评论", "comment"), "kind.change": ("修改", "change"), "kind.override": ("覆盖", "override"),
    "kind.reopen": ("重新开放", "reopened"), "kind.phase": ("阶段", "phase"), "kind.signoff": ("签署", "sign-off"),
}


def _l(key: str, lang: str) -> str:
    zh, en = LABELS[key]
    return zh if lang == "zh" else en


def consensus_html(record, lang: str = "zh") -> str:
    """The record as a ``<section>``: the decision, then every entry oldest first, then the overrides in force."""
    out = [f'<section id="consensus"><h2>{_l("title", lang)}</h2>']
    if record.decision_note:
        out.append(f"<p><strong>{_l('decision', lang)}:</strong> {escape(record.decision_note)}</p>")
    if record.signed_version is not None:
        out.append("<p>" + escape(_l("signed", lang).format(version=record.signed_version, by=record.signed_by or "",
                                                            at=record.signed_at or "")) + "</p>")
    if not record.entries:
        out.append(f"<p>{_l('none', lang)}</p>")
    else:
        cols = ("at", "actor", "kind", "target", "old", "new", "text")
        out.append("<table><thead><tr>" + "".join(f"<th>{_l(c, lang)}</th>" for c in cols) + "</tr></thead><tbody>")
        for e in record.entries:
            kind = _l(f"kind.{e.kind}", lang) if f"kind.{e.kind}" in LABELS else e.kind
            cells = (e.at, e.actor, kind, e.target, e.old_value or "", e.new_value or "", e.text)
            out.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>")
        out.append("</tbody></table>")
    if record.overrides:
        out.append(f"<h3>{_l('overrides', lang)}</h3><ul>")
        out.extend(f"<li>{escape(k)}: {v:g}</li>" for k, v in sorted(record.overrides.items()))
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def with_consensus(html: str, record, lang: str = "zh") -> str:
    """``html`` (a full report page) with the consensus section before ``</body>``."""
    section = consensus_html(record, lang)
    at = html.rfind("</body>")
    return html + section if at < 0 else html[:at] + section + "\n" + html[at:]
