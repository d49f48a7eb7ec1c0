/* Enhances the register table: live filtering and sorting in place. Without JavaScript the
   page works the same through pre-rendered sorted and filtered pages. */
(function () {
  "use strict";
  var table = document.querySelector("table[data-register]");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var status = document.getElementById("register-status");
  var form = document.querySelector("form[data-filter]");

  function say(text) { if (status) { status.textContent = text; } }

  if (form) {
    form.hidden = false;
    var apply = function () {
      var query = form.elements.q.value.trim().toLowerCase();
      var wanted = { kind: form.elements.kind.value, "class": form.elements["class"].value,
                     status: form.elements.status.value };
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!query || row.getAttribute("data-name").indexOf(query) !== -1);
        Object.keys(wanted).forEach(function (facet) {
          if (wanted[facet] && row.getAttribute("data-" + facet) !== wanted[facet]) { ok = false; }
        });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      say("Showing " + shown + " of " + rows.length + " arrangements");
    };
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  }

  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function value(row, index) { return row.cells[index].getAttribute("data-value") || ""; }
  function sortBy(index, direction) {
    var numeric = headers[index].getAttribute("data-sort-key") === "resources" ||
                  headers[index].getAttribute("data-sort-key") === "status";
    var sorted = rows.slice().sort(function (a, b) {
      var x = value(a, index), y = value(b, index), result;
      if (numeric) { result = parseFloat(x) - parseFloat(y); }
      else { result = x < y ? -1 : (x > y ? 1 : 0); }
      if (result === 0) { result = value(a, 0) < value(b, 0) ? -1 : 1; }
      return direction === "ascending" ? result : -result;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (th, i) {
      if (i === index) { th.setAttribute("aria-sort", direction); }
      else { th.removeAttribute("aria-sort"); }
    });
    say("Sorted by " + headers[index].textContent.trim().toLowerCase() + ", " + direction);
  }
  headers.forEach(function (th, index) {
    var label = th.textContent.replace("(sort by this)", "").trim();
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", function () {
      var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      sortBy(index, next);
    });
    th.textContent = "";
    th.appendChild(button);
  });
})();
