"""Interactive pages: one self-contained HTML file per picture.

:func:`network_html` builds a page that works from ``file://`` with no
network at all: vis-network's script is inlined from the pyvis package (no
CDN, no Bootstrap), every style is in the page, and the positions come from
the same layouts as the static figures, so physics is off and the page draws
at once (2,000 actors well under 2 s in Chromium).

The page has the legend and the caption (case, opgave, date, filters,
source), a tooltip with each actor's attributes, a search box, and buttons to
switch between the force layout and the opgave compass. It fits itself to its
frame: in a full window the legend stands beside the network; in a narrow frame
(a notebook's, under 900 px) it starts folded into a small button, and once
unfolded the network moves beside or below it. Names and markers are smaller in
a small frame (names never under 11 px), and only the central names that cover
no other name or marker are shown at first; the others appear when zooming in. Every text from the
spreadsheet is data, never markup: it travels as JSON inside a
``<script type="application/json">`` block (with ``<`` escaped) and is put on
the page with ``textContent``, or escaped with :func:`html.escape` in the
legend and caption; names on the canvas are drawn as text.

Above ``max_nodes`` actors (default 2,000) the page shows the most central
ones and says so in its caption.

:class:`NetworkPage` shows a page inside JupyterLab and Voilà as an
``<iframe srcdoc=...>`` (``net.show(notebook=True)`` from pyvis draws nothing
there: it points at a file that loads from a CDN).
"""

from __future__ import annotations

__all__ = ["network_html", "write_html", "NetworkPage", "show_network", "iframe", "network_frame"]

import html
import json
import math
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

from .._checks import _check_lang
from .style import EDGE_COLOUR, OPGAVE_COLOUR, SPOKE_COLOUR, Scene, build_scene, labelled_guides, text

#: Default node limit of an interactive page.
MAX_NODES = 2000

_VIS_PATH = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network's script from the pyvis package, safe to inline.

    Its licence comments and a few strings hold URLs; ``://`` becomes
    ``:\\/\\/`` (the same string in JavaScript), so no ``http://`` is left in
    the page, and the source-map line (which would make developer tools
    fetch a file) is dropped.
    """
    import pyvis

    path = Path(pyvis.__file__).parent.joinpath(*_VIS_PATH)
    src = path.read_text(encoding="utf-8")
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
    from .style import _LINES, _UNKNOWN_LINE

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
    from .style import _plain

    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date(value, lang: str) -> str:
    import pandas as pd

    from .style import _plain

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
        xs += [_round(x * S), _round(-y * S)]
    return xs


def _guides_px(g: dict) -> dict:
    if not g:
        return {}
    return {
        "hub": g.get("hub_radius", 0.0),
        "rings": [{"i": r["r_inner"], "o": r["r_outer"], "label": str(r["label"])} for r in g["rings"]],
        "sectors": [{"s": s["start"], "e": s["end"], "label": str(s["label"]), "colour": s["colour"]}
                    for s in g["sectors"]],
    }


#: Font sizes of the page, in screen pixels at its first view in a full window: the most central names,
#: the other names (they show when zooming in), the opgave and the compass's ring labels. The page's script
#: turns them into canvas units for the frame it finds itself in (smaller in a small frame, never below 11 px
#: for the names), so a name takes about the same share of the drawing in a notebook as in a full window.
_FONTS = {"big": 17, "small": 12, "hub": 16, "hubWidth": 170, "hubMargin": 10, "guide": 13, "minBig": 11}
_BIG_FONT, _SMALL_FONT = _FONTS["big"], _FONTS["small"]


def _page_data(scene: Scene, *, alt: tuple | None, lang: str, label_limit: int) -> dict:
    nodes = scene.nodes
    n = len(nodes)
    S = _scale_px(n)
    groups, keys = _groups(scene)
    # markers grow less than the drawing, so a crowd stays a crowd; the page's script sets the names' sizes
    # (and shrinks the markers in a small frame) once it knows the frame
    f = S / _scale_px(1)
    sizes = (7.0 + 15.0 * nodes["size"].to_numpy(dtype=float)) * math.sqrt(f)
    star = nodes["shape"].to_numpy() == "star"
    sizes = np.where(star, sizes * 1.25, sizes)
    show = nodes["show_label"].to_numpy(dtype=bool)
    rank = nodes["rank"].to_numpy()
    if n > label_limit:
        show = show & (rank <= label_limit)
    pos = _positions(scene, scene.layout, S)
    # candidates for a big name, most central first: the page's script shows up to `most` of them, those whose
    # name covers no other name, marker or the opgave at the size the frame allows; the other names appear when
    # zooming in. In a small network a less central name may stand in for a central one that has no room.
    most = 15 if n <= 100 else 25
    big_names = [int(i) for i in np.argsort(rank, kind="stable") if show[i] and (n <= 100 or rank[i] <= most)]
    vis_nodes = []
    shown_names = nodes["label"] if "label" in nodes.columns else nodes["name"]  # the short name where given
    for i, (v, name, colour, shape, aware) in enumerate(zip(nodes.index, shown_names, nodes["colour"],
                                                             nodes["shape"], nodes["aware"])):
        rec = {"id": i, "x": pos[2 * i], "y": pos[2 * i + 1], "size": _round(sizes[i]),
               "group": keys[(colour, shape, bool(aware))]}
        if show[i]:
            # a long name on two lines, broken between words (never cut)
            rec["label"] = name if len(name) <= 26 else _two_lines(name)
            rec["font"] = {"size": _round(_SMALL_FONT * f)}
        vis_nodes.append(rec)
    index = {v: i for i, v in enumerate(nodes.index)}
    vis_edges = []
    edges = scene.edges
    if len(edges):
        widths = 0.8 + 3.2 * edges["width"].to_numpy(dtype=float)
        for u, v, line, directed, w in zip(edges["source"], edges["target"], edges["line"], edges["directed"],
                                           widths):
            rec = {"from": index[u], "to": index[v], "width": _round(w)}
            d = _dashes(scene, line)
            if d:
                rec["dashes"] = d
            if directed:
                rec["arrows"] = "to"
            vis_edges.append(rec)
    hub_id = n
    spokes = scene.opgave is not None and n <= 1000
    if scene.opgave:
        name = scene.opgave["name"]
        vis_nodes.append({"id": hub_id, "x": 0.0, "y": 0.0, "label": name, "shape": "box", "opgave": True,
                          "color": {"background": OPGAVE_COLOUR, "border": OPGAVE_COLOUR,
                                    "highlight": {"background": OPGAVE_COLOUR, "border": "#000000"},
                                    "hover": {"background": OPGAVE_COLOUR, "border": "#000000"}},
                          "font": {"color": "#FFFFFF", "size": _round(16 * f), "face": "sans-serif",
                                   "strokeWidth": 0},
                          "widthConstraint": {"maximum": _round(170 * f)}, "margin": _round(10 * f),
                          "borderWidth": 0})
        if spokes:
            for i in range(n):
                vis_edges.append({"from": hub_id, "to": i, "width": 0.6, "color": {"color": SPOKE_COLOUR,
                                                                                   "opacity": 0.5},
                                  "spoke": True})
    layouts = {scene.layout.kind: {"pos": pos, "guides": _guides_px(scene.guides)}}
    if alt is not None:
        layouts[alt[0].kind] = {"pos": _positions(scene, alt[0], S), "guides": _guides_px(alt[1])}
    header, info = _node_info(scene, lang)
    big = n > 2000
    options = {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "nodes": {"font": {"size": _SMALL_FONT, "face": "sans-serif", "color": "#111111", "strokeWidth": 3,
                           "strokeColor": "#FFFFFF"},
                  # names stop growing at 18 screen pixels, so zooming in pulls overlapping names apart
                  "scaling": {"label": {"drawThreshold": 7, "maxVisible": 18}}},
        "edges": {"smooth": False, "color": {"color": EDGE_COLOUR, "opacity": 0.55 if n < 300 else 0.35,
                                             "highlight": "#111111", "hover": "#333333"},
                  "selectionWidth": 1.5, "arrowStrikethrough": False,
                  "arrows": {"to": {"scaleFactor": 0.5}}},
        "interaction": {"hover": not big, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "groups": groups,
    }
    return {"nodes": vis_nodes, "edges": vis_edges, "options": options, "scale": S,
            "big": big_names, "bigMax": most, "fonts": _FONTS,
            "hub": hub_id if scene.opgave
            else None, "layouts": layouts, "current": scene.layout.kind, "fields": header, "info": info,
            "texts": {"force": _message("view_force", lang), "compass": _message("view_compass", lang), "search": _message("draw.find_actor", lang),
                      "notfound": _message("draw.not_found", lang)}}


def _two_lines(name: str) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(name, width=max(18, len(name) // 2 + 2), break_long_words=False)) or name


def _message(key: str, lang: str) -> str:
    from .._i18n import message

    return message(key, lang)


def _build_network(data: dict, directed: bool):
    """pyvis's Network holding the nodes, edges and options of the page.

    pyvis checks every new node and edge against all earlier ones (quadratic:
    minutes for 10,000 actors), so the lists are filled directly; the ids are
    unique by construction.
    """
    from pyvis.network import Network

    net = Network(directed=directed, cdn_resources="in_line")
    net.nodes = data["nodes"]
    net.node_ids = [n["id"] for n in data["nodes"]]
    net.node_map = {n["id"]: n for n in data["nodes"]}
    net.edges = data["edges"]
    net.options = data["options"]
    return net


def network_html(case, opgave: str, at=None, *, G=None, layout="force", seed: int = 0, size_by="degree",
                 labels=None, lang: str | None = None, colours: Mapping | None = None, filters=None,
                 max_nodes: int | None = MAX_NODES, only_opgave_ties: bool = False, both_layouts: bool = True,
                 title: str | None = None, colour_by: str = "type", scene: Scene | None = None) -> str:
    """A self-contained, offline HTML page with the network around one opgave.

    Parameters
    ----------
    case : Case
    opgave : str
        The opgave id.
    at : year, date or None
        A snapshot date; None: every involvement and tie.
    G : networkx.Graph, optional
        Draw this graph (e.g. filtered) instead of the opgave's network.
    layout : {"force", "compass"} or Layout, default "force"
        The arrangement shown first.
    seed : int, default 0
        Seed of the force layout.
    size_by : str, Series, mapping or None, default "degree"
        Node size; see :func:`opgavelab.draw.build_scene`.
    labels : int, "all", "none" or list of ids, optional
        Which names are drawn on the canvas (all others show on hover);
        default all up to 500 actors, else the 100 most central.
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).
    colours : mapping, optional
        ``{value: colour}`` for the values of ``colour_by``.
    filters : str, mapping or list, optional
        Filters to name in the caption.
    max_nodes : int or None, default 2000
        Show at most this many actors, the most central by ``size_by``; the
        caption on the page says so. None: no limit.
    only_opgave_ties : bool, default False
    both_layouts : bool, default True
        Also compute the other layout (force or compass) and offer a button
        to switch.
    title : str, optional
        Default: the opgave's name.
    colour_by : str, default "type"
        Colour the actors by ``"type"``, ``"scale"``, ``"sector"``,
        ``"role"``, ``"aware"`` or another actor attribute.
    scene : Scene, optional
        A scene built before; the other drawing arguments are then ignored.

    Returns
    -------
    str
        The page.

    Raises
    ------
    ValueError
        An argument is not one of its allowed values.

    Examples
    --------
    >>> import opgavelab
    >>> page = network_html(opgavelab.example(), "zorg")
    >>> "https://" in page or "http://" in page
    False
    """
    from .layout import compass_layout, force_layout

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    if scene is None:
        scene = build_scene(case, opgave, at, G=G, layout=layout, seed=seed, size_by=size_by, labels=labels,
                            default_labels=500 if labels is None else 20, lang=lang, colours=colours,
                            filters=filters, max_nodes=max_nodes, only_opgave_ties=only_opgave_ties,
                            colour_by=colour_by)
    alt = None
    if both_layouts and scene.layout.kind in ("force", "compass") and len(scene.nodes):
        alt_layout = (compass_layout(_scene_graph(scene, opgave), case) if scene.layout.kind == "force"
                      else force_layout(_scene_graph(scene, opgave), seed=seed))
        by_type = scene.legend.get("colour_by", "type") == "type"
        alt = (alt_layout, labelled_guides(alt_layout, case, lang, scene.colours if by_type else {}))
    data = _page_data(scene, alt=alt, lang=lang, label_limit=100 if labels is None else len(scene.nodes))
    net = _build_network(data, directed=bool(len(scene.edges) and scene.edges["directed"].any()))
    nodes, edges, _, _, _, options = net.get_network_data()
    data["nodes"], data["edges"], data["options"] = nodes, edges, json.loads(options)
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


_CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:#222;background:#fff}
#head{position:absolute;top:0;left:0;right:0;height:58px;padding:8px 14px;border-bottom:1px solid #e4e4e4;
display:flex;align-items:center;gap:14px;background:#fff;z-index:2}
#head>div:first-child{min-width:0;flex:1 1 auto}
#head h1{font-size:17px;margin:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#head .sub{font-size:12px;color:#666;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#head .tools{margin-left:auto;display:flex;gap:6px;align-items:center;flex:none}
#head button{font:inherit;font-size:12px;padding:4px 10px;border:1px solid #bbb;background:#f7f7f7;border-radius:4px;
cursor:pointer}
#head button.on{background:#2B2D42;color:#fff;border-color:#2B2D42}
#head input{font:inherit;font-size:12px;padding:4px 8px;border:1px solid #bbb;border-radius:4px;width:170px}
@media (max-width:760px){#head{gap:8px;padding:8px 10px}#head h1{font-size:15px}#head input{width:125px}
#head button{padding:4px 7px}}
#net{position:absolute;top:58px;left:0;right:0;bottom:var(--foot,44px)}
@media (min-width:1000px){body:not(.legend-closed) #net{right:300px}#legend{width:280px}
.legend-closed #legend{width:auto}}
#foot{position:absolute;left:0;right:0;bottom:0;padding:6px 14px;font-size:11.5px;color:#555;
border-top:1px solid #e4e4e4;background:#fff;line-height:1.4}
#foot .note{color:#B34700;font-weight:600}
#legend{position:absolute;top:68px;right:10px;max-height:calc(100% - 130px);overflow:auto;
background:rgba(255,255,255,.94);border:1px solid #ddd;border-radius:6px;padding:6px 10px;font-size:12px;z-index:3;
max-width:300px}
.legend-closed #legend{padding:3px 9px;background:#f7f7f7;border-color:#bbb;border-radius:4px}
#legend summary{cursor:pointer;font-weight:600;list-style:none;white-space:nowrap}
#legend summary::-webkit-details-marker{display:none}
#legend summary::before{content:"\\25BE\\00a0"}
.legend-closed #legend summary::before{content:""}
.legend-closed #legend summary::after{content:"\\00a0\\25B8"}
#legend .lg{margin-top:6px}
#legend ul{list-style:none;margin:2px 0 0;padding:0}
#legend li{display:flex;align-items:center;gap:6px;margin:2px 0}
#legend svg{flex:none}
#tip,#info{position:absolute;background:#fff;border:1px solid #ccc;border-radius:5px;padding:7px 9px;font-size:12px;
box-shadow:0 2px 8px rgba(0,0,0,.15);z-index:4;max-width:320px}
#tip{pointer-events:none;display:none}
#info{left:10px;bottom:calc(var(--foot,44px) + 10px);display:none}
#info .x{float:right;cursor:pointer;color:#888;margin-left:8px}
#tip b,#info b{display:block;margin-bottom:3px;font-size:13px}
#tip table,#info table{border-collapse:collapse}
#tip td,#info td{padding:1px 8px 1px 0;vertical-align:top}
#tip td:first-child,#info td:first-child{color:#777;white-space:nowrap}
"""

# The page's script. Before vis-network draws anything it plans the first view for the frame it is in:
# the free part of the canvas (beside or below the legend), the size of the names in screen pixels (17 in a
# full window, down to 11 in a notebook's frame), which central names are big (those that cover no other
# name, marker or the opgave at that size), and the zoom that fits markers, big names, the opgave and the
# compass's rings into the free part. It plans again when the layout changes, the legend opens or closes or
# the frame is resized, as long as the user has not zoomed or panned.
_JS = r"""
(function(){
"use strict";
var D = JSON.parse(document.getElementById("opgavelab-data").textContent);
var foot = document.getElementById("foot");
document.documentElement.style.setProperty("--foot", foot.offsetHeight + "px");
var container = document.getElementById("net");
var legend = document.getElementById("legend"), details = legend.querySelector("details");
var F = D.fonts, S = D.scale, current = D.current, HUB = D.hub;
// in a narrow frame (a notebook's) the legend starts folded into a small button, so it hides no actor
details.open = window.innerWidth >= 1000;  // open where it fits beside the picture (see the CSS)
document.body.classList.toggle("legend-closed", !details.open);
var N = D.info.length, byId = [];
D.nodes.forEach(function(nd){ byId[nd.id] = nd; });
var measure = document.createElement("canvas").getContext("2d");
measure.font = "100px sans-serif";
var labelled = [], width = [], base = [];   // label width per pixel of font size; marker size as computed
var M = 1;   // markers' factor: smaller in a small frame, like the names
var MAX_ZOOM = 1.6;   // a small network in a big window spreads out rather than fill it with huge markers
for (var i = 0; i < N; i++) {
  base[i] = byId[i].size;
  if (byId[i].label !== undefined) { labelled.push(i); width[i] = measure.measureText(byId[i].label).width / 100; }
}
var hubWidth = HUB === null ? 0 : measure.measureText(byId[HUB].label).width / 100;
function overlap(a, b){ return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
function hubBox(k){
  if (HUB === null) { return null; }
  var inner = (F.hubWidth - 2 * F.hubMargin) * k, tw = hubWidth * F.hub * k;
  var lines = Math.max(1, Math.ceil(tw / (0.85 * inner)));
  var w = Math.min(tw, inner) / 2 + F.hubMargin * k, h = lines * F.hub * k * 0.62 + F.hubMargin * k;
  return [-w, -h, w, h];
}
function labelBox(i, pos, fs, up){
  // vis-network puts a name below its marker; a big name may go above it instead (font.vadjust)
  var w = width[i] * fs, x = pos[2 * i], r = base[i] * M;
  var top = up ? pos[2 * i + 1] - r - 4 - fs * 1.15 : pos[2 * i + 1] + r + 4;
  return [x - w / 2, top, x + w / 2, top + fs * 1.15];
}
function pickBig(kind, k, s){
  // most central first; a name is big when, below or above its marker, it covers no big name, the opgave or
  // the middle of a marker (grazing a marker's edge is allowed: names have a white outline). In a crowd of
  // hundreds every name covers markers, so there only names and the opgave are kept apart.
  var pos = D.layouts[kind].pos, fs = F.big * k, boxes = guideBoxes(kind, k, s), out = [], hb = hubBox(k);
  var core = 0.35 * fs, gap = 0.2 * fs, crowd = N > 150;
  if (hb) { boxes.push(hb); }
  function free(i, b, wide){
    for (var j = 0; j < boxes.length; j++) { if (overlap(wide, boxes[j])) { return false; } }
    for (var m = 0; m < N && !crowd; m++) {
      if (m === i) { continue; }
      var r = Math.max(base[m] * M * 0.7, core), x = pos[2 * m], y = pos[2 * m + 1];
      if (b[0] < x + r && x - r < b[2] && b[1] < y + r && y - r < b[3]) { return false; }
    }
    return true;
  }
  D.big.forEach(function(i){
    if (out.length >= D.bigMax) { return; }
    for (var up = 0; up < 2; up++) {
      // names keep a little distance from one another, and may touch a marker's edge
      var b = labelBox(i, pos, fs, up), wide = [b[0] - 2 * gap, b[1] - gap, b[2] + 2 * gap, b[3] + gap];
      if (free(i, b, wide)) { boxes.push(wide); out.push({i: i, up: up === 1}); return; }
    }
  });
  return out;
}
function extent(kind, k, s, big){
  var pos = D.layouts[kind].pos, g = D.layouts[kind].guides, e = [Infinity, Infinity, -Infinity, -Infinity];
  function add(b){ e[0] = Math.min(e[0], b[0]); e[1] = Math.min(e[1], b[1]); e[2] = Math.max(e[2], b[2]);
                   e[3] = Math.max(e[3], b[3]); }
  for (var i = 0; i < N; i++) {
    var r = base[i] * M, x = pos[2 * i], y = pos[2 * i + 1];
    add([x - r, y - r, x + r, y + r]);
  }
  big.forEach(function(b){ add(labelBox(b.i, pos, F.big * k, b.up)); });
  var hb = hubBox(k); if (hb) { add(hb); }
  if (g && g.rings) {
    var rOut = outerRing(g);
    add([-rOut, -rOut, rOut, rOut]);
  }
  guideBoxes(kind, k, s).forEach(add);
  if (!isFinite(e[0])) { e = [-S, -S, S, S]; }
  return e;
}
function outerRing(g){ return (g.rings.length ? g.rings[g.rings.length - 1].o : 1) * S; }
function guideFonts(k, s){
  // the compass's sector names with the actors' names; ring names at least 9 px on screen
  return {sector: F.guide * k * 1.3, ring: Math.max(F.guide * k, 9 / s)};
}
var guideWidths = {};
function guideBoxes(kind, k, s){
  // where the compass's sector and ring names are drawn (see beforeDrawing), in canvas units
  var g = D.layouts[kind].guides, out = [];
  if (!g || !g.rings) { return out; }
  if (!guideWidths[kind]) {
    measure.font = "bold 100px sans-serif";
    var sw = g.sectors.map(function(x){ return measure.measureText(x.label).width / 100; });
    measure.font = "100px sans-serif";
    var rw = g.rings.map(function(x){ return measure.measureText(x.label).width / 100; });
    guideWidths[kind] = {sectors: sw, rings: rw};
  }
  var W = guideWidths[kind], fs = guideFonts(k, s), rOut = outerRing(g);
  g.sectors.forEach(function(x, j){
    var m = (x.s + x.e) / 2, rr = rOut + fs.sector * 1.2, cx = rr * Math.cos(m), cy = -rr * Math.sin(m);
    var w = W.sectors[j] * fs.sector, c = Math.cos(m);
    var x0 = c > 0.2 ? cx : (c < -0.2 ? cx - w : cx - w / 2);
    out.push([x0, cy - fs.sector * 0.6, x0 + w, cy + fs.sector * 0.6]);
  });
  ringNames(g, fs.ring).forEach(function(j){
    var w = W.rings[j] * fs.ring, cy = -(g.rings[j].i + g.rings[j].o) / 2 * S;
    out.push([-w / 2, cy - fs.ring * 0.6, w / 2, cy + fs.ring * 0.6]);
  });
  return out;
}
function ringNames(g, fs){
  // the rings whose name fits between the names of the rings inside it (the outer rings are narrow)
  var out = [], last = -Infinity;
  g.rings.forEach(function(r, j){
    var y = (r.i + r.o) / 2 * S;
    if (y - last >= fs * 1.15) { out.push(j); last = y; }
  });
  return out;
}
function freeAreas(){
  // the canvas, or the parts of it beside and below the legend when that lies over the canvas
  var c = container.getBoundingClientRect(), W = c.width || 1100, H = c.height || 880;
  var all = {x: 0, y: 0, w: W, h: H}, l = legend.getBoundingClientRect();
  var under = c.width && l.width && l.left < c.right && l.right > c.left && l.top < c.bottom && l.bottom > c.top;
  return {W: W, H: H, all: all, parts: under ? [{x: 0, y: 0, w: l.left - c.left - 6, h: H},
                                               {x: 0, y: l.bottom - c.top + 6, w: W, h: c.bottom - l.bottom - 6}]
                                             : [all]};
}
function fitInto(e, area){
  var pad = 14, ew = Math.max(e[2] - e[0], 1), eh = Math.max(e[3] - e[1], 1);
  function scale(r){ return Math.min((r.w - 2 * pad) / ew, (r.h - 2 * pad) / eh, MAX_ZOOM); }
  var best = {s: scale(area.all), r: area.all}, full = best.s, chosen = null;
  area.parts.forEach(function(r){
    if (r.w < 120 || r.h < 120) { return; }
    var s = scale(r); if (!chosen || s > chosen.s) { chosen = {s: s, r: r}; }
  });
  // a legend that leaves too little room is drawn over the network rather than shrink it to a stamp
  if (chosen && chosen.s >= 0.55 * full) { best = chosen; }
  return best;
}
function plan(kind){
  var area = freeAreas();
  // names of 17 px in a full window, smaller in a small frame but never below 11 px
  var px = Math.max(F.minBig, Math.min(F.big, Math.sqrt(area.W * area.H) / 48));
  // markers shrink with the names in a small frame; a drawing zoomed in beyond 1 spreads out, with markers of
  // the same size on screen
  function markers(s){ return Math.max(0.7, px / F.big) / Math.max(1, s); }
  M = markers(1);
  var s = fitInto(extent(kind, px / F.big, 1, []), area).s, big = [], fit;
  for (var it = 0; it < 6; it++) {
    M = markers(s);
    big = pickBig(kind, px / F.big / s, s);
    fit = fitInto(extent(kind, px / F.big / s, s, big), area);
    var done = Math.abs(fit.s - s) < 0.005 * s; s = fit.s;
    if (done) { break; }
  }
  var k = px / F.big / s;
  M = markers(s);
  big = pickBig(kind, k, s);
  var e = extent(kind, k, s, big);
  // small names show once zooming in makes them readable (>= 10 px); big ones at once
  var threshold = Math.max(11, (px + px * F.small / F.big) / 2);
  return {s: s, k: k, px: px, m: M, big: big, threshold: threshold,
          centre: {x: (e[0] + e[2]) / 2, y: (e[1] + e[3]) / 2},
          offset: {x: fit.r.x + fit.r.w / 2 - area.W / 2, y: fit.r.y + fit.r.h / 2 - area.H / 2}};
}
function nodeUpdates(p, sizes){
  var out = [], upd = {};
  labelled.forEach(function(i){ upd[i] = {id: i, font: {size: Math.round(F.small * p.k * 10) / 10, vadjust: 0}}; });
  p.big.forEach(function(b){
    var fs = F.big * p.k;
    upd[b.i].font = {size: Math.round(fs * 10) / 10, vadjust: b.up ? -(2 * base[b.i] * p.m + 8 + fs * 1.15) : 0};
  });
  if (sizes) {
    for (var j = 0; j < N; j++) { (upd[j] = upd[j] || {id: j}).size = Math.round(base[j] * p.m * 10) / 10; }
  }
  for (var key in upd) { out.push(upd[key]); }
  if (HUB !== null) {
    out.push({id: HUB, margin: F.hubMargin * p.k, widthConstraint: {maximum: F.hubWidth * p.k},
              font: {color: "#FFFFFF", face: "sans-serif", strokeWidth: 0,
                     size: Math.max(F.hub * p.k, p.threshold / p.s)}});
  }
  return out;
}
var view = plan(current);
nodeUpdates(view, view.m !== 1).forEach(function(u){ Object.assign(byId[u.id], u); });
D.options.nodes.scaling.label.drawThreshold = view.threshold;
var nodes = new vis.DataSet(D.nodes);
var edges = new vis.DataSet(D.edges);
var net = new vis.Network(container, {nodes: nodes, edges: edges}, D.options);
window.opgavelabNetwork = net;
var autoView = true;   // false once the user zooms or pans: then the view is theirs
function show(p){
  net.moveTo({position: p.centre, scale: p.s, offset: p.offset, animation: false});
  window.opgavelabView = {scale: p.s, namePx: p.px, bigNames: p.big.length};
}
show(view);
function replan(){
  if (!autoView) { return; }
  net.setSize("100%", "100%");
  var p = plan(current);
  if (p.threshold !== view.threshold) { net.setOptions({nodes: {scaling: {label: {drawThreshold: p.threshold}}}}); }
  nodes.update(nodeUpdates(p, p.m !== view.m));
  view = p;
  show(p);
}
net.once("afterDrawing", function(){
  window.opgavelabDrawnAt = performance.now();
  document.body.setAttribute("data-drawn", "1");
});
net.on("zoom", function(){ autoView = false; });
net.on("dragEnd", function(p){ if (!p.nodes.length) { autoView = false; } });
var legendOpen = details.open;
details.addEventListener("toggle", function(){
  if (details.open === legendOpen) { return; }   // the folding above, already planned for
  legendOpen = details.open;
  document.body.classList.toggle("legend-closed", !legendOpen);
  replan();
});
var resizing = null;
window.addEventListener("resize", function(){
  if (resizing) { cancelAnimationFrame(resizing); }
  resizing = requestAnimationFrame(function(){ resizing = null; replan(); });
});
net.on("beforeDrawing", function(ctx){
  var g = D.layouts[current] && D.layouts[current].guides;
  if (!g || !g.rings) { return; }
  var rOut = g.rings.length ? g.rings[g.rings.length - 1].o * S : S;
  var rHub = g.hub * S;
  ctx.save();
  g.sectors.forEach(function(s){
    ctx.beginPath();
    ctx.arc(0, 0, rOut, -s.e, -s.s, false);
    ctx.arc(0, 0, rHub, -s.s, -s.e, true);
    ctx.closePath();
    ctx.globalAlpha = 0.08; ctx.fillStyle = s.colour; ctx.fill();
  });
  ctx.globalAlpha = 1; ctx.strokeStyle = "#d0d0d0"; ctx.lineWidth = 1;
  ctx.beginPath(); ctx.arc(0, 0, rHub, 0, 2 * Math.PI); ctx.stroke();
  g.rings.forEach(function(r){ ctx.beginPath(); ctx.arc(0, 0, r.o * S, 0, 2 * Math.PI); ctx.stroke(); });
  var fs = guideFonts(view.k, view.s);
  ctx.font = fs.ring + "px sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
  ctx.fillStyle = "#777";
  ringNames(g, fs.ring).forEach(function(j){
    var r = g.rings[j]; ctx.fillText(r.label, 0, -(r.i + r.o) / 2 * S);
  });
  ctx.font = "bold " + fs.sector + "px sans-serif";
  g.sectors.forEach(function(s){
    var m = (s.s + s.e) / 2, rr = rOut + fs.sector * 1.2;
    var x = rr * Math.cos(m), y = -rr * Math.sin(m);
    ctx.textAlign = Math.cos(m) > 0.2 ? "left" : (Math.cos(m) < -0.2 ? "right" : "center");
    ctx.fillStyle = s.colour; ctx.fillText(s.label, x, y);
  });
  ctx.restore();
});
function infoTable(i){
  var row = D.info[i], box = document.createDocumentFragment();
  var b = document.createElement("b"); b.textContent = row[0]; box.appendChild(b);
  var t = document.createElement("table");
  for (var k = 1; k < row.length; k++) {
    if (row[k] === "") { continue; }
    var tr = document.createElement("tr"), a = document.createElement("td"), c = document.createElement("td");
    a.textContent = D.fields[k - 1]; c.textContent = row[k]; tr.appendChild(a); tr.appendChild(c); t.appendChild(tr);
  }
  box.appendChild(t);
  return box;
}
var tip = document.getElementById("tip"), info = document.getElementById("info");
net.on("hoverNode", function(p){
  if (p.node === HUB) { return; }
  tip.replaceChildren(infoTable(p.node));
  var r = container.getBoundingClientRect();
  var x = p.pointer.DOM.x + 14, y = p.pointer.DOM.y + r.top + 14;
  tip.style.display = "block";
  if (x + tip.offsetWidth > window.innerWidth - 8) { x = p.pointer.DOM.x - tip.offsetWidth - 10; }
  if (y + tip.offsetHeight > window.innerHeight - 8) { y = y - tip.offsetHeight - 24; }
  tip.style.left = x + "px"; tip.style.top = y + "px";
});
net.on("blurNode", function(){ tip.style.display = "none"; });
net.on("dragStart", function(){ tip.style.display = "none"; });
function showInfo(id){
  if (id === undefined || id === HUB) { info.style.display = "none"; return; }
  var x = document.createElement("span"); x.className = "x"; x.textContent = "\u00d7";
  x.onclick = function(){ info.style.display = "none"; net.unselectAll(); };
  info.replaceChildren(x, infoTable(id)); info.style.display = "block";
}
net.on("click", function(p){ showInfo(p.nodes.length ? p.nodes[0] : undefined); });
function setLayout(kind){
  var L = D.layouts[kind]; if (!L) { return; }
  current = kind;
  var upd = [], n = L.pos.length / 2;
  for (var i = 0; i < n; i++) { upd.push({id: i, x: L.pos[2 * i], y: L.pos[2 * i + 1]}); }
  nodes.update(upd);
  Array.prototype.forEach.call(document.querySelectorAll("#head button[data-layout]"), function(b){
    b.classList.toggle("on", b.getAttribute("data-layout") === kind);
  });
  autoView = true;
  replan();
}
Array.prototype.forEach.call(document.querySelectorAll("#head button[data-layout]"), function(b){
  b.onclick = function(){ setLayout(b.getAttribute("data-layout")); };
});
var search = document.getElementById("search");
if (search) {
  search.addEventListener("keydown", function(e){
    if (e.key !== "Enter") { return; }
    var q = search.value.trim().toLowerCase(); if (!q) { return; }
    for (var i = 0; i < D.info.length; i++) {
      if (D.info[i][0].toLowerCase().indexOf(q) >= 0 || D.info[i][D.info[i].length - 1].toLowerCase() === q) {
        autoView = false;
        net.selectNodes([i]); net.focus(i, {scale: Math.max(1.2, 1.25 * view.s), animation: false}); showInfo(i);
        search.style.color = "";
        return;
      }
    }
    search.style.color = "#B34700"; search.title = D.texts.notfound;
  });
}
})();
"""


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
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="opgavelab">'
        f"<title>{esc(title_text)}</title>"
        f"<style>{_CSS}</style>"
        f"<script>{_vis_js()}</script>"
        "</head><body>"
        f'<div id="head"><div><h1>{esc(title_text)}</h1><div class="sub">{esc(scene.subtitle)}</div></div>'
        f'<div class="tools">{buttons}<input id="search" type="search" placeholder="{esc(data["texts"]["search"])}"'
        f' aria-label="{esc(data["texts"]["search"])}"></div></div>'
        '<div id="net"></div>'
        f'<div id="legend"><details open><summary>{esc(legend_title)}</summary>{legend}{extra}</details></div>'
        '<div id="tip" role="tooltip"></div><div id="info"></div>'
        f'<div id="foot">{esc(cap)}{notes}</div>'
        f'<script type="application/json" id="opgavelab-data">{_json_for_script(data)}</script>'
        f"<script>{_JS}</script>"
        "</body></html>\n"
    )


def write_html(case, opgave: str, path, at=None, *, overwrite: bool = False, **kwargs) -> Path:
    """Write :func:`network_html` to a file, atomically.

    Parameters
    ----------
    case : Case
    opgave : str
    path : str or path-like
        Where to write the ``.html`` file.
    at : year, date or None
    overwrite : bool, default False
        Replace an existing file.
    **kwargs
        Passed to :func:`network_html`.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    FileExistsError
        ``path`` exists and ``overwrite`` is false.

    Examples
    --------
    >>> import opgavelab, tempfile, pathlib
    >>> out = write_html(opgavelab.example(), "zorg", pathlib.Path(tempfile.mkdtemp()) / "zorg.html")
    >>> out.suffix
    '.html'
    """
    from ..io import atomic_write

    page = network_html(case, opgave, at, **kwargs)
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return path


def iframe(page: str, height: str | int = 620) -> str:
    """A page as ``<iframe srcdoc=...>``: draws in JupyterLab, Voilà and an ipywidgets ``HTML``.

    The page is escaped into the attribute and runs sandboxed (scripts only,
    no access to the notebook).

    Examples
    --------
    >>> iframe("<p>a & b</p>", height=100)[:60]
    '<iframe srcdoc="&lt;p&gt;a &amp; b&lt;/p&gt;" style="width:1'
    """
    h = f"{int(height)}px" if isinstance(height, (int, float)) else str(height)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{html.escape(h)};'
            'border:1px solid #ddd;border-radius:4px" sandbox="allow-scripts" loading="eager"></iframe>')


def network_frame(case, G, *, opgave: str, positions=None, colour_by: str = "type", size_by="degree", at=None,
                  filters=None, lang: str | None = None, height: int | str = 620, max_nodes: int | None = MAX_NODES,
                  colours: Mapping | None = None) -> str:
    """The interactive page of a (filtered) graph as ``<iframe srcdoc>`` markup, for a widget.

    What the explorer puts in its ipywidgets ``HTML`` view: the page of
    :func:`network_html` for ``G``, in an iframe that draws in JupyterLab and
    Voilà.

    Parameters
    ----------
    case : Case
    G : networkx.Graph
        The actors and ties to show (e.g. after filters).
    opgave : str
    positions : Layout or dict, optional
        Positions computed before (so the picture keeps still while
        filtering); default a force layout of ``G``.
    colour_by, size_by, at, filters, lang, max_nodes, colours
        See :func:`network_html`.
    height : int or str, default 620

    Returns
    -------
    str

    Examples
    --------
    >>> import opgavelab
    >>> from opgavelab.network import opgave_graph
    >>> case = opgavelab.example()
    >>> network_frame(case, opgave_graph(case, "zorg"), opgave="zorg").startswith("<iframe srcdoc=")
    True
    """
    page = network_html(case, opgave, at, G=G, layout="force" if positions is None else positions,
                        colour_by=colour_by, size_by=size_by, filters=filters, lang=lang, max_nodes=max_nodes,
                        colours=colours, both_layouts=positions is None)
    return iframe(page, height)


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
        """The ``<iframe srcdoc>`` markup, e.g. for an ipywidgets ``HTML`` value."""
        return iframe(self.html, self.height if height is None else height)

    def save(self, path, overwrite: bool = False) -> Path:
        """Write the page to ``path`` atomically; returns the path."""
        from ..io import atomic_write

        path = Path(path)
        with atomic_write(path, overwrite=overwrite) as tmp:
            tmp.write_text(self.html, encoding="utf-8")
        return path

    def __repr__(self) -> str:
        kb = len(self.html.encode("utf-8")) // 1024
        return f"<NetworkPage '{self.title}': {kb} kB; .save(path) writes it, a notebook shows it.>"


def show_network(case, opgave: str, at=None, *, height: int | str = 620, **kwargs) -> NetworkPage:
    """The interactive network for a notebook (JupyterLab, Voilà).

    Parameters
    ----------
    case : Case
    opgave : str
    at : year, date or None
    height : int or str, default 620
        Height of the frame (pixels, or a CSS length).
    **kwargs
        Passed to :func:`network_html`.

    Returns
    -------
    NetworkPage
    """
    page = network_html(case, opgave, at, **kwargs)
    return NetworkPage(page, height=height, title=str(case.opgaven.at[opgave, "name"]))

