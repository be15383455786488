// Search as you type: the laptop renders the result list; this only fetches and swaps it in.
(function () {
  "use strict";
  var box = document.getElementById("q");
  var results = document.getElementById("results");
  var main = document.getElementById("main");
  if (!box || !main || !window.fetch) { return; }
  var timer = null, pending = null, last = box.value;
  function run() {
    var q = box.value;
    if (q === last) { return; }
    last = q;
    if (pending) { pending.abort(); }  // a newer keystroke wins
    pending = window.AbortController ? new AbortController() : null;
    var url = "/results?q=" + encodeURIComponent(q);
    fetch(url, { credentials: "same-origin", signal: pending ? pending.signal : undefined })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null || q !== box.value) { return; }
        if (!results) {  // on a record or list page the results take the page's place
          results = document.createElement("section");
          results.id = "results";
          results.setAttribute("aria-live", "polite");
          main.textContent = "";
          main.appendChild(results);
        }
        results.innerHTML = html;  // server-rendered, every data string escaped there
        history.replaceState(null, "", q ? "/?q=" + encodeURIComponent(q) : "/");
      })
      .catch(function () {});
  }
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
})();
