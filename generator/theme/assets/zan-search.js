// zan: the search page over Pagefind's index of the page's language (pagefind.js API).
// Results link to the unit (eId anchor, searched words marked there by zan.js), filters by
// act type, status and year (search/facets.json), strings in the page's language, any base path. A result is
// shown only when its text holds every word searched for (by stem): Pagefind alone also
// returns pages for a shortened word when the word itself is nowhere.
(function () {
  "use strict";
  var root = document.getElementById("zan-search");
  if (!root) return;
  var o = JSON.parse(document.getElementById("zan-search-options").textContent);
  var t = o.strings;
  var abs = function (p) { return new URL(p, window.location.href).pathname; };
  var PAGE = 10;
  var LANG = root.getAttribute("data-lang");

  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += text[i].normalize("NFD")[0].toLowerCase();
    return out;
  }
  function stemsOf(query) {
    return (fold(query).match(/[\p{L}\p{N}]+/gu) || []).map(function (w) {
      // Russian is searched by stem (an ending of at most two Cyrillic letters: «услуги»
      // finds «услуга», «услугиzz» nothing); Kazakh, which Pagefind does not stem, by the
      // word as typed and its continuations («талқылау» finds «талқылауға»).
      var cut = LANG !== "ru" ? 0 : w.length >= 6 ? 2 : w.length >= 4 ? 1 : 0;
      while (cut > 0 && !/^[\u0400-\u04ff]+$/.test(w.slice(-cut))) cut--;
      return cut ? w.slice(0, -cut) : w;
    });
  }
  function holds(text, stems) {
    var words = fold(text).match(/[\p{L}\p{N}]+/gu) || [];
    return stems.every(function (s) {
      return words.some(function (w) { return w.indexOf(s) === 0; });
    });
  }
  function say(template, term, count) {
    return template.replace("[SEARCH_TERM]", term).replace("[COUNT]", String(count));
  }
  // An excerpt as text with Pagefind's <mark>s kept and nothing else.
  function excerpt(html) {
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    var p = document.createElement("p");
    p.className = "zan-search-excerpt";
    doc.body.childNodes.forEach(function (n) {
      if (n.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = n.textContent;
        p.appendChild(m);
      } else {
        p.appendChild(document.createTextNode(n.textContent));
      }
    });
    return p;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  var form = el("form", "zan-search-form");
  form.setAttribute("role", "search");
  var label = el("label", "zan-search-label", o.label);
  label.htmlFor = "zan-search-q";
  var input = el("input");
  input.id = "zan-search-q";
  input.type = "search";
  input.autocomplete = "off";
  input.placeholder = t.placeholder;
  var filtersBox = el("fieldset", "zan-search-filters");
  filtersBox.appendChild(el("legend", null, t.filters_label));
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(filtersBox);
  var message = el("p", "zan-search-message");
  message.setAttribute("role", "status");
  var list = el("ol", "zan-search-results");
  var more = el("button", "zan-search-more", t.load_more);
  more.type = "button";
  more.hidden = true;
  root.appendChild(form);
  root.appendChild(message);
  root.appendChild(list);
  root.appendChild(more);
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });

  var pagefind = null, selects = [], facets = { names: [], pages: {} }, found = [], shown = 0, token = 0;
  var base = abs("../../");

  // A result passes the filters when its page's values (search/facets.json) match them.
  function passes(url) {
    var path = decodeURI(url.split(/[?#]/)[0]);
    if (path.indexOf(base) === 0) path = path.slice(base.length);
    var values = facets.pages[path] || [];
    return selects.every(function (sel, i) { return !sel.value || values[i] === sel.value; });
  }
  function render(upto) {
    var stems = found.stems;
    (async function () {
      while (shown < upto && shown < found.length) {
        var d = found[shown++];
        var li = el("li", "zan-search-result");
        var a = el("a", "zan-search-link", d.meta.title || d.url);
        a.href = d.url;
        li.appendChild(a);
        li.appendChild(excerpt(d.excerpt));
        var subs = (d.sub_results || []).filter(function (s) {
          return s.url !== d.url && holds(s.excerpt.replace(/<[^>]*>/g, ""), stems);
        }).slice(0, 3);
        if (subs.length) {
          var ul = el("ul", "zan-search-subs");
          subs.forEach(function (s) {
            var sli = el("li");
            var sa = el("a", "zan-search-sublink", s.title);
            sa.href = s.url;
            sli.appendChild(sa);
            sli.appendChild(excerpt(s.excerpt));
            ul.appendChild(sli);
          });
          li.appendChild(ul);
        }
        list.appendChild(li);
      }
      more.hidden = shown >= found.length;
    })();
  }
  async function run() {
    var query = input.value.trim();
    var mine = ++token;
    list.textContent = "";
    more.hidden = true;
    if (!query) { message.textContent = ""; return; }
    message.textContent = say(t.searching, query, 0);
    var search = await pagefind.debouncedSearch(query, {}, 250);
    if (search === null || mine !== token) return;
    var stems = stemsOf(query);
    // The best 200 are read (the rest would be past any reader's patience).
    var datas = await Promise.all(search.results.slice(0, 200).map(function (r) { return r.data(); }));
    if (mine !== token) return;
    found = datas.filter(function (d) { return holds(d.content, stems) && passes(d.url); });
    found.stems = stems;
    shown = 0;
    message.textContent = found.length === 0 ? say(t.zero_results, query, 0)
      : say(found.length === 1 ? t.one_result : t.many_results, query, found.length);
    render(PAGE);
  }
  more.addEventListener("click", function () { render(shown + PAGE); });

  (async function () {
    pagefind = await import(abs(o.bundles[0]) + "pagefind.js");
    // Result links from the site's base as this page finds it («/site/» under a sub-path).
    await pagefind.options({ baseUrl: abs("../../"), highlightParam: o.highlightParam });
    for (var i = 1; i < o.bundles.length; i++) {
      await pagefind.mergeIndex(abs(o.bundles[i]), { baseUrl: abs("../../"), highlightParam: o.highlightParam });
    }
    try {
      facets = await (await fetch("facets.json")).json();
    } catch (e) { /* no filters */ }
    facets.names.forEach(function (name, i) {
      var values = {};
      Object.keys(facets.pages).forEach(function (p) {
        if (facets.pages[p][i]) values[facets.pages[p][i]] = true;
      });
      var lab = el("label", "zan-search-filter", name + " ");
      var sel = el("select");
      sel.appendChild(el("option", null, o.all)).value = "";
      Object.keys(values).sort().forEach(function (v) {
        sel.appendChild(el("option", null, v)).value = v;
      });
      sel.addEventListener("change", run);
      lab.appendChild(sel);
      filtersBox.appendChild(lab);
      selects.push(sel);
    });
    filtersBox.hidden = !selects.length;
    input.addEventListener("input", run);
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) input.value = q;
    if (input.value) run();
  })();
})();
