// A citation mark leads to its reference even when a long reference list is folded (<details class="ex-refs-fold">):
// open the fold for the address's #ref-N, on load and on every jump. Without script the fold opens by hand.
(function () {
  function openFor(hash) {
    if (!/^#ref-\d+$/.test(hash)) return;
    var target = document.getElementById(hash.slice(1));
    var fold = target && target.closest("details");
    if (fold && !fold.open) { fold.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", function () { openFor(location.hash); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#ref-"]');
    if (link) openFor(link.getAttribute("href"));
  });
  openFor(location.hash);
})();
