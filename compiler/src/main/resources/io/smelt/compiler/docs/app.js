// Start: the index built once (positions, names, children), the list drawn, then the page the URL names.
// URLs are dbt's: #!/model/model.shop.orders, with ?col=amount for a column; #!/graph?select=+orders.
var S = {};
var chunkLoads = {};

function buildIndex() {
  var data = window.SMELT_DOCS;
  var nodes = data.nodes;
  var n = nodes.length;
  S.count = n;
  S.project = data.project;
  S.adapter = data.adapter;
  S.generatedAt = data.generated_at;
  S.hasCatalog = data.catalog;
  S.chunk = data.chunk;
  S.up = data.up;
  S.uid = new Array(n); S.type = new Array(n); S.name = new Array(n); S.group = new Array(n); S.tags = new Array(n);
  S.desc = new Array(n); S.label = new Array(n); S.search = new Array(n); S.down = new Array(n);
  S.inGraph = new Uint8Array(n);
  S.byUid = new Map();
  S.byName = new Map();
  var rank = new Int32Array(n);
  for (var i = 0; i < n; i++) {
    var node = nodes[i];
    S.uid[i] = node[0]; S.type[i] = node[1]; S.name[i] = node[2]; S.group[i] = node[3]; S.tags[i] = node[4]; S.desc[i] = node[5];
    S.label[i] = node[1] === "source" ? node[3] + "." + node[2] : node[2];
    S.search[i] = S.label[i].toLowerCase();
    S.down[i] = [];
    S.inGraph[i] = node[1] === "test" || node[1] === "unit_test" || node[1] === "macro" ? 0 : 1;
    S.byUid.set(node[0], i);
    var key = node[2].toLowerCase();
    var same = S.byName.get(key);
    if (same) { same.push(i); } else { S.byName.set(key, [i]); }
    rank[i] = TYPE_ORDER.indexOf(node[1]);
  }
  for (i = 0; i < n; i++) {
    var parents = S.up[i];
    for (var p = 0; p < parents.length; p++) {
      S.down[parents[p]].push(i);
    }
  }
  // numbers in names in numeric order (int_2 before int_10), without a collator's cost on 30,000 names
  var keys = S.search.map(function (label) { return label.replace(/\d+/g, function (digits) { return digits.padStart(12, "0"); }); });
  S.sorted = Array.from({ length: n }, function (_, k) { return k; }).sort(function (a, b) {
    return rank[a] - rank[b] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0);
  });
}

function nodeHref(i) {
  return "#!/" + S.type[i] + "/" + S.uid[i];
}

// A node's details, from the chunk that holds it: inline (--static) or loaded once with a script tag.
function detailOf(i) {
  var number = Math.floor(i / S.chunk);
  if (SMELT_CHUNKS[number]) {
    return Promise.resolve(SMELT_CHUNKS[number][i % S.chunk]);
  }
  if (!chunkLoads[number]) {
    chunkLoads[number] = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = "smelt-docs/chunk-" + number + ".js";
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("cannot load " + script.src)); };
      document.head.appendChild(script);
    });
  }
  return chunkLoads[number].then(function () { return SMELT_CHUNKS[number][i % S.chunk]; });
}

var shown = { node: -1, detail: null };

function route() {
  var hash = location.hash.replace(/^#!?\/?/, "");
  var query = hash.indexOf("?");
  var path = decodeURIComponent(query < 0 ? hash : hash.substring(0, query));
  var params = new URLSearchParams(query < 0 ? "" : hash.substring(query + 1));
  if (!path) {
    shown.node = -1;
    renderOverview();
    return Promise.resolve();
  }
  if (path === "graph") {
    shown.node = -1;
    renderGraphPage(params.get("select") || "*");
    return Promise.resolve();
  }
  var i = S.byUid.get(path.substring(path.indexOf("/") + 1));
  if (i === undefined) {
    shown.node = -1;
    document.getElementById("main").innerHTML = '<h1 id="node-title">Not found</h1><p>No node ' + escapeHtml(path) + ' in this project.</p>';
    return Promise.resolve();
  }
  List.current = i;
  listRender();
  var column = params.get("col");
  if (shown.node === i && column) {
    return showColumnLineage(i, shown.detail, column);
  }
  return detailOf(i).then(function (detail) {
    shown.node = i;
    shown.detail = detail;
    renderNode(i, detail);
    return column ? showColumnLineage(i, detail, column) : null;
  }).catch(function (error) {
    document.getElementById("main").innerHTML = '<h1 id="node-title">Cannot show ' + escapeHtml(S.label[i]) + "</h1><p>" + escapeHtml(error.message) + "</p>";
  });
}

function start() {
  buildIndex();
  document.getElementById("project").textContent = S.project;
  document.title = S.project + " \u00b7 Smelt docs";
  listSetup();
  window.addEventListener("hashchange", route);
  route().then(function () {
    window.smeltReady = performance.now();
    document.body.setAttribute("data-ready", "true");
  });
}

start();
