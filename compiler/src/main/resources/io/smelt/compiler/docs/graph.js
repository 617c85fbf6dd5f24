// The lineage graph: only the selected nodes (at most GRAPH_MAX, the nearest to the focus), laid out in
// layers by longest path from their roots, ordered in each layer by the mean position of their
// neighbours, drawn once as SVG; panning and zooming move one transform.
var GRAPH_MAX = 300;
var NODE_W = 190, NODE_H = 26, GAP_X = 70, GAP_Y = 12;
var TYPE_COLORS = { model: "#2f6fb0", source: "#2d8a4e", seed: "#7c5cbf", snapshot: "#b0702f", exposure: "#c0392b", analysis: "#4a6572" };

// The nodes to draw: the graph's nodes of `selected`, cut to the GRAPH_MAX nearest the focus when too many.
function graphNodes(selected, focus) {
  var nodes = Array.from(selected).filter(function (i) { return S.inGraph[i]; });
  if (nodes.length <= GRAPH_MAX) {
    return { nodes: nodes, total: nodes.length };
  }
  var start = focus >= 0 && selected.has(focus) ? [focus] : nodes.slice(0, 1);
  var kept = new Set(start);
  var frontier = start;
  while (frontier.length && kept.size < GRAPH_MAX) {
    var next = [];
    for (var f = 0; f < frontier.length && kept.size < GRAPH_MAX; f++) {
      var around = S.up[frontier[f]].concat(S.down[frontier[f]]);
      for (var e = 0; e < around.length && kept.size < GRAPH_MAX; e++) {
        var j = around[e];
        if (selected.has(j) && S.inGraph[j] && !kept.has(j)) {
          kept.add(j);
          next.push(j);
        }
      }
    }
    frontier = next;
  }
  return { nodes: Array.from(kept), total: nodes.length };
}

function graphLayout(nodes) {
  var inSet = new Map();
  nodes.forEach(function (i, k) { inSet.set(i, k); });
  var rank = new Int32Array(nodes.length);
  var pending = new Int32Array(nodes.length);
  nodes.forEach(function (i, k) {
    S.up[i].forEach(function (p) { if (inSet.has(p)) { pending[k]++; } });
  });
  var queue = [];
  for (var k = 0; k < nodes.length; k++) {
    if (!pending[k]) {
      queue.push(k);
    }
  }
  for (var q = 0; q < queue.length; q++) {
    var from = queue[q];
    S.down[nodes[from]].forEach(function (c) {
      var to = inSet.get(c);
      if (to !== undefined) {
        rank[to] = Math.max(rank[to], rank[from] + 1);
        if (--pending[to] === 0) {
          queue.push(to);
        }
      }
    });
  }
  var layers = [];
  for (k = 0; k < nodes.length; k++) {
    (layers[rank[k]] = layers[rank[k]] || []).push(k);
  }
  layers = layers.filter(Boolean);
  var order = new Float64Array(nodes.length);
  layers.forEach(function (layer) { layer.forEach(function (k, at) { order[k] = at; }); });
  function sweep(layer, edges) {
    layer.forEach(function (k) {
      var sum = 0, count = 0;
      edges[nodes[k]].forEach(function (j) {
        var other = inSet.get(j);
        if (other !== undefined) {
          sum += order[other];
          count++;
        }
      });
      layer.weight = layer.weight || new Map();
      layer.weight.set(k, count ? sum / count : order[k]);
    });
    layer.sort(function (a, b) { return layer.weight.get(a) - layer.weight.get(b); });
    layer.forEach(function (k, at) { order[k] = at; });
  }
  for (var pass = 0; pass < 2; pass++) {
    for (var l = 1; l < layers.length; l++) { sweep(layers[l], S.up); }
    for (l = layers.length - 2; l >= 0; l--) { sweep(layers[l], S.down); }
  }
  var tallest = Math.max.apply(null, layers.map(function (layer) { return layer.length; }).concat([1]));
  var x = new Float64Array(nodes.length), y = new Float64Array(nodes.length);
  layers.forEach(function (layer, column) {
    var offset = (tallest - layer.length) * (NODE_H + GAP_Y) / 2;
    layer.forEach(function (k, at) {
      x[k] = column * (NODE_W + GAP_X);
      y[k] = offset + at * (NODE_H + GAP_Y);
    });
  });
  return { inSet: inSet, x: x, y: y, width: layers.length * (NODE_W + GAP_X) - GAP_X, height: tallest * (NODE_H + GAP_Y) - GAP_Y };
}

// Draws into `box` (an element) and calls onOpen(position) when a node is clicked.
// marks: {feeds: Set, fed: Set} of positions to colour, for column lineage.
function drawGraph(box, selected, focus, onOpen, marks) {
  var picked = graphNodes(selected, focus);
  var nodes = picked.nodes;
  if (!nodes.length) {
    box.innerHTML = '<p class="empty" style="padding:10px">Nothing selected to draw.</p>';
    return picked;
  }
  var layout = graphLayout(nodes);
  var parts = [];
  nodes.forEach(function (i, k) {
    S.up[i].forEach(function (p) {
      var from = layout.inSet.get(p);
      if (from !== undefined) {
        var x1 = layout.x[from] + NODE_W, y1 = layout.y[from] + NODE_H / 2, x2 = layout.x[k], y2 = layout.y[k] + NODE_H / 2;
        var mid = (x1 + x2) / 2;
        parts.push('<path class="gedge" d="M' + x1 + " " + y1 + "C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2 + '"/>');
      }
    });
  });
  nodes.forEach(function (i, k) {
    var css = "gnode" + (i === focus ? " focus" : "") + (marks && marks.feeds.has(i) ? " feeds" : "") + (marks && marks.fed.has(i) ? " fed" : "");
    var label = S.label[i].length > 27 ? S.label[i].substring(0, 26) + "\u2026" : S.label[i];
    parts.push('<g class="' + css + '" data-i="' + i + '" data-uid="' + escapeHtml(S.uid[i]) + '" transform="translate(' + layout.x[k] + "," + layout.y[k] + ')">'
      + "<title>" + escapeHtml(S.uid[i]) + '</title><rect width="' + NODE_W + '" height="' + NODE_H + '"/>'
      + '<rect class="bar" width="5" height="' + NODE_H + '" fill="' + (TYPE_COLORS[S.type[i]] || "#6b7480") + '"/>'
      + '<text x="11" y="17">' + escapeHtml(label) + "</text></g>");
  });
  box.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg"><g class="view">' + parts.join("") + "</g></svg>";
  panAndZoom(box, layout, focus >= 0 ? layout.inSet.get(focus) : undefined, onOpen);
  window.smeltLastDraw = performance.now();
  box.dataset.drawn = String(nodes.length);
  return picked;
}

function panAndZoom(box, layout, focusAt, onOpen) {
  var view = box.querySelector("g.view");
  var width = box.clientWidth || 800, height = box.clientHeight || 460;
  // never so small that names cannot be read: a large graph opens centred on the focus, to pan from
  var k = Math.max(0.6, Math.min(1, (width - 20) / (layout.width || 1), (height - 20) / (layout.height || 1)));
  var tx = (width - layout.width * k) / 2, ty = (height - layout.height * k) / 2;
  if (focusAt !== undefined && (layout.width * k > width || layout.height * k > height)) {
    tx = width / 2 - (layout.x[focusAt] + NODE_W / 2) * k;
    ty = height / 2 - (layout.y[focusAt] + NODE_H / 2) * k;
  }
  function apply() {
    view.setAttribute("transform", "translate(" + tx + "," + ty + ") scale(" + k + ")");
  }
  apply();
  var drag = null;
  box.onwheel = function (event) {
    event.preventDefault();
    var rect = box.getBoundingClientRect();
    var px = event.clientX - rect.left, py = event.clientY - rect.top;
    var next = Math.max(0.1, Math.min(3, k * Math.exp(-event.deltaY * 0.0015)));
    tx = px - (px - tx) * next / k;
    ty = py - (py - ty) * next / k;
    k = next;
    apply();
  };
  box.onmousedown = function (event) {
    drag = { x: event.clientX, y: event.clientY, tx: tx, ty: ty, moved: false };
  };
  box.onmousemove = function (event) {
    if (drag) {
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      drag.moved = drag.moved || Math.abs(dx) + Math.abs(dy) > 3;
      tx = drag.tx + dx;
      ty = drag.ty + dy;
      apply();
    }
  };
  box.onmouseup = box.onmouseleave = function () {
    setTimeout(function () { drag = null; }, 0);
  };
  box.onclick = function (event) {
    var node = event.target.closest ? event.target.closest("g.gnode") : null;
    if (node && !(drag && drag.moved)) {
      onOpen(parseInt(node.getAttribute("data-i"), 10));
    }
  };
}
