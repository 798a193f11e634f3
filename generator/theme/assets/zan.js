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
  function fate() {
    var data = document.getElementById("zan-fate");
    var box = document.getElementById("zan-fate-notice");
    if (!data || !box) return;
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var map = JSON.parse(data.textContent);
    if (hash && map[hash]) {
      box.textContent = map[hash];
      box.hidden = false;
    } else {
      box.hidden = true;
    }
  }
  window.addEventListener("hashchange", fate);
  document.addEventListener("DOMContentLoaded", function () {
    fate();
    // «Remark on this unit»: a prefilled message naming the unit's citation and its
    // versioned link.
    document.querySelectorAll("a.zan-remark").forEach(function (a) {
      var url = new URL(a.getAttribute("data-href"), window.location.href).href;
      var cite = a.getAttribute("data-cite");
      a.href = "mailto:" + a.getAttribute("data-to") + "?subject=" + encodeURIComponent(cite) +
        "&body=" + encodeURIComponent(cite + "\n" + url + "\n\n");
    });
    // Catalogue filters.
    var form = document.getElementById("zan-filter");
    if (form) {
      var apply = function () {
        var type = form.elements.type.value, status = form.elements.status.value, year = form.elements.year.value;
        document.querySelectorAll("#zan-catalogue tbody tr").forEach(function (row) {
          var ok = (!type || row.dataset.type === type) && (!status || row.dataset.status === status) && (!year || row.dataset.year === year);
          row.hidden = !ok;
        });
      };
      form.addEventListener("change", apply);
      apply();
    }
  });
})();
