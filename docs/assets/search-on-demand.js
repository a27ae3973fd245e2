// Load the search index when the reader goes to search, not with every page. Material requests
// search/search_index.json as soon as a page loads (366 KB for the seed site, ~1.5 MB at 5,000 events: more than
// the page, its CSS and its scripts together); this script, loaded before Material's, holds that one request
// until the search box takes focus (a click, a tap, or Material's "/", "s" and "f" keys), the search toggle is
// used, or the address asks for a search or a highlight (?q=, ?h=); and it makes Material's search worker only
// when Material first gives it a message (the index). From file:// Material loads
// search/search_index.js with a <script> instead, which is not held: nothing is transferred there.
(function () {
  "use strict";

  var INDEX = /(^|\/)search\/search_index\.json([?#]|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = false;

  function release() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.explainerIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.explainerIndex && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  // Material starts its search worker (40 KB) with the page too, and posts it nothing before the index has come:
  // over HTTP the worker is made on its first message, with the listeners and messages it was given meanwhile.
  // (From file:// the offline edition's Worker is the iframe shim, left as it is.)
  var Real = window.Worker;
  if (Real && location.protocol !== "file:") {
    var Deferred = function (url, options) {
      this.url = url;
      this.options = options;
      this.real = null;
      this.listeners = [];
    };
    Deferred.prototype.start = function () {
      if (!this.real) {
        this.real = new Real(this.url, this.options);
        var real = this.real;
        this.listeners.forEach(function (listener) { real.addEventListener.apply(real, listener); });
        if (this.onmessage) real.onmessage = this.onmessage;
        if (this.onerror) real.onerror = this.onerror;
      }
      return this.real;
    };
    Deferred.prototype.postMessage = function () {
      var real = this.start();
      return real.postMessage.apply(real, arguments);
    };
    Deferred.prototype.addEventListener = function () {
      this.listeners.push(Array.prototype.slice.call(arguments));
      if (this.real) this.real.addEventListener.apply(this.real, arguments);
    };
    Deferred.prototype.removeEventListener = function (type, listener) {
      this.listeners = this.listeners.filter(function (item) { return item[0] !== type || item[1] !== listener; });
      if (this.real) this.real.removeEventListener.apply(this.real, arguments);
    };
    Deferred.prototype.terminate = function () { if (this.real) this.real.terminate(); };
    window.Worker = Deferred;
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("[data-md-component=search-query], .md-search__input")) release();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") release();
  }, true);
  if (/[?&](q|h)=/.test(location.search)) release();
})();
