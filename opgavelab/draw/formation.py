"""Pictures of formation: the separate parts drawn apart, year by year, until they are one.

- :func:`formation_layout` and :func:`formation_frames` (defined in
  :mod:`~opgavelab.draw._frames`, which draws nothing, and importable from
  here): positions per date with the separate parts packed apart, and per
  date the scene, the parts and the ties that joined parts that year.
- :func:`formation_gif`: an animated GIF of the formation (matplotlib and
  Pillow), for slides.

In formation views the opgave is not a node: the lines from the opgave to
every actor would make separate parts look connected, so they are not drawn.
"""

from __future__ import annotations

__all__ = ["FormationFrame", "formation_data", "formation_frames", "formation_gif", "formation_layout", "formation_page",
           "write_formation_page"]

from pathlib import Path

import numpy as np

# the frames' data and the formation colours live in _frames and style; their old names stay importable from here
from ._frames import GAP, FormationFrame, formation_frames, formation_layout  # noqa: F401
from .style import JOIN_COLOUR, PAD, PART_EDGE, PART_FILL  # noqa: F401
from .._gc import with_fewer_collections


def _tween(a: dict, b: dict, f: float) -> dict:
    """Positions a fraction ``f`` of the way from ``a`` to ``b`` (eased); actors in one only stay put."""
    e = f * f * (3 - 2 * f)
    out = {}
    for v in set(a) | set(b):
        pa, pb = a.get(v, b.get(v)), b.get(v, a.get(v))
        out[v] = (pa[0] + (pb[0] - pa[0]) * e, pa[1] + (pb[1] - pa[1]) * e)
    return out


def _remove_drawn(ax) -> None:
    """Take what was drawn out of ``ax`` (its limits and settings are drawn again by each step); much
    cheaper than ``ax.cla()``, which builds the axes' ticks and spines anew."""
    for artist in [*ax.collections, *ax.patches, *ax.lines, *ax.texts, *ax.artists, *ax.images]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()


@with_fewer_collections
def formation_gif(case, opgave: str, path, at=None, *, lang: str | None = None, seed: int = 0, size=(10.0, 5.625),
                  dpi: int = 96, seconds_per_year: float = 1.2, tween: int = 6, overwrite: bool = False) -> Path:
    """An animated GIF of the formation: the parts drawing together, year by year.

    Each year is held for ``seconds_per_year``; between years the actors glide
    in ``tween`` steps. The last year is held three times as long. Drops
    into PowerPoint or Google Slides as a picture that plays.

    Parameters
    ----------
    case : Case
    opgave : str
    path : str or path-like
        Ends in ``.gif``.
    at : year or date, optional
        Through this date; default :func:`opgavelab.metrics.default_at`.
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).
    seed : int, default 0
    size : (width, height) in inches, default 16:9
    dpi : int, default 96
    seconds_per_year : float, default 1.2
    tween : int, default 6
        Steps of gliding between two years (0: jump).
    overwrite : bool, default False

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValueError
        ``path`` does not end in ``.gif``.
    FileExistsError
        ``path`` exists and ``overwrite`` is false.

    Examples
    --------
    >>> import opgavelab, tempfile, pathlib
    >>> out = formation_gif(opgavelab.example(), "zorg", pathlib.Path(tempfile.mkdtemp()) / "zorg.gif", tween=0)
    >>> out.read_bytes()[:6]
    b'GIF89a'
    """
    from .._checks import _check_lang

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language

    from PIL import Image

    from ..io import atomic_write
    from ..network import reuse_graphs

    path = Path(path)
    if path.suffix.lower() != ".gif":
        msg = f"'path' must end in .gif, got {path.name!r}."
        raise ValueError(msg)
    if path.exists() and not overwrite:
        msg = f"{path} exists; pass overwrite=True to replace it."
        raise FileExistsError(msg)
    with reuse_graphs():  # each year's network is built once for the layout, the events and the scenes
        frames = formation_frames(case, opgave, at=at, lang=lang, seed=seed, aspect=1.25)
    if not frames:
        msg = f"Opgave {opgave!r} has no dates to play; a GIF needs at least one year."
        raise ValueError(msg)
    images = _gif_images(case, opgave, frames, lang=lang, size=size, dpi=dpi, tween=tween)
    durations = _gif_durations(len(frames), seconds_per_year, tween)
    palette = images[-1].quantize(colors=200, method=Image.Quantize.MEDIANCUT)
    quant = [im.quantize(palette=palette, dither=Image.Dither.NONE) for im in images]
    with atomic_write(path, overwrite=overwrite) as tmp:
        quant[0].save(tmp, format="GIF", save_all=True, append_images=quant[1:], duration=durations, loop=0,
                      optimize=False, disposal=1)
    return path


def _gif_durations(n_years: int, seconds_per_year: float, tween: int) -> list[int]:
    """Milliseconds per picture of the GIF: each year held, ``tween`` short steps before every year but the
    first, the last year held three times as long."""
    hold = int(seconds_per_year * 1000)
    out = []
    for i in range(n_years):
        if i and tween:
            out.extend([max(40, int(500 / tween))] * tween)
        out.append(hold * (3 if i == n_years - 1 else 1))
    return out


def _gif_images(case, opgave: str, frames: list, *, lang: str, size, dpi: int, tween: int) -> list:
    """The GIF's pictures (RGB): per year its slide, then the ``tween`` steps gliding to the next year.

    One figure per year, without a legend: the legend is drawn once (again only when a year's legend
    differs) and its picture is the ground the year's title and years are drawn on. That is the
    background of the year: the year's picture and its steps put the network's Axes (and the year's
    sentence) over a copy of it (matplotlib's blitting).
    """
    from ._figure import _check_size
    from .static import _formation_axes_rect, _formation_slide

    size = _check_size(size)
    n_ref = max((f.n_actors for f in frames), default=0)
    images, legends = [], {}
    for i, frame in enumerate(frames):
        fig, ax, sentence = _formation_slide(case, opgave, frame, frames=frames, positions=None, lang=lang,
                                             size=size, joining=True, legend=False)
        fig.set_dpi(dpi)
        fig.canvas.restore_region(_legend_picture(frame, size, dpi, legends))
        for text in fig.texts:  # the title, the year, the row of years (the Axes and the sentence come next)
            if text is not sentence:
                fig.draw_artist(text)
        background = fig.canvas.copy_from_bbox(fig.bbox)
        images.append(_blit(fig, background, [a for a in (ax, sentence) if a is not None]))
        if tween and i + 1 < len(frames):
            a, b = frame.layout, frames[i + 1].layout
            steps = [_tween(a, b, k / (tween + 1)) for k in range(1, tween + 1)]
            sizes = _marker_range(ax, frame, n_ref)
            ax.set_position(_formation_axes_rect(size[1], ""))  # the steps have no sentence below them
            # the year's markers serve the steps when they keep their size in the steps' larger Axes
            reuse = _marker_range(ax, frame, n_ref) == sizes
            images.extend(_glide(fig, ax, background, frame, steps, n_ref, reuse=reuse))
    return images


def _legend_picture(frame, size: tuple[float, float], dpi: int, done: dict):
    """The picture of an empty slide with only ``frame``'s legend (a region of pixels to restore into a
    slide's canvas); from ``done`` when a year before had the same legend."""
    from ._figure import _draw_legend, _new_figure
    from .static import _formation_legend_rect, _formation_scene

    scene = _formation_scene(frame.scene, slide=True)
    key = repr((scene.legend, scene.colours, scene.shapes, scene.lang))  # all the legend is made of
    if key not in done:
        fig = _new_figure(size)
        _draw_legend(fig, scene, _formation_legend_rect(size[1]), "column")
        fig.set_dpi(dpi)
        fig.canvas.draw()
        done[key] = fig.canvas.copy_from_bbox(fig.bbox)
    return done[key]


def _blit(fig, background, artists: list):
    """The figure's picture: ``background`` with ``artists`` drawn over it, as an RGB image."""
    from PIL import Image

    fig.canvas.restore_region(background)
    for artist in artists:
        fig.draw_artist(artist)
    return Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).convert("RGB")


def _marker_range(ax, frame, n_ref: int) -> tuple[float, float]:
    """The smallest and largest marker diameter ``draw_network`` gives ``frame``'s actors in ``ax`` as
    placed (it sizes them by the Axes' box and limits)."""
    from ._figure import _marker_diameters

    box, fig = ax.get_position(original=True), ax.figure
    xlim, ylim = ax.get_xlim()[1], ax.get_ylim()[1]
    pt_per_unit = min(box.width * fig.get_figwidth() / (2 * xlim), box.height * fig.get_figheight() / (2 * ylim)) * 72
    return _marker_diameters(n_ref or len(frame.scene.nodes), pt_per_unit * 2.2, compass=bool(frame.scene.guides))


def _glide(fig, ax, background, frame, steps: list, n_ref: int, *, reuse: bool = True) -> list:
    """The pictures of the steps from ``frame`` to the next year: ``frame``'s actors at each of ``steps``
    (positions), without names.

    The markers and lines in ``ax`` are moved where they can be: with ``reuse`` those of the year's
    picture, else those drawn for the first step.
    """
    from .static import draw_formation

    move = _mover(ax, frame) if reuse else None
    out = []
    for positions in steps:
        if move is None:
            _remove_drawn(ax)
            draw_formation(frame, ax, positions=positions, joining=False, names=False, n_ref=n_ref)
            move = _mover(ax, frame)
        else:
            move(positions)
        out.append(_blit(fig, background, [ax]))
    return out


def _mover(ax, frame):
    """A function that moves ``frame``'s network as drawn in ``ax`` to other positions, or None.

    ``ax`` holds what :func:`~opgavelab.draw.static.draw_formation` drew of
    ``frame``. Its names, part sizes and joining ties (which the steps
    between years do not show) are taken out; the function then moves the
    ties (one line collection per line style), the actors (one scatter per
    marker and awareness, in the order of the scene's tables, as
    ``draw_network`` draws them) and the part boxes. None (draw each step
    anew) when ``ax`` holds anything else: arrowheads, the compass.
    """
    from matplotlib.collections import LineCollection, PathCollection

    from .static import _draw_parts, _part_boxes

    scene = frame.scene
    nodes, edges = scene.nodes, scene.edges
    if scene.guides or (len(edges) and edges["directed"].any()):
        return None
    groups = [g.index.tolist() for _, g in nodes.groupby(["marker", "aware"], sort=False)]
    ties = ([list(zip(g["source"].tolist(), g["target"].tolist())) for _, g in edges.groupby("line", sort=False)]
            if len(edges) else [])
    for text in list(ax.texts):
        text.remove()
    n = len(ties) + len(groups)
    for extra in list(ax.collections)[n:]:  # the joining ties, drawn last
        extra.remove()
    lines, dots = list(ax.collections)[:len(ties)], list(ax.collections)[len(ties):]
    if (ax.lines or ax.images or ax.artists or len(dots) != len(groups)
            or not all(type(c) is LineCollection for c in lines) or not all(type(c) is PathCollection for c in dots)
            or [len(c.get_offsets()) for c in dots] != [len(g) for g in groups]
            or [len(c.get_segments()) for c in lines] != [len(t) for t in ties]):
        return None
    base = {v: (x, y) for v, x, y in zip(nodes.index.tolist(), nodes["x"].tolist(), nodes["y"].tolist())}

    def move(positions: dict) -> None:
        xy = {v: positions.get(v, p) for v, p in base.items()}
        for dot, group in zip(dots, groups):
            dot.set_offsets([xy[v] for v in group])
        for line, pairs in zip(lines, ties):
            line.set_segments([(xy[u], xy[v]) for u, v in pairs])
        boxes = _part_boxes(frame.parts, xy)
        if len(boxes) == len(ax.patches):  # the boxes reshaped in place (adding a patch costs far more)
            for patch, (_, (x0, y0, x1, y1, rounding)) in zip(ax.patches, boxes):
                patch.set_bounds(x0, y0, x1 - x0, y1 - y0)
                patch.set_boxstyle("round", pad=0, rounding_size=rounding)
        else:
            for patch in list(ax.patches):
                patch.remove()
            _draw_parts(ax, frame.parts, xy, counts=False)

    return move


# --------------------------------------------------------------------------
# the playable view: data for the browser, the offline page
# --------------------------------------------------------------------------

_ASSETS = Path(__file__).parent / "assets"
_DASH = {"solid": None, "dashed": "0.02 0.012", "dotted": "0.004 0.01", "dashdot": "0.02 0.01 0.004 0.01",
         "longdash": "0.035 0.012", "loosely dotted": "0.004 0.02"}


def formation_data(case, opgave: str, at=None, *, lang: str | None = None, seed: int = 0, aspect: float = 2.0,
                   height: int = 520, frames: list | None = None, actors=None, tie_types=None,
                   labels: int = 12) -> dict:
    """What the browser needs to play the formation: actors, ties, and per year positions, parts and words.

    Plain JSON-ready data for the formation view (the explorer's widget and
    :func:`formation_page`). Every actor has a position in every year (an
    actor not involved in a year keeps its nearest year's place, hidden), so
    the browser only glides between given positions.

    Parameters
    ----------
    case : Case
    opgave : str
    at : year or date, optional
        Through this date; default :func:`opgavelab.metrics.default_at`.
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).
    seed : int, default 0
    aspect : float, default 2.0
        Width over height of the drawing.
    height : int, default 520
        Height of the drawing in pixels.
    frames : list of FormationFrame, optional
        When already computed (with the same ``aspect``).
    actors : collection of actor ids, optional
        Show only these actors (the explorer's filters); the parts stay those
        of the whole network.
    tie_types : collection of str, optional
        Show only ties of these types.
    labels : int, default 12
        Name this many actors (the most central of the last year).

    Returns
    -------
    dict
        ``years``, ``nodes`` (``id``, ``name``, ``tip``, ``colour``,
        ``shape``, ``r``, ``aware``, ``label``), ``ties`` (``s``, ``t``,
        ``dash``, ``w``, ``on``: the years it is active), ``frames`` (per
        year: ``year``, ``pos``, ``present``, ``parts``, ``join``, ``sub``,
        ``text``), ``legend``, ``texts``, ``aspect``, ``height``.

    Raises
    ------
    ValueError
        ``lang`` is not ``"nl"`` or ``"en"``, or (when ``frames`` is not
        given) as :func:`formation_frames`: ``opgave`` is not an opgave id of
        the case, or ``at`` is not a year or a date.

    Examples
    --------
    >>> import opgavelab
    >>> d = formation_data(opgavelab.example(), "economie")
    >>> d["years"][0], len(d["frames"][0]["parts"]), len(d["frames"][-1]["parts"])
    (2018, 7, 1)
    """
    from .._checks import _check_lang
    from .._i18n import message

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    if frames is None:
        frames = formation_frames(case, opgave, at=at, lang=lang, seed=seed, aspect=aspect, labels=labels)
    keep = None if actors is None else set(actors)
    kinds = None if tie_types is None else set(tie_types)
    nodes = _formation_nodes(frames, keep)
    years = [fr.date.year for fr in frames]
    pos_all = _places_every_year(frames, nodes)
    ties: dict = {}
    for fr in frames:
        edges = fr.scene.edges
        columns = (edges[c].tolist() for c in ("source", "target", "types", "line", "width"))  # plain values
        for source, target, types, line, width in zip(*columns):
            if source not in nodes or target not in nodes:
                continue
            if kinds is not None and types and not (set(types) & kinds):
                continue
            key = (str(source), str(target))
            t = ties.setdefault(key, {"s": key[0], "t": key[1], "dash": _DASH.get(line), "w": 0.0, "on": []})
            t["w"] = round(max(t["w"], float(width)), 3)
            t["dash"] = _DASH.get(line)
            t["on"].append(fr.date.year)
    out_frames = []
    for fr, pos in zip(frames, pos_all):
        if fr.n_parts == 1 and fr.n_actors >= 2:
            sub = message("formation_frame_whole", lang, n=fr.n_actors)
        elif fr.n_actors:
            sub = message("formation_frame_parts", lang, n=fr.n_actors, k=fr.n_parts,
                          pct=f"{100 * fr.largest_share:.0f}%")
        else:
            sub = message("formation_story_empty", lang)
        out_frames.append({
            "year": fr.date.year, "pos": pos,
            "present": [str(v) for v in fr.layout if v in nodes],
            "parts": [[str(v) for v in p if v in nodes] for p in fr.parts if any(v in nodes for v in p)],
            "join": [[str(u), str(v)] for u, v in fr.joining], "sub": sub, "text": fr.sentence,
        })
    scene = frames[-1].scene if frames else None
    legend = []
    if scene is not None:
        for value, label in scene.legend.get("types", []):
            legend.append({"kind": "dot", "colour": scene.colours.get(value, "#999999"), "label": str(label)})
    legend.append({"kind": "box", "label": message("formation_legend_part", lang)})
    legend.append({"kind": "join", "label": message("formation_legend_join", lang)})
    return {"opgave": str(opgave), "years": years, "nodes": list(nodes.values()), "ties": list(ties.values()),
            "frames": out_frames, "legend": legend, "aspect": float(aspect), "height": int(height),
            "texts": {"empty": message("formation_story_empty", lang)}}


def _formation_nodes(frames, keep) -> dict:
    """The actors to show (``keep``, or all) as the browser draws them: the latest year an actor is in
    decides its look; in the order the frames first show them."""
    nodes: dict = {}
    for fr in reversed(frames):  # the latest year an actor is in decides its look
        table = fr.scene.nodes
        todo = ~table.index.isin(list(nodes))
        if keep is not None:
            todo &= table.index.isin(list(keep))
        table = table[todo]
        if table.empty:
            continue
        # plain lists per column (rows of a pandas table one by one are slow)
        names = table["name"].tolist()
        short = table["label"].tolist() if "label" in table else [None] * len(names)
        rows = zip(table.index.tolist(), names, table["type_label"].tolist(), table["scale_label"].tolist(),
                   table["colour"].tolist(), table["marker"].tolist(), table["size"].tolist(),
                   table["aware"].tolist(), table["show_label"].tolist(), short, table["rank"].tolist())
        for v, name, type_label, scale_label, colour, marker, size, aware, show_label, label, rank in rows:
            tip = " · ".join(str(x) for x in (name, type_label, scale_label) if x)
            nodes[v] = {"id": str(v), "name": str(name), "tip": tip, "colour": str(colour),
                        "shape": str(marker), "r": round(0.02 + 0.03 * float(size), 4),
                        "aware": bool(aware), "label": bool(show_label),  # the latest year decides
                        "short": str(label or name), "rank": int(rank)}
    nodes = {v: nodes[v] for v in _first_seen_order(frames, nodes)}
    # a small part on its own (a split-off, a newcomer) is named in the year it stands apart
    for fr in frames:
        for part in fr.parts:
            if len(part) <= 2 and len(fr.parts) > 1:
                for v in part:
                    if v in nodes:
                        nodes[v]["label"] = True
    return nodes


def _places_every_year(frames, nodes: dict) -> list[dict]:
    """Per year, every actor's place: its own, else that of the nearest year it is in (the later on a tie)."""
    known = [{str(v): (round(p[0], 4), round(p[1], 4)) for v, p in fr.layout.items() if v in nodes} for fr in frames]
    pos_all = []
    for i in range(len(frames)):
        nearest_first = sorted(range(len(frames)), key=lambda j: (abs(j - i), -j))
        pos = {}
        for v in nodes:
            key = str(v)
            for d in nearest_first:
                if key in known[d]:
                    pos[key] = known[d][key]
                    break
        pos_all.append(pos)
    return pos_all


def _first_seen_order(frames, nodes: dict) -> list:
    """The actors of ``nodes`` in the order the frames first show them (earliest year first)."""
    order: dict = {}
    for fr in frames:
        for v in fr.scene.nodes.index.tolist():  # plain values: iterating a pandas Index is slow
            if v in nodes:
                order.setdefault(v, None)
    return list(order)


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


@with_fewer_collections
def formation_page(case, opgave: str, at=None, *, lang: str | None = None, seed: int = 0, interval: int = 1000,
                   title: str | None = None) -> str:
    """A self-contained HTML page that plays the formation: its own year slider and ▶, no Python needed.

    Send the file; the recipient opens it in a browser (also from a USB
    stick or an e-mail attachment, without internet) and plays how the
    separate parts became one collective.

    Parameters
    ----------
    case, opgave, at, lang, seed
        As for :func:`formation_data`.
    interval : int, default 1000
        Milliseconds per year while playing.
    title : str, optional
        Default: the opgave's name.

    Returns
    -------
    str
        The page.

    Raises
    ------
    ValueError
        As :func:`formation_data`: ``lang`` is not ``"nl"`` or ``"en"``,
        ``opgave`` is not an opgave id of the case, or ``at`` is not a year
        or a date.

    Examples
    --------
    >>> import opgavelab
    >>> page = formation_page(opgavelab.example(), "economie")
    >>> "olf-play" in page and "http://" not in page
    True
    """
    from .._checks import _check_lang

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language

    import html as _html

    from .._i18n import message
    from ..metrics.formation import formation_story
    from ._page import _json_for_script

    data = formation_data(case, opgave, at=at, lang=lang, seed=seed, height=460)
    name = title or str(case.opgaven.at[opgave, "name"])
    story = formation_story(case, opgave, at=at, lang=lang)
    state = {"data": data, "year": data["years"][-1] if data["years"] else None, "selected_actor": "",
             "interval": int(interval)}
    esc = _html.escape
    script = _asset("formation.js") + "\n" + _asset("formation-page.js")
    if "</script" in script.lower():  # pragma: no cover - guards an edit of the assets
        msg = "The formation view's script contains '</script' and cannot be inlined."
        raise RuntimeError(msg)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="opgavelab">'
        f"<title>{esc(name)}</title><style>{_asset('formation.css')}{_asset('formation-page.css')}</style></head>"
        f"<body><h1>{esc(name)}</h1>"
        '<div id="opgavelab-formation"></div>'
        f'<p class="olf-page-story"><b>{esc(message("formation_story_head", lang))}.</b> {esc(story)}</p>'
        f'<p class="olf-page-foot">{esc(message("formation_caption", lang))} · {esc(_source(case))}</p>'
        f'<script type="application/json" id="opgavelab-formation-state">{_json_for_script(state)}</script>'
        f'<script type="module">{script}</script>'
        "</body></html>\n"
    )


def _source(case) -> str:
    from .style import _source_name

    return _source_name(case) or case.name


def write_formation_page(case, opgave: str, path, at=None, *, overwrite: bool = False, **kwargs) -> Path:
    """Write :func:`formation_page` to ``path`` (atomically; an existing file only with ``overwrite``).

    Parameters
    ----------
    case, opgave, at
        As for :func:`formation_page`.
    path : str or path-like
        The ``.html`` file to write; its folder is made when missing.
    overwrite : bool, default False
        Replace an existing file.
    **kwargs
        Passed to :func:`formation_page`: ``lang``, ``seed``, ``interval``,
        ``title``.

    Returns
    -------
    pathlib.Path
        ``path``: one file that plays the formation in any browser, offline.

    Raises
    ------
    ValueError
        As :func:`formation_page` (checked before anything is written).
    FileExistsError
        ``path`` exists and ``overwrite`` is false.
    opgavelab.WriteError
        The file or its folder cannot be written (see
        :func:`opgavelab.io.atomic_write`).

    Examples
    --------
    >>> import opgavelab, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> out = write_formation_page(opgavelab.example(), "zorg", folder / "zorg.html", lang="en")
    >>> page = out.read_text(encoding="utf-8")
    >>> out.name, page.startswith("<!DOCTYPE html>"), '<html lang="en">' in page
    ('zorg.html', True, True)
    """
    from ..io import atomic_write

    path = Path(path)
    page = formation_page(case, opgave, at=at, **kwargs)
    with atomic_write(path, overwrite=overwrite) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return path
