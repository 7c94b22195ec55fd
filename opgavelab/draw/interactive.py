"""Interactive pages: one self-contained HTML file per picture.

:func:`network_html` builds a page that works from ``file://`` with no
network at all: vis-network's script is inlined from the files bundled with
the pyvis package (no CDN, no Bootstrap; pyvis itself is not imported, and the
nodes, edges and options are written straight from the Scene), the page's own
script and style are package files (``assets/network-page.js`` and
``.css``), every style is in the page, and the positions come from
the same layouts as the static figures, so physics is off and the page draws
at once (2,000 actors well under 2 s in Chromium).

The page has the legend and the caption (case, opgave, date, filters,
source), a tooltip with each actor's attributes, a search box, and buttons to
switch between the force layout and the opgave compass. It fits itself to its
frame: from 600 px wide the legend stands open beside the network (never over
it); in a narrower frame it starts folded into a small button. Names follow the
rule of the static figures: the most central first, each beside its marker
where it covers no other name, marker, the opgave's box or a compass label
(the three most central always, with a leader line if need be); an actor whose
name finds no room gets a number, and the numbers stand with the full names in
a key at the top of the legend. The page's script places and draws the names
(in canvas units, so zooming and searching keep them apart); names are never
under 11 px on screen and never cut mid-word. Every text from the
spreadsheet is data, never markup: it travels as JSON inside a
``<script type="application/json">`` block (with ``<`` escaped) and is put on
the page with ``textContent``, or escaped with :func:`html.escape` in the
legend and caption; names on the canvas are drawn as text.

Above ``max_nodes`` actors (default 2,000) the page shows the most central
ones and says so in its caption.

:class:`NetworkPage` shows a page inside JupyterLab and Voilà as an
``<iframe srcdoc=...>`` (``net.show(notebook=True)`` from pyvis draws nothing
there: it points at a file that loads from a CDN).

This module holds the one-call forms (they build a Scene, then draw it); the
page itself is written by ``draw._page``, whose :class:`NetworkPage` and
:func:`iframe` are public here.
"""

from __future__ import annotations

__all__ = ["network_html", "write_html", "NetworkPage", "show_network", "iframe", "network_frame"]

from pathlib import Path

from ._page import NetworkPage, iframe
from .scene import Scene, scene_for
from .._gc import with_fewer_collections

#: Default node limit of an interactive page.
MAX_NODES = 2000


@with_fewer_collections
def network_html(case, opgave: str, at=None, *, both_layouts: bool = True, title: str | None = None,
                 scene: Scene | None = None, **options) -> str:
    """A self-contained, offline HTML page with the network around one opgave.

    ``network_html(case, opgave, at, **options)`` is
    ``build_scene(case, opgave, at, **options).page()``, with the page's own
    defaults: at most 2,000 actors (``max_nodes``), the names of up to 500
    drawn on the canvas (all others show on hover; above that the 100 most
    central).

    Parameters
    ----------
    case, opgave, at
        The case, the opgave's id and the snapshot date; see :func:`opgavelab.draw.build_scene`.
    both_layouts : bool, default True
        Also compute the other layout (force or compass) and offer a button
        to switch.
    title : str, optional
        Default: the opgave's name.
    scene : Scene, optional
        A scene built before; then no scene options may be given.
    **options
        The scene options (``layout``, ``size_by``, ``labels``,
        ``colour_by``, ``lang``, ``max_nodes``, ...), each described once in
        :class:`opgavelab.draw.SceneOptions`.

    Returns
    -------
    str
        The page.

    Raises
    ------
    ValueError
        As :func:`~opgavelab.draw.network_figure`: a wrong option, or
        options beside ``scene``.

    Examples
    --------
    >>> import opgavelab
    >>> page = network_html(opgavelab.example(), "zorg")
    >>> "https://" in page or "http://" in page
    False
    """
    scene = _page_scene("network_html", case, opgave, at, scene, options)
    return scene.page(both_layouts=both_layouts, title=title)


def _page_scene(where: str, case, opgave: str, at, scene: Scene | None, options: dict) -> Scene:
    """The scene of a page: a page shows up to 2,000 actors and names up to 500 unless told otherwise."""
    defaults = {"max_nodes": MAX_NODES, "default_labels": 500 if options.get("labels") is None else 20}
    return scene_for(where, case, opgave, at, scene, options, **defaults)


def write_html(case, opgave: str, path, at=None, *, overwrite: bool = False, **kwargs) -> Path:
    """Write :func:`network_html` to a file, atomically.

    Parameters
    ----------
    case, opgave, at
        See :func:`opgavelab.draw.build_scene`.
    path : str or path-like
        Where to write the ``.html`` file.
    overwrite : bool, default False
        Replace an existing file.
    **kwargs
        Passed to :func:`network_html`: ``both_layouts``, ``title``,
        ``scene`` and the scene options (:class:`opgavelab.draw.SceneOptions`).

    Returns
    -------
    pathlib.Path
        ``path``, written as :meth:`NetworkPage.save` writes: atomically, an
        existing file kept (FileExistsError) unless ``overwrite``.

    Examples
    --------
    >>> import opgavelab, tempfile, pathlib
    >>> out = write_html(opgavelab.example(), "zorg", pathlib.Path(tempfile.mkdtemp()) / "zorg.html")
    >>> out.suffix
    '.html'
    """
    return NetworkPage(network_html(case, opgave, at, **kwargs)).save(path, overwrite=overwrite)


def network_frame(case, G, *, opgave: str, positions=None, at=None, height: int | str = 620, **options) -> str:
    """The interactive page of a (filtered) graph as ``<iframe srcdoc>`` markup, for a widget.

    What the explorer puts in its ipywidgets ``HTML`` view:
    ``build_scene(case, opgave, at, G=G, layout=positions, **options).widget(height=height).iframe()``,
    with the page's defaults (see :func:`network_html`).

    Parameters
    ----------
    case : Case
    G : networkx.Graph
        The actors and ties to show (e.g. after filters).
    opgave : str
    positions : Layout or dict, optional
        Positions computed before (so the picture keeps still while
        filtering; the page then offers no second layout); default a force
        layout of ``G``.
    at : year, date or None
        The snapshot date named in the caption.
    height : int or str, default 620
    **options
        The other scene options (``colour_by``, ``size_by``, ``filters``,
        ``lang``, ``max_nodes``, ``colours``, ...); see
        :class:`opgavelab.draw.SceneOptions`.

    Returns
    -------
    str
        ``<iframe srcdoc="...">`` markup.

    Examples
    --------
    >>> import opgavelab
    >>> from opgavelab.network import opgave_graph
    >>> case = opgavelab.example()
    >>> network_frame(case, opgave_graph(case, "zorg"), opgave="zorg").startswith("<iframe srcdoc=")
    True
    """
    layout = "force" if positions is None else positions
    scene = _page_scene("network_frame", case, opgave, at, None, {"G": G, "layout": layout, **options})
    return scene.widget(height=height, both_layouts=positions is None).iframe()


def show_network(case, opgave: str, at=None, *, height: int | str = 620, both_layouts: bool = True,
                 title: str | None = None, scene: Scene | None = None, **options) -> NetworkPage:
    """The interactive network for a notebook (JupyterLab, Voilà).

    ``build_scene(case, opgave, at, **options).widget(height=height)``, with
    the page's defaults (see :func:`network_html`).

    Parameters
    ----------
    case, opgave, at
        See :func:`opgavelab.draw.build_scene`.
    height : int or str, default 620
        Height of the frame (pixels, or a CSS length).
    both_layouts, title, scene
        See :func:`network_html`.
    **options
        The scene options; see :class:`opgavelab.draw.SceneOptions`.

    Returns
    -------
    NetworkPage
        Shows itself as the last value of a notebook cell;
        ``.save(path)`` writes the page.

    Raises
    ------
    ValueError
        As :func:`network_html`: a wrong option, or options beside
        ``scene``.
    TypeError
        An unknown keyword.

    Examples
    --------
    >>> import opgavelab
    >>> show_network(opgavelab.example(), "zorg", height=400)
    <NetworkPage 'Vitaal platteland: zorg en nabijheid in de dorpen': ... kB; .save(path) writes it, ...>
    """
    scene = _page_scene("show_network", case, opgave, at, scene, options)
    return scene.widget(height=height, both_layouts=both_layouts, title=title)
