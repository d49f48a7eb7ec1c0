/* Enhances the register table: search (best match first), live filtering and sorting in
   place. Without JavaScript the page works the same through pre-rendered sorted and filtered
   pages. */
(function () {
  "use strict";
  var table = document.querySelector("table[data-register]");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var order = rows.slice();  /* the rows in the order of the column sorted by */
  var status = document.getElementById("register-status");
  var caption = table.caption;
  var title = caption ? caption.getAttribute("data-title") : null;
  var form = document.querySelector("form[data-filter]");
  var index = window.PARTNERFW_SEARCH_INDEX;
  var search = index && window.PartnerfwSearch ? window.PartnerfwSearch.searcher(index) : null;
  var FACETS = ["kind", "class", "status"];
  var LONG_REGISTER = 200;
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var sorted = null;  /* {index, direction} of the column sorted by */
  var ranked = false;  /* searching, and the rows are best match first */
  var byColumn = false;  /* the reader sorted by a column while searching */

  headers.forEach(function (th, i) {
    var direction = th.getAttribute("aria-sort");
    if (direction) { sorted = { index: i, direction: direction }; }
  });

  function say(text) { if (status) { status.textContent = text; } }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function label(i) {
    return headers[i].textContent.replace("(sort by this)", "").trim().toLowerCase();
  }

  /* The caption and the headings say how the rows are ordered. */
  function describeOrder() {
    headers.forEach(function (th, i) {
      if (!ranked && sorted && i === sorted.index) { th.setAttribute("aria-sort", sorted.direction); }
      else { th.removeAttribute("aria-sort"); }
    });
    if (!caption || !title) { return; }
    if (ranked) { caption.textContent = title + ", best match first"; }
    else if (sorted) { caption.textContent = title + ", sorted by " + label(sorted.index); }
  }

  /* Which rows a query finds: {id: {fields, score}}, or by name alone without the index. */
  function found(query) {
    if (search) { return search.find(query); }
    var results = {};
    rows.forEach(function (row) {
      if (row.getAttribute("data-name").indexOf(query.toLowerCase()) !== -1) {
        results[row.getAttribute("data-id")] = { fields: ["name"], score: 1 };
      }
    });
    return results;
  }

  /* Under the name: where else the words were found, when not in a column the table shows.
     Changed only when it changes, so a search on a long register touches few rows. */
  var IN_THE_TABLE = ["name", "kind", "department"];
  function note(row, result) {
    var others = (result ? result.fields : []).filter(function (f) {
      return IN_THE_TABLE.indexOf(f) === -1;
    });
    var text = search && others.length ? "Found in: " + others.map(function (f) {
      return search.fields[f];
    }).join("; ") : "";
    if ((row.partnerfwNote || "") === text) { return; }
    row.partnerfwNote = text;
    var cell = row.cells[0];
    var old = cell.querySelector(".found-in");
    if (old) { cell.removeChild(old); }
    if (!text) { return; }
    var span = document.createElement("span");
    span.className = "found-in";
    span.textContent = text;
    cell.appendChild(span);
  }

  /* The positions in seq of a longest increasing run of its values (not contiguous). */
  function longestIncreasing(seq) {
    var tails = [], before = [];
    seq.forEach(function (value, i) {
      var lo = 0, hi = tails.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (seq[tails[mid]] < value) { lo = mid + 1; } else { hi = mid; }
      }
      before[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
    });
    var keep = {};
    for (var i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = before[i]) {
      keep[i] = true;
    }
    return keep;
  }

  /* Puts the shown rows in this order, moving as few as can be (hidden rows may stay where
     they are): moving a row makes the browser lay it out again, which on a register of
     a thousand arrangements is what a search waits for. */
  function place(wanted) {
    var at = new Map();
    Array.prototype.forEach.call(body.rows, function (row, i) { at.set(row, i); });
    var keep = longestIncreasing(wanted.map(function (row) { return at.get(row); }));
    var next = null;
    for (var i = wanted.length - 1; i >= 0; i -= 1) {
      if (!keep[i]) { body.insertBefore(wanted[i], next); }
      next = wanted[i];
    }
  }

  function remember(query, wanted) {
    var params = new URLSearchParams();
    if (query) { params.set("q", query); }
    FACETS.forEach(function (f) { if (wanted[f]) { params.set(f, wanted[f]); } });
    var address = window.location.pathname + (params.toString() ? "?" + params : "");
    try { window.history.replaceState(null, "", address); } catch (e) { /* file:// */ }
  }

  function apply() {
    var query = form ? form.elements.q.value.trim() : "";
    var wanted = {};
    FACETS.forEach(function (f) { wanted[f] = form ? form.elements[f].value : ""; });
    var results = query ? found(query) : null;
    if (!query) { byColumn = false; }
    ranked = Boolean(results) && !byColumn;
    var shown = 0;
    rows.forEach(function (row) {
      var result = results ? results[row.getAttribute("data-id")] : null;
      var ok = !results || result !== undefined;
      FACETS.forEach(function (f) {
        if (wanted[f] && row.getAttribute("data-" + f) !== wanted[f]) { ok = false; }
      });
      if (row.hidden === ok) { row.hidden = !ok; }
      note(row, result);
      if (ok) { shown += 1; }
    });
    var placed = order.filter(function (row) { return !row.hidden; });
    if (ranked) {  /* a stable sort: equal matches keep the column's order */
      var score = function (row) { return results[row.getAttribute("data-id")].score; };
      placed.sort(function (a, b) { return score(b) - score(a); });
    }
    place(placed);
    describeOrder();
    var text = "Showing " + shown + " of " + plural(rows.length, "arrangement");
    if (query && shown === 0) {
      text += ": none has every word of \u201c" + query + "\u201d; check the spelling or " +
        "use fewer words";
    } else if (query) {
      text += " found for \u201c" + query + "\u201d";
      if (ranked && shown > 1) { text += ", best match first"; }
    }
    say(text);
    remember(query, wanted);
  }

  function value(row, i) { return row.cells[i].getAttribute("data-value") || ""; }
  function sortBy(i, direction) {
    var key = headers[i].getAttribute("data-sort-key");
    var numeric = key === "resources" || key === "status";
    order = rows.slice().sort(function (a, b) {
      var x = value(a, i), y = value(b, i), result;
      if (numeric) { result = parseFloat(x) - parseFloat(y); }
      else { result = x < y ? -1 : (x > y ? 1 : 0); }
      if (result === 0) { result = value(a, 0) < value(b, 0) ? -1 : 1; }
      return direction === "ascending" ? result : -result;
    });
    sorted = { index: i, direction: direction };
    byColumn = Boolean(form && form.elements.q.value.trim());
    if (form) { apply(); } else {
      place(order);
      describeOrder();
    }
    say("Sorted by " + label(i) + ", " + direction);
  }

  if (form) {
    form.hidden = false;
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { form.elements.q.value = params.get("q"); }
    FACETS.forEach(function (f) {
      var chosen = params.get(f);
      var select = form.elements[f];
      if (chosen && Array.prototype.some.call(select.options, function (o) {
        return o.value === chosen;
      })) { select.value = chosen; }
    });
    /* On a long register a search waits for a pause in the typing, so each key stays quick
       and a screen reader hears only the count for the words typed. */
    var pause = rows.length > LONG_REGISTER ? 150 : 0;
    var waiting = null;
    form.addEventListener("input", function () {
      if (!pause) { apply(); return; }
      window.clearTimeout(waiting);
      waiting = window.setTimeout(apply, pause);
    });
    form.addEventListener("change", function () { window.clearTimeout(waiting); apply(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(waiting);
      apply();
    });
    if (params.toString()) { apply(); }
  }

  headers.forEach(function (th, i) {
    var text = th.textContent.replace("(sort by this)", "").trim();
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.addEventListener("click", function () {
      var next = !ranked && sorted && sorted.index === i && sorted.direction === "ascending"
        ? "descending" : "ascending";
      sortBy(i, next);
    });
    th.textContent = "";
    th.appendChild(button);
  });
})();
