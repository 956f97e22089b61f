"""Scores page: each member's scores, one dimension at a time (vendors x sub-criteria), with score
templates (CSV / Excel) to fill in offline, their import, the missing cells and the coverage."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from mcda.export.templates import import_scores, score_template
from mcda.scenario import edits
from mcda.scenario.schema import NumericScale, OrdinalScale
from mcda.text import format_number
from mcda.ui import charts, state
from mcda.ui.cells import bad_cells
from mcda.ui.names import criterion_names, member_names, vendor_names
from mcda.ui.widgets import current_evaluation, header, plain, show_error

lang = state.lang()
t = state.translator()
header("page_scores", "scores_help")
sc = state.scenario()
names = criterion_names(sc, lang)
people = member_names(sc)
vnames = vendor_names(sc, lang)
if not sc.members or not sc.vendors:
    st.info(t("no_members_or_vendors"))
    st.stop()

c1, c2 = st.columns(2)
with c1:
    member = state.pick(st.selectbox, t("member"), list(people), "member", format_func=people.get)
dims = sc.criteria.children
with c2:
    dim_id = state.pick(st.selectbox, t("dimension"), [d.id for d in dims], "dimension", format_func=names.get)
dim = next(d for d in dims if d.id == dim_id)
leaves = dim.leaves() if not dim.is_leaf else [dim]
own = sc.scores.get(member, {})
rev = state.revision()


def _scale_help(leaf) -> tuple[dict, str]:
    scale = sc.leaf_scale(leaf)
    direction = t(leaf.direction)
    sep = "；" if lang == "zh" else "; "
    if isinstance(scale, OrdinalScale):
        levels = ("，" if lang == "zh" else ", ").join(
            f"{k} = {v.get(lang)}" for k, v in sorted(scale.labels.items(), key=lambda kv: int(kv[0]))
        )
        return (
            {"format": "%g"},  # no min/max: an entry off the scale is reported below, never clamped
            f"{direction}{sep}{scale.min}–{scale.max}"
            + (f"（{levels}）" if levels and lang == "zh" else f" ({levels})" if levels else ""),
        )
    assert isinstance(scale, NumericScale)
    unit = scale.unit.get(lang) if scale.unit else ""
    span = "–".join(format_number(v) for v in (scale.min, scale.max) if v is not None)
    return {"format": "localized"}, sep.join(x for x in (direction, unit, span) if x)


# ------------------------------------------------------------------ the table
table = pd.DataFrame({"vendor": [vnames[v.id] for v in sc.vendors]})
config = {"vendor": st.column_config.TextColumn(t("vendor"), disabled=True, pinned=True)}
for leaf in leaves:
    table[leaf.id] = [own.get(v.id, {}).get(leaf.id) for v in sc.vendors]
    table[leaf.id] = table[leaf.id].astype("float64")
    bounds, help_text = _scale_help(leaf)
    scale = sc.leaf_scale(leaf)
    unit = scale.unit.get(lang) if isinstance(scale, NumericScale) and scale.unit else ""
    title = (
        (f"{names[leaf.id]}（{unit}）" if lang == "zh" else f"{names[leaf.id]} ({unit})") if unit else names[leaf.id]
    )
    config[leaf.id] = st.column_config.NumberColumn(title, help=help_text, **bounds)
st.caption(t("scores_table_help", member=people[member], dimension=names[dim_id]))
edited = st.data_editor(
    table,
    key=state.key("scores", member, dim_id, rev),
    hide_index=True,
    column_config=config,
    placeholder=t("missing_cell"),
    disabled=["vendor"],
)

changes: dict[str, dict[str, float | None]] = {}
for row, v in enumerate(sc.vendors):
    for leaf in leaves:
        before, after = table.at[row, leaf.id], edited.at[row, leaf.id]
        if (pd.isna(before) and pd.isna(after)) or before == after:
            continue
        changes.setdefault(v.id, {})[leaf.id] = None if pd.isna(after) else float(after)
bad = bad_cells(sc, changes)
if bad:
    lines = [
        t(
            "bad_cell_" + b.reason,
            vendor=vnames[b.vendor],
            criterion=names[b.criterion],
            value=format_number(b.value, 2).rstrip("0").rstrip("."),
            low=format_number(b.low) if b.low is not None else "−∞",
            high=format_number(b.high) if b.high is not None else "∞",
        )
        for b in bad
    ]
    st.error(f"**{t('bad_cells', n=len(bad))}**\n\n" + "\n".join(f"- {plain(line)}" for line in lines))
elif changes:
    error = state.apply(edits.set_scores, member, changes)
    if error:
        show_error(t("edit_refused"), error)
    else:
        st.rerun()

# ------------------------------------------------------------------ what is missing
missing_here = int(table[[leaf.id for leaf in leaves]].isna().sum().sum())
total_here = len(sc.vendors) * len(leaves)
m1, m2 = st.columns(2)
m1.metric(t("missing_in_dimension"), f"{missing_here} / {total_here}")
z, missing_all = [], 0
for v in sc.vendors:
    cells = own.get(v.id, {})
    row = []
    for d in dims:
        gone = sum(1 for leaf in (d.leaves() if not d.is_leaf else [d]) if cells.get(leaf.id) is None)
        row.append(gone or None)  # blank where nothing is missing
        missing_all += gone
    z.append(row)
m2.metric(t("missing_for_member"), str(missing_all))
if missing_all:
    st.plotly_chart(
        charts.heatmap(
            [names[d.id] for d in dims],
            [vnames[v.id] for v in sc.vendors],
            z,
            title=t("missing_map_title", member=people[member]),
            zmin=0,
            colorscale="Reds",
            text_format="d",
            height=170 + 36 * len(sc.vendors),
        ),
        key=state.key("missing_map"),
    )
else:
    st.success(t("nothing_missing", member=people[member]))

ev = current_evaluation(show=False)
if ev is not None:
    cols = [ev.problem.leaves.index(leaf.id) for leaf in leaves]
    coverage = ev.problem.aggregated.coverage
    st.plotly_chart(
        charts.heatmap(
            [names[leaf.id] for leaf in leaves],
            [vnames[v] for v in ev.vendors],
            [[coverage[i, j] for j in cols] for i in range(len(ev.vendors))],
            title=t("coverage_title", dimension=names[dim_id]),
            zmin=0,
            zmax=1,
            colorscale="Greens",
            text_format=".0%",
            height=170 + 36 * len(ev.vendors),
        ),
        key=state.key("coverage"),
    )
    st.caption(t("coverage_help"))
else:
    current_evaluation()

# ------------------------------------------------------------------ templates
st.subheader(t("templates"))
st.caption(t("templates_help"))


def _import() -> None:
    upload = state.value(state.key("score_upload", member))
    if upload is None:
        return
    state.edit_callback(
        import_scores,
        member,
        upload.getvalue(),
        upload.name,
        done=t("scores_imported", name=upload.name, member=people[member]),
        lead="import_failed",
    )


d1, d2, d3 = st.columns(3)
d1.download_button(
    t("template_csv"),
    data=lambda: score_template(sc, member, "csv"),
    file_name=f"scores_{member}.csv",
    mime="text/csv",
    icon=":material/download:",
    key=state.key("tpl_csv"),
)
d2.download_button(
    t("template_xlsx"),
    data=lambda: score_template(sc, member, "xlsx"),
    file_name=f"scores_{member}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
    key=state.key("tpl_xlsx"),
)
d3.file_uploader(
    t("import_scores", member=people[member]),
    type=["csv", "xlsx"],
    key=state.key("score_upload", member),
    on_change=_import,
    help=t("uploader_help"),
)
