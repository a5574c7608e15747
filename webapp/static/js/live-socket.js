/* One way into cocon's live namespace for every page.
   WebSocket only: each connection stays on the server process that accepted it, so several
   processes need no sticky sessions. Where a proxy blocks WebSockets, or while the connection
   is down, the page polls its catch-up URL instead, so it still follows the session. */
(function () {
  "use strict";
  var POLL_MS = window.coconLivePollMs || 15000;  // tests shorten both
  var GRACE_MS = window.coconLiveGraceMs || 5000;
  window.coconLive = function (room, handlers) {
    var socket = io("/live", {transports: ["websocket"]});
    var poll = null;
    function startPolling() {
      if (!poll && handlers.catchUp) { poll = window.setInterval(handlers.catchUp, POLL_MS); }
    }
    function stopPolling() {
      if (poll) { window.clearInterval(poll); poll = null; }
    }
    socket.on("connect", function () {
      stopPolling();
      socket.emit("join", {room: room}, function (ack) {
        if (handlers.joined) { handlers.joined(Boolean(ack && ack.ok)); }
      });
    });
    socket.on("connect_error", startPolling);
    // a proxy may also swallow the upgrade without an error: poll if nothing connects
    window.setTimeout(function () { if (!socket.connected) { startPolling(); } }, GRACE_MS);
    socket.on("disconnect", function () {
      startPolling();
      if (handlers.disconnected) { handlers.disconnected(); }
    });
    return socket;
  };
})();
