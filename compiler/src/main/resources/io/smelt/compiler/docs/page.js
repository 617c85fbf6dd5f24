// The pages: the overview, a node's page (description, columns and their lineage, graph, code, config)
// and the whole graph with a selection box.
function nodeLink(i, column) {
  return '<a href="' + nodeHref(i) + (column ? "?col=" + encodeURIComponent(column) : "") + '" data-uid="' + escapeHtml(S.uid[i]) + '"'
    + (column ? ' data-col="' + escapeHtml(column) + '"' : "") + ">" + escapeHtml(S.label[i] + (column ? "." + column : "")) + "</a>";
}

function nodeSelector(i) {
  return S.type[i] === "source" ? "source:" + S.group[i] + "." + S.name[i] : S.name[i];
}

function fact(label, value) {
  return value ? "<dt>" + label + "</dt><dd>" + escapeHtml(value) + "</dd>" : "";
}

function renderOverview() {
  var counts = {};
  S.type.forEach(function (type) { counts[type] = (counts[type] || 0) + 1; });
  var rows = TYPE_ORDER.filter(function (type) { return counts[type]; }).map(function (type) {
    return "<tr><td>" + type.replace("_", " ") + "</td><td>" + counts[type].toLocaleString("en") + "</td></tr>";
  });
  document.getElementById("main").innerHTML = '<h1 id="node-title">' + escapeHtml(S.project || "Project") + "</h1>"
    + '<dl class="facts">' + fact("adapter", S.adapter) + fact("generated at", S.generatedAt)
    + fact("column types", S.hasCatalog ? "from the warehouse (catalog.json)" : "declared in YAML and inferred from the SQL (no catalog.json)") + "</dl>"
    + "<table><tr><th>Resource</th><th>Count</th></tr>" + rows.join("") + "</table>"
    + "<p>Search on the left, open a node, and click one of its columns to see which columns feed it and which it feeds. "
    + 'The <a href="#!/graph">lineage graph</a> takes dbt\'s selection syntax: <code>+orders+</code>, <code>orders+2</code>, <code>tag:nightly</code>.</p>';
}

function columnsTable(i, detail) {
  var columns = detail.c || [];
  if (!columns.length) {
    return '<p class="empty">No columns known: none documented, and the SQL was not analysed.</p>';
  }
  return '<table id="columns"><tr><th>Column</th><th>Type</th><th>Description</th><th>Tests</th></tr>' + columns.map(function (column) {
    var tests = column[3].map(function (test) {
      return '<a class="test" href="' + nodeHref(test[0]) + '">' + escapeHtml(test[1]) + "</a>";
    }).join("");
    return '<tr class="col" data-col="' + escapeHtml(column[0]) + '"><td class="colname">' + escapeHtml(column[0])
      + (column[4].length || column[5].length ? " &#8646;" : "") + '</td><td class="type">' + escapeHtml(column[1])
      + '</td><td class="desc">' + markdown(column[2]) + "</td><td>" + tests + "</td></tr>";
  }).join("") + "</table>";
}

function linkList(id, positions) {
  return '<div class="links" id="' + id + '">' + (positions.length ? positions.map(function (j) { return nodeLink(j); }).join("")
    : '<span class="empty">none</span>') + "</div>";
}

function renderNode(i, detail) {
  var parents = S.up[i], children = S.down[i];
  var tests = children.filter(function (j) { return S.type[j] === "test" || S.type[j] === "unit_test"; });
  var users = children.filter(function (j) { return S.type[j] !== "test" && S.type[j] !== "unit_test"; });
  var html = ['<h1 id="node-title">' + escapeHtml(S.label[i]) + ' <span class="kind k-' + S.type[i] + '">' + S.type[i].replace("_", " ") + "</span></h1>"
    + '<div class="uid">' + escapeHtml(S.uid[i]) + "</div>"];
  html.push('<dl class="facts">' + fact("relation", detail.rel) + fact("materialized", detail.mat) + fact("defined in", detail.path)
    + fact("package", S.type[i] === "source" ? "" : S.group[i]) + fact("tags", S.tags[i]) + fact("access", detail.access)
    + fact("version", detail.version) + fact("loader", detail.loader) + fact("test", detail.test) + fact("column", detail.col)
    + fact("owner", detail.owner ? [detail.owner.name, detail.owner.email].filter(Boolean).join(" ") : "") + fact("maturity", detail.maturity)
    + fact("url", detail.url) + fact("relation type", detail.cat && detail.cat.type) + fact("relation owner", detail.cat && detail.cat.owner)
    + (detail.cat ? detail.cat.stats.map(function (stat) { return fact(stat[0], stat[1]); }).join("") : "") + "</dl>");
  if (detail.att !== undefined) {
    html.push("<p>Tests " + nodeLink(detail.att, detail.col) + "</p>");
  }
  html.push('<h2>Description</h2><div class="desc" id="description">' + (detail.d ? markdown(detail.d) : '<p class="empty">No description.</p>') + "</div>");
  if (detail.args) {
    html.push("<h2>Arguments</h2><table><tr><th>Name</th><th>Type</th><th>Description</th></tr>" + detail.args.map(function (arg) {
      return '<tr><td class="colname">' + escapeHtml(arg[0]) + '</td><td class="type">' + escapeHtml(arg[1]) + "</td><td>" + markdown(arg[2]) + "</td></tr>";
    }).join("") + "</table>");
  }
  if (S.type[i] !== "macro" && S.type[i] !== "test") {
    html.push("<h2>Columns</h2>" + columnsTable(i, detail) + '<div id="column-lineage" hidden></div>');
  }
  if (S.inGraph[i]) {
    html.push('<h2>Lineage</h2><div class="graph-bar"><input id="graph-filter" spellcheck="false" value="' + escapeHtml("+" + nodeSelector(i) + "+")
      + '"><button id="graph-apply">Show</button><span class="graph-note" id="graph-note"></span></div><div class="graph" id="graph"></div>');
  }
  html.push("<h2>Depends on</h2>" + linkList("depends-on", parents) + "<h2>Referenced by</h2>" + linkList("referenced-by", users));
  if (tests.length) {
    html.push("<h2>Tests</h2>" + linkList("tests", tests));
  }
  if (detail.sql || detail.raw) {
    html.push('<h2>Code</h2><div class="tabs">' + (detail.sql ? '<button data-code="sql" class="on">Compiled</button>' : "")
      + (detail.raw ? '<button data-code="raw"' + (detail.sql ? "" : ' class="on"') + ">Source</button>" : "") + "</div>"
      + '<pre id="code">' + escapeHtml(detail.sql || detail.raw) + "</pre>");
  }
  if (detail.cfg) {
    html.push('<h2>Config</h2><pre id="config">' + escapeHtml(JSON.stringify(detail.cfg, null, 2)) + "</pre>");
  }
  if (detail.meta) {
    html.push('<h2>Meta</h2><pre id="meta">' + escapeHtml(JSON.stringify(detail.meta, null, 2)) + "</pre>");
  }
  var main = document.getElementById("main");
  main.innerHTML = html.join("");
  main.scrollTop = 0;
  main.querySelectorAll(".tabs button").forEach(function (button) {
    button.onclick = function () {
      main.querySelectorAll(".tabs button").forEach(function (b) { b.classList.toggle("on", b === button); });
      document.getElementById("code").textContent = detail[button.getAttribute("data-code")];
    };
  });
  var table = document.getElementById("columns");
  if (table) {
    table.onclick = function (event) {
      var row = event.target.closest("tr.col");
      if (row && !event.target.closest("a")) {
        location.hash = nodeHref(i) + "?col=" + encodeURIComponent(row.getAttribute("data-col"));
      }
    };
  }
  if (S.inGraph[i]) {
    var apply = function () { nodeGraph(i, document.getElementById("graph-filter").value, null); };
    document.getElementById("graph-apply").onclick = apply;
    document.getElementById("graph-filter").onkeydown = function (event) { if (event.key === "Enter") { apply(); } };
    apply();
  }
}

// Draws the node page's graph for `expression`, or, for a column, the nodes of its lineage coloured.
function nodeGraph(i, expression, marks) {
  var note = document.getElementById("graph-note");
  var selected;
  try {
    selected = marks ? new Set([i].concat(Array.from(marks.feeds), Array.from(marks.fed))) : selectNodes(expression);
  } catch (error) {
    note.textContent = error.message;
    return;
  }
  var picked = drawGraph(document.getElementById("graph"), selected, i, function (j) { location.hash = nodeHref(j); }, marks);
  note.textContent = (marks ? "the column's lineage: green feeds it, blue is fed by it. " : "")
    + (picked.nodes.length < picked.total ? "showing the " + picked.nodes.length + " nearest of " + picked.total.toLocaleString("en") + " nodes" : picked.total + " nodes");
}

function renderGraphPage(expression) {
  document.getElementById("main").innerHTML = '<h1 id="node-title">Lineage graph</h1><div class="graph-bar"><input id="graph-filter" spellcheck="false" value="'
    + escapeHtml(expression) + '"><button id="graph-apply">Show</button><span class="graph-note" id="graph-note"></span></div><div class="graph full" id="graph"></div>';
  var input = document.getElementById("graph-filter");
  var apply = function () { location.hash = "#!/graph?select=" + encodeURIComponent(input.value); };
  document.getElementById("graph-apply").onclick = apply;
  input.onkeydown = function (event) { if (event.key === "Enter") { apply(); } };
  var note = document.getElementById("graph-note");
  try {
    var picked = drawGraph(document.getElementById("graph"), selectNodes(expression), -1, function (j) { location.hash = nodeHref(j); }, null);
    note.textContent = picked.nodes.length < picked.total ? "showing " + picked.nodes.length + " of " + picked.total.toLocaleString("en")
      + " nodes; narrow the selection (+name+, tag:x)" : picked.total + " nodes";
  } catch (error) {
    note.textContent = error.message;
  }
}
