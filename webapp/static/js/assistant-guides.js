// Refreshes the indexing progress of /assistant/guides while a guide is being indexed.
(function () {
  "use strict";
  var section = document.getElementById("guide-indexing");
  if (!section || section.getAttribute("data-status") !== "running") { return; }
  var url = section.getAttribute("data-state-url");
  var bar = document.getElementById("guide-indexing-progress");
  var percent = document.getElementById("guide-indexing-percent");
  var message = document.getElementById("guide-indexing-message");
  var reload = document.getElementById("guide-indexing-reload");
  if (reload) { reload.hidden = true; }

  function show(state) {
    if (bar) { bar.value = state.progress; bar.textContent = state.progress + " %"; }
    if (percent) { percent.textContent = state.progress + " %"; }
    if (message && message.textContent !== state.message) { message.textContent = state.message; }
  }

  function poll() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (state) {
        show(state);
        if (state.status === "running") {
          window.setTimeout(poll, 1500);
        } else {
          window.setTimeout(function () { window.location.reload(); }, 1500);  // refresh the list of guides
        }
      })
      .catch(function () { if (reload) { reload.hidden = false; } });
  }
  window.setTimeout(poll, 1000);
}());
