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
  function fate() {
    var data = document.getElementById("zan-fate");
    var box = document.getElementById("zan-fate-notice");
    if (!data || !box) return;
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var map = JSON.parse(data.textContent);
    var entry = hash ? map[hash] : null;
    if (!box.zanHome) box.zanHome = { parent: box.parentNode, next: box.nextSibling };
    if (box.parentNode !== box.zanHome.parent) box.zanHome.parent.insertBefore(box, box.zanHome.next);
    document.querySelectorAll(".zan-landed").forEach(function (el) { el.classList.remove("zan-landed"); });
    box.textContent = "";
    box.hidden = true;
    if (!entry && hash && !document.getElementById(hash) && EID.test(hash)) {
      entry = { text: box.getAttribute("data-never").replace("{eid}", hash) };
    }
    if (!entry) return;
    box.appendChild(document.createTextNode(entry.text));
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
  window.addEventListener("hashchange", fate);
  document.addEventListener("DOMContentLoaded", function () {
    fate();
    // Unit actions, built from the page's configuration: copy a link that names the
    // version, copy the citation in the legal form of the page's language, the same unit
    // in the other language, and (drafts under discussion) a prefilled remark.
    document.querySelectorAll(".zan-act[data-zan]").forEach(function (act) {
      var cfg = JSON.parse(act.getAttribute("data-zan"));
      var other = cfg.other ? new Set(cfg.other.eids) : null;
      act.querySelectorAll("section.zan-unit[data-cite]").forEach(function (unit) {
        var eid = unit.id;
        var box = document.createElement("span");
        box.className = "zan-actions";
        box.setAttribute("data-pagefind-ignore", "");
        var anchor = document.createElement("a");
        anchor.className = "zan-anchor";
        anchor.href = "#" + eid;
        anchor.textContent = "#";
        box.appendChild(anchor);
        // After the unit's own heading and text, before its children and notes.
        var next = null;
        for (var c = unit.firstElementChild; c; c = c.nextElementSibling) {
          if (!c.matches("p.zan-h, p.zan-text, table")) { next = c; break; }
        }
        unit.insertBefore(box, next);
        var cite = cfg.cite[0] + unit.getAttribute("data-cite") + cfg.cite[1];
        var link = document.createElement("button");
        link.type = "button";
        link.className = "zan-copy-link";
        link.setAttribute("data-href", cfg.href + "#" + eid);
        link.setAttribute("data-copied", cfg.labels.copied);
        link.textContent = cfg.labels.copy_link;
        box.appendChild(link);
        var citeButton = document.createElement("button");
        citeButton.type = "button";
        citeButton.className = "zan-copy-cite";
        citeButton.setAttribute("data-cite", cite);
        citeButton.setAttribute("data-copied", cfg.labels.copied);
        citeButton.textContent = cfg.labels.copy_cite;
        box.appendChild(citeButton);
        if (cfg.remark) {
          var url = new URL(cfg.href + "#" + eid, window.location.href).href;
          var remark = document.createElement("a");
          remark.className = "zan-remark";
          remark.href = "mailto:" + cfg.remark.to + "?subject=" + encodeURIComponent(cite) +
            "&body=" + encodeURIComponent(cite + "\n" + url + "\n\n");
          remark.textContent = cfg.remark.label;
          box.appendChild(remark);
        }
        if (other && other.has(eid)) {
          var alt = document.createElement("a");
          alt.className = "zan-other-lang";
          alt.lang = cfg.other.lang;
          alt.hreflang = cfg.other.lang;
          alt.href = cfg.other.href + "#" + eid;
          alt.textContent = cfg.other.name;
          box.appendChild(alt);
        }
      });
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
