// zan: copy-link and copy-citation actions, language switch that keeps the anchor,
// and a notice when a cited unit is not in this version. No external requests.
(function () {
  "use strict";
  function copy(text, button) {
    var done = function () {
      var old = button.textContent;
      button.textContent = button.getAttribute("data-copied") || document.documentElement.getAttribute("data-zan-copied") || "✓";
      setTimeout(function () { button.textContent = old; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, done);
    } else {
      var area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* nothing */ }
      document.body.removeChild(area);
      done();
    }
  }
  document.addEventListener("click", function (event) {
    var el = event.target.closest ? event.target.closest("button, a") : null;
    if (!el) return;
    if (el.classList.contains("zan-copy-link")) {
      copy(new URL(el.getAttribute("data-href"), window.location.href).href, el);
    } else if (el.classList.contains("zan-copy-cite")) {
      copy(el.getAttribute("data-cite"), el);
    } else if (el.classList.contains("zan-switch") && window.location.hash) {
      event.preventDefault();
      window.location.href = el.getAttribute("href") + window.location.hash;
    }
  });
  // A cited unit that is not in this version: where it went (renumbered or shifted by
  // position: the page lands on its new eId), which version has it, or that no stored
  // version ever had it.
  var EID = /^(preamble|title|annex_|part_|chp_|subchp_|art_|para_|subpara_|al_)[\w.-]*$/;
  // One unit's notice from the page's map (publish._fate_map; publish.fate_notice is its
  // twin in Python): the sentence of its row filled in, its link.
  function fateEntry(map, eid) {
    if (!map.u || !Object.prototype.hasOwnProperty.call(map.u, eid)) return null;
    var row = map.u[eid];
    if (row === 0) return { repealed: true };
    var v = map.v[row[2]];
    var words = { old: row[1], version: v[0], "new": row[4] || "" };
    var text = map.text[row[0]].replace(/\{(old|version|new)\}/g, function (m, k) { return words[k]; });
    if (row.length > 3) return { text: text, to: row[3], link: row[4] };
    return { text: text, href: v[1] + "#" + eid, link: map.link };
  }
  function fate() {
    var data = document.getElementById("zan-fate");
    var box = document.getElementById("zan-fate-notice");
    if (!data || !box) return;
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var entry = hash ? fateEntry(JSON.parse(data.textContent), hash) : null;
    if (!box.zanHome) box.zanHome = { parent: box.parentNode, next: box.nextSibling };
    if (box.parentNode !== box.zanHome.parent) box.zanHome.parent.insertBefore(box, box.zanHome.next);
    document.querySelectorAll(".zan-landed").forEach(function (el) { el.classList.remove("zan-landed"); });
    box.textContent = "";
    box.hidden = true;
    if (!entry && hash && !document.getElementById(hash) && EID.test(hash)) {
      entry = { text: box.getAttribute("data-never").replace("{eid}", hash) };
    }
    if (!entry) return;
    var text = entry.text;
    if (entry.repealed) {
      // a repealed unit's placeholder: its own words, as publish._fate_map left them here
      var at = document.getElementById(hash);
      var unit = at ? at.closest("section.zan-unit") : null;
      var own = unit ? unit.querySelector(":scope > p.zan-text") : null;
      text = box.getAttribute("data-repealed").replace("{what}", own ? own.textContent.slice(0, 160) : "");
    }
    box.appendChild(document.createTextNode(text));
    var target = entry.to ? document.getElementById(entry.to) : null;
    if (entry.href || target) {
      var a = document.createElement("a");
      a.href = entry.href || "#" + entry.to;
      a.textContent = entry.link;
      box.appendChild(document.createTextNode(" "));
      box.appendChild(a);
    }
    box.hidden = false;
    if (target) {
      // The notice stands just above the unit the citation lands on.
      target.parentNode.insertBefore(box, target);
      target.classList.add("zan-landed");
      box.scrollIntoView();
    }
  }
  function eidOf(unit) {
    return unit.id || unit.getAttribute("data-eid");
  }
  // A unit's citation phrase from its eId, as cite.unit_phrase makes it (``f``: the
  // forms the page gives, cite.phrase_forms): «15-бабының 2-тармағы», «пункт 2 статьи 15».
  function phraseOf(eid, f) {
    var path = eid.split("__").map(function (seg) {
      var i = seg.indexOf("_");
      return i < 0 ? [seg, ""] : [seg.slice(0, i), seg.slice(i + 1)];
    }).filter(function (p) { return p[0] !== "heading" && p[0] !== "qstr"; });
    function form(table, p) { return table[p[0]].split("{num}").join(p[1]); }
    var last = form(f.last, path[path.length - 1]);
    var up = path.slice(0, -1).map(function (p) { return form(f.up, p); });
    return (f.last_first ? [last].concat(up.reverse()) : up.concat([last])).join(" ");
  }
  // Parts, chapters and sub-chapters are not cited: the unit is the one inside them.
  function citable(unit) {
    return !unit.matches(".zan-part, .zan-chp, .zan-subchp");
  }
  function unitOf(el) {
    var unit = el && el.closest ? el.closest("section.zan-unit") : null;
    while (unit && !citable(unit)) {
      unit = unit.parentElement ? unit.parentElement.closest("section.zan-unit") : null;
    }
    return unit;
  }
  function setupActions(act) {
    var cfg = JSON.parse(act.getAttribute("data-zan"));
    // what every page of the language tree shares (assets/zan-ui.js: site.actions_ui)
    var shared = window.zanUI || {};
    cfg.phrase = cfg.phrase || shared.phrase;
    cfg.labels = cfg.labels || shared.labels || {};
    var missing = cfg.other ? new Set(cfg.other.missing) : null;
    var bar = document.createElement("div");
    bar.className = "zan-actions";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("data-pagefind-ignore", "");
    var current = null;
    function item(tag, cls, text) {
      var el = document.createElement(tag);
      el.className = cls;
      el.textContent = text;
      if (tag === "button") el.type = "button";
      bar.appendChild(el);
      return el;
    }
    // ``keyboard``: shown for the unit the address names (a link, the contents panel, the
    // go-to box): its actions are the next tab stops. Shown under the pointer they are not
    // in the tab order, so Tab never crosses a bar per unit.
    function show(unit, keyboard) {
      if (!unit || !act.contains(unit)) return;
      if (unit === current) { order(keyboard); return; }
      current = unit;
      var eid = eidOf(unit);
      var phrase = phraseOf(eid, cfg.phrase);
      var cite = cfg.cite[0] + phrase + cfg.cite[1];
      bar.textContent = "";
      bar.setAttribute("aria-label", phrase);
      var anchor = item("a", "zan-anchor", "#");
      anchor.href = "#" + eid;
      anchor.setAttribute("aria-label", cfg.labels.anchor || eid);
      var link = item("button", "zan-copy-link", cfg.labels.copy_link);
      link.setAttribute("data-href", cfg.href + "#" + eid);
      link.setAttribute("data-copied", cfg.labels.copied);
      var citeButton = item("button", "zan-copy-cite", cfg.labels.copy_cite);
      citeButton.setAttribute("data-cite", cite);
      citeButton.setAttribute("data-copied", cfg.labels.copied);
      if (cfg.remark) {
        var url = new URL(cfg.href + "#" + eid, window.location.href).href;
        var remark = item("a", "zan-remark", cfg.remark.label);
        remark.href = "mailto:" + cfg.remark.to + "?subject=" + encodeURIComponent(cite) +
          "&body=" + encodeURIComponent(cite + "\n" + url + "\n\n");
      }
      if (missing && !missing.has(eid)) {
        var alt = item("a", "zan-other-lang", cfg.other.name);
        alt.lang = cfg.other.lang;
        alt.hreflang = cfg.other.lang;
        alt.href = cfg.other.href + "#" + eid;
      }
      // After the unit's own heading and text, before its children and notes.
      var next = null;
      for (var c = unit.firstElementChild; c; c = c.nextElementSibling) {
        if (c !== bar && !c.matches(".zan-h, p.zan-text, table")) { next = c; break; }
      }
      unit.insertBefore(bar, next);
      order(keyboard);
    }
    function order(keyboard) {
      bar.querySelectorAll("a, button").forEach(function (el) {
        el.tabIndex = keyboard ? 0 : -1;
      });
    }
    act.addEventListener("mouseover", function (event) {
      if (!bar.contains(event.target)) show(unitOf(event.target), bar.contains(document.activeElement));
    });
    function target() {
      var hash = decodeURIComponent(window.location.hash.slice(1));
      var el = hash ? document.getElementById(hash) : null;
      if (!el || !act.contains(el)) return;
      show(unitOf(el), true);
      // Keyboard users continue from the unit the address names: the next Tab reaches
      // its actions.
      if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
      if (document.activeElement === document.body || !act.contains(document.activeElement)) {
        el.focus({ preventScroll: true });
      }
    }
    window.addEventListener("hashchange", target);
    target();
  }
  // Search results open the unit with the words searched for marked (?zan-hl=…). Pagefind
  // matches without diacritics (й as и) and by stem: a word is marked when it begins with
  // the searched word less its ending.
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += text[i].normalize("NFD")[0].toLowerCase();
    return out;
  }
  var LANG = document.documentElement.lang;
  function highlightHits() {
    var params = new URLSearchParams(window.location.search);
    var stems = params.getAll("zan-hl").join(" ").split(/\s+/).filter(function (w) {
      return w.length > 1;
    }).map(function (w) {
      w = fold(w);
      // Russian is searched by stem (an ending of at most two Cyrillic letters: «услуги»
      // finds «услуга», «услугиzz» nothing); Kazakh, which Pagefind does not stem, by the
      // word as typed and its continuations («талқылау» finds «талқылауға»).
      var cut = LANG !== "ru" ? 0 : w.length >= 6 ? 2 : w.length >= 4 ? 1 : 0;
      while (cut > 0 && !/^[\u0400-\u04ff]+$/.test(w.slice(-cut))) cut--;
      return cut ? w.slice(0, -cut) : w;
    });
    var act = document.querySelector(".zan-act");
    if (!stems.length || !act) return;
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var el = hash ? document.getElementById(hash) : null;
    var scope = el ? (el.closest("section.zan-unit") || el) : act;
    var word = /[\p{L}\p{N}]+/gu;
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.closest(".zan-actions, script")) nodes.push(n);
    }
    var marked = 0;
    nodes.forEach(function (node) {
      var text = node.nodeValue, folded = fold(text), spans = [], m;
      word.lastIndex = 0;
      while ((m = word.exec(folded))) {
        var w = m[0];
        if (stems.some(function (s) { return w.indexOf(s) === 0; })) spans.push([m.index, m.index + w.length]);
      }
      if (!spans.length || marked > 500) return;
      var frag = document.createDocumentFragment(), pos = 0;
      spans.forEach(function (sp) {
        if (sp[0] > pos) frag.appendChild(document.createTextNode(text.slice(pos, sp[0])));
        var mark = document.createElement("mark");
        mark.className = "zan-hit";
        mark.textContent = text.slice(sp[0], sp[1]);
        frag.appendChild(mark);
        pos = sp[1];
        marked++;
      });
      if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
      node.parentNode.replaceChild(frag, node);
    });
  }
  // The side-by-side view of a redline, made from its inline view (redline_pages.py; the
  // table redline.html_side_by_side writes): per change the old words with the
  // deletions | the new words with the insertions and the instructions that made it.
  function sideBySide(box) {
    var inline = box.querySelector(':scope > .zan-view[data-view="inline"]');
    var rows = inline ? inline.querySelector(".zan-diff-inline") : null;
    if (!rows || !box.hasAttribute("data-side")) return;
    var table = document.createElement("table");
    table.className = "zan-diff zan-diff-side-by-side";
    var body = table.appendChild(document.createElement("tbody"));
    Array.prototype.forEach.call(rows.children, function (row) {
      var tr = body.appendChild(document.createElement("tr"));
      ["class", "data-old", "data-new", "data-flags"].forEach(function (a) {
        if (row.hasAttribute(a)) tr.setAttribute(a, row.getAttribute(a));
      });
      var oldId = row.getAttribute("data-old"), newId = row.getAttribute("data-new");
      var label = row.querySelector(":scope > .zan-diff-label");
      var text = row.querySelector(":scope > p:not(.zan-diff-why)");
      // a unit paired across two eIds is labelled «old → new» inline (diff.UnitDiff.label)
      var names = label ? label.textContent.split(" → ") : [""];
      if (!(oldId && newId && oldId !== newId && names.length === 2)) names = [names.join(" → "), names.join(" → ")];
      [["old", oldId, "ins", names[0]], ["new", newId, "del", names[names.length - 1]]].forEach(function (side) {
        var td = tr.appendChild(document.createElement("td"));
        td.className = "zan-diff-" + side[0];
        if (side[1]) {
          var span = td.appendChild(document.createElement("span"));
          span.className = "zan-diff-label";
          span.textContent = side[3];
          td.appendChild(document.createTextNode(" "));
          if (text) {
            Array.prototype.forEach.call(text.childNodes, function (n) {
              if (n.nodeName.toLowerCase() !== side[2]) td.appendChild(n.cloneNode(true));
            });
          }
        }
        if (side[0] === "new") {
          for (var c = text ? text.nextElementSibling : null; c; c = c.nextElementSibling) td.appendChild(c.cloneNode(true));
        }
      });
    });
    var view = document.createElement("section");
    view.className = "zan-view";
    view.setAttribute("data-view", "side-by-side");
    var h = view.appendChild(document.createElement("h2"));
    h.id = "side-by-side";
    h.textContent = box.getAttribute("data-side");
    var wrap = view.appendChild(document.createElement("div"));
    wrap.className = "zan-redline";
    wrap.appendChild(table);
    box.insertBefore(view, inline.nextSibling);
  }
  // The kk | ru view of a redline (redline.html_parallel_frame): each empty cell gets the
  // label and the marked words of the row of its eId in the inline view of its language,
  // this page's or the other language's page (fetched); then the table is shown.
  function pairView(box) {
    var table = box.querySelector("table.zan-diff-parallel");
    if (!table) return;
    var rowsOf = function (doc) {
      var out = {};
      doc.querySelectorAll('.zan-view[data-view="inline"] .zan-diff-inline > div').forEach(function (row) {
        out[row.getAttribute("data-new") || row.getAttribute("data-old")] = row;
      });
      return out;
    };
    var own = rowsOf(document), lang = document.documentElement.lang;
    fetch(new URL(box.getAttribute("data-zan-pair"), window.location.href)).then(function (r) {
      if (!r.ok) throw new Error(r.url);
      return r.text();
    }).then(function (html) {
      var other = rowsOf(new DOMParser().parseFromString(html, "text/html"));
      table.querySelectorAll("tbody > tr").forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (td) {
          if (td.firstChild || td.classList.contains("zan-diff-absent")) return;
          var row = (td.lang === lang ? own : other)[tr.getAttribute("data-eid")];
          var label = row ? row.querySelector(":scope > .zan-diff-label") : null;
          var text = row ? row.querySelector(":scope > p:not(.zan-diff-why)") : null;
          if (label) td.appendChild(document.importNode(label, true));
          td.appendChild(document.createTextNode(" "));
          if (text) Array.prototype.forEach.call(text.childNodes, function (n) { td.appendChild(document.importNode(n, true)); });
        });
      });
      table.hidden = false;
    });
  }
  // Redline pages: one view at a time (inline, side by side, kk | ru), chosen by a switch
  // or the address (#side-by-side), and buttons that go to the next or previous change.
  function setupViews(box) {
    var views = Array.prototype.slice.call(box.querySelectorAll(":scope > .zan-view"));
    if (!views.length) return;
    var bar = document.createElement("div");
    bar.className = "zan-view-switch";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", box.getAttribute("data-label"));
    var buttons = views.map(function (view) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = view.querySelector("h2").textContent;
      b.addEventListener("click", function () {
        show(view);
        history.replaceState(null, "", "#" + view.getAttribute("data-view"));
      });
      bar.appendChild(b);
      return b;
    });
    var at = -1;
    function changes() {
      var view = views.filter(function (v) { return !v.hidden; })[0];
      return view ? Array.prototype.slice.call(view.querySelectorAll(".zan-diff > div, .zan-diff tbody > tr")) : [];
    }
    function go(step) {
      var list = changes();
      if (!list.length) return;
      list.forEach(function (c) { c.classList.remove("zan-change-current"); });
      at = Math.max(0, Math.min(list.length - 1, at + step));
      var el = list[at];
      el.classList.add("zan-change-current");
      el.scrollIntoView({ block: "center" });
    }
    [["prev", -1], ["next", 1]].forEach(function (d) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "zan-change-" + d[0];
      b.textContent = box.getAttribute("data-" + d[0]);
      b.addEventListener("click", function () { go(d[1]); });
      bar.appendChild(b);
    });
    function show(view) {
      views.forEach(function (v, i) {
        v.hidden = v !== view;
        buttons[i].setAttribute("aria-pressed", String(v === view));
      });
      at = -1;
    }
    box.insertBefore(bar, box.firstChild);
    var wanted = window.location.hash.slice(1);
    show(views.filter(function (v) { return v.getAttribute("data-view") === wanted; })[0] || views[0]);
  }
  // «Go to article N»: 15 → art_15, 15.2 or 15 2 → art_15__para_2, 9-1 → art_9-1.
  function setupGoto() {
    var form = document.getElementById("zan-goto");
    if (!form) return;
    form.hidden = false;
    var box = form.querySelector("input");
    var status = form.querySelector(".zan-goto-status");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var parts = box.value.trim().replace(/[^0-9\-\s.]/g, "").split(/[\s.]+/).filter(Boolean);
      if (!parts.length) return;
      var eid = "art_" + parts[0] + (parts[1] ? "__para_" + parts[1] : "") + (parts[2] ? "__subpara_" + parts[2] : "");
      var el = document.getElementById(eid);
      if (!el) {
        status.textContent = form.getAttribute("data-missing").replace("{n}", parts.join("."));
        return;
      }
      status.textContent = "";
      window.location.hash = eid;
      el.setAttribute("tabindex", "-1");
      el.focus();
    });
  }
  window.addEventListener("hashchange", fate);
  // The parallel view (generator/parallel.py, parallel_shell): the kk and the ru page of
  // the texts fetched and laid side by side, one row per eId in the texts' order; a unit
  // one text lacks stands where the other has it, as parallel.aligned does (difflib's rule:
  // the longest common run of eIds first, then the same on each side of it).
  function unitsOf(doc, base) {
    var out = [], act = doc.querySelector(".zan-act");
    if (!act) return out;
    act.querySelectorAll("section.zan-unit").forEach(function (sec) {
      var eid = sec.getAttribute("data-eid") || sec.id, own = [];
      if (!eid) return;
      Array.prototype.forEach.call(sec.children, function (el) {
        var copy;
        if (/^H[1-6]$/.test(el.tagName)) {  // the page's h2 are the column heads
          copy = document.createElement("h" + Math.min(6, +el.tagName[1] + 1));
          copy.className = "zan-h";
          copy.textContent = el.textContent;
        } else if (el.matches("p.zan-text, p.zan-note, table.zan-table")) {
          copy = document.importNode(el, true);
          copy.querySelectorAll("a[href]").forEach(function (a) {
            a.setAttribute("href", new URL(a.getAttribute("href"), base).href);
          });
        } else {
          return;
        }
        own.push(copy);
      });
      out.push({ eid: eid, own: own });
    });
    return out;
  }
  function matchingBlocks(a, b) {
    var b2j = {}, blocks = [], queue = [[0, a.length, 0, b.length]];
    b.forEach(function (x, j) { (b2j[x] = b2j[x] || []).push(j); });
    while (queue.length) {
      var q = queue.pop(), besti = q[0], bestj = q[2], best = 0, j2len = {};
      for (var i = q[0]; i < q[1]; i++) {
        var next = {};
        (b2j[a[i]] || []).forEach(function (j) {
          if (j < q[2] || j >= q[3]) return;
          var k = next[j] = (j2len[j - 1] || 0) + 1;
          if (k > best) { besti = i - k + 1; bestj = j - k + 1; best = k; }
        });
        j2len = next;
      }
      if (!best) continue;
      blocks.push([besti, bestj, best]);
      if (q[0] < besti && q[2] < bestj) queue.push([q[0], besti, q[2], bestj]);
      if (besti + best < q[1] && bestj + best < q[3]) queue.push([besti + best, q[1], bestj + best, q[3]]);
    }
    blocks.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    blocks.push([a.length, b.length, 0]);
    return blocks;
  }
  function parallelView(box) {
    var where = JSON.parse(box.getAttribute("data-zan-parallel"));
    var get = function (lg) {
      var url = new URL(where[lg], window.location.href);
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url);
        return r.text();
      }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        if (lg === document.documentElement.lang) toc = doc.querySelector("nav.md-nav--secondary");
        return unitsOf(doc, url);
      });
    };
    var toc = null;
    Promise.all([get("kk"), get("ru")]).then(function (texts) {
      var kk = texts[0], ru = texts[1], rows = document.createDocumentFragment();
      var row = function (eid, k, r) {
        var div = document.createElement("div");
        div.className = "zan-par-row";
        div.id = eid;
        [["kk", k], ["ru", r]].forEach(function (side) {
          var cell = document.createElement("div");
          cell.className = side[1] ? "zan-par-cell" : "zan-par-cell zan-par-missing";
          cell.lang = side[0];
          if (side[1]) {
            side[1].own.forEach(function (el) { cell.appendChild(el); });
          } else {
            var p = document.createElement("p");
            p.className = "zan-par-absent";
            p.textContent = where.absent;
            cell.appendChild(p);
          }
          div.appendChild(cell);
        });
        rows.appendChild(div);
      };
      var blocks = matchingBlocks(
        kk.map(function (u) { return u.eid; }), ru.map(function (u) { return u.eid; }));
      var i = 0, j = 0;
      blocks.forEach(function (m) {
        for (; i < m[0]; i++) row(kk[i].eid, kk[i], null);
        for (; j < m[1]; j++) row(ru[j].eid, null, ru[j]);
        for (var n = 0; n < m[2]; n++, i++, j++) row(kk[i].eid, kk[i], ru[j]);
      });
      box.appendChild(rows);
      // the contents panel: the page's language's text's own (its links are #eId: rows)
      var panel = document.querySelector("nav.md-nav--secondary");
      if (toc && panel) panel.replaceWith(document.importNode(toc, true));
      box.setAttribute("data-zan-rows", String(box.children.length - 1));
      // the unit the address names exists now: land on it (:target, scroll)
      if (window.location.hash) window.location.replace(window.location.href);
    });
  }
  // A unit marker points at a banner row that may stand in a closed section: open it.
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    var held = el && el.closest ? el.closest("details") : null;
    if (held && !held.open) { held.open = true; el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);
  document.addEventListener("DOMContentLoaded", function () {
    // Unit actions, built from the page's configuration: copy a link that names the
    // version, copy the citation in the legal form of the page's language, the same unit
    // in the other language, and (drafts under discussion) a prefilled remark. One bar per
    // text, shown for the unit under the pointer, the unit holding the keyboard focus or
    // the unit the address points to: no tab stop per unit, and (floating) it never moves
    // the text.
    document.querySelectorAll(".zan-act[data-zan]").forEach(setupActions);
    document.querySelectorAll("[data-zan-parallel]").forEach(parallelView);
    highlightHits();
    setupGoto();
    document.querySelectorAll(".zan-views").forEach(function (box) {
      sideBySide(box);
      box.querySelectorAll("[data-zan-pair]").forEach(pairView);
      setupViews(box);
    });
    // Last, when the page's own boxes are in place: the notice scrolls into view.
    fate();
    // Catalogue filters.
    var form = document.getElementById("zan-filter");
    if (form) {
      // The filters live in the address (?type=law&year=2013): a filtered catalogue can be
      // linked, bookmarked and restored by Back.
      var names = ["type", "status", "year"];
      var fromUrl = function () {
        var q = new URLSearchParams(window.location.search);
        names.forEach(function (n) {
          var el = form.elements[n], want = q.get(n) || "";
          el.value = Array.prototype.some.call(el.options, function (o) { return o.value === want; }) ? want : "";
        });
      };
      // The catalogue's rows come in parts by type and year (generator/catalogue.py): the
      // page holds the latest ones; a filter fetches the parts it needs (catalogue/index.json).
      var table = document.getElementById("zan-catalogue");
      var body = table.tBodies[0];
      var latest = body.innerHTML, parts = null, asked = 0;
      var base = new URL(table.getAttribute("data-zan-parts"), window.location.href);
      var fetchJson = function (url) {
        return fetch(url).then(function (r) { if (!r.ok) throw new Error(url); return r.json(); });
      };
      var filter = function () {
        var shown = 0;
        Array.prototype.forEach.call(body.rows, function (row) {
          var ok = names.every(function (n) { var v = form.elements[n].value; return !v || row.dataset[n] === v; });
          row.hidden = !ok;
          if (ok) shown += 1;
        });
        var none = document.getElementById("zan-nothing");
        if (none) none.hidden = shown > 0;
        table.setAttribute("data-zan-ready", "");
      };
      var apply = function () {
        var typ = form.elements.type.value, year = form.elements.year.value;
        var ask = ++asked;
        var latestNote = document.getElementById("zan-latest");
        if (latestNote) latestNote.hidden = !!(typ || year || form.elements.status.value);
        if (!typ && !year && !form.elements.status.value) {
          body.innerHTML = latest;
          filter();
          return;
        }
        table.removeAttribute("data-zan-ready");
        (parts ? Promise.resolve(parts) : fetchJson(base)).then(function (index) {
          parts = index;
          var wanted = index.parts.filter(function (p) {
            return (!typ || p[0] === typ) && (!year || p[1] === year);
          });
          return Promise.all(wanted.map(function (p) { return fetchJson(new URL(p[2] + ".json", base)); }));
        }).then(function (got) {
          if (ask !== asked) return; // a later choice is being fetched
          body.innerHTML = got.map(function (part) { return part.rows.join(""); }).join("");
          filter();
        });
      };
      form.addEventListener("change", function () {
        var q = new URLSearchParams();
        names.forEach(function (n) { if (form.elements[n].value) q.set(n, form.elements[n].value); });
        var s = q.toString();
        history.replaceState(null, "", window.location.pathname + (s ? "?" + s : "") + window.location.hash);
        apply();
      });
      window.addEventListener("popstate", function () { fromUrl(); apply(); });
      fromUrl();
      apply();
    }
    // Point in time: the version in force on a date (versions.json, no server). The last
    // version certainly in force that day, unless a later one's uncertain range holds it
    // (then every candidate is listed): generator/consolidate.py, version_at.
    document.querySelectorAll("form[data-zan-date-form]").forEach(function (df) {
      df.addEventListener("submit", function (event) {
        event.preventDefault();
        var day = df.elements.date.value, box = df.querySelector(".zan-date-answer");
        var base = new URL(df.getAttribute("data-base"), window.location.href);
        fetch(new URL(df.getAttribute("data-versions"), window.location.href)).then(function (r) {
          return r.json();
        }).then(function (versions) {
          var current = null, uncertain = [];
          versions.forEach(function (v, i) {
            var certain = i === 0 ? (v.latest === null || v.latest <= day) : (v.latest !== null && v.latest <= day);
            var inside = v.earliest !== null && v.earliest <= day && (v.latest === null || day < v.latest);
            if (i === 0 && v.earliest !== null && day < v.earliest) return;
            if (certain) { current = v; uncertain = []; } else if (inside) { uncertain.push(v); }
          });
          box.textContent = "";
          if (current === null && uncertain.length === 0) {
            box.textContent = df.getAttribute("data-before");
            box.hidden = false;
            return;
          }
          if (uncertain.length === 0) {
            window.location.href = new URL(current.href, base).href;
            return;
          }
          var p = document.createElement("p");
          p.textContent = df.getAttribute("data-may-be");
          box.appendChild(p);
          var ul = document.createElement("ul");
          (current ? [current] : []).concat(uncertain).forEach(function (v) {
            var li = document.createElement("li"), a = document.createElement("a");
            a.href = new URL(v.href, base).href;
            a.textContent = v.id + " (" + v.date + ")";
            li.appendChild(a);
            ul.appendChild(li);
          });
          box.appendChild(ul);
          box.hidden = false;
        });
      });
    });
  });
})();
