// Live casuïstiektafel session: the server says "revision N" over server-sent events; this swaps in
// the fresh live part of the page. The page works without it (forms post and redirect; a refresh link).
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.EventSource || !window.fetch) return;
  var status = function () { var s = live.querySelector("[data-status]"); return s ? s.getAttribute("data-status") : ""; };
  var revision = function () { var s = live.querySelector("[data-revision]"); return s ? s.getAttribute("data-revision") : ""; };
  var stamp = document.getElementById("live-stamp");
  var busy = false, again = false;

  function typing() {
    var t = document.querySelectorAll("textarea");
    for (var i = 0; i < t.length; i++) if (t[i].value.trim() !== "") return true;
    return false;
  }

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    var before = status();
    fetch(live.getAttribute("data-fragment"), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        live.innerHTML = html;
        // The forms below the live part depend on whether the session runs: reload when that changed,
        // unless someone is typing (they keep their text; the refresh link is there).
        if (status() !== before && !typing()) { window.location.reload(); return; }
        var current = live.querySelector("[data-current-case]");
        if (current) {
          var selects = document.querySelectorAll("select[data-follow-current]");
          for (var i = 0; i < selects.length; i++) {
            if (!selects[i].matches(":focus")) selects[i].value = current.getAttribute("data-current-case");
          }
        }
        var now = new Date();
        if (stamp) stamp.textContent = "(" + ("0" + now.getHours()).slice(-2) + ":" + ("0" + now.getMinutes()).slice(-2) + ":" + ("0" + now.getSeconds()).slice(-2) + ")";
      })
      .catch(function () { /* the next event tries again */ })
      .then(function () { busy = false; if (again) { again = false; refresh(); } });
  }

  var source = new EventSource(live.getAttribute("data-stream"));
  source.addEventListener("update", function (e) { if (e.data !== revision()) refresh(); });
  live.setAttribute("data-connected", "true");
})();
