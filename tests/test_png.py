"""The figures' PNG writer (opgavelab/draw/_png.py): what it writes is what was drawn, read back by Pillow."""

import io

import numpy as np
import PIL.Image
import pytest

from opgavelab.draw._png import png_bytes


@pytest.mark.parametrize("shape", [(1, 1), (5, 7), (64, 33)])
@pytest.mark.parametrize("opaque", [True, False])
def test_pixels_read_back_as_written(shape, opaque):
    rgba = np.random.default_rng(sum(shape)).integers(0, 256, size=(*shape, 4), dtype=np.uint8)
    if opaque:
        rgba[..., 3] = 255
    image = PIL.Image.open(io.BytesIO(png_bytes(rgba, dpi=300, text={"Software": "opgavelab"})))
    image.load()
    assert image.mode == ("RGB" if opaque else "RGBA")
    np.testing.assert_array_equal(np.asarray(image), rgba[..., :3] if opaque else rgba)
    assert image.info["Software"] == "opgavelab"
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.05)


def test_without_dpi_or_text_nothing_is_said():
    image = PIL.Image.open(io.BytesIO(png_bytes(np.zeros((2, 2, 4), np.uint8))))
    assert "dpi" not in image.info and "Software" not in image.info


@pytest.mark.parametrize("bad", [np.zeros((2, 2, 3), np.uint8), np.zeros((2, 2, 4), np.float64), [[0, 0, 0, 0]]])
def test_anything_but_rgba_bytes_is_refused(bad):
    with pytest.raises(ValueError, match="rgba"):
        png_bytes(bad)


def test_a_saved_figure_has_the_pixels_matplotlib_drew(tmp_path):
    from matplotlib.figure import Figure

    from opgavelab.draw.static import save_figure

    fig = Figure(figsize=(2, 1))
    fig.text(0.1, 0.5, "Veenmarken", color="#1f77b4")
    fig.add_axes((0.6, 0.1, 0.3, 0.8)).plot([0, 1], [1, 0], color="#d62728")
    save_figure(fig, tmp_path / "f.png", dpi=120)
    drawn = io.BytesIO()
    fig.savefig(drawn, format="rgba", dpi=120, facecolor="white")
    w, h = 240, 120  # 2 x 1 inches at 120 dpi
    expected = np.frombuffer(drawn.getvalue(), np.uint8).reshape(h, w, 4)[..., :3]
    with PIL.Image.open(tmp_path / "f.png") as image:
        assert image.size == (w, h) and image.info["dpi"] == pytest.approx((120, 120), abs=0.05)
        np.testing.assert_array_equal(np.asarray(image), expected)


@pytest.fixture
def without_isal(monkeypatch):
    """As on a platform without the isal wheel: zlib deflates (in pieces on several cores)."""
    import sys

    monkeypatch.setitem(sys.modules, "isal", None)
    monkeypatch.setitem(sys.modules, "isal.isal_zlib", None)


@pytest.mark.parametrize("size", [0, 1, 99, 100_003])
@pytest.mark.parametrize("level", [1, 3, 6])
def test_rows_deflated_by_isal_or_zlib_are_a_zlib_stream(size, level):
    import zlib

    from opgavelab.draw import _png

    data = np.random.default_rng(size).integers(0, 4, size=size, dtype=np.uint8)
    assert zlib.decompress(_png._deflate(data, level)) == data.tobytes()


@pytest.mark.parametrize("size", [0, 1, 99, 100_003])
def test_rows_deflated_in_pieces_on_several_cores_are_one_zlib_stream(monkeypatch, without_isal, size):
    import zlib

    from opgavelab.draw import _png

    monkeypatch.setattr(_png, "_PARALLEL_BYTES", 10)  # pieces even for small data
    data = np.random.default_rng(size).integers(0, 4, size=size, dtype=np.uint8)  # compressible, not trivial
    assert zlib.decompress(_png._deflate(data, 1)) == data.tobytes()


def test_a_large_picture_reads_back_the_same_when_deflated_in_pieces(monkeypatch, without_isal):
    from opgavelab.draw import _png

    rgba = np.full((300, 400, 4), 255, dtype=np.uint8)
    rgba[50:250, 100:300, :3] = np.random.default_rng(1).integers(0, 256, size=(200, 200, 3), dtype=np.uint8)
    whole = PIL.Image.open(io.BytesIO(png_bytes(rgba)))
    monkeypatch.setattr(_png, "_PARALLEL_BYTES", 50_000)
    pieces = PIL.Image.open(io.BytesIO(png_bytes(rgba)))
    np.testing.assert_array_equal(np.asarray(pieces), np.asarray(whole))
