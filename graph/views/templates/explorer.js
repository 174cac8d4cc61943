/* commitkg explorer. Report text is untrusted: every string taken from the
 * data reaches the page through textContent or a canvas, never as markup. */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("commitkg-data").textContent);
  const UI = DATA.ui;
  const META = DATA.meta;
  const LINKS = DATA.links;
  const N = META.length;
  const TYPES = {};
  DATA.types.forEach(function (t) { TYPES[t.key] = t; });
  const RELS = {};
  DATA.relations.forEach(function (r, i) { RELS[r.key] = Object.assign({ order: i }, r); });
  const GROUPS = DATA.options.groups;

  // ---------------------------------------------------------------- helpers
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function $(id) { return document.getElementById(id); }
  function glyph(type) {
    const span = el("span", "glyph", TYPES[type].glyph);
    span.style.color = TYPES[type].color;
    return span;
  }
  function clip(text, limit) {
    return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
  }

  // ------------------------------------------------------------- graph data
  const nodes = new vis.DataSet(DATA.nodes);
  const edges = new vis.DataSet(DATA.edges);
  const EDGES = DATA.edges;
  const adjacency = META.map(function () { return []; });
  EDGES.forEach(function (e) {
    adjacency[e.from].push(e.id);
    if (e.to !== e.from) adjacency[e.to].push(e.id);
  });
  const nodeHidden = new Array(N).fill(false);
  const edgeHidden = EDGES.map(function (e) { return !!e.hidden; });

  const container = $("network");
  const network = new vis.Network(container, {}, DATA.options);
  let dataSet = false;
  network.on("afterDrawing", function () {
    if (dataSet && window.commitkgFirstFrame === undefined) {
      window.commitkgFirstFrame = performance.now();
      updateStatus();
    }
  });
  network.setData({ nodes: nodes, edges: edges });
  dataSet = true;

  // ------------------------------------------------------------------ header
  (function header() {
    const counts = $("counts");
    const total = el("span", "count total");
    total.append(el("b", null, N), " " + UI.nodes + " · ", el("b", null, EDGES.length), " " + UI.edges);
    counts.append(total);
    DATA.types.forEach(function (t) {
      if (!t.count) return;
      const chip = el("span", "count");
      chip.title = t.label;
      chip.append(glyph(t.key), el("span", "label", t.label), el("b", null, t.count));
      counts.append(chip);
    });
    const subtitle = DATA.reports.map(function (r) {
      const issued = r.facts.filter(function (f) { return f[0] === "issued"; }).map(function (f) { return f[1]; });
      return r.name + (issued.length ? " · " + issued[0] : "");
    }).join("；");
    $("subtitle").textContent = subtitle;
    $("subtitle").title = subtitle;
  })();

  // ----------------------------------------------------------------- filters
  const state = { types: new Set(), rels: new Set(), methods: new Set(), year: "", section: "", confidence: 0 };

  function checkbox(list, key, checked, label, count, swatch, onChange) {
    const row = el("label");
    if (!count) row.classList.add("empty");
    const box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.dataset.key = key;
    box.addEventListener("change", function () { onChange(key, box.checked); });
    row.append(box, swatch, el("span", null, label), el("span", "n", count));
    list.append(row);
    return box;
  }

  DATA.types.forEach(function (t) {
    state.types.add(t.key);
    checkbox($("type-filters"), t.key, true, t.label, t.count, glyph(t.key), function (key, on) {
      if (on) state.types.add(key); else state.types.delete(key);
      applyFilters();
    });
  });
  DATA.relations.forEach(function (r) {
    if (r.shown) state.rels.add(r.key);
    const line = el("span", "swatch-line" + (r.dashes ? " dashed" : ""));
    line.style.borderTopColor = r.color;
    checkbox($("rel-filters"), r.key, r.shown, r.label, r.count, line, function (key, on) {
      if (on) state.rels.add(key); else state.rels.delete(key);
      applyFilters();
    });
  });
  // The reasons links were found by (same sentence, cue…), strongest first as the data has them.
  const METHOD_ORDER = DATA.methodOrder || [];
  const methodCounts = {};
  DATA.links.forEach(function (l) {
    (l.methods || []).forEach(function (m) { methodCounts[m] = (methodCounts[m] || 0) + 1; });
  });
  const METHODS = Object.keys(methodCounts).sort(function (a, b) {
    const ia = METHOD_ORDER.indexOf(a), ib = METHOD_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });
  METHODS.forEach(function (m) {
    state.methods.add(m);
    const line = el("span", "swatch-line");
    if (RELS.supports) line.style.borderTopColor = RELS.supports.color;
    checkbox($("method-filters"), m, true, UI["method_" + m] || m, methodCounts[m], line, function (key, on) {
      if (on) state.methods.add(key); else state.methods.delete(key);
      applyFilters();
    });
  });
  $("method-section").hidden = !METHODS.length;
  DATA.years.forEach(function (y) {
    const option = el("option", null, y);
    option.value = String(y);
    $("year-filter").append(option);
  });
  DATA.sections.forEach(function (s) {
    const option = el("option", null, clip(s.name, 30));
    option.value = String(s.id);
    option.title = s.name;
    $("section-filter").append(option);
  });
  $("year-filter").addEventListener("change", function (ev) { state.year = ev.target.value; applyFilters(); });
  $("section-filter").addEventListener("change", function (ev) { state.section = ev.target.value; applyFilters(); });
  $("conf-filter").addEventListener("input", function (ev) {
    state.confidence = Number(ev.target.value);
    $("conf-value").textContent = state.confidence.toFixed(2);
    applyFilters();
  });
  $("btn-reset").addEventListener("click", function () { resetFilters(); applyFilters(); });

  function resetFilters() {
    state.types = new Set(DATA.types.map(function (t) { return t.key; }));
    state.rels = new Set(DATA.relations.filter(function (r) { return r.shown; }).map(function (r) { return r.key; }));
    state.methods = new Set(METHODS);
    state.year = ""; state.section = ""; state.confidence = 0;
    document.querySelectorAll("#type-filters input").forEach(function (b) { b.checked = true; });
    document.querySelectorAll("#rel-filters input").forEach(function (b) { b.checked = RELS[b.dataset.key].shown; });
    document.querySelectorAll("#method-filters input").forEach(function (b) { b.checked = true; });
    $("year-filter").value = ""; $("section-filter").value = "";
    $("conf-filter").value = "0"; $("conf-value").textContent = "0";
  }

  function edgeAllowed(e) {
    const link = LINKS[e.id];
    const methods = link.methods || [];
    if (methods.length && !methods.some(function (m) { return state.methods.has(m); })) return false;
    return state.rels.has(link.rel) && (link.confidence === null || link.confidence >= state.confidence);
  }

  function applyFilters() {
    const yearOn = state.year !== "";
    const sectionOn = state.section !== "";
    const year = Number(state.year);
    const section = Number(state.section);
    const allowed = EDGES.map(edgeAllowed);
    // 0 hidden, 1 matches, 2 lacks the year/section asked for, 3 shown as context
    const mark = new Array(N);
    for (let i = 0; i < N; i++) {
      const m = META[i];
      if (!state.types.has(m.type)) { mark[i] = 0; continue; }
      let missing = false, fails = false;
      if (yearOn) { if (m.year === null) missing = true; else if (m.year !== year) fails = true; }
      if (sectionOn) { if (!m.sections.length) missing = true; else if (m.sections.indexOf(section) < 0) fails = true; }
      mark[i] = fails ? 0 : missing ? 2 : 1;
    }
    if (yearOn || sectionOn) {
      // An indicator or a place has no year: show it when it is near what matched.
      let frontier = [];
      for (let i = 0; i < N; i++) if (mark[i] === 1) frontier.push(i);
      for (let hop = 0; hop < 2; hop++) {
        const next = [];
        frontier.forEach(function (i) {
          adjacency[i].forEach(function (eid) {
            if (!allowed[eid]) return;
            const e = EDGES[eid];
            const j = e.from === i ? e.to : e.from;
            if (mark[j] === 2) { mark[j] = 3; next.push(j); }
          });
        });
        frontier = next;
      }
      for (let i = 0; i < N; i++) if (mark[i] === 2) mark[i] = 0;
    }
    const nodeUpdates = [];
    for (let i = 0; i < N; i++) {
      const hidden = mark[i] === 0;
      if (hidden !== nodeHidden[i]) { nodeHidden[i] = hidden; nodeUpdates.push({ id: i, hidden: hidden }); }
    }
    const edgeUpdates = [];
    EDGES.forEach(function (e, k) {
      const hidden = !allowed[k] || nodeHidden[e.from] || nodeHidden[e.to];
      if (hidden !== edgeHidden[k]) { edgeHidden[k] = hidden; edgeUpdates.push({ id: e.id, hidden: hidden }); }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (focused !== null && nodeHidden[focused]) clearFocus();
    else if (focused !== null) dim(focused);
    syncTargets();
    updateStatus();
  }

  function updateStatus() {
    let shownNodes = 0, shownEdges = 0;
    for (let i = 0; i < N; i++) if (!nodeHidden[i]) shownNodes++;
    edgeHidden.forEach(function (h) { if (!h) shownEdges++; });
    $("status").textContent = UI.shown + " " + shownNodes + " / " + N + " " + UI.nodes +
      " · " + shownEdges + " / " + EDGES.length + " " + UI.edges + "  —  " + UI.drawing_hint;
  }

  // -------------------------------------------------------- focus and dimming
  let focused = null;
  let dimmedNodes = new Set();
  let dimmedEdges = new Set();
  const DIM_NODE = { background: "#e9ecef", border: "#dee2e6", highlight: { background: "#e9ecef", border: "#adb5bd" }, hover: { background: "#e9ecef", border: "#adb5bd" } };

  function nodeStyle(i) {
    const group = GROUPS[META[i].type];
    return { id: i, color: group.color, font: { color: group.font.color || DATA.options.nodes.font.color } };
  }
  function edgeStyle(k) {
    const rel = RELS[LINKS[k].rel];
    return { id: k, color: { color: rel.color, highlight: "#495057", hover: "#868e96" }, font: { color: DATA.options.edges.font.color, strokeWidth: 3 } };
  }

  function neighbourhood(id) {
    const near = new Set([id]);
    adjacency[id].forEach(function (eid) {
      if (edgeHidden[eid]) return;
      near.add(EDGES[eid].from); near.add(EDGES[eid].to);
    });
    return near;
  }

  function dim(id) {
    const near = neighbourhood(id);
    const nodeUpdates = [], edgeUpdates = [];
    const nextNodes = new Set(), nextEdges = new Set();
    for (let i = 0; i < N; i++) {
      if (nodeHidden[i]) continue;
      if (!near.has(i)) {
        nextNodes.add(i);
        if (!dimmedNodes.has(i)) nodeUpdates.push({ id: i, color: DIM_NODE, font: { color: "#adb5bd" } });
      }
    }
    dimmedNodes.forEach(function (i) { if (!nextNodes.has(i)) nodeUpdates.push(nodeStyle(i)); });
    EDGES.forEach(function (e, k) {
      if (edgeHidden[k]) return;
      if (e.from !== id && e.to !== id) {
        nextEdges.add(k);
        if (!dimmedEdges.has(k)) edgeUpdates.push({ id: k, color: { color: "#eef0f2", highlight: "#eef0f2", hover: "#dee2e6" }, font: { color: "rgba(0,0,0,0)", strokeWidth: 0 } });
      }
    });
    dimmedEdges.forEach(function (k) { if (!nextEdges.has(k)) edgeUpdates.push(edgeStyle(k)); });
    dimmedNodes = nextNodes; dimmedEdges = nextEdges;
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    return near;
  }

  function undim() {
    const nodeUpdates = [], edgeUpdates = [];
    dimmedNodes.forEach(function (i) { nodeUpdates.push(nodeStyle(i)); });
    dimmedEdges.forEach(function (k) { edgeUpdates.push(edgeStyle(k)); });
    dimmedNodes = new Set(); dimmedEdges = new Set();
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  function focusNode(id, options) {
    options = options || {};
    if (nodeHidden[id]) {
      // A search hit behind a filter: show it rather than fail silently.
      resetFilters();
      applyFilters();
    }
    focused = id;
    const near = dim(id);
    network.selectNodes([id]);
    showNode(id);
    if (options.move !== false) {
      requestAnimationFrame(function () {
        network.fit({ nodes: Array.from(near), maxZoomLevel: 1.4, animation: { duration: 450, easingFunction: "easeInOutQuad" } });
      });
    }
  }

  function clearFocus() {
    focused = null;
    undim();
    network.unselectAll();
    hidePanel();
  }

  network.on("click", function (params) {
    if (params.nodes.length) focusNode(params.nodes[0], { move: true });
    else if (params.edges.length) showLink(params.edges[0]);
    else clearFocus();
  });

  // ------------------------------------------------------------- side panel
  function resizeCanvas() {
    requestAnimationFrame(function () { network.setSize("100%", "100%"); network.redraw(); });
  }
  function openPanel() {
    const wasHidden = $("panel").hidden;
    $("panel").hidden = false;
    if (wasHidden) resizeCanvas();
  }
  function hidePanel() {
    if (!$("panel").hidden) { $("panel").hidden = true; resizeCanvas(); }
  }
  $("panel-close").addEventListener("click", clearFocus);

  function chip(type) {
    const c = $("panel-type");
    c.textContent = "";
    c.style.background = TYPES[type].color;
    c.append(el("span", null, TYPES[type].glyph), el("span", null, TYPES[type].label));
  }

  function evidenceBlock(ev) {
    const box = el("div", "evidence");
    const sentence = el("p", "sentence");
    const text = ev.sentence || ev.quote;
    const at = ev.quote && ev.sentence ? ev.sentence.indexOf(ev.quote) : -1;
    if (at >= 0) {
      sentence.append(document.createTextNode(text.slice(0, at)), el("mark", null, ev.quote),
        document.createTextNode(text.slice(at + ev.quote.length)));
    } else {
      sentence.textContent = text;
    }
    box.append(sentence);
    if (ev.quote) box.append(el("div", "quote", UI.quote + "：" + ev.quote));
    const where = [];
    if (ev.report) where.push(ev.report);
    if (ev.start !== null) where.push(UI.offsets + " " + ev.start + "–" + (ev.end === null ? "?" : ev.end));
    if (where.length) box.append(el("div", "where", where.join(" · ")));
    return box;
  }

  function linkMeta(k) {
    const link = LINKS[k];
    const parts = [];
    if (link.confidence !== null) parts.push(UI.confidence_short + " " + link.confidence);
    if (link.methods.length) parts.push(UI.method + " " + link.methods.join(", "));
    if (link.evidence.length && link.evidence[0].quote) parts.push("“" + clip(link.evidence[0].quote, 40) + "”");
    return parts.join(" · ");
  }

  function showNode(id) {
    const m = META[id];
    chip(m.type);
    $("panel-title").textContent = m.name;
    const body = $("panel-body");
    body.textContent = "";
    if (m.aliases.length) body.append(el("div", "aliases", UI.aliases + "：" + m.aliases.join("、")));

    const facts = m.facts.filter(function (f) { return f[0] !== "type"; });
    if (facts.length) {
      body.append(el("h3", null, UI.facts));
      const dl = el("dl", "facts");
      facts.forEach(function (f) { dl.append(el("dt", null, DATA.factNames[f[0]] || f[0]), el("dd", null, f[1])); });
      body.append(dl);
    }

    const links = adjacency[id].slice().sort(function (a, b) {
      const ra = RELS[LINKS[a].rel].order, rb = RELS[LINKS[b].rel].order;
      if (ra !== rb) return ra - rb;
      const oa = EDGES[a].from === id ? EDGES[a].to : EDGES[a].from;
      const ob = EDGES[b].from === id ? EDGES[b].to : EDGES[b].from;
      return META[oa].name < META[ob].name ? -1 : META[oa].name > META[ob].name ? 1 : 0;
    });
    if (links.length) {
      body.append(el("h3", null, UI.links + " (" + links.length + ")"));
      const ul = el("ul", "links");
      links.slice(0, 300).forEach(function (k) {
        const e = EDGES[k];
        const other = e.from === id ? e.to : e.from;
        const li = el("li");
        li.append(el("span", "rel", (e.from === id ? "→ " : "← ") + RELS[LINKS[k].rel].label), glyph(META[other].type), el("span", null, META[other].name));
        const extra = linkMeta(k);
        if (extra) li.append(el("span", "meta", extra));
        li.addEventListener("click", function () { focusNode(other); });
        ul.append(li);
      });
      body.append(ul);
    }

    if (m.evidence.length) {
      body.append(el("h3", null, UI.evidence + " (" + m.evidence.length + ")"));
      m.evidence.forEach(function (ev) { body.append(evidenceBlock(ev)); });
    }
    body.append(el("div", "iri", m.iri));
    openPanel();
    $("panel").scrollTop = 0;
  }

  function showLink(k) {
    const e = EDGES[k], link = LINKS[k];
    focused = null;
    undim();
    $("panel-type").textContent = RELS[link.rel].label;
    $("panel-type").style.background = "#495057";
    $("panel-title").textContent = META[e.from].name + " → " + META[e.to].name;
    const body = $("panel-body");
    body.textContent = "";
    const ends = el("ul", "links");
    [e.from, e.to].forEach(function (i) {
      const li = el("li");
      li.append(glyph(META[i].type), el("span", null, META[i].name));
      li.addEventListener("click", function () { focusNode(i); });
      ends.append(li);
    });
    body.append(ends);
    const extra = linkMeta(k);
    if (extra) body.append(el("p", "aliases", extra));
    if (link.evidence.length) {
      body.append(el("h3", null, UI.evidence));
      link.evidence.forEach(function (ev) { body.append(evidenceBlock(ev)); });
    }
    openPanel();
  }

  // ------------------------------------------------------------------ search
  const searchKeys = META.map(function (m) {
    return [m.name].concat(m.aliases).map(function (s) { return s.toLowerCase(); });
  });
  const input = $("search");
  const results = $("search-results");
  let hits = [];
  let active = 0;

  function find(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const found = [];
    for (let i = 0; i < N; i++) {
      let rank = 9, via = -1;
      searchKeys[i].forEach(function (key, k) {
        const r = key === q ? 0 : key.indexOf(q) === 0 ? 1 : key.indexOf(q) > 0 ? 2 : 9;
        if (r < rank || (r === rank && k === 0)) { rank = r; via = k; }
      });
      if (rank < 9) found.push({ id: i, rank: rank, via: via });
    }
    found.sort(function (a, b) {
      return a.rank - b.rank || META[a.id].name.length - META[b.id].name.length || a.id - b.id;
    });
    return found.slice(0, 12);
  }

  function renderHits() {
    results.textContent = "";
    if (!input.value.trim()) { results.hidden = true; return; }
    if (!hits.length) {
      results.append(el("li", "empty", UI.no_results));
    }
    hits.forEach(function (hit, n) {
      const m = META[hit.id];
      const li = el("li", n === active ? "active" : "");
      li.setAttribute("role", "option");
      li.dataset.id = String(hit.id);
      li.append(glyph(m.type), el("span", "name", m.name));
      let hint = TYPES[m.type].label;
      if (hit.via > 0) hint = m.aliases[hit.via - 1] + " · " + hint;
      if (nodeHidden[hit.id]) hint += " · " + UI.hidden;
      li.append(el("span", "hint", hint));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(hit.id); });
      results.append(li);
    });
    results.hidden = false;
  }

  function choose(id) {
    input.value = META[id].name;
    results.hidden = true;
    closeTargets();
    focusNode(id);
  }

  input.addEventListener("input", function () { hits = find(input.value); active = 0; renderHits(); });
  input.addEventListener("focus", function () { if (input.value) renderHits(); });
  input.addEventListener("blur", function () { results.hidden = true; });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!hits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      renderHits();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      hits = find(input.value);
      if (hits.length) choose(hits[Math.min(active, hits.length - 1)].id);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      results.hidden = true;
      input.blur();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== input) { input.focus(); ev.preventDefault(); }
    else if (ev.key === "Escape" && document.activeElement !== input) { closeTargets(); clearFocus(); }
  });

  // ------------------------------------------------------------ targets view
  let tableBuilt = false;
  const tableGroups = [];  // [{head, label, name, rows: [[row, id]]}] to follow the filters
  let tableEmpty = null;
  function buildTargets() {
    const tbody = document.querySelector("#targets-table tbody");
    if (!DATA.targetsView.length) {
      const row = el("tr");
      const cell = el("td", "empty", UI.no_targets);
      cell.colSpan = 6;
      row.append(cell);
      tbody.append(row);
      return;
    }
    DATA.targetsView.forEach(function (group) {
      const head = el("tr", "group" + (group.indicator !== null ? " row" : ""));
      const cell = el("td");
      cell.colSpan = 6;
      if (group.indicator !== null) cell.append(glyph("Indicator"));
      cell.append(document.createTextNode(group.name + " (" + group.targets.length + ")"));
      head.append(cell);
      if (group.indicator !== null) head.addEventListener("click", function () { closeTargets(); focusNode(group.indicator); });
      tbody.append(head);
      const entry = { head: head, label: cell.lastChild, name: group.name, rows: [] };
      tableGroups.push(entry);
      group.targets.forEach(function (t) {
        const row = el("tr", "row");
        row.dataset.id = String(t.id);
        row.append(el("td", null, ""), el("td", "num", t.year === null ? "" : t.year), el("td", "num", t.quantity), el("td", null, t.strength));
        if (t.previous) {
          const prev = t.previous;
          row.append(el("td", "prev", prev.quantity + (prev.year !== null ? " (" + prev.year + (prev.estimated ? " " + UI.estimated : "") + ")" : "")));
        } else {
          row.append(el("td", "empty", "—"));
        }
        row.append(el("td", "quote", t.quote));
        row.addEventListener("click", function () { closeTargets(); focusNode(t.id); });
        tbody.append(row);
        entry.rows.push([row, t.id]);
      });
    });
    tableEmpty = el("tr");
    const none = el("td", "empty", UI.no_targets_shown);
    none.colSpan = 6;
    tableEmpty.append(none);
    tableEmpty.hidden = true;
    tbody.append(tableEmpty);
  }
  // The table shows the targets the filters leave on the graph (type, year, section).
  function syncTargets() {
    if (!tableBuilt) return;
    let shown = 0;
    tableGroups.forEach(function (g) {
      let n = 0;
      g.rows.forEach(function (pair) {
        const hidden = nodeHidden[pair[1]];
        pair[0].hidden = hidden;
        if (!hidden) n++;
      });
      g.head.hidden = n === 0;
      g.label.textContent = g.name + " (" + (n === g.rows.length ? n : n + "/" + g.rows.length) + ")";
      shown += n;
    });
    if (tableEmpty) tableEmpty.hidden = shown > 0 || !tableGroups.length;
  }
  function openTargets() {
    if (!tableBuilt) { buildTargets(); tableBuilt = true; }
    syncTargets();
    $("targets-view").hidden = false;
    $("btn-targets").classList.add("on");
  }
  function closeTargets() {
    $("targets-view").hidden = true;
    $("btn-targets").classList.remove("on");
  }
  $("btn-targets").addEventListener("click", function () {
    if ($("targets-view").hidden) openTargets(); else closeTargets();
  });
  $("btn-graph").addEventListener("click", closeTargets);

  // --------------------------------------------------------------- controls
  $("physics").addEventListener("change", function (ev) {
    network.setOptions({ physics: { enabled: ev.target.checked } });
  });
  $("btn-fit").addEventListener("click", function () {
    network.fit({ animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  });

  // ------------------------------------------- a small handle for tests/bench
  window.commitkgExplorer = {
    network: network,
    nodes: nodes,
    edges: edges,
    data: DATA,
    focus: function (id) { focusNode(id); },
    selected: function () { return focused; },
    panelText: function () { return $("panel").hidden ? null : $("panel").textContent; },
    stats: function () {
      const body = network.body;
      const canvas = network.canvas.frame.canvas;
      const margin = 20;
      const tl = network.canvas.DOMtoCanvas({ x: -margin, y: -margin });
      const br = network.canvas.DOMtoCanvas({ x: canvas.clientWidth + margin, y: canvas.clientHeight + margin });
      const area = { top: tl.y, left: tl.x, bottom: br.y, right: br.x };
      let drawn = 0;
      body.nodeIndices.forEach(function (id) {
        const node = body.nodes[id];
        if (node.hover || node.isSelected() || node.isBoundingBoxOverlappingWith(area)) drawn++;
      });
      return {
        totalNodes: N,
        totalEdges: EDGES.length,
        visibleNodes: body.nodeIndices.length,
        visibleEdges: body.edgeIndices.length,
        drawnNodes: drawn,
        firstFrame: window.commitkgFirstFrame === undefined ? null : window.commitkgFirstFrame,
      };
    },
  };
  updateStatus();
})();
