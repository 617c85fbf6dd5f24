// The side list: every node, filtered by the search box and the type buttons, drawn virtually (only the
// rows in view exist), so 30,000 nodes scroll as fast as 30.
var ROW_H = 28;
var TYPE_ORDER = ["model", "source", "seed", "snapshot", "exposure", "analysis", "test", "unit_test", "macro"];
var List = { items: [], type: "", current: -1 };

function listRow(i, at) {
  return '<a class="row' + (i === List.current ? " on" : "") + '" style="top:' + (at * ROW_H) + 'px" href="' + nodeHref(i)
    + '" data-uid="' + escapeHtml(S.uid[i]) + '" title="' + escapeHtml(S.uid[i]) + '"><span class="kind k-' + S.type[i] + '">'
    + S.type[i].replace("_", " ") + "</span>" + escapeHtml(S.label[i]) + "<small>" + escapeHtml(S.group[i]) + "</small></a>";
}

function listRender() {
  var box = document.getElementById("list");
  var space = document.getElementById("list-space");
  var first = Math.floor(box.scrollTop / ROW_H);
  var last = Math.min(List.items.length, first + Math.ceil((box.clientHeight || 800) / ROW_H) + 8);
  var html = [];
  for (var at = first; at < last; at++) {
    html.push(listRow(List.items[at], at));
  }
  space.innerHTML = html.join("");
}

// Names containing the words first (names starting with them before the rest), then descriptions that do.
function listFilter() {
  var query = document.getElementById("search").value.trim().toLowerCase();
  var starts = [], names = [], descriptions = [];
  var order = S.sorted;
  for (var o = 0; o < order.length; o++) {
    var i = order[o];
    if (List.type && S.type[i] !== List.type) {
      continue;
    }
    if (!query) {
      names.push(i);
      continue;
    }
    var at = S.search[i].indexOf(query);
    if (at === 0 || (at > 0 && S.search[i].charAt(at - 1) === ".")) {
      starts.push(i);
    } else if (at > 0) {
      names.push(i);
    } else if (S.desc[i] && S.desc[i].toLowerCase().indexOf(query) >= 0) {
      descriptions.push(i);
    }
  }
  List.items = starts.concat(names, descriptions);
  document.getElementById("list-space").style.height = (List.items.length * ROW_H) + "px";
  document.getElementById("list").scrollTop = 0;
  document.getElementById("count").textContent = List.items.length.toLocaleString("en") + " of " + S.count.toLocaleString("en");
  listRender();
}

function listSetup() {
  var counts = {};
  S.type.forEach(function (type) { counts[type] = (counts[type] || 0) + 1; });
  var buttons = ['<button class="on" data-type="">all</button>'];
  TYPE_ORDER.forEach(function (type) {
    if (counts[type]) {
      buttons.push('<button data-type="' + type + '">' + type.replace("_", " ") + " " + counts[type].toLocaleString("en") + "</button>");
    }
  });
  var types = document.getElementById("types");
  types.innerHTML = buttons.join("");
  types.onclick = function (event) {
    var button = event.target.closest("button");
    if (button) {
      List.type = button.getAttribute("data-type");
      Array.from(types.children).forEach(function (b) { b.classList.toggle("on", b === button); });
      listFilter();
    }
  };
  document.getElementById("search").addEventListener("input", listFilter);
  document.getElementById("search").addEventListener("keydown", function (event) {
    if (event.key === "Enter" && List.items.length) {
      location.hash = nodeHref(List.items[0]);
    }
  });
  document.getElementById("list").addEventListener("scroll", listRender, { passive: true });
  window.addEventListener("resize", listRender);
  listFilter();
}
