// Column lineage on a node's page: the columns that feed the clicked one (step by step, down to sources
// and seeds) and the columns it feeds, from the SQL analysis the manifest carries.
var COLUMN_WALK_MAX = 400;

function findColumn(detail, name) {
  var lower = name.toLowerCase();
  return (detail.c || []).find(function (column) { return column[0].toLowerCase() === lower; });
}

// Follows the column's edges ("up": what feeds it, field 4; "down": what it feeds, field 5) through the
// other nodes' details, loading their chunks as needed; resolves to [{node, column, kind, depth}].
function columnWalk(i, name, field) {
  var seen = new Set([i + "\u0000" + name.toLowerCase()]);
  var found = [];
  function step(frontier, depth) {
    if (!frontier.length || found.length >= COLUMN_WALK_MAX) {
      return Promise.resolve(found);
    }
    return Promise.all(frontier.map(function (at) { return detailOf(at[0]); })).then(function (details) {
      var next = [];
      frontier.forEach(function (at, k) {
        var column = findColumn(details[k], at[1]);
        (column ? column[field] : []).forEach(function (edge) {
          var key = edge[0] + "\u0000" + edge[1].toLowerCase();
          if (!seen.has(key) && found.length < COLUMN_WALK_MAX) {
            seen.add(key);
            found.push({ node: edge[0], column: edge[1], kind: edge[2], depth: depth, from: at });
            next.push([edge[0], edge[1]]);
          }
        });
      });
      return step(next, depth + 1);
    });
  }
  return step([[i, name]], 1);
}

function edgeItems(edges) {
  if (!edges.length) {
    return '<li class="empty">none</li>';
  }
  return edges.map(function (edge) {
    return '<li data-uid="' + escapeHtml(S.uid[edge.node]) + '" data-col="' + escapeHtml(edge.column) + '">' + nodeLink(edge.node, edge.column)
      + '<span class="edge-kind">' + escapeHtml(edge.kind) + (edge.depth > 1 ? ", via " + escapeHtml(S.label[edge.from[0]] + "." + edge.from[1]) : "") + "</span></li>";
  }).join("");
}

function showColumnLineage(i, detail, name) {
  var panel = document.getElementById("column-lineage");
  var column = panel && findColumn(detail, name);
  document.querySelectorAll("#columns tr.col").forEach(function (row) {
    row.classList.toggle("on", !!column && row.getAttribute("data-col").toLowerCase() === name.toLowerCase());
  });
  if (!column) {
    return Promise.resolve();
  }
  var title = '<h3>Column lineage of <span class="colname">' + escapeHtml(S.label[i] + "." + column[0]) + "</span></h3>";
  var direct = function (field) {
    return column[field].map(function (edge) { return { node: edge[0], column: edge[1], kind: edge[2], depth: 1 }; });
  };
  // the direct edges at once; the whole way up and down once the other nodes' chunks are read
  panel.hidden = false;
  panel.removeAttribute("data-complete");
  panel.setAttribute("data-column", column[0]);
  panel.innerHTML = title + '<div>Fed by</div><ul class="up">' + edgeItems(direct(4)) + "</ul>"
    + '<div>Feeds</div><ul class="down">' + edgeItems(direct(5)) + '</ul><p class="empty">following the lineage\u2026</p>';
  return Promise.all([columnWalk(i, column[0], 4), columnWalk(i, column[0], 5)]).then(function (both) {
    if (shown.node !== i || !panel.isConnected || panel.getAttribute("data-column") !== column[0]) {
      return;
    }
    var up = both[0], down = both[1];
    var origins = up.filter(function (edge) {
      var known = SMELT_CHUNKS[Math.floor(edge.node / S.chunk)];
      var detailed = known && findColumn(known[edge.node % S.chunk], edge.column);
      return !detailed || !detailed[4].length;
    });
    panel.innerHTML = title + "<div>Fed by</div><ul class=\"up\">" + edgeItems(up.filter(function (edge) { return edge.depth === 1; })) + "</ul>"
      + "<div>Comes from (sources, seeds and columns computed from nothing upstream)</div><ul class=\"origins\">" + edgeItems(origins) + "</ul>"
      + "<div>Feeds</div><ul class=\"down\">" + edgeItems(down) + "</ul>"
      + (up.length >= COLUMN_WALK_MAX || down.length >= COLUMN_WALK_MAX ? '<p class="empty">cut at ' + COLUMN_WALK_MAX + " columns</p>" : "");
    if (document.getElementById("graph")) {
      var marks = { feeds: new Set(up.map(function (edge) { return edge.node; })), fed: new Set(down.map(function (edge) { return edge.node; })) };
      marks.feeds.delete(i);
      marks.fed.delete(i);
      nodeGraph(i, null, marks);
      document.getElementById("graph-filter").value = "column " + S.label[i] + "." + column[0];
    }
    panel.setAttribute("data-complete", "true");
    panel.scrollIntoView({ block: "nearest" });
  });
}
