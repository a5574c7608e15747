/* Live count of who has voted (never how). The page works without this script. */
(function () {
  "use strict";
  var root = document.getElementById("ballot-live");
  if (!root || typeof io !== "function") { return; }
  var ballotId = parseInt(root.dataset.ballotId, 10);
  var announcer = document.getElementById("live-announcer");
  var counter = document.getElementById("voted-count");
  function announce(message) {
    if (!announcer) { return; }
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = message; }, 50);
  }
  var socket = window.coconLive(root.dataset.room, {
    joined: function (ok) { if (ok) { root.dataset.live = "joined"; } }
  });
  socket.on("ballot.voted", function (data) {
    if (!data || data.ballot_id !== ballotId || !counter) { return; }
    /* two server processes may relay counts out of order: a count never goes down */
    counter.textContent = String(Math.max(data.voted, parseInt(counter.textContent, 10) || 0));
  });
  socket.on("ballot.opened", function (data) {
    if (!data || data.ballot_id !== ballotId) { return; }
    var state = document.getElementById("ballot-state");
    var waiting = document.getElementById("ballot-waiting");
    var opened = document.getElementById("ballot-opened");
    if (state && root.dataset.labelOpen) { state.textContent = root.dataset.labelOpen; }
    if (waiting && opened) { waiting.hidden = true; opened.hidden = false; }
    announce(root.dataset.msgOpened);  /* the focus stays where it is */
  });
  socket.on("ballot.closed", function (data) {
    if (data && data.ballot_id === ballotId) { announce(root.dataset.msgClosed); }
  });
})();
