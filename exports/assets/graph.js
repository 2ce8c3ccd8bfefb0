// newsgraph graph.html: draws the actor/place network embedded in #graph-data with
// sigma.js (WebGL) and lays it out with ForceAtlas2. All text from the data is set with
// textContent, never parsed as HTML.
(function () {
  "use strict";
  const started = performance.now();
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const $ = (id) => document.getElementById(id);

  // ----------------------------------------------------------------- the graph
  const graph = new graphology.MultiDirectedGraph();
  for (const n of data.nodes) {
    // sigma reserves the attribute "type" (its renderer); the entity type is "category".
    graph.addNode(n.id, {
      label: n.label, category: n.category, color: n.color, x: n.x, y: n.y,
      size: 2 + n.size / 4, mentions: n.mentions, docs: n.docs,
    });
  }
  for (const e of data.edges) {
    graph.addEdgeWithKey(e.id, e.source, e.target, {
      label: e.label, relation: e.relation, cameo: e.cameo, evidence: e.evidence,
      size: Math.min(1.5 + Math.log2(e.weight || 1), 5), color: "#b8b8b8",
    });
  }

  // ForceAtlas2 from the seeded start positions: the same picture on every load. The
  // number of iterations shrinks with the graph so that 5,000 nodes still load in seconds.
  const layoutStart = performance.now();
  if (graph.order > 1) {
    const fa2 = graphologyLibrary.layoutForceAtlas2;
    const settings = fa2.inferSettings(graph);
    settings.barnesHutOptimize = graph.order > 500;
    const iterations = Math.max(30, Math.min(300, Math.round(150000 / (graph.order + graph.size))));
    fa2.assign(graph, { iterations: iterations, settings: settings });
  }
  const layoutMs = Math.round(performance.now() - layoutStart);

  // ----------------------------------------------------------------- state and filters
  const state = { selected: null, selectedEdge: null, neighbours: new Set(),
                  hiddenCategories: new Set(), hiddenRelations: new Set() };

  function nodeHidden(node) {
    return state.hiddenCategories.has(graph.getNodeAttribute(node, "category"));
  }
  function edgeHidden(edge) {
    return state.hiddenRelations.has(graph.getEdgeAttribute(edge, "relation")) ||
      nodeHidden(graph.source(edge)) || nodeHidden(graph.target(edge));
  }

  const renderer = new Sigma(graph, $("graph"), {
    defaultEdgeType: "arrow",
    enableEdgeEvents: true,
    labelRenderedSizeThreshold: 8,
    zIndex: true,
    nodeReducer: function (node, attrs) {
      const out = Object.assign({}, attrs);
      if (nodeHidden(node)) { out.hidden = true; return out; }
      if (state.selected !== null) {
        if (node === state.selected) { out.highlighted = true; out.zIndex = 2; out.forceLabel = true; }
        else if (state.neighbours.has(node)) { out.zIndex = 1; out.forceLabel = true; }
        else { out.color = "#e2e2e2"; out.label = ""; out.zIndex = 0; }
      }
      return out;
    },
    edgeReducer: function (edge, attrs) {
      const out = Object.assign({}, attrs);
      if (edgeHidden(edge)) { out.hidden = true; return out; }
      if (edge === state.selectedEdge) { out.color = "#d55e00"; out.size = attrs.size + 2; out.zIndex = 2; }
      else if (state.selected !== null) {
        if (graph.hasExtremity(edge, state.selected)) { out.color = "#555"; out.zIndex = 1; }
        else { out.hidden = true; }
      }
      return out;
    },
  });

  // ----------------------------------------------------------------- small DOM helpers
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function link(text, onClick) {
    const b = el("button", text, "link");
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function count(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function nodeLabel(node) { return graph.getNodeAttribute(node, "label"); }

  function evidenceBlock(edge, limit) {
    const frag = document.createDocumentFragment();
    const items = graph.getEdgeAttribute(edge, "evidence") || [];
    for (const item of items.slice(0, limit)) {
      const doc = data.docs[item.doc] || {};
      frag.appendChild(el("blockquote", item.text));
      const src = [doc.title ? "“" + doc.title + "”" : null, doc.id, doc.date,
                   item.confidence === null ? null : "confidence " + item.confidence];
      frag.appendChild(el("div", src.filter(Boolean).join(" · "), "source"));
    }
    if (items.length > limit) frag.appendChild(el("div", "… and " + (items.length - limit) + " more", "meta"));
    if (items.length === 0) frag.appendChild(el("div", "no evidence sentence recorded (a background fact or an event role)", "meta"));
    return frag;
  }

  function relationBlock(edge, limit) {
    const a = graph.getEdgeAttributes(edge);
    const box = el("div", null, "relation");
    const head = el("div");
    head.appendChild(link(nodeLabel(graph.source(edge)), () => selectNode(graph.source(edge))));
    head.appendChild(document.createTextNode(" — " + a.label + " → "));
    head.appendChild(link(nodeLabel(graph.target(edge)), () => selectNode(graph.target(edge))));
    box.appendChild(head);
    const meta = ["relation " + a.relation];
    if (a.cameo) meta.push("CAMEO " + a.cameo);
    box.appendChild(el("div", meta.join(" · "), "meta"));
    box.appendChild(evidenceBlock(edge, limit));
    return box;
  }

  // ----------------------------------------------------------------- selection
  function show(...children) {
    const details = $("details");
    details.replaceChildren(...children);
  }

  function selectNode(node) {
    state.selected = node;
    state.selectedEdge = null;
    state.neighbours = new Set(graph.neighbors(node));
    document.body.dataset.selected = node;
    const a = graph.getNodeAttributes(node);
    const edges = graph.edges(node).filter((e) => !edgeHidden(e));
    const list = el("div");
    const maxEdges = 100;
    for (const e of edges.slice(0, maxEdges)) list.appendChild(relationBlock(e, 3));
    if (edges.length > maxEdges) list.appendChild(el("div", "… and " + (edges.length - maxEdges) + " more relations", "meta"));
    const heading = el("h2", a.label);
    heading.id = "selected-label";
    show(heading,
         el("div", a.category + " · " + count(a.mentions, "mention") + " in " + count(a.docs, "article"), "meta"),
         el("h3", count(edges.length, "relation")), list);
    const pos = renderer.getNodeDisplayData(node);
    if (pos) renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.5 }, { duration: 300 });
    renderer.refresh();
  }

  function selectEdge(edge) {
    state.selected = null;
    state.selectedEdge = edge;
    state.neighbours = new Set();
    document.body.dataset.selected = edge;
    const heading = el("h2", nodeLabel(graph.source(edge)) + " → " + nodeLabel(graph.target(edge)));
    heading.id = "selected-label";
    show(heading, relationBlock(edge, Infinity));
    renderer.refresh();
  }

  function clearSelection() {
    state.selected = null;
    state.selectedEdge = null;
    state.neighbours = new Set();
    delete document.body.dataset.selected;
    show(el("p", "Click a node or an edge to list its relations and their evidence.", "hint"));
    renderer.refresh();
  }

  renderer.on("clickNode", (e) => selectNode(e.node));
  renderer.on("clickEdge", (e) => selectEdge(e.edge));
  renderer.on("clickStage", clearSelection);

  // ----------------------------------------------------------------- search
  const search = $("search");
  search.addEventListener("input", function () {
    const q = search.value.trim().toLowerCase();
    const matches = $("matches");
    matches.replaceChildren();
    if (!q) return;
    const found = graph.filterNodes((n, a) => !nodeHidden(n) && a.label.toLowerCase().includes(q));
    // Exact names first, then names starting with the query, then the most mentioned.
    const rank = (n) => {
      const l = nodeLabel(n).toLowerCase();
      return l === q ? 0 : l.startsWith(q) ? 1 : 2;
    };
    found.sort((x, y) => rank(x) - rank(y) || graph.getNodeAttribute(y, "mentions") - graph.getNodeAttribute(x, "mentions"));
    for (const n of found.slice(0, 20)) {
      const li = el("li");
      li.appendChild(link(nodeLabel(n) + " (" + graph.getNodeAttribute(n, "category") + ")", () => selectNode(n)));
      matches.appendChild(li);
    }
    if (found.length > 20) matches.appendChild(el("li", "… " + (found.length - 20) + " more", "meta"));
    if (found.length === 0) matches.appendChild(el("li", "no match", "meta"));
    else selectNode(found[0]);
  });

  // ----------------------------------------------------------------- filters
  function filterList(containerId, counts, colours, hidden) {
    const box = $(containerId);
    for (const name of Object.keys(counts).sort()) {
      const label = el("label");
      const input = el("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = name;
      input.addEventListener("change", function () {
        if (input.checked) hidden.delete(name); else hidden.add(name);
        if (state.selected !== null && nodeHidden(state.selected)) clearSelection();
        else if (state.selectedEdge !== null && edgeHidden(state.selectedEdge)) clearSelection();
        renderer.refresh();
      });
      label.appendChild(input);
      if (colours) {
        const sw = el("span", null, "swatch");
        sw.style.background = colours[name];
        label.appendChild(sw);
      }
      label.appendChild(document.createTextNode(name + " "));
      label.appendChild(el("span", "(" + counts[name] + ")", "count"));
      box.appendChild(label);
    }
  }
  const categories = {}, colours = {}, relations = {};
  graph.forEachNode((n, a) => { categories[a.category] = (categories[a.category] || 0) + 1; colours[a.category] = a.color; });
  graph.forEachEdge((e, a) => { relations[a.relation] = (relations[a.relation] || 0) + 1; });
  filterList("categories", categories, colours, state.hiddenCategories);
  filterList("relations", relations, null, state.hiddenRelations);

  // ----------------------------------------------------------------- ready
  const ms = Math.round(performance.now() - started);
  $("status").textContent = count(graph.order, "node") + ", " + count(graph.size, "edge") + ", " +
    count(data.docs.length, "article") + " · drawn in " + ms + " ms";
  document.body.dataset.nodes = String(graph.order);
  document.body.dataset.edges = String(graph.size);
  document.body.dataset.loadMs = String(ms);
  document.body.dataset.layoutMs = String(layoutMs);
  document.body.dataset.ready = "1";
  window.newsgraph = { graph: graph, renderer: renderer, selectNode: selectNode, selectEdge: selectEdge };
})();
