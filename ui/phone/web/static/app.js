// werkstatt on phones: live updates. Without this script every page works
// by plain form posts; with it, the page listens to /events?page=<its
// name> (server-sent events, or a poll every 5 s where EventSource is
// missing), fetches itself again when what it shows changed and swaps its
// live parts (the elements whose id starts with "live-"), leaving a field
// being typed in alone. It also counts the phase's countdown down each second.
(function () {
  "use strict";
  var body = document.body;
  if (!body || !body.getAttribute("data-live")) { return; }
  var busy = false;

  function swap(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var parts = doc.querySelectorAll("[id^='live-']");
    for (var i = 0; i < parts.length; i++) {
      var old = document.getElementById(parts[i].id);
      if (!old) { location.reload(); return; }
      if (old.contains(document.activeElement) && document.activeElement !== body) { continue; }
      old.parentNode.replaceChild(document.importNode(parts[i], true), old);
    }
    var head = document.getElementById("live-head");
    if (!head && doc.getElementById("live-head")) { location.reload(); }
    tick();
  }

  function refresh() {
    if (busy) { return; }
    busy = true;
    var url = location.pathname + location.search.replace(/([?&])(ok|err)=[^&]*/g, "$1");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { if (r.redirected || !r.ok) { throw r; } return r.text(); })
      .then(swap)
      .catch(function () {})
      .then(function () { busy = false; });
  }

  function tick() {
    var t = document.querySelector(".timer[data-set='1'][data-running='1']");
    if (!t) { return; }
    if (!t.getAttribute("data-base")) {
      t.setAttribute("data-base", t.getAttribute("data-secs"));
      t.setAttribute("data-at", String(Date.now()));
    }
    var left = parseInt(t.getAttribute("data-base"), 10) - Math.floor((Date.now() - parseInt(t.getAttribute("data-at"), 10)) / 1000);
    var a = Math.abs(left), m = Math.floor(a / 60), s = a % 60;
    var clock = m + ":" + (s < 10 ? "0" : "") + s;
    var de = document.documentElement.lang === "de";
    t.textContent = left >= 0 ? (de ? "noch " + clock : clock + " left") : (de ? "Zeit um (" + clock + " drüber)" : "time is up (" + clock + " over)");
  }
  setInterval(tick, 1000);

  if (window.EventSource && window.fetch && window.DOMParser) {
    var first = true;
    // The page named, the stream tells only of what this page shows.
    var es = new EventSource("/events?page=" + encodeURIComponent(body.getAttribute("data-page") || ""));
    es.onmessage = function () { if (first) { first = false; return; } refresh(); };
  } else if (window.fetch && window.DOMParser) {
    setInterval(refresh, 5000);
  } else {
    setInterval(function () { if (!document.querySelector("textarea:focus")) { location.reload(); } }, 15000);
  }
})();
