"""opgavelab: a workbench for opgavegericht werken."""
__version__ = "0.1.0"
