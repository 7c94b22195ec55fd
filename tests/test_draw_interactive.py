"""Interactive pages: offline, complete, safe, and quick to draw.

The tests marked ``e2e`` open the page in headless Chromium (``/usr/bin/chromium``)
and skip when it is not installed.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import opgavelab
from opgavelab import Case
from opgavelab.draw.interactive import NetworkPage, iframe, network_html, show_network, write_html

EVIL_ACTOR = '<img src=x onerror="window.__xss=1">'
EVIL_OPGAVE = "<script>window.__xss2=1</script>Wijkaanpak"
EVIL_TYPE_LABEL = "<svg onload=window.__xss3=1>"


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    return p


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="opgavelab-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


@pytest.fixture(scope="module")
def page(case):
    return network_html(case, "economie", at=2024)


@pytest.fixture(scope="module")
def evil_case():
    return Case.from_frames(
        actors=pd.DataFrame({"id": ["a", "b", "c"], "naam": [EVIL_ACTOR, "=HYPERLINK(\"x\")", "Gewoon & goed"],
                             "type": ["overheid", "hacker", "burger"]}),
        opgaven=pd.DataFrame({"id": ["o1"], "naam": [EVIL_OPGAVE]}),
        involvement=pd.DataFrame({"actor": ["a", "b", "c"], "opgave": ["o1"] * 3, "bewust": ["ja", "nee", "ja"]}),
        ties=pd.DataFrame({"van": ["a", "b"], "naar": ["b", "c"]}),
        vocabularies=pd.DataFrame({"lijst": ["actortype"], "waarde": ["hacker"], "label": [EVIL_TYPE_LABEL]}),
        name='Casus "<b>vet</b>"', source="/x/<i>bron</i>.xlsx",
    )


@pytest.fixture(scope="module")
def evil_page(evil_case):
    return network_html(evil_case, "o1")


def _big_graph(case, n: int, seed: int = 1) -> nx.Graph:
    G = nx.barabasi_albert_graph(n, 2, seed=seed)
    G = nx.relabel_nodes(G, {i: f"a{i}" for i in G})
    types, scales = list(case.labels("actor_type")), list(case.labels("scale"))
    rng = np.random.default_rng(seed)
    for i, v in enumerate(G):
        G.nodes[v].update(name=f"Actor {i}", type=types[rng.integers(5)], scale=scales[rng.integers(7)],
                          aware=bool(rng.random() > 0.05))
    for u, v in G.edges:
        G.edges[u, v].update(type="samenwerking", weight=1.0)
    G.graph["opgave"] = "economie"
    return G


# -- self-contained ---------------------------------------------------------------

def test_page_loads_nothing_from_the_network(page):
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        if tag in ("script", "link", "img", "iframe"):
            for key in ("src", "href"):
                value = (attrs.get(key) or "").strip().lower()
                assert not value.startswith(("http:", "https:", "//")), (tag, attrs)
    assert not any(tag == "link" for tag, _ in parsed.tags)
    for script in parsed.scripts:
        assert "http://" not in script and "https://" not in script
    assert "vis.Network" in page and "new vis.DataSet" in page


def test_page_contains_every_actor(page, case):
    data = _data(page)
    involved = set(case.actors_of("economie", at=2024))
    assert {row[-1] for row in data["info"]} == involved
    names = {row[0] for row in data["info"]}
    assert names == set(case.actors.loc[list(involved), "name"])
    # one vis node per actor plus the opgave
    assert len(data["nodes"]) == len(involved) + 1


def test_page_has_legend_caption_and_both_layouts(page):
    assert "Legenda" in page and "Actortype" in page and "Schaalniveau" in page and "Relatietype" in page
    assert "stand 31-12-2024" in page and "bron: voorbeeld-veenmarken.xlsx" in page
    data = _data(page)
    assert set(data["layouts"]) == {"force", "compass"}
    assert len(data["layouts"]["force"]["pos"]) == len(data["layouts"]["compass"]["pos"]) == 2 * len(data["info"])
    assert data["layouts"]["compass"]["guides"]["rings"][0]["label"] == "buurt"
    assert data["options"]["physics"] == {"enabled": False}
    assert data["options"]["layout"]["improvedLayout"] is False


def test_page_in_english(case):
    page = network_html(case, "zorg", lang="en", both_layouts=False)
    assert '<html lang="en">' in page and "Legend" in page and "Actor type" in page and "all years" in page
    assert set(_data(page)["layouts"]) == {"force"}


# -- safe -------------------------------------------------------------------------

def test_user_texts_are_shown_not_run(evil_page):
    assert EVIL_ACTOR not in evil_page
    assert "<img" not in evil_page and "<svg onload" not in evil_page
    assert "<script>window.__xss2" not in evil_page
    assert "<b>vet</b>" not in evil_page and "<i>bron</i>" not in evil_page
    # escaped where the page shows them as markup ...
    assert html.escape(EVIL_OPGAVE) in evil_page
    assert html.escape(EVIL_TYPE_LABEL) in evil_page
    # ... and intact as data, for the tooltip's textContent
    data = _data(evil_page)
    assert data["info"][[r[-1] for r in data["info"]].index("a")][0] == EVIL_ACTOR
    # the only scripts are vis-network, the data block and opgavelab's own
    assert len(_parse(evil_page).scripts) == 3


def test_notebook_display_is_an_escaped_srcdoc_iframe(evil_page):
    nb = NetworkPage(evil_page, height=500)
    markup = nb._repr_html_()
    parsed = _parse(markup)
    assert [t for t, _ in parsed.tags] == ["iframe"]
    attrs = parsed.tags[0][1]
    assert attrs["srcdoc"] == evil_page
    assert attrs["sandbox"] == "allow-scripts"
    assert "height:500px" in attrs["style"]
    assert nb.iframe(300) == iframe(evil_page, 300)


def test_show_network_returns_a_page_for_notebooks(case, tmp_path):
    nb = show_network(case, "zorg")
    assert isinstance(nb, NetworkPage) and nb._repr_html_().startswith("<iframe srcdoc=")
    out = nb.save(tmp_path / "zorg.html")
    assert out.read_text(encoding="utf-8") == nb.html
    assert "NetworkPage" in repr(nb)


def test_write_html_keeps_an_existing_file(case, tmp_path):
    path = tmp_path / "p.html"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match="already exists"):
        write_html(case, "zorg", path)
    assert path.read_text(encoding="utf-8") == "mine"
    write_html(case, "zorg", path, overwrite=True)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# -- large networks ------------------------------------------------------------------

def test_large_network_shows_the_most_central_part_and_says_so(case):
    G = _big_graph(case, 2500)
    page = network_html(case, "economie", G=G, max_nodes=2000)
    data = _data(page)
    assert len(data["info"]) == 2000
    degree = dict(G.degree())
    kept = {row[-1] for row in data["info"]}
    assert min(degree[v] for v in kept) >= max(degree[v] for v in set(G) - kept)
    assert "getoond: de 2.000 meest centrale van 2.500 actoren (naar aantal relaties)" in page
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is False
    assert sum(1 for lb in data["labels"] if lb is not None) <= 101
    assert not any("label" in n for n in data["nodes"] if not n.get("opgave"))  # the page places the names itself


def test_node_limit_must_be_a_positive_number(case):
    with pytest.raises(ValueError, match="'max_nodes' must be a whole number >= 1 or None, got -5"):
        network_html(case, "zorg", max_nodes=-5)


# -- in a real browser ----------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (/usr/bin/chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=_ARGS)
        yield b
        b.close()


def _open(browser, path: Path, requests: list, errors: list):
    pg = browser.new_page(viewport={"width": 1300, "height": 850})
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(path.as_uri())
    pg.wait_for_function("document.body && document.body.getAttribute('data-drawn') === '1'", timeout=60_000)
    return pg


def _ink(pg) -> int:
    return pg.evaluate("""() => {
      const c = document.querySelector('#net canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0; for (let i = 0; i < d.length; i += 40) { if (d[i] < 200 || d[i+1] < 200 || d[i+2] < 200) ink++; }
      return ink; }""")


@pytest.mark.e2e
def test_page_draws_offline_with_tooltips_and_layout_switch(browser, case, tmp_path):
    path = write_html(case, "economie", tmp_path / "economie.html", at=2024)
    requests, errors = [], []
    pg = _open(browser, path, requests, errors)
    assert errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
    assert _ink(pg) > 500
    # hover the most central actor: its attributes appear as text
    xy = pg.evaluate("""() => { const n = window.opgavelabNetwork; const p = n.getPositions([0])[0];
                        return n.canvasToDOM(p); }""")
    box = pg.locator("#net").bounding_box()
    pg.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    pg.wait_for_timeout(400)
    tip = pg.locator("#tip")
    assert tip.is_visible() and "schaalniveau" in tip.inner_text()
    before = pg.evaluate("() => window.opgavelabNetwork.getPositions([0])[0]")
    pg.click("button[data-layout='compass']")
    after = pg.evaluate("() => window.opgavelabNetwork.getPositions([0])[0]")
    assert before != after
    pg.fill("#search", "Economic Board")
    pg.press("#search", "Enter")
    assert "Economic Board Veenmarken" in pg.locator("#info").inner_text()
    pg.close()


@pytest.mark.e2e
def test_hostile_names_do_not_run_in_the_browser(browser, evil_case, tmp_path):
    path = write_html(evil_case, "o1", tmp_path / "evil.html")
    requests, errors = [], []
    pg = _open(browser, path, requests, errors)
    pg.fill("#search", "img src")
    pg.press("#search", "Enter")
    assert EVIL_ACTOR in pg.locator("#info").inner_text()
    assert pg.evaluate("() => [window.__xss, window.__xss2, window.__xss3]") == [None, None, None]
    assert pg.evaluate("() => document.querySelectorAll('img, svg[onload]').length") == 0
    assert EVIL_OPGAVE in pg.title()
    pg.close()


def _draw_seconds(browser, path: Path, tries: int = 2) -> float:
    """Best of ``tries`` loads: seconds from navigation to the first complete drawing."""
    best = float("inf")
    for _ in range(tries):
        requests, errors = [], []
        pg = _open(browser, path, requests, errors)
        assert errors == []
        best = min(best, pg.evaluate("() => window.opgavelabDrawnAt") / 1000)
        assert _ink(pg) > 500
        pg.close()
    return best


@pytest.mark.e2e
def test_ties_are_made_lighter_but_draw_and_behave_as_before(browser, case, tmp_path):
    """The page makes vis-network's ties and actors without label fonts and draws dashes too fine to see as solid
    lines: zoomed in, the dashed ties are dashed; zoomed out, none is cut into dashes; a tie or an actor that gets a
    vis-network label shows it."""
    path = write_html(case, "economie", tmp_path / "economie.html", at=2024)
    data = _data(path.read_text(encoding="utf-8"))
    dashed_ties = sum(1 for e in data["edges"] if e.get("dashes"))
    assert dashed_ties > 0
    errors = []
    pg = _open(browser, path, [], errors)
    counts = pg.evaluate("""async () => {
      const net = window.opgavelabNetwork, P = CanvasRenderingContext2D.prototype;
      const setLineDash = P.setLineDash, fillText = P.fillText;
      let dashes = 0, texts = [];
      P.setLineDash = function(d){ if (d.some(x => x > 0)) { dashes++; } return setLineDash.call(this, d); };
      P.fillText = function(t){ texts.push(String(t)); return fillText.apply(this, arguments); };
      const drawn = () => new Promise(ok => net.once("afterDrawing", () => ok()));
      const at = async (scale, position = {x: 0, y: 0}) => {
        dashes = 0; texts = []; const d = drawn();
        net.moveTo({position, scale, animation: false}); net.redraw(); await d;
        return dashes; };
      const near = await at(3), far = await at(0.02);
      const id = net.body.edgeIndices[0], tie = net.body.edges[id];
      net.body.data.edges.update({id, label: "een label"});
      await at(3, {x: (tie.from.x + tie.to.x) / 2, y: (tie.from.y + tie.to.y) / 2});
      const labelled = texts.includes("een label");
      net.body.data.nodes.update({id: 0, label: "een naam"});
      await at(3, net.getPositions([0])[0]);
      const named = texts.includes("een naam");
      P.setLineDash = setLineDash; P.fillText = fillText;
      return {near, far, labelled, named, fonts: typeof net.body.edges[id].labelModule.fontOptions.size};
    }""")
    assert errors == []
    # far out, the only dashes are the outlines of actors not aware of their part (drawn whatever the zoom)
    groups = data["options"]["groups"]
    outlines = sum(1 for nd in data["nodes"] if "shapeProperties" in groups.get(nd.get("group"), {}))
    assert counts["far"] == outlines
    assert counts["near"] > outlines
    assert counts["labelled"] and counts["named"] and counts["fonts"] == "number"
    pg.close()


@pytest.mark.e2e
@pytest.mark.slow
def test_a_page_of_2000_actors_draws_completely(browser, case, tmp_path):
    """A large page draws (no physics, positions precomputed); how fast is measured by `make bench`."""
    G = _big_graph(case, 2000)
    path = tmp_path / "big.html"
    path.write_text(network_html(case, "economie", G=G), encoding="utf-8")
    seconds = _draw_seconds(browser, path, tries=1)
    assert seconds > 0


def test_network_frame_shows_a_filtered_graph_for_the_explorer(case):
    from opgavelab.draw.interactive import network_frame
    from opgavelab.draw.layout import force_layout
    from opgavelab.network import opgave_graph

    G = opgave_graph(case, "economie")
    pos = force_layout(G, seed=0)
    H = G.subgraph([v for v, d in G.nodes(data=True) if d["type"] == "bedrijf"]).copy()
    markup = network_frame(case, H, opgave="economie", positions=pos, colour_by="scale", size_by=dict(H.degree()),
                           filters="type = bedrijf", height=540)
    page = _parse(markup).tags[0][1]["srcdoc"]
    data = _data(page)
    assert {row[-1] for row in data["info"]} == set(H)
    first = next(iter(H))
    i = [row[-1] for row in data["info"]].index(first)
    # the positions given, not a new layout (vis-network's y points down)
    node = next(n for n in data["nodes"] if n["id"] == i)
    assert node["x"] == pytest.approx(pos[first][0] * data["scale"], abs=0.51)
    assert node["y"] == pytest.approx(-pos[first][1] * data["scale"], abs=0.51)
    assert "filter: type = bedrijf" in page and "Schaalniveau" in page


@pytest.mark.e2e
def test_notebook_iframe_draws_in_the_browser(browser, case, tmp_path):
    # what JupyterLab and Voilà do with _repr_html_: put the markup in the page
    host = tmp_path / "notebook.html"
    host.write_text("<html><body>" + show_network(case, "zorg", height=500)._repr_html_() + "</body></html>",
                    encoding="utf-8")
    pg = browser.new_page(viewport={"width": 1100, "height": 700})
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(host.as_uri())
    frame = pg.frames[1]
    frame.wait_for_function("document.body && document.body.getAttribute('data-drawn') === '1'", timeout=60_000)
    assert errors == []
    assert frame.evaluate("() => document.querySelector('#net canvas').width") > 100
    pg.close()


# -- fitted to the frame ------------------------------------------------------------------

def test_page_offers_every_name_most_central_first(page):
    data = _data(page)
    # degree as drawn: the ties on the page, without the spokes to the opgave
    degree = dict.fromkeys(range(len(data["info"])), 0)
    for e in data["edges"]:
        if not e.get("spoke"):
            degree[e["from"]] += 1
            degree[e["to"]] += 1
    # a small network: every actor has a name to place (its short name where given), the most connected first
    assert all(lb for lb in data["labels"])
    order = [degree[i] for i in data["order"]]
    assert order == sorted(order, reverse=True)
    assert [data["rank"][i] for i in data["order"]] == list(range(1, len(data["order"]) + 1))
    # never a name cut: every word of the name is on the page
    for lb, row in zip(data["labels"], data["info"]):
        assert lb.replace("\n", " ").split() == lb.split()
    assert data["fonts"]["minName"] >= 11


# What is on screen: every marker (read from vis-network 9.1.2, inlined from pyvis), every name and number the
# page drew (window.opgavelabLabels), the opgave's box, the legend and the canvas, as boxes in the page's pixels.
_GEOMETRY = """() => {
  const net = window.opgavelabNetwork, s = net.getScale(), body = net.body;
  const c = document.querySelector('#net').getBoundingClientRect();
  const l = document.querySelector('#legend').getBoundingClientRect();
  const dom = (x, y) => { const p = net.canvasToDOM({x, y}); return [p.x + c.left, p.y + c.top]; };
  const markers = [];
  let hub = null;
  for (const id of body.nodeIndices) {
    const nd = body.nodes[id], o = nd.options;
    if (o.opgave) { const b = nd.shape.boundingBox; hub = [...dom(b.left, b.top), ...dom(b.right, b.bottom)];
                    continue; }
    const [x, y] = dom(nd.x, nd.y), r = o.size * s;
    markers.push([x - r, y - r, x + r, y + r]);
  }
  const labels = window.opgavelabLabels();
  const key = Array.from(document.querySelectorAll('#key li b')).map(b => b.textContent);
  return {canvas: [c.left, c.top, c.right, c.bottom], legend: [l.left, l.top, l.right, l.bottom],
          legendOpen: document.querySelector('#legend details').open, markers, hub, key,
          names: labels.filter(b => b.kind === 'name'), numbers: labels.filter(b => b.kind === 'number'),
          n: window.opgavelabNetwork.body.nodeIndices.length - 1,
          foot: document.querySelector('#foot').getBoundingClientRect().bottom, height: window.innerHeight};
}"""


def _meets(a, b, slack: float = 1.0) -> bool:
    return a[0] + slack < b[2] and b[0] + slack < a[2] and a[1] + slack < b[3] and b[1] + slack < a[3]


def _inside(a, b) -> bool:
    return a[0] >= b[0] - 1 and a[1] >= b[1] - 1 and a[2] <= b[2] + 1 and a[3] <= b[3] + 1


def _assert_nothing_hidden(g: dict) -> None:
    """Every marker, name and the opgave inside the canvas and clear of the legend; names readable, apart."""
    labels = g["names"] + g["numbers"]
    for box in g["markers"] + [n["box"] for n in labels] + [g["hub"]]:
        assert _inside(box, g["canvas"]), (box, g["canvas"])
        assert not _meets(box, g["legend"]), (box, g["legend"])
    assert all(n["px"] >= 10 for n in labels), labels
    for i, a in enumerate(labels):
        assert not _meets(a["box"], g["hub"]), (a, g["hub"])
        for b in labels[i + 1:]:
            assert not _meets(a["box"], b["box"]), (a, b)
    # every actor named or numbered, and every number in the key beside the picture
    assert len({n["id"] for n in labels}) == len(labels) == g["n"]
    assert g["key"] == [n["text"] for n in g["numbers"]]
    assert g["foot"] <= g["height"] + 0.5


def _open_frame(browser, case, tmp_path, opgave: str, at, layout: str):
    from opgavelab.draw.interactive import network_frame
    from opgavelab.draw.layout import compass_layout, force_layout
    from opgavelab.network import opgave_graph

    G = opgave_graph(case, opgave, at=at)
    pos = force_layout(G, seed=0) if layout == "force" else compass_layout(G, case)
    host = tmp_path / f"explorer-{opgave}-{layout}.html"
    # the explorer's view: a frame of 540 px high, about 700 px wide, beside the key figures
    host.write_text("<html><body style='margin:8px'><div style='display:flex'><div style='width:700px'>"
                    + network_frame(case, G, opgave=opgave, positions=pos, at=at, height=540)
                    + "</div><div style='width:200px'>Kerngetallen</div></div></body></html>", encoding="utf-8")
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(host.as_uri())
    frame = pg.frames[1]
    frame.wait_for_function("document.body && document.body.getAttribute('data-drawn') === '1'", timeout=60_000)
    assert errors == []
    return pg, frame


@pytest.mark.e2e
@pytest.mark.parametrize(("opgave", "at", "layout"), [("economie", 2024, "force"), ("economie", 2024, "compass"),
                                                      ("energie", 2020, "force")])
def test_in_the_explorers_frame_the_legend_stands_beside_and_every_actor_is_named_or_numbered(
        browser, case, tmp_path, opgave, at, layout):
    pg, frame = _open_frame(browser, case, tmp_path, opgave, at, layout)
    g = frame.evaluate(_GEOMETRY)
    # 700 px wide: the legend (with the key of numbers) open beside the picture, never over it
    assert g["legendOpen"] is True and g["legend"][0] >= g["canvas"][2] - 1
    _assert_nothing_hidden(g)
    assert len(g["names"]) >= g["n"] // 2
    # names are smaller than in a full window
    assert max(n["px"] for n in g["names"]) < 14
    # folded, the network takes the whole frame, and still every actor is named or numbered
    frame.click("#legend summary")
    frame.wait_for_timeout(200)
    g = frame.evaluate(_GEOMETRY)
    assert g["legendOpen"] is False
    _assert_nothing_hidden(g)
    # after a search the names and numbers keep their places: zoomed in, still none over another
    frame.fill("#search", "Starchwell" if opgave == "economie" else g["names"][0]["text"].split()[0])
    frame.press("#search", "Enter")
    frame.wait_for_timeout(200)
    g = frame.evaluate(_GEOMETRY)
    labels = g["names"] + g["numbers"]
    for i, x in enumerate(labels):
        for y in labels[i + 1:]:
            assert not _meets(x["box"], y["box"]), (x, y)
    pg.close()


@pytest.mark.e2e
def test_in_a_narrow_frame_the_legend_starts_folded(browser, case, tmp_path):
    from opgavelab.draw.interactive import network_frame
    from opgavelab.network import opgave_graph

    host = tmp_path / "narrow.html"
    host.write_text("<html><body><div style='width:480px'>" + network_frame(case, opgave_graph(case, "economie"),
                                                                            opgave="economie", height=480)
                    + "</div></body></html>", encoding="utf-8")
    pg = browser.new_page(viewport={"width": 900, "height": 700})
    pg.goto(host.as_uri())
    frame = pg.frames[1]
    frame.wait_for_function("document.body && document.body.getAttribute('data-drawn') === '1'", timeout=60_000)
    g = frame.evaluate(_GEOMETRY)
    assert g["legendOpen"] is False
    assert g["legend"][2] - g["legend"][0] < 130 and g["legend"][3] - g["legend"][1] < 40
    _assert_nothing_hidden(g)
    pg.close()


@pytest.mark.e2e
def test_in_a_notebook_frame_the_view_stays_the_users_after_zooming(browser, case, tmp_path):
    pg, frame = _open_frame(browser, case, tmp_path, "economie", 2024, "force")
    box = pg.locator("iframe").bounding_box()
    pg.mouse.move(box["x"] + 300, box["y"] + 250)
    pg.mouse.wheel(0, -400)
    frame.wait_for_timeout(200)
    zoomed = frame.evaluate("() => window.opgavelabNetwork.getScale()")
    # folding and unfolding the legend widens and narrows the canvas (vis-network keeps the view in step with
    # it) but plans no new view: the zoom comes back as the user left it
    frame.click("#legend summary")
    frame.wait_for_timeout(200)
    frame.click("#legend summary")
    frame.wait_for_timeout(200)
    assert frame.evaluate("() => window.opgavelabNetwork.getScale()") == pytest.approx(zoomed, rel=0.02)
    pg.close()


@pytest.mark.e2e
def test_in_a_full_window_the_legend_stands_beside_the_network(browser, case, tmp_path):
    path = write_html(case, "economie", tmp_path / "economie.html", at=2024)
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    pg.goto(path.as_uri())
    pg.wait_for_function("document.body && document.body.getAttribute('data-drawn') === '1'", timeout=60_000)
    g = pg.evaluate(_GEOMETRY)
    assert g["legendOpen"] is True and g["legend"][0] >= g["canvas"][2]
    _assert_nothing_hidden(g)
    # names at 14 px in a full window, nearly every actor named
    assert {round(n["px"]) for n in g["names"]} == {14} and len(g["names"]) >= 0.8 * g["n"]
    # the compass fits too, rings and sector names included
    pg.click("button[data-layout='compass']")
    g = pg.evaluate(_GEOMETRY)
    _assert_nothing_hidden(g)
    assert len(g["names"]) >= 0.6 * g["n"]
    pg.close()
