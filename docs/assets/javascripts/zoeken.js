/* Load the search index when the search is first used, not while the page loads:
   as soon as the search field gets focus (a click, a tap, or the "/" key), tell
   the search worker (zoeken/worker.js) to start loading. And let a screen reader
   say how many results there are when the list changes. */
(function () {
  var count = document.querySelector(".md-search-result__meta");
  if (count) {
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
  }
  if (typeof BroadcastChannel === "undefined") return;
  var asked = false;
  document.addEventListener("focusin", function (event) {
    if (asked || !event.target.matches || !event.target.matches(".md-search__input")) return;
    asked = true;
    new BroadcastChannel("kix-zoeken").postMessage("laden");
  });
})();
