"""Pictures of the collective around an opgave: static figures and offline pages.

Scene first: :func:`build_scene` turns a case, an opgave and a date into a
:class:`Scene` (what to draw where, in which style, with legend and caption),
built with the options of :class:`SceneOptions` (defined once). The scene
(:mod:`~opgavelab.draw.scene`) then draws itself: ``scene.figure()`` for
reports and slides (matplotlib), ``scene.page()`` for a self-contained
interactive page (vis-network from pyvis's bundled files) and
``scene.widget()`` for that page in JupyterLab or Voilà. One visual language
(:mod:`~opgavelab.draw.style`), layouts computed once
(:mod:`~opgavelab.draw.layout`).

>>> import opgavelab
>>> from opgavelab import draw
>>> case = opgavelab.example()
>>> scene = draw.build_scene(case, "economie", at=2024, layout="compass")   # doctest: +SKIP
>>> draw.save_figure(scene.figure(), "economie-kompas.png")                  # doctest: +SKIP
>>> scene.widget()                               # in JupyterLab or Voilà    # doctest: +SKIP

``network_figure``, ``network_html``, ``write_html``, ``show_network`` and
``network_frame`` do the two steps in one call. matplotlib is imported on
first use.
"""

from __future__ import annotations

import importlib

_PUBLIC = {
    # layouts
    "Layout": "opgavelab.draw.layout",
    "force_layout": "opgavelab.draw.layout",
    "compass_layout": "opgavelab.draw.layout",
    "opgave_key": "opgavelab.draw.layout",
    # the scene: built once, drawn many ways
    "Scene": "opgavelab.draw.scene",
    "SceneOptions": "opgavelab.draw.scene",
    "build_scene": "opgavelab.draw.scene",
    # the visual language
    "type_colours": "opgavelab.draw.style",
    "scale_shapes": "opgavelab.draw.style",
    "tie_styles": "opgavelab.draw.style",
    "caption": "opgavelab.draw.style",
    # static figures
    "FIGURE_SIZES": "opgavelab.draw.static",
    "network_figure": "opgavelab.draw.static",
    "draw_network": "opgavelab.draw.static",
    "coverage_figure": "opgavelab.draw.static",
    "formation_figure": "opgavelab.draw.static",
    "small_multiples": "opgavelab.draw.static",
    "formation_frame_figure": "opgavelab.draw.static",
    # formation views
    "formation_layout": "opgavelab.draw._frames",
    "formation_frames": "opgavelab.draw._frames",
    "formation_gif": "opgavelab.draw.formation",
    "formation_page": "opgavelab.draw.formation",
    "formation_data": "opgavelab.draw.formation",
    "write_formation_page": "opgavelab.draw.formation",
    "FormationView": "opgavelab.draw.widget",
    "save_figure": "opgavelab.draw.static",
    # interactive pages
    "network_html": "opgavelab.draw.interactive",
    "write_html": "opgavelab.draw.interactive",
    "show_network": "opgavelab.draw.interactive",
    "NetworkPage": "opgavelab.draw.interactive",
    "iframe": "opgavelab.draw.interactive",
    "network_frame": "opgavelab.draw.interactive",
    "attribute_colours": "opgavelab.draw.style",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    msg = f"module 'opgavelab.draw' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__():
    return sorted(set(globals()) | set(__all__))
