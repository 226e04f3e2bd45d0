/* foundergraph page script (inlined by graph/visual.py).
 * Every text from an article reaches the page through textContent on elements built here:
 * nothing is ever parsed as HTML. vis-network shows Element titles as given. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("fg-data").textContent);
  var state = { ready: false, network: null, data: data };
  window.foundergraph = state;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function labelled(label, text) {
    var p = el("div");
    p.appendChild(el("span", "fg-label", label + ": "));
    p.appendChild(document.createTextNode(String(text)));
    return p;
  }

  function list(items, more) {
    var ul = el("ul");
    items.forEach(function (item) { ul.appendChild(el("li", null, item)); });
    if (more) { ul.appendChild(el("li", null, "… and " + more + " more")); }
    return ul;
  }

  function source(article) {
    var parts = [];
    if (article.title) { parts.push(article.title); }
    if (article.path) { parts.push(article.path); }
    return "— " + parts.join(" · ");
  }

  function nodeTip(tip) {
    var box = el("div", "fg-tip");
    box.appendChild(el("div", "fg-tip-title", tip.name));
    box.appendChild(el("div", "fg-tip-kind", tip.type + " · " + tip.relations +
      (tip.relations === 1 ? " relation" : " relations")));
    if (tip.aliases.length) { box.appendChild(labelled("Also called", tip.aliases.join(", "))); }
    if (tip.roles.length) {
      box.appendChild(el("div", "fg-label", tip.type === "Organization" ? "Relations" : "Roles"));
      box.appendChild(list(tip.roles, tip.more_roles));
    }
    if (tip.companies.length) {
      box.appendChild(labelled(tip.type === "Organization" ? "Organizations" : "Companies", tip.companies.join(", ")));
    }
    if (tip.articles.length) {
      box.appendChild(el("div", "fg-label", "Articles"));
      box.appendChild(list(tip.articles.map(function (a) { return source(a).slice(2); })));
    }
    return box;
  }

  function edgeTip(tip) {
    var box = el("div", "fg-tip");
    var arrow = tip.directed ? " → " : " — ";
    box.appendChild(el("div", "fg-tip-title", tip.source + arrow + tip.target));
    box.appendChild(el("div", "fg-tip-kind", tip.type + " · confidence " + tip.confidence));
    tip.props.forEach(function (pair) { box.appendChild(labelled(pair[0], pair[1])); });
    if (tip.evidence.length) {
      box.appendChild(el("div", "fg-label", "Evidence"));
      tip.evidence.forEach(function (ev) {
        var quote = el("blockquote");
        quote.appendChild(el("div", "fg-sentence", ev.sentence));
        quote.appendChild(el("div", "fg-source", source(ev)));
        box.appendChild(quote);
      });
      if (tip.more_evidence) { box.appendChild(el("div", "fg-hint", "… and " + tip.more_evidence + " more sentences")); }
    }
    return box;
  }

  function legend() {
    var box = document.getElementById("fg-legend");
    box.appendChild(el("h2", null, "Legend"));
    data.legend.nodes.forEach(function (item) {
      var row = el("div", "fg-row");
      var swatch = el("span", "fg-swatch" + (item.shape === "dot" ? " dot" : ""));
      swatch.style.backgroundColor = item.color;
      row.appendChild(swatch);
      row.appendChild(el("span", null, item.label));
      box.appendChild(row);
    });
    data.legend.edges.forEach(function (item) {
      var row = el("div", "fg-row");
      var line = el("span", "fg-line");
      line.style.borderTopColor = item.color;
      row.appendChild(line);
      if (item.directed) {
        var arrow = el("span", "fg-arrow", "▶");
        arrow.style.color = item.color;
        row.appendChild(arrow);
      }
      row.appendChild(el("span", null, item.type + (item.directed ? "" : " (no direction)")));
      box.appendChild(row);
    });
    if (data.path.names) {
      var row = el("div", "fg-row");
      var line = el("span", "fg-line");
      line.style.borderTopColor = data.path_color;
      line.style.borderTopWidth = "6px";
      row.appendChild(line);
      row.appendChild(el("span", null, "path"));
      box.appendChild(row);
    }
    box.appendChild(el("div", "fg-hint", "Size: number of relations. Dashed: a former job."));
    box.appendChild(el("div", "fg-hint", "Hover a node for its roles, a relation for its evidence."));
  }

  function pathPanel() {
    if (!data.path.names) { return; }
    var box = document.getElementById("fg-path");
    box.appendChild(el("h2", null, "Path"));
    box.appendChild(el("div", "fg-tip-title", data.path.names[0] + " → " + data.path.names[1]));
    if (data.path.hops.length) {
      box.appendChild(el("div", "fg-tip-kind", data.path.hops.length + (data.path.hops.length === 1 ? " hop" : " hops")));
      var ol = el("ol");
      data.path.hops.forEach(function (hop) {
        ol.appendChild(el("li", null, hop.source + " —" + hop.type + "→ " + hop.target));
      });
      box.appendChild(ol);
    } else {
      box.appendChild(el("div", "fg-tip-kind", data.path.names[0] === data.path.names[1] ?
        "both names are the same entity" : "no chain of relations found"));
    }
    box.hidden = false;
  }

  function counts() {
    var c = data.counts;
    var text = c.nodes + " people and organizations, " + c.edges + " relations";
    if (c.nodes !== c.all_nodes || c.edges !== c.all_edges) {
      text += " (of " + c.all_nodes + " and " + c.all_edges + " in the store)";
    }
    document.getElementById("fg-counts").textContent = text;
  }

  function done() {
    if (state.ready) { return; }
    state.network.setOptions({ physics: { enabled: false } });
    state.network.fit();
    state.ready = true;
    document.getElementById("fg-loading").hidden = true;
    document.body.setAttribute("data-ready", "true");
  }

  legend();
  pathPanel();
  counts();
  data.nodes.forEach(function (node) { node.title = nodeTip(node.tip); delete node.tip; });
  data.edges.forEach(function (edge) { edge.title = edgeTip(edge.tip); delete edge.tip; });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  state.network = new vis.Network(document.getElementById("fg-graph"), { nodes: nodes, edges: edges }, data.options);
  state.network.once("stabilizationIterationsDone", done);
  state.network.once("stabilized", done);
  if (data.nodes.length === 0) { done(); }
})();
