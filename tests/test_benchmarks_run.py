"""The benchmark harness's own arithmetic (issue 21): groups name real steps, growth exponents are right."""

from __future__ import annotations

from benchmarks import run


def test_every_group_names_existing_steps_and_every_target_a_step():
    for group, steps in run.GROUPS.items():
        assert steps and set(steps) <= set(run.STEP_BY_NAME), group
    for target in run.TARGETS:
        assert target.step in run.STEP_BY_NAME, target.label
        assert target.size in run.STEP_BY_NAME[target.step].sizes, target.label


def test_growth_exponent_of_a_linear_and_a_quadratic_step():
    metas = {z: {"n_actors": n, "big_actors": n // 10, "explorer_actors": n // 20}
             for z, n in zip(run.SIZE_ORDER, (100, 1_000, 10_000, 50_000))}
    results = {}
    for z, n in zip(run.SIZE_ORDER, (100, 1_000, 10_000, 50_000)):
        results[("load_xlsx", z)] = run.Measure("load_xlsx", z, runs=[n * 1e-4])          # linear in the case
        results[("centrality_nx", z)] = run.Measure("centrality_nx", z, runs=[(n // 10) ** 2 * 1e-6])  # quadratic
    lines = run._growth_lines(results, metas, run.SIZE_ORDER)
    by_label = {line.split(" | ")[0].lstrip("| "): line.rstrip(" |").rsplit(" | ", 1)[1] for line in lines
                if line.startswith("| ") and not line.startswith("| step")}
    assert by_label[run.STEP_BY_NAME["load_xlsx"].label] == "1.00"
    assert by_label[run.STEP_BY_NAME["centrality_nx"].label] == "2.00"
