"""The HTML renderer of a Scene: one self-contained, offline page (see :mod:`opgavelab.draw.interactive`).

:meth:`opgavelab.draw.scene.Scene.page` calls :func:`_scene_page`, which
writes vis-network's nodes, edges and options straight from the Scene, reads
vis-network's script from the files bundled with pyvis and the page's own
script and style from ``draw/assets/``. :class:`NetworkPage` shows a page in
a notebook (public through :mod:`opgavelab.draw.interactive`). This module
imports the visual language (:mod:`opgavelab.draw.style`) and never
``draw.scene``, ``draw.static`` or ``draw.interactive``: they import it.
"""

from __future__ import annotations

import html
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .style import (
    _LINES,
    _UNKNOWN_LINE,
    EDGE_COLOUR,
    OPGAVE_COLOUR,
    SPOKE_COLOUR,
    _plain,
    free_spoke,
    labelled_guides,
    text,
)

#: What these functions draw: a :class:`opgavelab.draw.scene.Scene`. Named here, not imported, because
#: ``draw.scene`` imports this module (``Scene.page()`` calls :func:`_scene_page`).
Scene = Any


def _vis_path() -> Path:
    """The newest ``vis-network.min.js`` bundled with pyvis (``pyvis/templates/lib/vis-<version>/``)."""
    from importlib.util import find_spec

    # found, not imported: importing pyvis imports IPython and jinja2 (a second for nothing)
    root = Path(find_spec("pyvis").origin).parent
    found = list(root.glob("templates/lib/vis-*/vis-network.min.js")) or list(root.glob("lib/vis-*/vis-network.min.js"))
    if not found:  # pragma: no cover - guards a future pyvis
        msg = f"pyvis ({root}) bundles no vis-network.min.js; reinstall pyvis (pip install 'pyvis>=0.3')."
        raise RuntimeError(msg)

    def version(path: Path) -> tuple:
        return tuple(int(x) if x.isdigit() else 0 for x in path.parent.name.removeprefix("vis-").split("."))

    return max(found, key=version)


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network's script from the pyvis package, safe to inline.

    Its licence comments and a few strings hold URLs; ``://`` becomes
    ``:\\/\\/`` (the same string in JavaScript), so no ``http://`` is left in
    the page, and the source-map line (which would make developer tools
    fetch a file) is dropped.
    """
    src = _vis_path().read_text(encoding="utf-8")
    # split on "\n" only: the script holds other line-break characters inside its strings
    src = "\n".join(line for line in src.split("\n") if not line.startswith("//# sourceMappingURL"))
    src = src.replace("://", ":\\/\\/")
    if "</script" in src.lower():  # pragma: no cover - guards a future vis-network version
        msg = "vis-network's script contains '</script' and cannot be inlined safely."
        raise RuntimeError(msg)
    return src


def _json_for_script(data) -> str:
    """JSON that can sit inside ``<script>``: ``<``, ``>`` and ``&`` as unicode escapes."""
    out = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    return (out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _round(v: float) -> float:
    return float(round(v, 1))


def _dashes(scene: Scene, line: str):
    for name, _, vis in list(_LINES) + [_UNKNOWN_LINE]:
        if name == line:
            return vis
    return False


def _node_info(scene: Scene, lang: str) -> tuple[list[str], list[list]]:
    """Tooltip fields: a header and one row of plain strings per actor."""
    keys = ["f_type", "f_scale", "f_role", "f_aware", "f_commitment", "f_sector", "f_domains", "f_since",
            "f_until", "f_id"]
    header = [text(k, lang) for k in keys]
    yes, no = text("yes", lang), text("no", lang)
    rows = []
    nodes = scene.nodes
    for v, name, tl, sl, role, aware, com, sector, domains, since, until in zip(
            nodes.index, nodes["name"], nodes["type_label"], nodes["scale_label"], nodes["role"], nodes["aware"],
            nodes["commitment"], nodes["sector"], nodes["domains"], nodes["since"], nodes["until"]):
        rows.append([
            str(name), _s(tl), _s(sl), _s(role), yes if aware else no, _s(com), _s(sector),
            ", ".join(str(d) for d in (domains if isinstance(domains, (list, tuple)) else [])),
            _date(since, lang), _date(until, lang), str(v),
        ])
    return header, rows


def _s(value) -> str:
    """A table value as tooltip text: '' when missing, whole numbers without '.0'."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date(value, lang: str) -> str:
    import pandas as pd

    if _plain(value) is None:
        return ""
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return str(value)
    return ts.strftime(_message("format.strftime_date", lang))


def _scale_px(n: int) -> float:
    """Layout units → pixels, so that actors keep about the same spacing at any size."""
    return float(max(300.0, 45.0 * math.sqrt(max(n, 1))))


def _groups(scene: Scene) -> tuple[dict, dict]:
    """vis-network groups: one per (colour, shape, aware), holding colour, shape and outline."""
    groups: dict[str, dict] = {}
    keys: dict[tuple, str] = {}
    for colour, shape, aware in zip(scene.nodes["colour"], scene.nodes["shape"], scene.nodes["aware"]):
        key = (colour, shape, bool(aware))
        if key in keys:
            continue
        gid = f"g{len(keys)}"
        keys[key] = gid
        if aware:
            spec = {"shape": shape, "borderWidth": 1,
                    "color": {"background": colour, "border": "#FFFFFF",
                              "highlight": {"background": colour, "border": "#111111"},
                              "hover": {"background": colour, "border": "#111111"}}}
        else:
            spec = {"shape": shape, "borderWidth": 2, "shapeProperties": {"borderDashes": [4, 3]},
                    "color": {"background": "#FFFFFF", "border": colour,
                              "highlight": {"background": "#FFFFFF", "border": "#111111"},
                              "hover": {"background": "#FFFFFF", "border": "#111111"}}}
        groups[gid] = spec
    return groups, keys


def _legend_html(scene: Scene, lang: str) -> str:
    """The legend as escaped HTML with small inline SVG symbols."""
    esc = html.escape
    lg = scene.legend
    parts = []

    def section(title: str, rows: list[tuple[str, str]]) -> None:
        if rows:
            items = "".join(f'<li>{sym}<span>{esc(label)}</span></li>' for sym, label in rows)
            parts.append(f'<div class="lg"><b>{esc(title)}</b><ul>{items}</ul></div>')

    section(lg.get("colour_title") or text("actor_type", lang),
            [(_svg_shape("dot", scene.colours.get(v, "#9e9e9e")), lb) for v, lb in lg["types"]])
    section(text("scale", lang), [(_svg_shape(scene.shapes.get(v, ("o", "dot"))[1], "#6B6B6B"), lb)
                                  for v, lb in lg["scales"]])
    section(text("tie_type", lang), [(_svg_line(_dashes(scene, scene.lines.get(v, ("",))[0])), lb)
                                     for v, lb in lg["ties"]])
    also = []
    if scene.opgave:
        also.append((f'<svg width="22" height="14"><rect x="1" y="2" width="20" height="10" rx="3" '
                     f'fill="{OPGAVE_COLOUR}"/></svg>', text("opgave_node", lang)))
    if scene.opgave and 0 < len(scene.nodes) <= 1000:  # the spokes, drawn up to 1,000 actors
        also.append((f'<svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke="{SPOKE_COLOUR}" '
                     'stroke-width="1.2"/></svg>', text("fig_spoke", lang)))
    if lg["not_aware"]:
        also.append(('<svg width="22" height="14"><circle cx="11" cy="7" r="5.5" fill="#fff" stroke="#6B6B6B" '
                     'stroke-width="1.6" stroke-dasharray="3 2"/></svg>', text("not_aware", lang)))
    if lg.get("directed"):
        also.append((f'<svg width="22" height="14"><line x1="1" y1="7" x2="15" y2="7" stroke="{EDGE_COLOUR}" '
                     f'stroke-width="1.5"/><path d="M21 7 L13 3 L13 11 Z" fill="{EDGE_COLOUR}"/></svg>',
                     text("directed", lang)))
    if lg.get("size"):
        also.append(('<svg width="22" height="14"><circle cx="3" cy="7" r="2" fill="#8C8C8C"/><circle cx="9" '
                     'cy="7" r="3" fill="#8C8C8C"/><circle cx="17" cy="7" r="4.5" fill="#8C8C8C"/></svg>',
                     text("size", lang, metric=lg["size"])))
    if len(scene.edges) and scene.edges["width"].nunique() > 1:
        also.append((_svg_line(False, 3.0), text("width", lang)))
    section(text("also", lang), also)
    return "".join(parts)


def _svg_shape(shape: str, colour: str) -> str:
    c = html.escape(colour)
    body = {
        "dot": f'<circle cx="11" cy="7" r="5.5" fill="{c}"/>',
        "square": f'<rect x="6" y="2" width="10" height="10" fill="{c}"/>',
        "diamond": f'<path d="M11 1 L17 7 L11 13 L5 7 Z" fill="{c}"/>',
        "triangle": f'<path d="M11 1.5 L17 12.5 L5 12.5 Z" fill="{c}"/>',
        "triangleDown": f'<path d="M5 1.5 L17 1.5 L11 12.5 Z" fill="{c}"/>',
        "hexagon": f'<path d="M8 1.8 L14 1.8 L17 7 L14 12.2 L8 12.2 L5 7 Z" fill="{c}"/>',
        "star": (f'<path d="M11 0.8 L12.9 5.1 L17.5 5.4 L14 8.4 L15.1 13 L11 10.5 L6.9 13 L8 8.4 L4.5 5.4 '
                 f'L9.1 5.1 Z" fill="{c}"/>'),
    }.get(shape, f'<circle cx="11" cy="7" r="5.5" fill="{c}"/>')
    return f'<svg width="22" height="14">{body}</svg>'


def _svg_line(dashes, width: float = 1.6) -> str:
    dash = f' stroke-dasharray="{" ".join(str(d) for d in dashes)}"' if dashes else ""
    return (f'<svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke="{EDGE_COLOUR}" '
            f'stroke-width="{width}"{dash}/></svg>')


def _positions(scene: Scene, layout, S: float) -> list[float]:
    xs = []
    for v in scene.nodes.index:
        x, y = layout[v]
        xs += [float(round(x * S)), float(round(-y * S))]  # whole units, as vis-network keeps them
    return xs


def _guides_px(g: dict, layout=None, ids=()) -> dict:
    if not g:
        return {}
    out = {
        "hub": g.get("hub_radius", 0.0),
        "rings": [{"i": r["r_inner"], "o": r["r_outer"], "label": str(r["label"])} for r in g["rings"]],
        "sectors": [{"s": s["start"], "e": s["end"], "label": _label_lines(str(s["label"]), 16), "colour": s["colour"]}
                    for s in g["sectors"]],
    }
    if layout is not None:
        xy = np.array([layout[v] for v in ids], dtype=float).reshape(-1, 2)
        out["spoke"] = free_spoke(g, xy[:, 0], xy[:, 1])
    return out


#: Font sizes of the page, in screen pixels at its first view in a full window: the actors' names (the
#: numbers a little smaller), the opgave's box. The page's script turns them into canvas units for the frame it
#: finds itself in (smaller in a small frame, never below 11 px for the names).
_FONTS = {"name": 14, "minName": 11, "hub": 12, "hubWidth": 130, "hubMargin": 7}
_NAME_FONT = _FONTS["name"]


def _page_data(scene: Scene, *, alt: tuple | None, lang: str, label_limit: int) -> dict:
    """What the page's script gets: vis-network's nodes, edges and options, straight from the Scene, and the names,
    layouts, tooltips and words it draws itself."""
    nodes = scene.nodes
    n = len(nodes)
    S = _scale_px(n)
    groups, keys = _groups(scene)
    pos = _positions(scene, scene.layout, S)
    vis_nodes = _vis_nodes(scene, pos, keys, S)
    vis_edges = _vis_edges(scene)
    hub_id = n
    if scene.opgave:
        # first in the list, so vis-network draws it first: an actor near the middle stays above the box
        vis_nodes.insert(0, _vis_hub(scene.opgave["name"], hub_id, S / _scale_px(1)))
        if n <= 1000:  # the spokes
            vis_edges += [{"from": hub_id, "to": i, "width": 0.6, "color": {"color": SPOKE_COLOUR, "opacity": 0.5},
                           "spoke": True} for i in range(n)]
    layouts = {scene.layout.kind: {"pos": pos, "guides": _guides_px(scene.guides, scene.layout, nodes.index)}}
    if alt is not None:
        layouts[alt[0].kind] = {"pos": _positions(scene, alt[0], S), "guides": _guides_px(alt[1], alt[0], nodes.index)}
    header, info = _node_info(scene, lang)
    rank = nodes["rank"].to_numpy()
    return {"nodes": vis_nodes, "edges": vis_edges, "options": _vis_options(n, groups), "scale": S,
            "labels": _page_labels(nodes, label_limit), "order": [int(i) for i in np.argsort(rank, kind="stable")],
            "rank": [int(r) for r in rank], "fonts": _FONTS, "hub": hub_id if scene.opgave else None,
            "layouts": layouts, "current": scene.layout.kind, "fields": header, "info": info,
            "texts": {"force": _message("view_force", lang), "compass": _message("view_compass", lang),
                      "search": _message("draw.find_actor", lang), "notfound": _message("draw.not_found", lang)}}


def _page_labels(nodes, label_limit: int) -> list:
    """The names to draw (None: on hover only).

    They travel apart from vis-network's nodes: the page's script places and draws them itself, by the rule of the
    static figures (most central first, never over another name or a marker, a number and the key where there is no
    room). Short names where given; above ``label_limit`` actors only that many.
    """
    show = nodes["show_label"].to_numpy(dtype=bool)
    if len(nodes) > label_limit:
        show = show & (nodes["rank"].to_numpy() <= label_limit)
    shown_names = nodes["label"] if "label" in nodes.columns else nodes["name"]
    return [(_label_lines(str(name)) if show[i] else None) for i, name in enumerate(shown_names)]


def _vis_nodes(scene: Scene, pos: list, keys: dict, S: float) -> list[dict]:
    """One vis-network node per actor: position, size and its style group.

    Markers grow less than the drawing, so a crowd stays a crowd; the page's script sets the names' sizes (and
    shrinks the markers in a small frame) once it knows the frame.
    """
    nodes = scene.nodes
    sizes = (7.0 + 15.0 * nodes["size"].to_numpy(dtype=float)) * math.sqrt(S / _scale_px(1))
    sizes = np.where(nodes["shape"].to_numpy() == "star", sizes * 1.25, sizes)
    return [{"id": i, "x": pos[2 * i], "y": pos[2 * i + 1], "size": _round(sizes[i]),
             "group": keys[(colour, shape, bool(aware))]}
            for i, (colour, shape, aware) in enumerate(zip(nodes["colour"], nodes["shape"], nodes["aware"]))]


def _vis_edges(scene: Scene) -> list[dict]:
    """One vis-network edge per pair of actors: width by weight, dashes by tie type, an arrow when directed."""
    edges = scene.edges
    if not len(edges):
        return []
    index = {v: i for i, v in enumerate(scene.nodes.index)}
    widths = 0.8 + 3.2 * edges["width"].to_numpy(dtype=float)
    out = []
    for u, v, line, directed, w in zip(edges["source"], edges["target"], edges["line"], edges["directed"], widths):
        rec = {"from": index[u], "to": index[v], "width": _round(w)}
        d = _dashes(scene, line)
        if d:
            rec["dashes"] = d
        if directed:
            rec["arrows"] = "to"
        out.append(rec)
    return out


def _vis_hub(name: str, hub_id: int, f: float) -> dict:
    """The opgave as a dark box in the middle (``f``: how much larger than a one-actor drawing)."""
    return {"id": hub_id, "x": 0.0, "y": 0.0, "label": name, "shape": "box", "opgave": True,
            "color": {"background": OPGAVE_COLOUR, "border": OPGAVE_COLOUR,
                      "highlight": {"background": OPGAVE_COLOUR, "border": "#000000"},
                      "hover": {"background": OPGAVE_COLOUR, "border": "#000000"}},
            "font": {"color": "#FFFFFF", "size": _round(_FONTS["hub"] * f), "face": "sans-serif", "strokeWidth": 0},
            "widthConstraint": {"maximum": _round(_FONTS["hubWidth"] * f)},
            "margin": _round(_FONTS["hubMargin"] * f),
            "borderWidth": 0}


def _vis_options(n: int, groups: dict) -> dict:
    """vis-network's options: no physics (the positions are given), lighter ties and no hover in a crowd."""
    big = n > 2000
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "nodes": {"font": {"size": _NAME_FONT, "face": "sans-serif", "color": "#111111", "strokeWidth": 3,
                           "strokeColor": "#FFFFFF"}},
        "edges": {"smooth": False, "color": {"color": EDGE_COLOUR, "opacity": 0.55 if n < 300 else 0.35,
                                             "highlight": "#111111", "hover": "#333333"},
                  "selectionWidth": 1.5, "arrowStrikethrough": False,
                  "arrows": {"to": {"scaleFactor": 0.5}}},
        "interaction": {"hover": not big, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "groups": groups,
    }


def _label_lines(name: str, width: int = 24) -> str:
    """A name as drawn on the page: on two lines when long, broken between words (never cut)."""
    name = " ".join(name.split())
    return name if len(name) <= width else _two_lines(name)


def _two_lines(name: str) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(name, width=max(18, len(name) // 2 + 2), break_long_words=False)) or name


def _message(key: str, lang: str) -> str:
    from .._i18n import message

    return message(key, lang)


def _scene_page(scene: Scene, *, both_layouts: bool = True, title: str | None = None) -> str:
    """:meth:`Scene.page`: the page's data (vis-network's nodes, edges and options, built here) in the template."""
    from .layout import compass_layout, force_layout

    case, lang = scene.case, scene.lang
    alt = None
    if both_layouts and scene.layout.kind in ("force", "compass") and len(scene.nodes):
        H = _scene_graph(scene, scene.opgave["id"] if scene.opgave else None)
        alt_layout = compass_layout(H, case) if scene.layout.kind == "force" else force_layout(H, seed=scene.options.seed)
        by_type = scene.legend.get("colour_by", "type") == "type"
        alt = (alt_layout, labelled_guides(alt_layout, case, lang, scene.colours if by_type else {}))
    label_limit = 100 if scene.options.labels is None else len(scene.nodes)
    data = _page_data(scene, alt=alt, lang=lang, label_limit=label_limit)
    return _render(scene, data, lang=lang, title=title)


def _scene_graph(scene: Scene, opgave: str):
    """The drawn actors and ties as a graph (after any node limit), for the second layout."""
    import networkx as nx

    H = nx.Graph(opgave=opgave)
    for v, t, s in zip(scene.nodes.index, scene.nodes["type"], scene.nodes["scale"]):
        H.add_node(v, type=t, scale=s)
    for u, v, w in zip(scene.edges["source"], scene.edges["target"], scene.edges["weight"]):
        H.add_edge(u, v, weight=float(w))
    return H


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    """A file of the page (its script or its style) from the package's assets."""
    text = (Path(__file__).parent / "assets" / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():  # pragma: no cover - guards an edit of the assets
        msg = f"The page's {name} contains '</script' or '</style' and cannot be inlined."
        raise RuntimeError(msg)
    return text


def _render(scene: Scene, data: dict, *, lang: str, title: str | None) -> str:
    esc = html.escape
    title_text = title or scene.title
    notes = "".join(f' · <span class="note">{esc(n)}</span>' for n in scene.notes)
    cap = scene.caption
    for n in scene.notes:
        cap = cap.replace(" · " + n, "")
    buttons = ""
    if len(data["layouts"]) > 1:
        order = [k for k in ("force", "compass") if k in data["layouts"]]
        buttons = "".join(
            f'<button type="button" data-layout="{k}" class="{"on" if k == data["current"] else ""}">'
            f'{esc(data["texts"][k])}</button>' for k in order)
    legend = _legend_html(scene, lang)
    legend_title = _message("draw.legend", lang)
    layout_note = scene.legend.get("layout")
    extra = f'<div class="lg" style="color:#666">{esc(layout_note)}</div>' if layout_note and len(data["layouts"]) < 2 \
        else ""
    how = ""
    if "compass" in data["layouts"]:  # how to read the compass, shown while it is on screen
        hidden = "" if data["current"] == "compass" else ' style="display:none"'
        how = f'<div class="lg how" data-layout="compass"{hidden}>{esc(text("fig_compass_caption", lang))}</div>'
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="opgavelab">'
        f"<title>{esc(title_text)}</title>"
        f"<style>{_asset('network-page.css')}</style>"
        f"<script>{_vis_js()}</script>"
        "</head><body>"
        f'<div id="head"><div><h1>{esc(title_text)}</h1><div class="sub">{esc(scene.subtitle)}</div></div>'
        f'<div class="tools">{buttons}<input id="search" type="search" placeholder="{esc(data["texts"]["search"])}"'
        f' aria-label="{esc(data["texts"]["search"])}"></div></div>'
        '<div id="net"></div>'
        f'<div id="legend"><details open><summary>{esc(legend_title)}</summary>'
        f'<div class="lg" id="key" style="display:none"><b>{esc(text("fig_key_title", lang))}</b><ol></ol></div>'
        f'{legend}{extra}{how}</details></div>'
        '<div id="tip" role="tooltip"></div><div id="info"></div>'
        f'<div id="foot">{esc(cap)}{notes}</div>'
        f'<script type="application/json" id="opgavelab-data">{_json_for_script(data)}</script>'
        f"<script>{_asset('network-page.js')}</script>"
        "</body></html>\n"
    )


def iframe(page: str, height: str | int = 620) -> str:
    """A page as ``<iframe srcdoc=...>``: draws in JupyterLab, Voilà and an ipywidgets ``HTML``.

    The page is escaped into the attribute and runs sandboxed (scripts only,
    no access to the notebook).

    Parameters
    ----------
    page : str
        A whole HTML page, e.g. from :meth:`Scene.page <opgavelab.draw.Scene.page>`.
    height : int or str, default 620
        Height of the frame: pixels (a number), or a CSS length such as
        ``"80vh"``; the width is always the full cell.

    Returns
    -------
    str
        One ``<iframe>`` element.

    Examples
    --------
    >>> iframe("<p>a & b</p>", height=100)[:60]
    '<iframe srcdoc="&lt;p&gt;a &amp; b&lt;/p&gt;" style="width:1'
    >>> "height:80vh;" in iframe("<p>a & b</p>", height="80vh")
    True
    """
    h = f"{int(height)}px" if isinstance(height, (int, float)) else str(height)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{html.escape(h)};'
            'border:1px solid #ddd;border-radius:4px" sandbox="allow-scripts" loading="eager"></iframe>')


class NetworkPage:
    """An interactive page that shows itself in a notebook and saves to a file.

    Attributes
    ----------
    html : str
        The self-contained page.
    height : int or str
        Height of the frame in a notebook.

    Examples
    --------
    >>> import opgavelab
    >>> from opgavelab.draw import show_network
    >>> page = show_network(opgavelab.example(), "zorg")
    >>> page._repr_html_().startswith("<iframe srcdoc=")
    True
    """

    def __init__(self, html_text: str, height: int | str = 620, title: str = ""):
        self.html = html_text
        self.height = height
        self.title = title

    def _repr_html_(self) -> str:
        return iframe(self.html, self.height)

    def iframe(self, height: int | str | None = None) -> str:
        """The ``<iframe srcdoc>`` markup, e.g. for an ipywidgets ``HTML`` value.

        Parameters
        ----------
        height : int or str, optional
            Height of the frame (pixels, or a CSS length); default the page's
            own ``height``.

        Returns
        -------
        str
            As :func:`iframe` makes it.

        Examples
        --------
        >>> page = NetworkPage("<p>Zorg & nabijheid</p>", height=400, title="zorg")
        >>> page.iframe()[:70]
        '<iframe srcdoc="&lt;p&gt;Zorg &amp; nabijheid&lt;/p&gt;" style="width:'
        >>> "height:400px;" in page.iframe(), "height:80vh;" in page.iframe("80vh")
        (True, True)
        """
        return iframe(self.html, self.height if height is None else height)

    def save(self, path, overwrite: bool = False) -> Path:
        """Write the page to ``path`` atomically; returns the path.

        Written through a temporary file (see :func:`opgavelab.io.atomic_write`),
        so an interrupted write leaves no half-written page.

        Parameters
        ----------
        path : str or path-like
            The ``.html`` file to write; its folder is made when missing.
        overwrite : bool, default False
            Replace an existing file.

        Returns
        -------
        pathlib.Path
            ``path``: a self-contained page that opens in any browser, also
            offline.

        Raises
        ------
        FileExistsError
            ``path`` exists and ``overwrite`` is false.
        opgavelab.WriteError
            The file or its folder cannot be written (no permission, disk
            full, ...).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> page = NetworkPage("<p>Zorg & nabijheid</p>", title="zorg")
        >>> out = page.save(pathlib.Path(tempfile.mkdtemp()) / "zorg.html")
        >>> out.read_text(encoding="utf-8")
        '<p>Zorg & nabijheid</p>'
        >>> page.save(out)
        Traceback (most recent call last):
        ...
        FileExistsError: ... already exists; pass overwrite=True (or --force) to replace it.
        """
        from ..io import atomic_write

        path = Path(path)
        with atomic_write(path, overwrite=overwrite) as tmp:
            tmp.write_text(self.html, encoding="utf-8")
        return path

    def __repr__(self) -> str:
        kb = len(self.html.encode("utf-8")) // 1024
        return f"<NetworkPage '{self.title}': {kb} kB; .save(path) writes it, a notebook shows it.>"
