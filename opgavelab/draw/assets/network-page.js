(function(){
"use strict";
// The network page's script. Before vis-network draws anything it plans the view for the frame it is in:
// the free part of the canvas (beside the legend, or below it in a narrow frame), the size of the names in
// screen pixels (14 in a full window, never under 11), and where each name goes. Names follow the rule of the
// static figures: the most central first, each beside its marker (below, above, right, left or on a
// diagonal) where it covers no other name, marker, the opgave or a compass label; the three most central are
// always named (further out, with a thin leader line, if need be); an actor whose name finds no room gets a
// number beside (or on) its marker, and the numbers with the full names stand in the key in the legend. The
// names and numbers are drawn on the canvas by this script, in canvas units, so zooming (or a search) scales
// them with the markers and they never pile up. It plans again when the layout changes, the legend opens or
// closes or the frame is resized, as long as the user has not zoomed or panned.
var D = JSON.parse(document.getElementById("opgavelab-data").textContent);
var foot = document.getElementById("foot");
document.documentElement.style.setProperty("--foot", foot.offsetHeight + "px");
var container = document.getElementById("net");
var legend = document.getElementById("legend"), details = legend.querySelector("details");
var keyBox = document.getElementById("key");
var F = D.fonts, S = D.scale, current = D.current, HUB = D.hub;
// the legend stands open beside the picture wherever that leaves the picture room (see the CSS); in a
// narrower frame it starts folded into a small button, so it hides no actor
var OPEN_WIDTH = 600;
details.open = window.innerWidth >= OPEN_WIDTH;
document.body.classList.toggle("legend-closed", !details.open);
var N = D.info.length, byId = [];
D.nodes.forEach(function(nd){ byId[nd.id] = nd; });
var measure = document.createElement("canvas").getContext("2d");
var lines = [], width = [], base = [];   // a name's lines and width per pixel of font size; marker sizes
var M = 1;   // markers' factor: smaller in a small frame, like the names
var MAX_ZOOM = 1.6;   // a small network in a big window spreads out rather than fill it with huge markers
var NUMBER_MAX = 99;   // numbers stay one or two digits; the other actors show on hover and by search
measure.font = "100px sans-serif";
for (var i = 0; i < N; i++) {
  base[i] = byId[i].size;
  var lb = D.labels[i];
  if (lb !== null && lb !== undefined) {
    lines[i] = lb.split("\n");
    width[i] = Math.max.apply(null, lines[i].map(function(s){ return measure.measureText(s).width / 100; }));
  }
}
measure.font = "bold 100px sans-serif";
var digitWidth = measure.measureText("00").width / 200;
measure.font = "100px sans-serif";
var hubWidth = HUB === null ? 0 : measure.measureText(byId[HUB].label).width / 100;
// the opgave's longest word: the box is never narrower, so vis-network never breaks a word
var hubWord = HUB === null ? 0 : Math.max.apply(null, byId[HUB].label.split(/\s+/).map(function(w){
  return measure.measureText(w).width / 100; }));
function area(a, b){
  var w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]), h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}
function overlap(a, b){ return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
function guidesOf(kind){ return D.layouts[kind] && D.layouts[kind].guides; }
function hubSpec(kind, fs){
  // the opgave's box: in the compass it stays inside the hub, clear of the inner ring and its actors
  if (HUB === null) { return null; }
  var size = fs * F.hub / F.name, margin = fs * F.hubMargin / F.name, maxw = fs * F.hubWidth / F.name;
  var g = guidesOf(kind), lim = g && g.rings ? 0.66 * g.hub * S : Infinity;
  var spec;
  for (var t = 0; t < 14; t++) {
    maxw = Math.max(Math.min(maxw, 2 * lim), hubWord * size * 1.08 + 2 * margin);
    var inner = maxw - 2 * margin, tw = hubWidth * size;
    var nl = Math.max(1, Math.ceil(tw / (0.85 * inner)));
    spec = {size: size, margin: margin, maxw: maxw, w: Math.min(tw, inner) / 2 + margin,
            h: nl * size * 0.62 + margin};
    if (spec.w <= lim && spec.h <= lim) { break; }
    size *= 0.9; margin *= 0.9;
  }
  return spec;
}
function hubBox(kind, fs){
  var h = hubSpec(kind, fs);
  return h ? [-h.w, -h.h, h.w, h.h] : null;
}
// directions around a marker, canvas y downwards: below, above, right, left, then the diagonals
var DIRS = [[0, 1], [0, -1], [1, 0], [-1, 0], [0.7071, 0.7071], [0.7071, -0.7071], [-0.7071, 0.7071],
            [-0.7071, -0.7071]];
var DIRS16 = DIRS.concat([[0.924, 0.383], [0.924, -0.383], [-0.924, 0.383], [-0.924, -0.383], [0.383, 0.924],
                          [0.383, -0.924], [-0.383, 0.924], [-0.383, -0.924]]);
function boxAt(x, y, r, d, dir, w, h){
  var ax = x + (r + d) * dir[0], ay = y + (r + d) * dir[1];
  var x0 = dir[0] > 0.3 ? ax : (dir[0] < -0.3 ? ax - w : ax - w / 2);
  var y0 = dir[1] > 0.3 ? ay : (dir[1] < -0.3 ? ay - h : ay - h / 2);
  return [x0, y0, x0 + w, y0 + h];
}
function place(kind, fs, s){
  // names and numbers for this layout at canvas font size fs (see the rule at the top)
  var pos = D.layouts[kind].pos, taken = guideBoxes(kind, fs, s), hb = hubBox(kind, fs);
  // names keep a little distance from the opgave's box (vis-network's box is a pixel or two larger than here)
  if (hb) { taken.push([hb[0] - 0.3 * fs, hb[1] - 0.3 * fs, hb[2] + 0.3 * fs, hb[3] + 0.3 * fs]); }
  var crowd = N > 150, lh = fs * 1.18, gap = fs * 0.25, mk = [];
  for (var m = 0; m < N; m++) {
    var r0 = base[m] * M * 0.85, x0 = pos[2 * m], y0 = pos[2 * m + 1];
    mk.push([x0 - r0, y0 - r0, x0 + r0, y0 + r0]);
  }
  var placed = [], names = [], numbers = [], unnamed = [];
  function free(b, own, markersToo){
    var j;
    for (j = 0; j < taken.length; j++) { if (overlap(b, taken[j])) { return false; } }
    for (j = 0; j < placed.length; j++) { if (overlap(b, placed[j])) { return false; } }
    if (markersToo && !crowd) {
      for (j = 0; j < N; j++) { if (j !== own && overlap(b, mk[j])) { return false; } }
    }
    return true;
  }
  function tryPut(i, w, h, dists, dirs, markersToo){
    var x = pos[2 * i], y = pos[2 * i + 1], r = base[i] * M;
    for (var a = 0; a < dists.length; a++) {
      var ds = a === 0 ? DIRS : dirs;
      for (var b = 0; b < ds.length; b++) {
        var box = boxAt(x, y, r, dists[a], ds[b], w, h);
        if (free(box, i, markersToo)) { return {box: box, far: dists[a] > gap * 1.5}; }
      }
    }
    return null;
  }
  D.order.forEach(function(i){
    if (lines[i] === undefined) { return; }
    var w = width[i] * fs + gap, h = lines[i].length * lh;
    var top = D.rank[i] <= 3;
    var dists = top ? [gap, gap + fs, gap + 2.2 * fs, gap + 3.6 * fs, gap + 5.2 * fs] : [gap];
    var got = tryPut(i, w, h, dists, DIRS16, true) || (top ? tryPut(i, w, h, dists, DIRS16, false) : null);
    if (got) {
      placed.push(got.box);
      names.push({i: i, box: got.box, far: got.far});
    } else {
      unnamed.push(i);
    }
  });
  var nfs = fs * 0.92;
  unnamed.slice(0, NUMBER_MAX).forEach(function(i, j){
    var s_ = String(j + 1), w = digitWidth * s_.length * nfs + gap, h = nfs * 1.15;
    var got = tryPut(i, w, h, [gap * 0.4, gap * 2, fs], DIRS16, true) ||
              tryPut(i, w, h, [gap * 0.4, fs, 2.2 * fs], DIRS16, false);
    var box, far = false;
    if (got) { box = got.box; far = got.far; } else {
      // no free place: where it covers least (the opgave and compass labels weigh most), on the marker at worst
      var x = pos[2 * i], y = pos[2 * i + 1], r = base[i] * M, best = Infinity;
      var cands = [[x - w / 2, y - h / 2, x + w / 2, y + h / 2]];
      [gap * 0.4, fs, 2.2 * fs].forEach(function(d){
        DIRS16.forEach(function(dir){ cands.push(boxAt(x, y, r, d, dir, w, h)); });
      });
      cands.forEach(function(c, k){
        var cost = 0, j;
        for (j = 0; j < taken.length; j++) { cost += 10 * area(c, taken[j]); }
        for (j = 0; j < placed.length; j++) { cost += area(c, placed[j]); }
        if (cost < best) { best = cost; box = c; far = k > 16; }
      });
    }
    placed.push(box);
    numbers.push({i: i, n: j + 1, text: s_, box: box, far: far});
  });
  return {fs: fs, nfs: nfs, lh: lh, names: names, numbers: numbers, unnumbered: Math.max(0, unnamed.length - NUMBER_MAX)};
}
function extent(kind, fs, s, lab){
  var pos = D.layouts[kind].pos, g = guidesOf(kind), e = [Infinity, Infinity, -Infinity, -Infinity];
  function add(b){ e[0] = Math.min(e[0], b[0]); e[1] = Math.min(e[1], b[1]); e[2] = Math.max(e[2], b[2]);
                   e[3] = Math.max(e[3], b[3]); }
  for (var i = 0; i < N; i++) {
    var r = base[i] * M, x = pos[2 * i], y = pos[2 * i + 1];
    add([x - r, y - r, x + r, y + r]);
  }
  if (lab) {
    lab.names.forEach(function(b){ add(b.box); });
    lab.numbers.forEach(function(b){ add(b.box); });
  }
  var hb = hubBox(kind, fs); if (hb) { add(hb); }
  if (g && g.rings) {
    var rOut = outerRing(g);
    add([-rOut, -rOut, rOut, rOut]);
  }
  guideBoxes(kind, fs, s).forEach(add);
  if (!isFinite(e[0])) { e = [-S, -S, S, S]; }
  return e;
}
function outerRing(g){ return (g.rings.length ? g.rings[g.rings.length - 1].o : 1) * S; }
function guideFonts(fs, s){
  // the compass's sector names a little larger than the actors' names; ring names at least 9 px on screen
  return {sector: fs * 1.1, ring: Math.max(fs * 0.8, 9 / s)};
}
var guideWidths = {};
function ringLabels(g, fs){
  // each ring's name on the free spoke, in the middle of its ring, turned to run along the ring; a ring
  // narrower than the name's height gets a smaller name, down to 7 px on screen, else it is left out
  var a = g.spoke === undefined ? Math.PI / 2 : g.spoke, out = [];
  g.rings.forEach(function(r, j){
    var band = (r.o - r.i) * S, size = Math.min(fs, band * 0.9);
    if (size * view_s() < 7) { return; }
    var rm = (r.i + r.o) / 2 * S;
    out.push({j: j, x: rm * Math.cos(a), y: -rm * Math.sin(a), size: size, angle: a});
  });
  return out;
}
var planScale = 1;
function view_s(){ return planScale; }
function guideBoxes(kind, fs, s){
  // where the compass's sector and ring names are drawn (see beforeDrawing), in canvas units
  var g = guidesOf(kind), out = [];
  if (!g || !g.rings) { return out; }
  if (!guideWidths[kind]) {
    measure.font = "bold 100px sans-serif";
    var sw = g.sectors.map(function(x){
      return Math.max.apply(null, x.label.split("\n").map(function(t){ return measure.measureText(t).width / 100; }));
    });
    measure.font = "100px sans-serif";
    var rw = g.rings.map(function(x){ return measure.measureText(x.label).width / 100; });
    guideWidths[kind] = {sectors: sw, rings: rw};
  }
  planScale = s;
  var W = guideWidths[kind], gf = guideFonts(fs, s), rOut = outerRing(g);
  g.sectors.forEach(function(x, j){
    var m = (x.s + x.e) / 2, rr = rOut + gf.sector * 1.2, cx = rr * Math.cos(m), cy = -rr * Math.sin(m);
    var w = W.sectors[j] * gf.sector, c = Math.cos(m);
    var x0 = c > 0.2 ? cx : (c < -0.2 ? cx - w : cx - w / 2);
    var nl = x.label.split("\n").length, hh = gf.sector * 1.2 * nl;
    out.push([x0, cy - 0.6 * gf.sector, x0 + w, cy - 0.6 * gf.sector + hh]);
  });
  ringLabels(g, gf.ring).forEach(function(rl){
    // the turned name's bounding box
    var w = W.rings[rl.j] * rl.size, h = rl.size * 1.1, c = Math.abs(Math.sin(rl.angle)), sn = Math.abs(Math.cos(rl.angle));
    var bw = w * c + h * sn, bh = w * sn + h * c;
    out.push([rl.x - bw / 2, rl.y - bh / 2, rl.x + bw / 2, rl.y + bh / 2]);
  });
  return out;
}
function freeAreas(){
  // the canvas, or the parts of it beside and below the legend when that lies over the canvas
  var c = container.getBoundingClientRect(), W = c.width || 1100, H = c.height || 880;
  var all = {x: 0, y: 0, w: W, h: H}, l = legend.getBoundingClientRect();
  var under = c.width && l.width && l.left < c.right && l.right > c.left && l.top < c.bottom && l.bottom > c.top;
  return {W: W, H: H, all: all, parts: under ? [{x: 0, y: 0, w: l.left - c.left - 6, h: H},
                                               {x: 0, y: l.bottom - c.top + 6, w: W, h: c.bottom - l.bottom - 6}]
                                             : [all]};
}
function fitInto(e, area){
  var pad = 14, ew = Math.max(e[2] - e[0], 1), eh = Math.max(e[3] - e[1], 1);
  function scale(r){ return Math.min((r.w - 2 * pad) / ew, (r.h - 2 * pad) / eh, MAX_ZOOM); }
  var best = {s: scale(area.all), r: area.all}, full = best.s, chosen = null;
  area.parts.forEach(function(r){
    if (r.w < 120 || r.h < 120) { return; }
    var s = scale(r); if (!chosen || s > chosen.s) { chosen = {s: s, r: r}; }
  });
  // a legend that leaves too little room is drawn over the network rather than shrink it to a stamp
  if (chosen && chosen.s >= 0.55 * full) { best = chosen; }
  return best;
}
function plan(kind){
  var area = freeAreas();
  // names of 14 px in a full window, smaller in a small frame but never below 11 px
  var px = Math.max(F.minName, Math.min(F.name, Math.sqrt(area.W * area.H) / 64));
  // markers shrink with the names in a small frame; a drawing zoomed in beyond 1 spreads out, with markers of
  // the same size on screen
  function markers(s){ return Math.max(0.7, px / F.name) / Math.max(1, s); }
  M = markers(1);
  var s = fitInto(extent(kind, px, 1, null), area).s, lab = null, fit;
  for (var it = 0; it < 6; it++) {
    M = markers(s);
    lab = place(kind, px / s, s);
    fit = fitInto(extent(kind, px / s, s, lab), area);
    var done = Math.abs(fit.s - s) < 0.005 * s; s = fit.s;
    if (done) { break; }
  }
  M = markers(s);
  lab = place(kind, px / s, s);
  var e = extent(kind, px / s, s, lab);
  return {s: s, px: px, m: M, lab: lab, kind: kind, hub: hubSpec(kind, px / s),
          centre: {x: (e[0] + e[2]) / 2, y: (e[1] + e[3]) / 2},
          offset: {x: fit.r.x + fit.r.w / 2 - area.W / 2, y: fit.r.y + fit.r.h / 2 - area.H / 2}};
}
function nodeUpdates(p, sizes){
  var out = [];
  if (sizes) {
    for (var j = 0; j < N; j++) { out.push({id: j, size: Math.round(base[j] * p.m * 10) / 10}); }
  }
  if (HUB !== null) {
    var h = p.hub;
    out.push({id: HUB, margin: h.margin, widthConstraint: {maximum: h.maxw},
              font: {color: "#FFFFFF", face: "sans-serif", strokeWidth: 0, size: h.size}});
  }
  return out;
}
function showKey(p){
  // the numbered actors with their full names, in the legend beside the picture
  if (!keyBox) { return; }
  var list = keyBox.querySelector("ol");
  list.replaceChildren();
  p.lab.numbers.forEach(function(nb){
    var li = document.createElement("li"), b = document.createElement("b"), t = document.createElement("span");
    b.textContent = nb.text; t.textContent = D.info[nb.i][0];
    li.appendChild(b); li.appendChild(t); list.appendChild(li);
  });
  keyBox.style.display = p.lab.numbers.length ? "" : "none";
}
function lighter(network){
  // Time saved where vis-network does work this page never uses (most of the time of a large page went there):
  // it gives every tie and every actor a label module and works out its fonts (bold, italic, mono, ...), though
  // no tie here has a label and the actors' names are drawn by this page. A tie without a label and an actor with
  // an empty one skip that work; vis-network draws, sizes and finds under the pointer only a label that has text,
  // so nothing else changes, and a tie or an actor that gets a label gets all of it. Left as it is when this
  // vis-network is made otherwise.
  var handler = network.edgesHandler, probe;
  try { probe = handler && handler.create({id: "probe", from: -1, to: -1}); } catch (e) { return; }
  var proto = probe && Object.getPrototypeOf(probe), label = probe && probe.labelModule;
  var labelProto = label && Object.getPrototypeOf(label);
  if (!proto || typeof proto.updateLabelModule !== "function" || !labelProto ||
      typeof labelProto.setOptions !== "function" || proto.updateLabelModule.opgavelab) { return; }
  var update = proto.updateLabelModule, setOptions = labelProto.setOptions, create = handler.create, making = false;
  proto.updateLabelModule = function(options){
    if (this.options.label === undefined && !this.labelled) { return; }
    this.labelled = true;
    return update.call(this, options);
  };
  proto.updateLabelModule.opgavelab = true;
  // the label module an edge makes first, before it reads its own options (a label among them)
  labelProto.setOptions = function(options){
    if (making && options.label === undefined) { this.elementOptions = options; return; }
    return setOptions.apply(this, arguments);
  };
  handler.create = function(){
    making = true;
    try { return create.apply(this, arguments); } finally { making = false; }
  };
  // an actor's label (vis-network makes it "")
  var labelUpdate = labelProto.update;
  if (typeof labelUpdate === "function") {
    labelProto.update = function(options){
      if (!this.isEdgeLabel && options.label === "" && !this.named) { this.elementOptions = options; return; }
      this.named = true;
      return labelUpdate.apply(this, arguments);
    };
  }
  // A dashed tie whose gaps are too narrow to see at this zoom (a line at most a pixel wide whose round dash
  // ends fill the gaps up to less than 0.6 px on screen, as in the overview of a large network) is drawn as
  // the solid line it looks like: the same colour and width and, measured in Chromium, within a tenth of the
  // ink. Cutting such lines into a million dashes of under a pixel was most of the time of drawing a large
  // page. Zoomed in far enough to see them, the dashes are drawn as before.
  var line = probe.edgeType && Object.getPrototypeOf(probe.edgeType);
  if (line && typeof line._drawDashedLine === "function" && typeof line._drawLine === "function") {
    var drawDashed = line._drawDashedLine;
    line._drawDashedLine = function(ctx, values){
      var d = Array.isArray(values.dashes) ? values.dashes : [5, 5], gap = Infinity;
      for (var k = 1; k < 2 * d.length; k += 2) { gap = Math.min(gap, d[k % d.length]); }
      var scale = network.body.view.scale;
      if (values.width * scale <= 1 && (gap - values.width) * scale < UNSEEN_GAP) {
        ctx.lineCap = "round";   // as vis-network leaves it after a dashed line
        return this._drawLine.apply(this, arguments);
      }
      return drawDashed.apply(this, arguments);
    };
  }
}
var UNSEEN_GAP = 0.6;   // screen pixels
var view = plan(current);
nodeUpdates(view, view.m !== 1).forEach(function(u){ Object.assign(byId[u.id], u); });
var nodes = new vis.DataSet(D.nodes);
// ids given here: a DataSet makes up a random one (a UUID) for each item without, a twentieth of the time on 20,000 ties
for (var k = 0; k < D.edges.length; k++) { D.edges[k].id = k; }
var edges = new vis.DataSet(D.edges);
var net = new vis.Network(container, {}, D.options);
lighter(net);
net.setData({nodes: nodes, edges: edges});
window.opgavelabNetwork = net;
var autoView = true;   // false once the user zooms or pans: then the view is theirs
function show(p){
  net.moveTo({position: p.centre, scale: p.s, offset: p.offset, animation: false});
  showKey(p);
  window.opgavelabView = {scale: p.s, namePx: p.px, names: p.lab.names.length, numbers: p.lab.numbers.length};
}
show(view);
function replan(){
  if (!autoView) { return; }
  net.setSize("100%", "100%");
  var p = plan(current);
  nodes.update(nodeUpdates(p, p.m !== view.m));
  view = p;
  show(p);
  net.redraw();
}
net.once("afterDrawing", function(){
  window.opgavelabDrawnAt = performance.now();
  document.body.setAttribute("data-drawn", "1");
});
net.on("zoom", function(){ autoView = false; });
net.on("dragEnd", function(p){ if (!p.nodes.length) { autoView = false; } });
var legendOpen = details.open;
details.addEventListener("toggle", function(){
  if (details.open === legendOpen) { return; }   // the folding above, already planned for
  legendOpen = details.open;
  document.body.classList.toggle("legend-closed", !legendOpen);
  replan();
});
var resizing = null;
window.addEventListener("resize", function(){
  if (resizing) { cancelAnimationFrame(resizing); }
  resizing = requestAnimationFrame(function(){ resizing = null; replan(); });
});
function livePos(i){ var nd = net.body.nodes[i]; return [nd.x, nd.y]; }
function labelBoxes(){
  // the names and numbers as drawn, in canvas units, following a marker that was dragged
  var out = [], pos = D.layouts[view.kind].pos;
  function moved(i, box){
    var p = livePos(i), dx = p[0] - pos[2 * i], dy = p[1] - pos[2 * i + 1];
    return [box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy];
  }
  view.lab.names.forEach(function(b){
    out.push({kind: "name", i: b.i, far: b.far, text: D.labels[b.i], lines: lines[b.i], box: moved(b.i, b.box)});
  });
  view.lab.numbers.forEach(function(b){
    out.push({kind: "number", i: b.i, far: b.far, text: b.text, lines: [b.text], box: moved(b.i, b.box)});
  });
  return out;
}
net.on("afterDrawing", function(ctx){
  var L = view.lab, gap = L.fs * 0.25;
  ctx.save();
  ctx.textAlign = "left"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
  labelBoxes().forEach(function(b){
    var fs = b.kind === "name" ? L.fs : L.nfs, lh = b.kind === "name" ? L.lh : fs * 1.15;
    if (b.far) {
      // a thin line from the marker to its name, standing further out
      var p = livePos(b.i), cx = Math.max(b.box[0], Math.min(p[0], b.box[2])), cy = Math.max(b.box[1],
        Math.min(p[1], b.box[3]));
      ctx.strokeStyle = "#444"; ctx.lineWidth = Math.max(0.8, fs * 0.06);
      ctx.beginPath(); ctx.moveTo(p[0], p[1]); ctx.lineTo(cx, cy); ctx.stroke();
    }
    ctx.font = (b.kind === "number" ? "bold " : "") + fs + "px sans-serif";
    ctx.strokeStyle = "rgba(255,255,255,0.92)"; ctx.lineWidth = fs * 0.28; ctx.fillStyle = "#111";
    b.lines.forEach(function(s, j){
      var x = b.box[0] + gap / 2, y = b.box[1] + j * lh + fs * 0.08;
      ctx.strokeText(s, x, y); ctx.fillText(s, x, y);
    });
  });
  ctx.restore();
});
window.opgavelabLabels = function(){
  // for tests: every name and number on screen, as boxes in the page's pixels
  var c = container.getBoundingClientRect();
  return labelBoxes().map(function(b){
    var a = net.canvasToDOM({x: b.box[0], y: b.box[1]}), z = net.canvasToDOM({x: b.box[2], y: b.box[3]});
    var fs = b.kind === "name" ? view.lab.fs : view.lab.nfs;
    return {kind: b.kind, id: D.info[b.i][D.info[b.i].length - 1], text: b.text,
            px: fs * net.getScale(), box: [a.x + c.left, a.y + c.top, z.x + c.left, z.y + c.top]};
  });
};
net.on("beforeDrawing", function(ctx){
  var g = guidesOf(current);
  if (!g || !g.rings) { return; }
  var rOut = g.rings.length ? g.rings[g.rings.length - 1].o * S : S;
  var rHub = g.hub * S;
  ctx.save();
  g.sectors.forEach(function(s){
    ctx.beginPath();
    ctx.arc(0, 0, rOut, -s.e, -s.s, false);
    ctx.arc(0, 0, rHub, -s.s, -s.e, true);
    ctx.closePath();
    ctx.globalAlpha = 0.08; ctx.fillStyle = s.colour; ctx.fill();
  });
  ctx.globalAlpha = 1; ctx.strokeStyle = "#d0d0d0"; ctx.lineWidth = 1;
  ctx.beginPath(); ctx.arc(0, 0, rHub, 0, 2 * Math.PI); ctx.stroke();
  g.rings.forEach(function(r){ ctx.beginPath(); ctx.arc(0, 0, r.o * S, 0, 2 * Math.PI); ctx.stroke(); });
  var gf = guideFonts(view.lab.fs, view.s);
  planScale = view.s;
  ctx.textAlign = "center"; ctx.textBaseline = "middle"; ctx.fillStyle = "#666"; ctx.lineJoin = "round";
  ringLabels(g, gf.ring).forEach(function(rl){
    var r = g.rings[rl.j];
    ctx.save();
    ctx.translate(rl.x, rl.y);
    // turned to run along the ring (upright: never upside down)
    var rot = Math.PI / 2 - rl.angle;
    rot = ((rot + Math.PI / 2) % Math.PI + Math.PI) % Math.PI - Math.PI / 2;
    ctx.rotate(rot);
    ctx.font = rl.size + "px sans-serif";
    ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.lineWidth = rl.size * 0.3;
    ctx.strokeText(r.label, 0, 0); ctx.fillText(r.label, 0, 0);
    ctx.restore();
  });
  ctx.font = "bold " + gf.sector + "px sans-serif";
  g.sectors.forEach(function(s){
    var m = (s.s + s.e) / 2, rr = rOut + gf.sector * 1.2;
    var x = rr * Math.cos(m), y = -rr * Math.sin(m);
    ctx.textAlign = Math.cos(m) > 0.2 ? "left" : (Math.cos(m) < -0.2 ? "right" : "center");
    ctx.fillStyle = s.colour;
    s.label.split("\n").forEach(function(t, j){ ctx.fillText(t, x, y + j * gf.sector * 1.2); });
  });
  ctx.restore();
});
function infoTable(i){
  var row = D.info[i], box = document.createDocumentFragment();
  var b = document.createElement("b"); b.textContent = row[0]; box.appendChild(b);
  var t = document.createElement("table");
  for (var k = 1; k < row.length; k++) {
    if (row[k] === "") { continue; }
    var tr = document.createElement("tr"), a = document.createElement("td"), c = document.createElement("td");
    a.textContent = D.fields[k - 1]; c.textContent = row[k]; tr.appendChild(a); tr.appendChild(c); t.appendChild(tr);
  }
  box.appendChild(t);
  return box;
}
var tip = document.getElementById("tip"), info = document.getElementById("info");
net.on("hoverNode", function(p){
  if (p.node === HUB) { return; }
  tip.replaceChildren(infoTable(p.node));
  var r = container.getBoundingClientRect();
  var x = p.pointer.DOM.x + 14, y = p.pointer.DOM.y + r.top + 14;
  tip.style.display = "block";
  if (x + tip.offsetWidth > window.innerWidth - 8) { x = p.pointer.DOM.x - tip.offsetWidth - 10; }
  if (y + tip.offsetHeight > window.innerHeight - 8) { y = y - tip.offsetHeight - 24; }
  tip.style.left = x + "px"; tip.style.top = y + "px";
});
net.on("blurNode", function(){ tip.style.display = "none"; });
net.on("dragStart", function(){ tip.style.display = "none"; });
function showInfo(id){
  if (id === undefined || id === HUB) { info.style.display = "none"; return; }
  var x = document.createElement("span"); x.className = "x"; x.textContent = "\u00d7";
  x.onclick = function(){ info.style.display = "none"; net.unselectAll(); };
  info.replaceChildren(x, infoTable(id)); info.style.display = "block";
}
net.on("click", function(p){ showInfo(p.nodes.length ? p.nodes[0] : undefined); });
function setLayout(kind){
  var L = D.layouts[kind]; if (!L) { return; }
  current = kind;
  var upd = [], n = L.pos.length / 2;
  for (var i = 0; i < n; i++) { upd.push({id: i, x: L.pos[2 * i], y: L.pos[2 * i + 1]}); }
  nodes.update(upd);
  Array.prototype.forEach.call(document.querySelectorAll("#head button[data-layout]"), function(b){
    b.classList.toggle("on", b.getAttribute("data-layout") === kind);
  });
  Array.prototype.forEach.call(document.querySelectorAll("#legend .how"), function(d){
    d.style.display = d.getAttribute("data-layout") === kind ? "" : "none";
  });
  autoView = true;
  replan();
}
Array.prototype.forEach.call(document.querySelectorAll("#head button[data-layout]"), function(b){
  b.onclick = function(){ setLayout(b.getAttribute("data-layout")); };
});
var search = document.getElementById("search");
if (search) {
  search.addEventListener("keydown", function(e){
    if (e.key !== "Enter") { return; }
    var q = search.value.trim().toLowerCase(); if (!q) { return; }
    for (var i = 0; i < D.info.length; i++) {
      var short = D.labels[i] ? D.labels[i].replace(/\n/g, " ").toLowerCase() : "";
      if (D.info[i][0].toLowerCase().indexOf(q) >= 0 || short.indexOf(q) >= 0
          || D.info[i][D.info[i].length - 1].toLowerCase() === q) {
        // the names and numbers keep their places and grow with the zoom, so none piles on another
        autoView = false;
        net.selectNodes([i]); net.focus(i, {scale: Math.max(1.2, 1.25 * view.s), animation: false}); showInfo(i);
        search.style.color = "";
        return;
      }
    }
    search.style.color = "#B34700"; search.title = D.texts.notfound;
  });
}
})();
