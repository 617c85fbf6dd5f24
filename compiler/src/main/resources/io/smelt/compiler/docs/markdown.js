// Markdown for descriptions, safely: the text is escaped first, so HTML in a description shows as text;
// links keep only http(s), mailto and in-page targets.
function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function markdownInline(escaped) {
  return escaped
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, function (all, label, url) {
      var plain = url.replace(/&amp;/g, "&");
      if (!/^(https?:|mailto:|#)/i.test(plain)) {
        return label;
      }
      return '<a href="' + url + '" rel="noopener noreferrer">' + label + "</a>";
    });
}

function markdown(text) {
  if (!text) {
    return "";
  }
  var lines = String(text).replace(/\r\n?/g, "\n").split("\n");
  var out = [];
  var paragraph = [];
  var list = null;
  var code = null;
  function flush() {
    if (paragraph.length) {
      out.push("<p>" + markdownInline(escapeHtml(paragraph.join(" "))) + "</p>");
      paragraph = [];
    }
    if (list) {
      out.push("<" + list.tag + ">" + list.items.map(function (item) {
        return "<li>" + markdownInline(escapeHtml(item)) + "</li>";
      }).join("") + "</" + list.tag + ">");
      list = null;
    }
  }
  for (var i = 0; i < lines.length; i++) {
    var line = lines[i];
    if (code !== null) {
      if (/^\s*```/.test(line)) {
        out.push("<pre>" + escapeHtml(code.join("\n")) + "</pre>");
        code = null;
      } else {
        code.push(line);
      }
      continue;
    }
    var heading = /^(#{1,6})\s+(.*)$/.exec(line);
    var bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    var numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (/^\s*```/.test(line)) {
      flush();
      code = [];
    } else if (heading) {
      flush();
      var level = Math.min(6, heading[1].length + 2);
      out.push("<h" + level + ">" + markdownInline(escapeHtml(heading[2])) + "</h" + level + ">");
    } else if (bullet || numbered) {
      var tag = bullet ? "ul" : "ol";
      if (paragraph.length || (list && list.tag !== tag)) {
        flush();
      }
      list = list || { tag: tag, items: [] };
      list.items.push((bullet || numbered)[1]);
    } else if (!line.trim()) {
      flush();
    } else if (list && /^\s+/.test(line)) {
      list.items[list.items.length - 1] += " " + line.trim();
    } else {
      if (list) {
        flush();
      }
      paragraph.push(line.trim());
    }
  }
  if (code !== null) {
    out.push("<pre>" + escapeHtml(code.join("\n")) + "</pre>");
  }
  flush();
  return out.join("\n");
}
