// dbt's node selection on the site's index: union of space-separated words, intersection of comma-separated
// parts; each part [@][n]+method:value[+[n]] with the methods name (the default, * globs), tag, source,
// resource_type (or type), package and exposure. Returns a Set of node positions; throws on a bad part.
function globRegExp(value) {
  return new RegExp("^" + value.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$", "i");
}

function selectByMethod(method, value) {
  var found = new Set();
  var n = S.count;
  var i;
  if (method === "" || method === "fqn" || method === "exposure") {
    if (!/[*?]/.test(value)) {
      (S.byName.get(value.toLowerCase()) || []).forEach(function (j) { found.add(j); });
      var exact = S.byUid.get(value);
      if (exact !== undefined) {
        found.add(exact);
      }
      return found;
    }
    var glob = globRegExp(value);
    for (i = 0; i < n; i++) {
      if (glob.test(S.name[i]) || glob.test(S.uid[i])) {
        found.add(i);
      }
    }
    return found;
  }
  if (method === "tag") {
    for (i = 0; i < n; i++) {
      if (S.tags[i] && S.tags[i].split(" ").indexOf(value) >= 0) {
        found.add(i);
      }
    }
    return found;
  }
  if (method === "source") {
    var dot = value.indexOf(".");
    var sourceName = globRegExp(dot < 0 ? value : value.substring(0, dot));
    var table = dot < 0 ? null : globRegExp(value.substring(dot + 1));
    for (i = 0; i < n; i++) {
      if (S.type[i] === "source" && sourceName.test(S.group[i]) && (!table || table.test(S.name[i]))) {
        found.add(i);
      }
    }
    return found;
  }
  if (method === "resource_type" || method === "type" || method === "package") {
    var pattern = globRegExp(value);
    var field = method === "package" ? S.group : S.type;
    for (i = 0; i < n; i++) {
      if (pattern.test(field[i]) && (method !== "package" || S.type[i] !== "source")) {
        found.add(i);
      }
    }
    return found;
  }
  throw new Error("unknown selector method '" + method + "' (the site knows name, tag, source, resource_type, package)");
}

// Adds to `into` the nodes up to `depth` steps away along `edges` (S.up or S.down), tests and macros left out.
function walkGraph(start, edges, depth, into) {
  var frontier = Array.from(start);
  for (var step = 0; step < depth && frontier.length; step++) {
    var next = [];
    for (var f = 0; f < frontier.length; f++) {
      var around = edges[frontier[f]];
      for (var e = 0; e < around.length; e++) {
        var j = around[e];
        if (!into.has(j) && S.inGraph[j]) {
          into.add(j);
          next.push(j);
        }
      }
    }
    frontier = next;
  }
  return into;
}

function selectPart(part) {
  var m = /^(@)?(\d*\+)?([^+]+?)(\+\d*)?$/.exec(part);
  if (!m) {
    throw new Error("cannot read the selector '" + part + "'");
  }
  var colon = m[3].indexOf(":");
  var method = colon < 0 ? "" : m[3].substring(0, colon).toLowerCase();
  var value = colon < 0 ? m[3] : m[3].substring(colon + 1);
  var base = selectByMethod(method, value);
  var result = new Set(base);
  var up = m[2] ? (m[2].length > 1 ? parseInt(m[2], 10) : Infinity) : 0;
  var down = m[4] ? (m[4].length > 1 ? parseInt(m[4].substring(1), 10) : Infinity) : 0;
  if (up) {
    walkGraph(base, S.up, up, result);
  }
  if (down || m[1]) {
    var below = walkGraph(base, S.down, m[1] ? Infinity : down, new Set());
    below.forEach(function (j) { result.add(j); });
    if (m[1]) {
      walkGraph(below, S.up, Infinity, result);
    }
  }
  return result;
}

function selectNodes(expression) {
  var union = new Set();
  expression.trim().split(/\s+/).filter(Boolean).forEach(function (word) {
    var both = null;
    word.split(",").forEach(function (part) {
      var set = selectPart(part);
      both = both === null ? set : new Set(Array.from(both).filter(function (j) { return set.has(j); }));
    });
    both.forEach(function (j) { union.add(j); });
  });
  return union;
}
