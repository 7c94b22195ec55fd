"""Fewer garbage collections while opgavelab draws (issue 21): thresholds raised in the block, put back after."""

from __future__ import annotations

import gc

import pytest

from opgavelab._gc import THRESHOLDS, fewer_collections, with_fewer_collections


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_the_block_raises_the_thresholds_and_puts_them_back(thresholds):
    with fewer_collections():
        assert gc.get_threshold() == THRESHOLDS
        with fewer_collections():  # nested: the outer block's setting stays
            assert gc.get_threshold() == THRESHOLDS
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_an_error_in_the_block_puts_them_back_too(thresholds):
    @with_fewer_collections
    def fails():
        assert gc.get_threshold() == THRESHOLDS
        raise ValueError("x")

    with pytest.raises(ValueError):
        fails()
    assert gc.get_threshold() == (700, 10, 10)


def test_a_program_that_collects_less_often_or_never_is_left_alone():
    before = gc.get_threshold()
    try:
        for own in [(200_000, 10, 10), (0, 10, 10)]:
            gc.set_threshold(*own)
            with fewer_collections():
                assert gc.get_threshold() == own
            assert gc.get_threshold() == own
    finally:
        gc.set_threshold(*before)


def test_the_drawing_functions_keep_their_signature_and_docs():
    import inspect

    from opgavelab.draw import network_figure, save_figure

    assert "opgave" in inspect.signature(network_figure).parameters
    assert "overwrite" in inspect.signature(save_figure).parameters
    assert network_figure.__doc__ and network_figure.__name__ == "network_figure"
