// Timeline filters: by actor, place and kind of event. Works from file:// (no request, no module), by keyboard
// (plain form controls), and keeps its state in the URL's hash (#actor=nkr&place=stepanakert&kind=military)
// so a filtered view can be shared and reloaded. A hash without "=" is an event's anchor and is left alone.
// A timeline split into pages names its facets script in the form's data-facets: every event's page, kind, actors
// and places, as numbers (macros/context/timeline_filters.py), loaded with a <script> element, which works from
// file:// where fetch does not. Each page's form then fills its options from it, filters the page's own events,
// and lists how many events match on each page of the timeline, linked with the same filter.
(function () {
  "use strict";

  var FACETS = "explainerTimelineFacets";

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

  function fill(select, options, entities) {
    if (select.options.length > 1) return;
    options.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item[0];
      option.textContent = item[1];
      option.setAttribute("data-ids", item[2].map(function (number) { return entities[number]; }).join(" "));
      select.appendChild(option);
    });
  }

  function setup() {
    var form = document.getElementById("ex-filters");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    var src = form.getAttribute("data-facets");
    if (!src) { start(form, null, ""); return; }
    var root = src.replace(/assets\/timeline-facets\.js$/, "");
    if (window[FACETS]) { start(form, window[FACETS], root); return; }
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () { start(form, window[FACETS] || null, root); };
    script.onerror = function () { start(form, null, root); };
    document.head.appendChild(script);
  }

  // facets: the whole timeline's (null: this page's events only); root: the site's root, relative to this page.
  function start(form, facets, root) {
    var actor = form.elements.namedItem("actor");
    var place = form.elements.namedItem("place");
    if (facets) {
      fill(actor, facets.actors, facets.entities);
      fill(place, facets.places, facets.entities);
    }
    form.hidden = false;
    var kinds = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"));
    var events = Array.prototype.slice.call(document.querySelectorAll(".ex-timeline .ex-event"));
    var years = Array.prototype.slice.call(document.querySelectorAll(".ex-timeline .ex-year"));
    var count = form.querySelector(".ex-filter-count");
    var across = form.querySelector(".ex-filter-pages");
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

    function plural(number) { return number === 1 ? " event" : " events"; }

    // How many events match on each page of the timeline, from the facets; the list links each page, filtered.
    function showAcross(actorIds, placeIds, allowed, here) {
      var wantedActors = actorIds && {};
      var wantedPlaces = placeIds && {};
      (actorIds || []).forEach(function (id) { wantedActors[id] = true; });
      (placeIds || []).forEach(function (id) { wantedPlaces[id] = true; });
      var perPage = facets.pages.map(function () { return 0; });
      var total = 0;
      facets.events.forEach(function (event) {
        if (allowed[facets.kinds[event[1]]] === false) return;
        var ids = event[2].map(function (number) { return facets.entities[number]; });
        if (wantedActors && !ids.some(function (id) { return wantedActors[id]; })) return;
        if (wantedPlaces && !ids.some(function (id) { return wantedPlaces[id]; })) return;
        perPage[event[0]] += 1;
        total += 1;
      });
      var hash = state();
      while (across.firstChild) across.removeChild(across.firstChild);
      across.hidden = !hash;
      if (!hash) return total;
      if (!total) return total;
      var heading = document.createElement("p");
      heading.textContent = "Matching events on each page of the timeline:";
      across.appendChild(heading);
      var list = document.createElement("ul");
      facets.pages.forEach(function (page, number) {
        if (!perPage[number]) return;
        var item = document.createElement("li");
        var text = page[1] + " — " + perPage[number] + plural(perPage[number]);
        if (number === here) {
          item.textContent = text + " (this page)";
        } else {
          var link = document.createElement("a");
          link.href = root + page[0] + "#" + hash;
          link.textContent = text;
          item.appendChild(link);
        }
        list.appendChild(item);
      });
      across.appendChild(list);
      return total;
    }

    // The number of this page in the facets' list of pages (-1 on the timeline's overview).
    function thisPage() {
      if (!facets) return -1;
      // A folder's address and its index.html are the same page (from file:// the browser shows the latter).
      function plain(url) { return url.split("#")[0].replace(/index\.html$/, ""); }
      var here = plain(location.href);
      var found = -1;
      facets.pages.forEach(function (page, number) {
        var link = document.createElement("a");
        link.href = root + page[0];
        if (plain(link.href) === here) found = number;
      });
      return found;
    }
    var here = thisPage();

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
      var text = shown === events.length ? "Showing all " + shown + plural(shown)
        : "Showing " + shown + " of " + events.length + plural(events.length);
      if (facets && across) {
        var total = showAcross(actorIds, placeIds, allowed, here);
        var all = facets.events.length;
        var whole = (total === all ? "all " : total + " of ") + all + plural(all) + " on the whole timeline match.";
        text = events.length ? text + " on this page; " + whole : whole.charAt(0).toUpperCase() + whole.slice(1);
      }
      count.textContent = text + (facets ? "" : ".");
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
