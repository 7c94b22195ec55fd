"""Scaling measurements for opgavelab: synthetic cases and a timing harness.

Not part of the test run. ``make bench`` (``python -m benchmarks.run``)
generates the cases once into ``benchmarks/cases/`` (git-ignored), measures
every step and writes ``benchmarks/RESULTS.md``.
"""
