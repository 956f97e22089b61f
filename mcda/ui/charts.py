"""Plotly figure builders: pure functions, data in, figure out (no streamlit, no maths).

Every label (titles, axis names, item names) is passed in already translated;
numbers are plotted as the engine returned them.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
from plotly.colors import qualitative

__all__ = [
    "PALETTE",
    "diverging_bars",
    "grouped_bars",
    "heatmap",
    "radar",
    "ranges",
    "ranking_bars",
    "ranking_dots",
    "stacked_bars",
    "sweep_lines",
    "weights_sunburst",
    "zoomed_range",
]

def _luminance(colour: str) -> float:
    r, g, b = (int(colour[k:k + 2], 16) / 255 for k in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


#: 24 distinct hues (plotly's Dark24), none white or near-white: one per dimension of the template's 19.
PALETTE: tuple[str, ...] = tuple(c for c in qualitative.Dark24 if _luminance(c) < 0.75)


def _layout(fig: go.Figure, title: str, height: int, **kw) -> go.Figure:
    """Title at the top left (above everything, legends live below or to the side); margins grow to fit."""
    margin = {"l": 10, "r": 10, "t": 50 if title else 20, "b": 10, "autoexpand": True, **kw.pop("margin", {})}
    heading = {"text": title, "x": 0, "xanchor": "left", "y": 1, "yanchor": "top", "yref": "container",
               "pad": {"t": 12}}
    legend_y = fig.layout.legend.y
    x_title = fig.layout.xaxis.title.text if fig.layout.xaxis.title else None
    if legend_y is not None and legend_y < 0 and x_title:  # the axis name goes under the title, the legend below
        heading["subtitle"] = {"text": x_title, "font": {"size": 12, "color": "#555"}}
        fig.update_xaxes(title=None)
        margin["t"] = max(margin["t"], 72)
    fig.update_layout(title=heading, height=height, margin=margin, **kw)
    return fig


def _legend_below(fig: go.Figure) -> None:
    """The legend under the plot (never over the title), the bottom margin grown to hold it."""
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0, "xanchor": "left"})


def zoomed_range(values: Sequence[float], pad: float = 0.15) -> list[float]:
    """An axis range from slightly below the smallest value to slightly above the largest, so that
    small differences (0.854 / 0.827 / 0.816) look different.

    >>> [round(x, 4) for x in zoomed_range([0.854, 0.827, 0.816])]
    [0.8103, 0.8597]
    """
    lo, hi = min(values), max(values)
    span = hi - lo or abs(hi) * 0.1 or 1.0
    return [lo - pad * span, hi + pad * span]


def weights_sunburst(ids: Sequence[str], labels: Sequence[str], parents: Sequence[str],
                     values: Sequence[float], title: str = "", height: int = 620) -> go.Figure:
    """The criteria tree sized by global weight.

    ``values`` are the leaves' global weights (0 for inner nodes); plotly sums them up the tree
    (``branchvalues="remainder"``), so an inner node is as large as its leaves together.
    """
    fig = go.Figure(go.Sunburst(
        ids=list(ids), labels=list(labels), parents=list(parents), values=list(values),
        marker={"colors": tree_colours(ids, parents), "line": {"color": "#ffffff", "width": 1}},
        branchvalues="remainder", insidetextorientation="radial", maxdepth=3,
        hovertemplate="%{label}<br>%{percentRoot:.1%}<extra></extra>",
        texttemplate="%{label}<br>%{percentRoot:.1%}",
    ))
    fig.update_layout(uniformtext={"minsize": 9, "mode": "hide"})
    return _layout(fig, title, height)


def tree_colours(ids: Sequence[str], parents: Sequence[str]) -> list[str]:
    """One palette colour per top-level branch (a dimension), inherited by everything below it;
    the root is light grey.

    >>> tree_colours(["g", "a", "a1", "b"], ["", "g", "a", "g"]) == ["#eef1f5", PALETTE[0], PALETTE[0], PALETTE[1]]
    True
    """
    parent_of = dict(zip(ids, parents))
    roots = {i for i, p in parent_of.items() if not p}
    top = [i for i in ids if parent_of[i] in roots]
    colour = {i: PALETTE[k % len(PALETTE)] for k, i in enumerate(top)}

    def of(i: str) -> str:
        while i not in colour and parent_of.get(i):
            i = parent_of[i]
        return colour.get(i, "#eef1f5")

    return [of(i) for i in ids]


def ranking_bars(labels: Sequence[str], scores: Sequence[float], ranks: Sequence[int], title: str = "",
                 x_title: str = "", height: int | None = None, digits: int = 3) -> go.Figure:
    """A dot plot of the scores, best rank on top, each dot labelled ``#rank  score``; the axis is
    zoomed to the scores (:func:`zoomed_range`) so small differences show, and a thin stem from the
    axis start keeps it readable as a ranking."""
    order = sorted(range(len(labels)), key=lambda i: (ranks[i], i))
    lo, hi = zoomed_range(scores, pad=0.35)
    ys = [labels[i] for i in order]
    xs = [scores[i] for i in order]
    stems_x, stems_y = [], []
    for x, y in zip(xs, ys):
        stems_x += [lo, x, None]
        stems_y += [y, y, None]
    fig = go.Figure(go.Scatter(x=stems_x, y=stems_y, mode="lines", line={"color": "#c9d1d9", "width": 3},
                               hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=[f"#{ranks[i]}  {scores[i]:.{digits}f}" for i in order],
        textposition="top center", cliponaxis=False, showlegend=False,
        marker={"size": 14, "color": [PALETTE[0] if ranks[i] == 1 else "#6b7785" for i in order]},
        hovertemplate="%{y}: %{x:.4f}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title=x_title, range=[lo, hi], zeroline=False)
    return _layout(fig, title, height or 110 + 52 * len(labels))


def ranking_dots(labels: Sequence[str], panels: Sequence[tuple[str, Sequence[float], Sequence[int]]],
                 order: Sequence[int], x_title: str = "", digits: int = 3, height: int | None = None) -> go.Figure:
    """Every method's scores side by side as dot plots sharing one vendor axis (names written once, rows
    in ``order``); each panel ``(title, scores, ranks)`` has its own axis zoomed to its scores."""
    from plotly.subplots import make_subplots

    titles = [title.replace("（", "<br>（").replace(" (", "<br>(") for title, _, _ in panels]
    fig = make_subplots(rows=1, cols=max(len(panels), 1), shared_yaxes=True, subplot_titles=titles,
                        horizontal_spacing=0.04)
    ys = [labels[i] for i in order]
    for k, (_, scores, ranks) in enumerate(panels, start=1):
        lo, hi = zoomed_range(scores, pad=0.35)
        xs = [scores[i] for i in order]
        stems_x, stems_y = [], []
        for x, y in zip(xs, ys):
            stems_x += [lo, x, None]
            stems_y += [y, y, None]
        fig.add_trace(go.Scatter(x=stems_x, y=stems_y, mode="lines", line={"color": "#c9d1d9", "width": 3},
                                 hoverinfo="skip", showlegend=False), row=1, col=k)
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="markers+text", text=[f"#{ranks[i]}  {scores[i]:.{digits}f}" for i in order],
            textposition="top center", cliponaxis=False, showlegend=False, textfont={"size": 11},
            marker={"size": 13, "color": [PALETTE[0] if ranks[i] == 1 else "#6b7785" for i in order]},
            hovertemplate="%{y}: %{x:.4f}<extra></extra>"), row=1, col=k)
        fig.update_xaxes(range=[lo, hi], zeroline=False, nticks=4, title=x_title, row=1, col=k)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_annotations(font={"size": 13})
    return _layout(fig, "", height or 150 + 56 * len(labels), margin={"t": 70})


def diverging_bars(labels: Sequence[str], values: Sequence[float], left_name: str, right_name: str,
                   title: str = "", x_title: str = "", digits: int = 3, height: int | None = None) -> go.Figure:
    """Head-to-head: one horizontal bar per row, to the right (``right_name``'s colour) where the value is
    positive and to the left where it is negative; largest absolute value on top."""
    order = sorted(range(len(labels)), key=lambda i: -abs(values[i]))
    xs = [values[i] for i in order]
    colours = [PALETTE[0] if x >= 0 else PALETTE[1] for x in xs]
    fig = go.Figure(go.Bar(x=xs, y=[labels[i] for i in order], orientation="h", marker={"color": colours},
                           text=[f"{x:+.{digits}f}" if abs(x) >= 0.5 * 10 ** -digits else "0" for x in xs],
                           textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x:+.4f}<extra></extra>", showlegend=False))
    span = max((abs(x) for x in xs), default=1.0) or 1.0
    fig.update_xaxes(range=[-1.3 * span, 1.3 * span], title=x_title, zeroline=True, zerolinewidth=2,
                     zerolinecolor="#444")
    fig.update_yaxes(autorange="reversed", automargin=True)
    for x, name, colour, anchor in ((1.0, right_name, PALETTE[0], "right"), (0.0, left_name, PALETTE[1], "left")):
        fig.add_annotation(text=f"<b>{name}</b>", xref="paper", yref="paper", x=x, y=1.0, yanchor="bottom",
                           xanchor=anchor, showarrow=False, font={"color": colour})
    return _layout(fig, title, height or 130 + 26 * len(labels), margin={"l": 10, "r": 10, "t": 80, "b": 10})


def stacked_bars(rows: Sequence[str], series: Sequence[str], values, title: str = "", x_title: str = "",
                 height: int | None = None, percent: bool = False) -> go.Figure:
    """Horizontal bars per row, stacked by series: ``values`` is (rows, series)."""
    fig = go.Figure()
    fmt = ".1%" if percent else ".4f"
    for k, name in enumerate(series):
        fig.add_trace(go.Bar(
            y=list(rows), x=[values[i][k] for i in range(len(rows))], name=name, orientation="h",
            marker={"color": PALETTE[k % len(PALETTE)]},
            hovertemplate=f"{name}<br>%{{y}}: %{{x:{fmt}}}<extra></extra>",
        ))
    fig.update_layout(barmode="relative")
    _legend_below(fig)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title=x_title, tickformat=".0%" if percent else None, exponentformat="e")
    return _layout(fig, title, height or 200 + 40 * len(rows))


def radar(series: Sequence[str], axes: Sequence[str], values, title: str = "", height: int = 560,
          percent: bool = False) -> go.Figure:
    """One closed polygon per series (e.g. vendor) over the axes (e.g. dimensions); ``values`` is (series, axes)."""
    fig = go.Figure()
    closed = list(axes) + [axes[0]] if len(axes) else []
    for k, name in enumerate(series):
        r = [float(v) for v in values[k]]
        fig.add_trace(go.Scatterpolar(
            r=r + r[:1], theta=closed, name=name, fill="toself", opacity=0.55,
            line={"color": PALETTE[k % len(PALETTE)]},
            hovertemplate=f"{name}<br>%{{theta}}: %{{r:{'.1%' if percent else '.4f'}}}<extra></extra>",
        ))
    fig.update_layout(polar={"radialaxis": {"visible": True, "tickformat": ".0%" if percent else None, "angle": 90,
                                            "tickfont": {"size": 9}},
                             "angularaxis": {"tickfont": {"size": 11}}, "domain": {"x": [0.12, 0.88]}})
    _legend_below(fig)
    return _layout(fig, title, height)


def heatmap(x: Sequence[str], y: Sequence[str], z, title: str = "", zmin: float | None = None,
            zmax: float | None = None, colorscale: str = "Blues", text_format: str = ".2f",
            height: int | None = None, reverse_y: bool = True, mark_above: float | None = None) -> go.Figure:
    """A labelled heatmap with the value in each cell; ``z`` is (len(y), len(x)), None for an empty cell.

    ``mark_above`` outlines the cells above a threshold (e.g. a CR over 0.10) with a red marker.
    """
    z = [[None if v is None or math.isnan(v) else float(v) for v in row] for row in z]
    fig = go.Figure(go.Heatmap(
        x=list(x), y=list(y), z=z, zmin=zmin, zmax=zmax, colorscale=colorscale,
        texttemplate=f"%{{z:{text_format}}}", hovertemplate=f"%{{y}} / %{{x}}: %{{z:{text_format}}}<extra></extra>",
        xgap=2, ygap=2,
    ))
    if mark_above is not None:
        xs, ys = [], []
        for i, row in enumerate(z):
            for j, v in enumerate(row):
                if v is not None and v > mark_above:
                    xs.append(x[j])
                    ys.append(y[i])
        if xs:
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers", showlegend=False, hoverinfo="skip",
                                     marker={"symbol": "square-open", "size": 26, "color": "#d62728",
                                             "line": {"width": 3}}))
    if reverse_y:
        fig.update_yaxes(autorange="reversed")
    fig.update_yaxes(automargin=True)
    fig.update_xaxes(automargin=True)
    return _layout(fig, title, height or 160 + 32 * len(y))


def grouped_bars(categories: Sequence[str], series: Mapping[str, Sequence[float]], title: str = "",
                 y_title: str = "", height: int | None = None, percent: bool = True,
                 highlight: str | None = None) -> go.Figure:
    """Horizontal bars per category (names readable, never cut or rotated), one colour per series
    (e.g. each member and the committee); the legend below. ``y_title`` names the values' axis."""
    fig = go.Figure()
    for k, (name, vals) in enumerate(series.items()):
        fig.add_trace(go.Bar(
            y=list(categories), x=list(vals), name=name, orientation="h",
            marker={"color": "#222831" if name == highlight else PALETTE[k % len(PALETTE)]},
            hovertemplate=f"{name}<br>%{{y}}: %{{x:{'.1%' if percent else '.4f'}}}<extra></extra>",
        ))
    fig.update_layout(barmode="group", bargap=0.25)
    _legend_below(fig)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title=y_title or None, tickformat=".0%" if percent else None)
    rows = len(categories) * max(len(series), 1)
    return _layout(fig, title, height or 150 + 9 * rows + 14 * len(categories))


def sweep_lines(x: Sequence[float], scores, names: Sequence[str], current: float,
                crossovers: Sequence[tuple[float, str, str]] = (), title: str = "", x_title: str = "",
                y_title: str = "", current_label: str = "", crossing_label: str = "",
                height: int = 460) -> go.Figure:
    """Each vendor's score as one weight moves from 0 to 1 (``scores`` is (points, vendors)),
    with the current weight as a vertical line and the crossovers (x, vendor a, vendor b) as markers."""
    fig = go.Figure()
    for k, name in enumerate(names):
        fig.add_trace(go.Scatter(x=list(x), y=[row[k] for row in scores], mode="lines", name=name,
                                 line={"color": PALETTE[k % len(PALETTE)], "width": 2.5},
                                 hovertemplate=f"{name}<br>%{{x:.1%}}: %{{y:.4f}}<extra></extra>"))
    for xc, _, _ in crossovers:
        fig.add_vline(x=xc, line={"dash": "dot", "color": "#888", "width": 1})
    if crossovers:  # one hoverable marker per crossover on the x axis (the lines themselves carry no text)
        fig.add_trace(go.Scatter(
            x=[c[0] for c in crossovers], y=[0] * len(crossovers), yaxis="y2", mode="markers", showlegend=False,
            marker={"symbol": "triangle-up", "size": 11, "color": "#555"},
            text=[f"{b} ⇄ {a}" for _, a, b in crossovers], hovertemplate="%{x:.1%}: %{text}<extra></extra>"))
        fig.update_layout(yaxis2={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True})
    fig.add_vline(x=current, line={"color": "#d62728", "width": 2},
                  annotation={"text": current_label, "font": {"color": "#d62728"}}, annotation_position="bottom right")
    fig.update_xaxes(title=x_title, tickformat=".0%", range=[0, 1])
    fig.update_yaxes(title=y_title)
    fig.update_layout(hovermode="x unified")
    _legend_below(fig)
    if crossing_label:
        fig.add_annotation(text=crossing_label, xref="paper", yref="paper", x=1, y=1.08, showarrow=False,
                           font={"size": 11, "color": "#555"}, xanchor="right")
    return _layout(fig, title, height)


def ranges(labels: Sequence[str], low: Sequence[float], high: Sequence[float],
           marks: Sequence[float | None] | None = None, title: str = "", x_title: str = "",
           low_name: str = "", high_name: str = "", mark_name: str = "", reference: float | None = None,
           reference_label: str = "", percent: bool = True, height: int | None = None) -> go.Figure:
    """One thick bar per row from ``low`` to ``high`` (tornado, stability intervals), first row on top.

    ``marks`` puts a marker per row (e.g. the current weight); ``reference`` draws a vertical line
    (e.g. a margin of 0, where the winner changes).
    """
    fmt = ".1%" if percent else ".4f"
    fig = go.Figure()
    xs, ys = [], []
    for lab, lo, hi in zip(labels, low, high):
        xs += [lo, hi, None]
        ys += [lab, lab, None]
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"width": 16, "color": "#9ecae1"},
                             showlegend=False, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=list(low), y=list(labels), mode="markers", name=low_name,
                             marker={"color": "#3182bd", "size": 11, "symbol": "line-ns-open", "line": {"width": 3}},
                             hovertemplate=f"%{{y}}: %{{x:{fmt}}}<extra>{low_name}</extra>"))
    fig.add_trace(go.Scatter(x=list(high), y=list(labels), mode="markers", name=high_name,
                             marker={"color": "#e6550d", "size": 11, "symbol": "line-ns-open", "line": {"width": 3}},
                             hovertemplate=f"%{{y}}: %{{x:{fmt}}}<extra>{high_name}</extra>"))
    if marks is not None:
        fig.add_trace(go.Scatter(x=[m for m in marks], y=list(labels), mode="markers", name=mark_name,
                                 marker={"color": "#222831", "size": 10, "symbol": "diamond"},
                                 hovertemplate=f"%{{y}}: %{{x:{fmt}}}<extra>{mark_name}</extra>"))
    if reference is not None:
        fig.add_vline(x=reference, line={"color": "#d62728", "dash": "dash"},
                      annotation={"text": reference_label, "font": {"color": "#d62728"}})
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=x_title, tickformat=".0%" if percent else None)
    _legend_below(fig)
    return _layout(fig, title, height or 170 + 34 * len(labels))
