/* Wide tables scroll sideways on small screens. Make each scrolling area reachable
   with the keyboard, so it can be scrolled without a mouse (WCAG 2.1.1). */
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (area) {
    if (area.scrollWidth > area.clientWidth) {
      area.tabIndex = 0;
      area.setAttribute("role", "region");
      area.setAttribute("aria-label", "Tabel, scroll opzij voor meer kolommen");
    }
  });
});
