// Autosave of the facilitator's notes. The forms work without this script; with it, each note
// is posted as JSON a few seconds after typing stops and when the tab is hidden or closed.
// A copy waits in localStorage until the server confirms it, so a note typed while the login
// had expired is restored and sent again once the facilitator has signed in.
(function () {
  "use strict";
  var DELAY = 2500;
  var token = document.querySelector("input[name=csrf_token]");
  var loginHint = document.getElementById("notes-login");

  function storageKey(form) { return "cocon-note:" + form.dataset.autosave; }
  function keep(form, body) {
    try { localStorage.setItem(storageKey(form), JSON.stringify({ body: body, at: Date.now() })); }
    catch (e) { /* storage full or disabled: the server copy is all we have */ }
  }
  function kept(form) {
    try { return JSON.parse(localStorage.getItem(storageKey(form)) || "null"); }
    catch (e) { return null; }
  }
  function forget(form, body) {
    var copy = kept(form);
    if (copy && copy.body === body) { localStorage.removeItem(storageKey(form)); }
  }

  function setup(form) {
    var area = form.querySelector("textarea");
    var status = form.querySelector(".note-status");
    var timer = null;
    var sent = area.value;
    var inFlight = false;

    function say(text) { status.textContent = text; }

    function send(keepalive) {
      clearTimeout(timer);
      var body = area.value;
      if (body === sent || (inFlight && !keepalive)) { return; }
      inFlight = true;
      say(form.dataset.msgSaving);
      fetch(form.dataset.autosave, {
        method: "POST", credentials: "same-origin", keepalive: !!keepalive,
        headers: { "Content-Type": "application/json", "Accept": "application/json",
                   "X-CSRFToken": token ? token.value : "" },
        body: JSON.stringify({ body: body })
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          inFlight = false;
          if (response.ok && data.saved) {
            sent = body;
            forget(form, body);
            say(data.message);
            if (area.value !== body) { schedule(); }
            return;
          }
          say(data.error || form.dataset.msgError);
          if (response.status === 401 || response.status === 400) {
            if (loginHint) { loginHint.hidden = false; }
          }
        });
      }).catch(function () {
        inFlight = false;
        say(form.dataset.msgError);
      });
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(function () { send(false); }, DELAY);
    }

    area.addEventListener("input", function () { keep(form, area.value); schedule(); });
    form.addEventListener("submit", function () { keep(form, area.value); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { send(true); }
    });
    window.addEventListener("pagehide", function () { send(true); });

    var copy = kept(form);
    if (copy && typeof copy.body === "string") {
      if (copy.body !== area.value) {
        area.value = copy.body;
        say(form.dataset.msgRestored);
        send(false);
      } else {
        localStorage.removeItem(storageKey(form));
      }
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), setup);
})();
