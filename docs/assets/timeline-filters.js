// Timeline filters: by actor, place and kind of event. Works from file:// (no request, no module), by keyboard
// (plain form controls), and keeps its state in the URL's hash (#actor=nkr&place=stepanakert&kind=military)
// so a filtered view can be shared and reloaded. A hash without "=" is an event's anchor and is left alone.
(function () {
  "use strict";

  function chosenIds(select) {
    var option = select.options[select.selectedIndex];
    if (!option || !option.value) return null;
    return (option.getAttribute("data-ids") || option.value).split(" ");
  }

  function overlaps(list, wanted) {
    if (!wanted) return true;
    var have = (list || "").split(" ");
    return wanted.some(function (id) { return have.indexOf(id) !== -1; });
  }

  function setup() {
    var form = document.getElementById("ex-filters");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    form.hidden = false;
    var actor = form.elements.namedItem("actor");
    var place = form.elements.namedItem("place");
    var kinds = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"));
    var events = Array.prototype.slice.call(document.querySelectorAll(".ex-timeline .ex-event"));
    var years = Array.prototype.slice.call(document.querySelectorAll(".ex-timeline .ex-year"));
    var count = form.querySelector(".ex-filter-count");
    // The time axis's marks (macros/site/axis.py) carry the same attributes; one mark may stand for several
    // events, so its kinds are a list too. A filtered-out mark is dimmed and leaves the keyboard's path.
    var marks = Array.prototype.slice.call(document.querySelectorAll(".ex-axis-mark"));

    function state() {
      var params = [];
      if (actor.value) params.push("actor=" + encodeURIComponent(actor.value));
      if (place.value) params.push("place=" + encodeURIComponent(place.value));
      var checked = kinds.filter(function (box) { return box.checked; });
      if (checked.length !== kinds.length) {
        params.push("kind=" + checked.map(function (box) { return encodeURIComponent(box.value); }).join("+"));
      }
      return params.join("&");
    }

    function apply() {
      var actorIds = chosenIds(actor);
      var placeIds = chosenIds(place);
      var shown = 0;
      var allowed = {};
      kinds.forEach(function (box) { allowed[box.value] = box.checked; });
      events.forEach(function (event) {
        var visible = overlaps(event.getAttribute("data-actors"), actorIds) &&
          overlaps(event.getAttribute("data-places"), placeIds) &&
          allowed[event.getAttribute("data-kind")] !== false;
        event.hidden = !visible;
        if (visible) shown += 1;
      });
      marks.forEach(function (mark) {
        var kept = overlaps(mark.getAttribute("data-actors"), actorIds) &&
          overlaps(mark.getAttribute("data-places"), placeIds) &&
          (mark.getAttribute("data-kind") || "").split(" ").some(function (kind) { return allowed[kind] !== false; });
        mark.classList.toggle("ex-axis-mark--out", !kept);
        if (kept) {
          mark.removeAttribute("tabindex");
          mark.removeAttribute("aria-hidden");
        } else {
          mark.setAttribute("tabindex", "-1");
          mark.setAttribute("aria-hidden", "true");
        }
      });
      years.forEach(function (year) {
        year.hidden = !year.querySelector(".ex-event:not([hidden])");
      });
      count.textContent = shown === events.length ? "Showing all " + shown + " events."
        : "Showing " + shown + " of " + events.length + " events.";
    }

    function save() {
      var hash = state();
      var url = location.pathname + location.search + (hash ? "#" + hash : "");
      try { history.replaceState(history.state, "", url); } catch (error) { location.hash = hash; }
    }

    function load() {
      var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
      if (hash.indexOf("=") === -1) return false;
      var params = {};
      hash.split("&").forEach(function (pair) {
        var parts = pair.split("=");
        params[parts[0]] = parts.slice(1).join("=");
      });
      actor.value = params.actor || "";
      if (actor.selectedIndex === -1) actor.value = "";
      place.value = params.place || "";
      if (place.selectedIndex === -1) place.value = "";
      var wanted = params.kind === undefined ? null : params.kind.split(/[+ ]/);
      kinds.forEach(function (box) { box.checked = !wanted || wanted.indexOf(box.value) !== -1; });
      return true;
    }

    form.addEventListener("change", function () { apply(); save(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      // The reset event fires before the controls are reset.
      setTimeout(function () { apply(); save(); }, 0);
    });
    window.addEventListener("hashchange", function () { if (load()) apply(); });
    load();
    apply();
  }

  // Material's instant navigation replaces the page without reloading scripts; document$ emits on each page.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
