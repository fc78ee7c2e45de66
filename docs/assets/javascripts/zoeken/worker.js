/* Search for the handbook: a web worker that speaks the message protocol of
   Material's search worker (setup 0, ready 1, query 2, result 3), so Material's
   search box, result list and keyboard keys stay as they are.

   Every page starts this worker, so it is kept small: the engine (engine.js),
   MiniSearch, the Dutch stemmer and the index (search/zoekindex.js) load on
   first use: when the search field gets focus (a message on the
   BroadcastChannel "kix-zoeken", sent by ../zoeken.js), at setup when the site
   is opened from file:// (Material sets up search only when it is opened
   there), or at the first query, whichever comes first. From file:// this runs
   inside an iframe (iframe-worker), where importScripts adds script elements
   and returns a promise. */
"use strict";

var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
var base = typeof document !== "undefined"
  ? document.querySelector("script[src]").src   // iframe-worker: the worker's own script
  : self.location.href;
var loaded = null;            // promise of the engine once loaded

function url(path) {
  return new URL(path, base).href;
}

function load() {
  if (!loaded)
    loaded = loadScripts().then(function () {
      return { search: self.kixZoeker.search, engine: self.kixZoeker.build() };
    });
  return loaded;
}

function loadScripts() {
  // lunr-languages expects a global lunr; it only needs these few parts of it.
  self.lunr = {
    Pipeline: { registerFunction: function () {} },
    generateStopWordFilter: function (words) {
      var filter = function (token) { return filter.words.has(token) ? undefined : token; };
      filter.words = new Set(words);
      return filter;
    }
  };
  return Promise.resolve(importScripts(
    url("../lunr/min/lunr.stemmer.support.min.js"),
    url("../lunr/min/lunr.nl.min.js"),
    url("minisearch.js"),
    url("engine.js"),
    url("../../../search/zoekindex.js")
  ));
}

function handle(message) {
  switch (message.type) {
    case MESSAGE.SETUP:
      if (location.protocol === "file:") load();
      return Promise.resolve({ type: MESSAGE.READY });
    case MESSAGE.QUERY:
      if (!/[\p{L}\p{N}]/u.test(message.data))
        return Promise.resolve({ type: MESSAGE.RESULT, data: { items: [] } });
      return load().then(function (zoeker) {
        return { type: MESSAGE.RESULT, data: zoeker.search(zoeker.engine, message.data) };
      });
    default:
      return Promise.reject(new TypeError("Onbekend zoekbericht: " + message.type));
  }
}

addEventListener("message", function (event) {
  handle(event.data).then(postMessage, function (error) {
    console.warn("Zoeken mislukt:", error);
    postMessage({ type: MESSAGE.RESULT, data: { items: [] } });
  });
});

if (typeof BroadcastChannel !== "undefined")
  new BroadcastChannel("kix-zoeken").onmessage = function () { load(); };
