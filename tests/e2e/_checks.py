"""What a person would check on screen, as functions the e2e tests share."""

from __future__ import annotations

import hashlib

# A canvas counts as drawn when enough of its pixels differ from its corner colour.
_CANVAS_STATS = """
(canvas) => {
  const ctx = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height;
  if (!w || !h) return {w, h, ink: 0, hash: ''};
  const data = ctx.getImageData(0, 0, w, h).data;
  const r0 = data[0], g0 = data[1], b0 = data[2], a0 = data[3];
  let ink = 0, hash = 0;
  for (let i = 0; i < data.length; i += 4 * 7) {
    if (Math.abs(data[i] - r0) + Math.abs(data[i+1] - g0) + Math.abs(data[i+2] - b0) + Math.abs(data[i+3] - a0) > 30) ink++;
    hash = (hash * 31 + data[i] + 3 * data[i+1] + 7 * data[i+2] + 11 * data[i+3]) >>> 0;
  }
  return {w, h, ink, hash: String(hash)};
}
"""


def canvas_stats(frame, selector: str = "canvas") -> dict:
    """Size, number of inked sample pixels and a hash of the first canvas in ``frame``."""
    frame.wait_for_selector(selector, state="attached", timeout=60_000)
    return frame.locator(selector).first.evaluate(_CANVAS_STATS)


def assert_canvas_drawn(frame, min_ink: int = 200) -> dict:
    stats = canvas_stats(frame)
    assert stats["w"] > 100 and stats["h"] > 100, f"canvas too small: {stats}"
    assert stats["ink"] >= min_ink, f"the network canvas is (nearly) blank: {stats}"
    return stats


def network_frame(page, timeout: float = 60_000):
    """The iframe (srcdoc) that holds the explorer's network view."""
    page.wait_for_selector(".opgavelab-explorer iframe", timeout=timeout)
    handle = page.locator(".opgavelab-explorer iframe").first.element_handle()
    frame = handle.content_frame()
    frame.wait_for_selector("canvas", timeout=timeout)
    return frame


# The formation view (SVG): per part the bounding box of its visible actors, as the screen shows them.
_FORMATION_STATS = """
(root) => {
  const boxes = {};
  let shown = 0, hash = 0;
  for (const g of root.querySelectorAll('.olf-node')) {
    if (getComputedStyle(g).opacity !== '1') continue;
    shown++;
    const p = g.getAttribute('data-part');
    const r = g.getBoundingClientRect();
    const b = boxes[p] || (boxes[p] = [Infinity, Infinity, -Infinity, -Infinity]);
    b[0] = Math.min(b[0], r.left); b[1] = Math.min(b[1], r.top);
    b[2] = Math.max(b[2], r.right); b[3] = Math.max(b[3], r.bottom);
    for (const ch of (g.getAttribute('transform') || '') + p) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  }
  const svg = root.querySelector('.olf-svg');
  return {shown, boxes: Object.values(boxes), year: svg ? svg.getAttribute('data-year') : null, hash: String(hash),
          ink: shown};
}
"""
FORMATION = ".opgavelab-explorer .opgavelab-formation"


def formation_stats(page, root: str = FORMATION) -> dict:
    """The formation view's visible actors, its year and per part a bounding box (screen pixels)."""
    return page.locator(root).first.evaluate(_FORMATION_STATS)


def disjoint_groups(boxes) -> bool:
    """True when no two bounding boxes overlap."""
    return not any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                   for i, a in enumerate(boxes) for b in boxes[i + 1:])


def _view_stats(page) -> dict:
    """The formation widget when it is shown, else the network page's canvas."""
    view = page.locator(FORMATION)
    if view.count() and view.first.is_visible():
        stats = formation_stats(page)
        stats["ok"] = stats["shown"] >= 2
        return stats
    stats = canvas_stats(network_frame(page, timeout=10_000))
    stats["ok"] = stats["ink"] >= 200
    return stats


def wait_for_drawn(page, previous_hash: str | None = None, timeout_s: float = 60) -> dict:
    """Wait until the explorer's view has drawn (and differs from ``previous_hash``)."""
    import time

    deadline = time.time() + timeout_s
    last = None
    while time.time() < deadline:
        try:
            last = _view_stats(page)
            if last["ok"] and (previous_hash is None or last["hash"] != previous_hash):
                return last
        except Exception as exc:  # the view is replaced while it redraws
            last = {"error": str(exc)}
        time.sleep(0.5)
    raise AssertionError(f"the network view did not draw (or did not change) in {timeout_s}s: {last}")


def assert_explorer_healthy(page) -> None:
    """Widget DOM is there, no 'Error displaying widget', no traceback in the explorer."""
    page.wait_for_selector(".opgavelab-explorer", timeout=120_000)
    body = page.inner_text("body")
    assert "Error displaying widget" not in body, "a widget failed to display"
    assert "Traceback" not in body, "a traceback is shown on the page"
    assert "Er ging iets mis" not in body and "Something went wrong" not in body, \
        "the explorer reports an error in its message area"
    assert page.locator(".opgavelab-explorer .widget-dropdown select, .opgavelab-explorer select").count() >= 1


def screenshot(page, folder, name: str) -> None:
    """The whole page, and the explorer on its own when there is one."""
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    explorer = page.locator(".opgavelab-explorer")
    if explorer.count():
        try:
            explorer.first.screenshot(path=str(folder / f"{name}-explorer.png"), timeout=15_000)
        except Exception:  # a screenshot is for people; it never fails a test
            pass


def digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]
