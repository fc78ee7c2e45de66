/* The search engine of the handbook, loaded by worker.js on first use, together
   with MiniSearch, the Dutch stemmer and the index (search/zoekindex.js).

   What it does better for Dutch:
   - every word is stemmed with the Dutch Snowball stemmer (lunr-languages'
     lunr.nl, shipped with Material), also the last word while you type;
   - diminutives find their base word (kaartje -> kaart);
   - parts of compounds are indexed too (netwerkkaart -> kaart), weighted below
     the word itself;
   - one typo is forgiven in words of six letters or more;
   - a word the index does not know is split into known parts
     (intervisiemethoden -> intervisie + methoden).

   It gives worker.js self.kixZoeker = { build(), search(engine, query) }. */
"use strict";

var WORD = /[\p{L}\p{N}]+/gu;
var DIMINUTIVE = /(?:etjes|etje|tjes|tje|pjes|pje|kjes|kje|jes|je)$/;
var MIN_PART = 4;             // shortest compound part we index (kaart, lijst, coach)
var MIN_COMPOUND = 8;         // shortest word we split into parts
var MAX_GROUPS = 10;          // pages in the result list
var MAX_SECTIONS = 4;         // sections shown under one page
var SNIPPET = 160;            // characters of text around the first match

/* -- Words -------------------------------------------------------------- */

function Words(vocabulary) {
  this.stopwords = self.lunr.nl.stopWordFilter.words;
  this.vocabulary = vocabulary;   // every word of the handbook, folded
  this.stems = new Map();
  this.terms = new Map();
  this.parts = new Map();
  this.baseStems = new Set();     // stems of the handbook's words that are not diminutives
  this.known = new Set();         // every term of the handbook
  var words = this;
  vocabulary.forEach(function (word) {
    if (!DIMINUTIVE.test(word)) words.baseStems.add(words.stem(word));
  });
  vocabulary.forEach(function (word) {
    var term = words.normalise(word);
    if (term) words.known.add(term);
  });
}

Words.prototype.stem = function (word) {
  var stem = this.stems.get(word);
  if (stem === undefined) {
    stem = self.lunr.nl.stemmer(word);
    this.stems.set(word, stem);
  }
  return stem;
};

/* The term a word is indexed and searched by: lower case, no accents, stemmed,
   a diminutive reduced to its base word when the handbook knows that word. */
Words.prototype.normalise = function (token) {
  var term = this.terms.get(token);
  if (term === undefined) {
    term = this.term(fold(token));
    this.terms.set(token, term);
  }
  return term;
};

Words.prototype.term = function (word) {
  if (this.stopwords.has(word)) return null;
  if (DIMINUTIVE.test(word)) {
    var endings = ["etjes", "etje", "tjes", "tje", "pjes", "pje", "kjes", "kje", "jes", "je"];
    for (var i = 0; i < endings.length; i++) {
      var ending = endings[i];
      if (word.length - ending.length >= 3 && word.endsWith(ending)) {
        var stem = this.stem(word.slice(0, -ending.length));
        if (this.baseStems.has(stem)) return stem;
      }
    }
  }
  return this.stem(word);
};

/* The known words a compound is made of, as terms: netwerkkaart -> netwerk, kaart. */
Words.prototype.compoundParts = function (token) {
  var parts = this.parts.get(token);
  if (parts) return parts;
  var word = fold(token);
  var found = new Set();
  if (word.length >= MIN_COMPOUND) {
    for (var i = MIN_PART; i <= word.length - MIN_PART; i++) {
      var head = word.slice(0, i), tail = word.slice(i);
      var headTerm = this.knownTerm(head) || (head.endsWith("s") && this.knownTerm(head.slice(0, -1)));
      var tailTerm = this.knownTerm(tail);
      if (headTerm) found.add(headTerm);
      if (tailTerm) found.add(tailTerm);
    }
  }
  found.delete(this.normalise(word));
  parts = Array.from(found);
  this.parts.set(token, parts);
  return parts;
};

/* A part counts when the handbook uses it as a word of its own. */
Words.prototype.knownTerm = function (word) {
  if (word.length < MIN_PART || !this.vocabulary.has(word)) return null;
  return this.normalise(word);
};

function fold(token) {
  return token.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function tokens(text) {
  return text.match(WORD) || [];
}

/* -- Index -------------------------------------------------------------- */

function build() {
  var entries = self.kixZoekindex;
  var vocabulary = new Set();
  entries.forEach(function (entry) {
    tokens(entry[1] + " " + entry[2]).forEach(function (t) { vocabulary.add(fold(t)); });
  });
  var words = new Words(vocabulary);
  var docs = entries.map(function (entry, id) {
    return {
      id: id, location: entry[0], title: entry[1], text: entry[2],
      page: entry[0].split("#")[0],
      titleParts: partsOf(words, entry[1]),
      textParts: partsOf(words, entry[2])
    };
  });
  var index = new self.MiniSearch({
    fields: ["title", "text", "titleParts", "textParts"],
    tokenize: tokens,
    processTerm: function (term, field) {
      return field === "titleParts" || field === "textParts" ? term : words.normalise(term);
    },
    searchOptions: {
      processTerm: function (term) { return words.normalise(term); },
      boost: { title: 6, text: 1, titleParts: 2, textParts: 0.3 },
      // One typo forgiven, for a word of six letters or more the handbook does not have.
      fuzzy: function (term) { return term.length >= 6 && !words.known.has(term) ? 1 : false; },
      prefix: function (term, i, terms) { return i === terms.length - 1 && term.length >= 3; },
      weights: { fuzzy: 0.3, prefix: 0.4 },
      // A page's own entry (not one of its sections) counts a little more.
      boostDocument: function (id) { return docs[id].location === docs[id].page ? 1.3 : 1; }
    }
  });
  index.addAll(docs);
  return { index: index, docs: docs, words: words };
}

/* The parts of the compounds in a text, each once. */
function partsOf(words, text) {
  var parts = new Set();
  new Set(tokens(text)).forEach(function (t) {
    words.compoundParts(t).forEach(function (part) { parts.add(part); });
  });
  return Array.from(parts).join(" ");
}

/* -- Query -------------------------------------------------------------- */

/* Each word the handbook does not know (also not by one typo or as the start of
   a word) is replaced by its known parts, which must all match. */
function expand(engine, query) {
  var words = engine.words;
  var typed = tokens(query).filter(function (t) { return words.normalise(t); });
  var queries = typed.map(function (token, i) {
    var term = words.normalise(token);
    var last = i === typed.length - 1;
    if (words.known.has(term) || last) return token;
    var parts = words.compoundParts(token);
    if (!parts.length) return token;
    return { combineWith: "AND", queries: parts, processTerm: function (t) { return t; } };
  });
  return { typed: typed, queries: queries };
}

function search(engine, query) {
  var expanded = expand(engine, query);
  if (!expanded.typed.length) return { items: [] };
  var results = engine.index.search({ combineWith: "AND", queries: expanded.queries });
  if (!results.length && expanded.queries.length > 1)
    results = engine.index.search({ combineWith: "OR", queries: expanded.queries });
  return { items: group(engine, ranked(engine, results, expanded.typed), expanded.typed) };
}

/* The order of the results: first by how they match, then by score.
   A page's title outranks its text, and in each the word itself outranks a part
   of a compound, a longer word that starts with it (while typing) or a word with
   one typo. Among pages whose title matches equally, a title with the word in
   the form that was typed (as a word, or as the end of a compound, where Dutch
   puts the main word) comes first. So "presentielijst" gives the page titled
   Presentielijst before pages that mention one, and "kaart" gives the page
   Kaarten om te printen, then the Netwerkkaart, then the card sets
   (Stoplichtkaarten), then pages that only mention a kaart. A section's heading
   counts as text: the page title decides. */
var MATCH = { titleWord: 3, titlePart: 2, textWord: 1, textPart: 0 };

function ranked(engine, results, typed) {
  var forms = typed.map(fold);
  return results
    .map(function (result) { return { result: result, strength: strength(engine, result, forms) }; })
    .sort(function (a, b) { return b.strength - a.strength || b.result.score - a.result.score; })
    .map(function (entry) { return entry.result; });
}

/* Twice how it matches (MATCH), plus one for a title with a typed form. */
function strength(engine, result, forms) {
  var doc = engine.docs[result.id];
  var isPage = doc.location === doc.page;
  var exact = new Set(result.queryTerms);
  var best = MATCH.textPart;
  Object.keys(result.match).forEach(function (term) {
    var word = exact.has(term);
    result.match[term].forEach(function (field) {
      var title = isPage && (field === "title" || field === "titleParts");
      var strength = title
        ? (word && field === "title" ? MATCH.titleWord : MATCH.titlePart)
        : (word && (field === "title" || field === "text") ? MATCH.textWord : MATCH.textPart);
      best = Math.max(best, strength);
    });
  });
  return 2 * best + (best >= MATCH.titlePart && typedForm(doc.title, forms) ? 1 : 0);
}

function typedForm(title, forms) {
  return tokens(title).some(function (token) {
    var word = fold(token);
    return forms.some(function (form) { return word === form || word.endsWith(form); });
  });
}

/* Material's result list: one group per page, best first, each with the page
   itself and its matching sections. */
function group(engine, results, typed) {
  var groups = new Map();
  results.forEach(function (result) {
    var doc = engine.docs[result.id];
    if (!groups.has(doc.page)) {
      if (groups.size === MAX_GROUPS) return;
      groups.set(doc.page, []);
    }
    var list = groups.get(doc.page);
    if (list.length < MAX_SECTIONS || doc.location === doc.page)
      list.push(item(engine, doc, result, typed));
  });
  var items = [];
  groups.forEach(function (list, page) {
    if (!list.some(function (entry) { return entry.location === page; })) {
      var doc = engine.docs.find(function (d) { return d.location === page; });
      if (doc) list.push({ location: doc.location, title: escape(doc.title), text: "", score: 0, terms: {} });
    }
    items.push(list);
  });
  return items;
}

function item(engine, doc, result, typed) {
  var matched = new Set(result.terms);
  var words = engine.words;
  var marks = function (token) {
    var term = words.normalise(token);
    return (term && matched.has(term)) ||
      words.compoundParts(token).some(function (part) { return matched.has(part); });
  };
  var terms = {};
  typed.forEach(function (token) {
    var term = words.normalise(token);
    terms[token] = result.queryTerms.some(function (q) {
      return q === term || words.compoundParts(token).indexOf(q) !== -1;
    }) || matched.has(term);
  });
  var shown = new Set();
  var title = highlight(doc.title, marks, shown), text = snippet(doc.text, marks, shown);
  // The words as they stand on the page, so Material marks them there too (?h=).
  shown.forEach(function (word) { if (!(word in terms)) terms[word] = true; });
  return { location: doc.location, title: title, text: text, score: result.score, terms: terms };
}

/* -- Display ------------------------------------------------------------ */

function highlight(text, marks, shown) {
  var html = "", last = 0;
  text.replace(WORD, function (token, offset) {
    html += escape(text.slice(last, offset));
    var marked = marks(token);
    if (marked) shown.add(token.toLowerCase());
    html += marked ? "<mark>" + escape(token) + "</mark>" : escape(token);
    last = offset + token.length;
    return token;
  });
  return html + escape(text.slice(last));
}

function snippet(text, marks, shown) {
  if (!text) return "";
  var first = -1, match, word = new RegExp(WORD.source, "gu");
  while (first < 0 && (match = word.exec(text)))
    if (marks(match[0])) first = match.index;
  var start = Math.max(0, first < 0 ? 0 : first - SNIPPET / 4);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  var end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  return "<p>" + (start > 0 ? "… " : "") + highlight(text.slice(start, end), marks, shown) +
    (end < text.length ? " …" : "") + "</p>";
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

self.kixZoeker = { build: build, search: search };
