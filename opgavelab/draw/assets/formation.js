// opgavelab: the formation view. The parts of the collective, drawn apart, glide together year by year.
//
// One ES module for two hosts: the explorer's anywidget (export default { render }) and the offline
// page, which inlines this file and calls render() with a small stand-in for the widget model.
// The model holds: data (nodes, ties, one frame per year), year (the year shown), selected_actor
// (set when an actor is clicked), interval (milliseconds per year while playing).
// Python computes every position; this file only draws and moves between them.

const SVG_NS = "http:\/\/www.w3.org/2000/svg";
const GLIDE_MS = 750;
const PAD = 0.055;

function svg(tag, attrs, parent) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  if (parent) parent.appendChild(el);
  return el;
}

function html(tag, attrs, parent, text) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  if (parent) parent.appendChild(el);
  return el;
}

// a marker path of radius r around (0, 0); the shapes follow the scale levels of the static figures
function shapePath(shape, r) {
  const p = (pts) => "M" + pts.map(([x, y]) => `${(x * r).toFixed(4)},${(y * r).toFixed(4)}`).join("L") + "Z";
  switch (shape) {
    case "s": return p([[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]]);
    case "D": return p([[0, -1.1], [1.1, 0], [0, 1.1], [-1.1, 0]]);
    case "^": return p([[0, -1.15], [1.05, 0.8], [-1.05, 0.8]]);
    case "v": return p([[0, 1.15], [1.05, -0.8], [-1.05, -0.8]]);
    case "h": {
      const pts = [];
      for (let k = 0; k < 6; k++) pts.push([Math.cos(Math.PI / 6 + k * Math.PI / 3), Math.sin(Math.PI / 6 + k * Math.PI / 3)]);
      return p(pts);
    }
    case "*": {
      const pts = [];
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + k * Math.PI / 5, q = k % 2 ? 0.48 : 1.2;
        pts.push([q * Math.cos(a), q * Math.sin(a)]);
      }
      return p(pts);
    }
    default: return null; // a circle
  }
}

const ease = (f) => f * f * (3 - 2 * f);

function render({ model, el }) {
  el.classList.add("opgavelab-formation");
  const head = html("div", { class: "olf-head" }, el);
  const play = html("button", { type: "button", class: "olf-play", "aria-label": "play" }, head, "▶");
  const slider = html("input", { type: "range", class: "olf-slider", min: "0", max: "0", step: "1", value: "0" }, head);
  const yearLabel = html("span", { class: "olf-year" }, head);
  const sub = html("span", { class: "olf-sub" }, head);
  const stage = html("div", { class: "olf-stage" }, el);
  const root = svg("svg", { class: "olf-svg", preserveAspectRatio: "xMidYMid meet" }, stage);
  const gBoxes = svg("g", { class: "olf-boxes" }, root);
  const gTies = svg("g", { class: "olf-ties" }, root);
  const gNodes = svg("g", { class: "olf-nodes" }, root);
  const gLabels = svg("g", { class: "olf-labels" }, root);
  const story = html("div", { class: "olf-story", "aria-live": "polite" }, el);
  const legend = html("div", { class: "olf-legend" }, el);

  let data = null, idx = 0, pos = {}, anim = null, timer = null;
  let nodeEls = {}, labelEls = {}, tieEls = [], boxEls = [], selected = model.get("selected_actor") || "";

  function frame(i) { return data.frames[Math.max(0, Math.min(i, data.frames.length - 1))]; }

  function build() {
    data = model.get("data") || {};
    for (const g of [gBoxes, gTies, gNodes, gLabels]) g.replaceChildren();
    legend.replaceChildren();
    nodeEls = {}; labelEls = {}; tieEls = []; boxEls = [];
    if (!data.frames || !data.frames.length) { story.textContent = (data.texts || {}).empty || ""; return; }
    // the view fits what any year shows, so nothing zooms while the years play
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const f of data.frames) for (const id of f.present) {
      const p = f.pos[id];
      if (!p) continue;
      x0 = Math.min(x0, p[0]); x1 = Math.max(x1, p[0]); y0 = Math.min(y0, -p[1]); y1 = Math.max(y1, -p[1]);
    }
    if (!isFinite(x0)) { x0 = -1; x1 = 1; y0 = -1; y1 = 1; }
    const m = 0.1;
    root.setAttribute("viewBox", `${x0 - m - 0.12} ${y0 - m - 0.05} ${x1 - x0 + 2 * m + 0.24} ${y1 - y0 + 2 * m + 0.05}`);
    root.style.height = (data.height || 520) + "px";
    slider.max = String(data.frames.length - 1);
    for (const t of data.ties) {
      const line = svg("line", { class: "olf-tie", "stroke-width": String(0.004 + 0.006 * (t.w || 0)) }, gTies);
      if (t.dash) line.setAttribute("stroke-dasharray", t.dash);
      tieEls.push(line);
    }
    for (const n of data.nodes) {
      const g = svg("g", { class: "olf-node" + (n.aware ? "" : " unaware"), "data-id": n.id, tabindex: "0" }, gNodes);
      const d = shapePath(n.shape, n.r);
      const mark = d ? svg("path", { d }, g) : svg("circle", { r: String(n.r) }, g);
      mark.setAttribute("fill", n.aware ? n.colour : "#ffffff");
      mark.setAttribute("stroke", n.aware ? "#ffffff" : n.colour);
      svg("title", {}, g).textContent = n.tip || n.name;
      g.addEventListener("click", () => select(n.id));
      g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") select(n.id); });
      nodeEls[n.id] = g;
      {  // every actor may be named: place() names the most central first, as many as fit
        // the short name, whole (never cut mid-word); placed free of other names and markers in place()
        const t = svg("text", { class: "olf-label", dy: String(-(n.r + 0.012)) }, gLabels);
        t.textContent = n.short || n.name;
        t._r = n.r; t._rank = (n.label ? 0 : 100000) + (n.rank || 9999);
        labelEls[n.id] = t;
      }
    }
    for (const item of data.legend || []) {
      const row = html("span", { class: "olf-key" }, legend);
      const sw = html("span", { class: "olf-swatch " + (item.kind || "dot") }, row);
      if (item.colour) sw.style.background = item.colour;
      html("span", {}, row, item.label);
    }
    const y = model.get("year");
    const found = data.frames.findIndex((f) => f.year === y);
    idx = found >= 0 ? found : data.frames.length - 1;
    pos = Object.assign({}, frame(idx).pos);
    draw(idx, 1);
    say(idx);
  }

  function say(i) {
    const f = frame(i);
    yearLabel.textContent = String(f.year);
    sub.textContent = f.sub || "";
    story.textContent = f.text || "";
    slider.value = String(i);
    root.setAttribute("data-year", String(f.year));
  }

  // draw frame i's boxes, ties and visibility at the current positions (f: how far the glide is)
  function draw(i, f) {
    const fr = frame(i);
    const present = new Set(fr.present);
    const partOf = {};
    fr.parts.forEach((p, k) => p.forEach((id) => { partOf[id] = k; }));
    for (const [id, g] of Object.entries(nodeEls)) {
      const p = pos[id];
      g.setAttribute("transform", `translate(${p[0].toFixed(4)},${(-p[1]).toFixed(4)})`);
      const on = present.has(id);
      g.style.opacity = on ? "1" : "0";
      g.style.pointerEvents = on ? "auto" : "none";
      g.setAttribute("data-part", on ? String(partOf[id]) : "");
      g.classList.toggle("selected", id === selected);
      const t = labelEls[id];
      if (t) {
        t.setAttribute("x", p[0].toFixed(4));
        t.setAttribute("y", (-p[1]).toFixed(4));
        t.style.opacity = on && f >= 1 ? "1" : "0";
      }
    }
    if (f >= 1) place(present);
    const joins = new Set((fr.join || []).map(([s, t]) => s + "\u0000" + t));
    data.ties.forEach((t, k) => {
      const line = tieEls[k];
      const on = t.on.includes(fr.year) && present.has(t.s) && present.has(t.t);
      const a = pos[t.s], b = pos[t.t];
      line.setAttribute("x1", a[0].toFixed(4)); line.setAttribute("y1", (-a[1]).toFixed(4));
      line.setAttribute("x2", b[0].toFixed(4)); line.setAttribute("y2", (-b[1]).toFixed(4));
      line.style.opacity = on ? "1" : "0";
      line.classList.toggle("join", on && f >= 1 && (joins.has(t.s + "\u0000" + t.t) || joins.has(t.t + "\u0000" + t.s)));
    });
    // one soft box per part, around its actors where they are now
    while (boxEls.length < fr.parts.length) boxEls.push(svg("rect", { class: "olf-box", rx: "0.03" }, gBoxes));
    boxEls.forEach((r, k) => {
      const part = fr.parts[k];
      if (!part) { r.style.display = "none"; return; }
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const id of part) {
        const p = pos[id];
        x0 = Math.min(x0, p[0]); x1 = Math.max(x1, p[0]); y0 = Math.min(y0, -p[1]); y1 = Math.max(y1, -p[1]);
      }
      r.style.display = "";
      r.setAttribute("x", (x0 - PAD).toFixed(4)); r.setAttribute("y", (y0 - PAD).toFixed(4));
      r.setAttribute("width", (x1 - x0 + 2 * PAD).toFixed(4)); r.setAttribute("height", (y1 - y0 + 2 * PAD).toFixed(4));
      r.setAttribute("data-part", String(k));
    });
  }

  // names where they fit: most central first, beside their marker, never over another name or marker;
  // a name with no room stays hidden (its marker keeps the full name on hover)
  function place(present) {
    const boxes = [];
    const marks = [];
    for (const [id, g] of Object.entries(nodeEls)) {
      if (!present.has(id)) continue;
      const p = pos[id], r = (labelEls[id] && labelEls[id]._r) || 0.02;
      marks.push([id, p[0] - r, -p[1] - r, p[0] + r, -p[1] + r]);
    }
    const hit = (b, own) => boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1])
      || marks.some((m) => m[0] !== own && b[0] < m[3] && b[2] > m[1] && b[1] < m[4] && b[3] > m[2]);
    const order = Object.entries(labelEls).filter(([id]) => present.has(id)).sort((a, b) => a[1]._rank - b[1]._rank);
    // every name measured before any is moved (one layout of the page, not one per name), and kept: a
    // name's size does not change while the years play
    for (const [, t] of order) if (!t._w) t.removeAttribute("dy");
    for (const [, t] of order) {
      if (t._w) continue;
      try { const bb = t.getBBox(); if (bb.width) { t._w = bb.width; t._h = bb.height; } } catch (e) { /* not drawn yet */ }
    }
    for (const [id, t] of order) {
      const p = pos[id], r = t._r;
      const w = t._w || 0.2, h = t._h || 0.045;
      const x = p[0], y = -p[1], gap = 0.008;
      // [anchor, x, baseline y] above, below, right, left, and the diagonals
      const cands = [["middle", x, y - r - gap], ["middle", x, y + r + gap + h * 0.8], ["start", x + r + gap, y + h * 0.3],
                     ["end", x - r - gap, y + h * 0.3], ["start", x + r * 0.7, y - r - gap], ["end", x - r * 0.7, y - r - gap],
                     ["start", x + r * 0.7, y + r + gap + h * 0.8], ["end", x - r * 0.7, y + r + gap + h * 0.8]];
      let done = false;
      for (const [anchor, cx, cy] of cands) {
        const x0 = anchor === "middle" ? cx - w / 2 : anchor === "start" ? cx : cx - w;
        const b = [x0, cy - h * 0.8, x0 + w, cy + h * 0.2];
        if (!hit(b, id)) {
          t.style.textAnchor = anchor; t.setAttribute("x", cx.toFixed(4)); t.setAttribute("y", cy.toFixed(4));
          boxes.push(b); done = true; break;
        }
      }
      t.style.opacity = done ? "1" : "0";
    }
  }

  function goTo(i, glide) {
    if (!data || !data.frames || !data.frames.length) return;
    i = Math.max(0, Math.min(i, data.frames.length - 1));
    if (anim) cancelAnimationFrame(anim);
    const from = Object.assign({}, pos), to = frame(i).pos;
    idx = i;
    say(i);
    if (!glide) { pos = Object.assign({}, to); draw(i, 1); return; }
    const start = performance.now();
    const step = (now) => {
      const f = Math.min(1, (now - start) / GLIDE_MS), e = ease(f);
      for (const id of Object.keys(to)) {
        const a = from[id] || to[id], b = to[id];
        pos[id] = [a[0] + (b[0] - a[0]) * e, a[1] + (b[1] - a[1]) * e];
      }
      draw(i, f);
      anim = f < 1 ? requestAnimationFrame(step) : null;
    };
    anim = requestAnimationFrame(step);
  }

  function select(id) {
    selected = selected === id ? "" : id;
    model.set("selected_actor", selected);
    model.save_changes();
    draw(idx, 1);
  }

  function sendYear() {
    model.set("year", frame(idx).year);
    model.save_changes();
  }

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    play.textContent = "▶";
    el.classList.remove("playing");
  }

  function start() {
    if (!data || !data.frames || data.frames.length < 2) return;
    if (idx >= data.frames.length - 1) { goTo(0, false); sendYear(); }
    play.textContent = "❚❚";
    el.classList.add("playing");
    timer = setInterval(() => {
      if (idx >= data.frames.length - 1) { stop(); return; }
      goTo(idx + 1, true);
      sendYear();
      if (idx >= data.frames.length - 1) stop();
    }, model.get("interval") || 1000);
  }

  play.addEventListener("click", () => (timer ? stop() : start()));
  slider.addEventListener("input", () => { stop(); goTo(Number(slider.value), true); sendYear(); });
  model.on("change:data", build);
  model.on("change:year", () => {
    const y = model.get("year");
    const i = data && data.frames ? data.frames.findIndex((f) => f.year === y) : -1;
    if (i >= 0 && i !== idx) goTo(i, true);
  });
  const showControls = () => { play.style.display = slider.style.display = model.get("controls") === false ? "none" : ""; };
  model.on("change:controls", showControls);
  showControls();
  model.on("change:selected_actor", () => { selected = model.get("selected_actor") || ""; if (data) draw(idx, 1); });
  // for tests and for pages that want to play on their own
  el.opgavelab = { play: start, stop, goTo: (i) => goTo(i, false), frames: () => (data.frames || []).length };
  build();
  return () => { stop(); if (anim) cancelAnimationFrame(anim); };
}

export default { render };
