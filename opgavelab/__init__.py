"""opgavelab: a workbench for *opgavegericht werken*.

Load a case (actors, opgaven, their involvement and ties), check it, build the
network around one opgave, measure it with metrics from the literature, draw
and export it, and explore it in JupyterLab.

>>> import opgavelab
>>> case = opgavelab.example()                      # doctest: +SKIP
>>> opgavelab.scan(case, "economie")                # doctest: +SKIP

The public names are chosen by hand below. Heavy modules (pandas, networkx,
matplotlib, pyvis, ipywidgets) are imported on first use, so ``import
opgavelab`` stays fast.
"""

import importlib as _importlib

__version__ = "0.1.0"

# public name -> module that defines it
_PUBLIC = {
    "load": "opgavelab.io",
    "example": "opgavelab.io",
    "example_path": "opgavelab.io",
    "write_template": "opgavelab.io",
    "save": "opgavelab.io",
    "save_case": "opgavelab.io",
    "Case": "opgavelab.case",
    "scan": "opgavelab._scan",
    "from_membership": "opgavelab.membership",
    "MembershipResult": "opgavelab.membership",
    "MembershipReport": "opgavelab.membership",
    "pseudonymise": "opgavelab.privacy",
    "readable": "opgavelab.display",
    "write_questionnaires": "opgavelab.survey",
    "read_survey": "opgavelab.survey",
    "SurveyReport": "opgavelab.survey",
    "Explorer": "opgavelab.explorer",
    "OpgaveScan": "opgavelab._scan",
    "scenario": "opgavelab._scenario",
    "Scenario": "opgavelab._scenario",
    "ValidationError": "opgavelab.errors",
    "ReadError": "opgavelab.errors",
    "WriteError": "opgavelab.errors",
    "OpgavelabError": "opgavelab.errors",
    "OpgavelabWarning": "opgavelab.errors",
}

_SUBMODULES = {"network", "metrics", "schema", "io", "case", "errors", "membership", "public_bodies", "privacy",
               "draw", "export", "survey", "oefenen"}

# ``io`` stays an attribute (``opgavelab.io``) but not in __all__: under
# ``from opgavelab import *`` it would hide the standard library's io
__all__ = sorted([*_PUBLIC, *(_SUBMODULES - {"io"})])


def __getattr__(name: str):
    if name in _PUBLIC:
        value = getattr(_importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = _importlib.import_module(f"opgavelab.{name}")
        globals()[name] = module
        return module
    msg = f"module 'opgavelab' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__():
    return sorted({*__all__, "io", "__version__"})
