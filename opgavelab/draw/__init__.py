"""Pictures of the collective around an opgave: static figures and offline pages.

One visual language (:mod:`~opgavelab.draw.style`), layouts computed once
(:mod:`~opgavelab.draw.layout`), figures for reports and slides
(:mod:`~opgavelab.draw.static`, matplotlib) and self-contained interactive
pages (:mod:`~opgavelab.draw.interactive`, vis-network through pyvis).

>>> import opgavelab
>>> from opgavelab import draw
>>> case = opgavelab.example()
>>> fig = draw.network_figure(case, "economie", at=2024, layout="compass")   # doctest: +SKIP
>>> draw.save_figure(fig, "economie-kompas.png")                            # doctest: +SKIP
>>> draw.show_network(case, "economie")          # in JupyterLab or Voilà    # doctest: +SKIP

matplotlib and pyvis are imported on first use.
"""

from __future__ import annotations

import importlib

_PUBLIC = {
    # layouts
    "Layout": "opgavelab.draw.layout",
    "force_layout": "opgavelab.draw.layout",
    "compass_layout": "opgavelab.draw.layout",
    "opgave_key": "opgavelab.draw.layout",
    # the visual language
    "Scene": "opgavelab.draw.style",
    "SceneOptions": "opgavelab.draw.style",
    "build_scene": "opgavelab.draw.style",
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
    "formation_layout": "opgavelab.draw.formation",
    "formation_frames": "opgavelab.draw.formation",
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
