/* The register's search: which arrangements a query finds in the index the build made
   (search-index.js). The same rules as partnerfw's views/search.py, which the browser tests
   compare with this: words in any order and case, accents and apostrophes folded, plurals
   folded, each word of the query (but "the", "of" and the like) must begin a word of the
   arrangement's public text. */
(function (global) {
  "use strict";
  var MARKS = /\p{M}/gu;
  var APOSTROPHES = /['\u2018\u2019`]/g;
  var NOT_WORD = /[^\p{L}\p{N}]+/u;

  function words(text) {
    var plain = String(text).normalize("NFKD").replace(MARKS, "").toLowerCase()
      .replace(APOSTROPHES, "");
    return plain.split(NOT_WORD).filter(function (w) { return w !== ""; });
  }

  function endsWith(word, endings) {
    return endings.some(function (e) { return word.slice(-e.length) === e; });
  }

  function stem(word) {
    if (word.length <= 3) { return word; }
    if (endsWith(word, ["ies"]) && !endsWith(word, ["eies", "aies"])) {
      return word.slice(0, -3) + "y";
    }
    if (endsWith(word, ["es"]) && !endsWith(word, ["aes", "ees", "oes"])) {
      return word.slice(0, -1);
    }
    if (endsWith(word, ["s"]) && !endsWith(word, ["us", "ss"])) { return word.slice(0, -1); }
    return word;
  }

  function terms(query, stopWords) {
    var found = words(query);
    var kept = found.filter(function (w) { return stopWords.indexOf(w) === -1; });
    if (kept.length === 0) { kept = found; }
    var seen = [];
    kept.forEach(function (w) {
      var s = stem(w);
      if (seen.indexOf(s) === -1) { seen.push(s); }
    });
    return seen;
  }

  /* Where a record has the terms: {fields: [...] in the index's order, score}, or null. */
  function match(record, wanted, index) {
    var found = {};
    var score = 0;
    for (var i = 0; i < wanted.length; i += 1) {
      var best = 0;
      for (var key in record.fields) {
        if (Object.prototype.hasOwnProperty.call(record.fields, key) &&
            (" " + record.fields[key]).indexOf(" " + wanted[i]) !== -1) {
          found[key] = true;
          best = Math.max(best, index.weights[key] || 1);
        }
      }
      if (best === 0) { return null; }
      score += best;
    }
    var fields = index.order.filter(function (key) { return found[key]; });
    return { fields: fields, score: score };
  }

  /* A searcher over an index: find(query) gives {id: {fields, score}} of what it finds. */
  function searcher(index) {
    return {
      fields: index.fields,
      terms: function (query) { return terms(query, index.stop_words); },
      find: function (query) {
        var wanted = terms(query, index.stop_words);
        var results = {};
        index.records.forEach(function (record) {
          var found = match(record, wanted, index);
          if (found !== null) { results[record.id] = found; }
        });
        return results;
      }
    };
  }

  global.PartnerfwSearch = { words: words, stem: stem, searcher: searcher };
})(window);
