/* Live plenary page: follow the session's room and bring the page up to date.
   The page works without this script; it only adds liveness. Focus is never moved. */
(function () {
  "use strict";
  var root = document.getElementById("plenary-live");
  if (!root || typeof io !== "function") { return; }
  var announcer = document.getElementById("live-announcer");
  var last = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return values[key] === undefined ? "" : String(values[key]);
    });
  }
  function setText(id, value) {
    var el = document.getElementById(id);
    if (el && el.textContent !== String(value)) { el.textContent = value; }
  }
  function announce(message) {
    if (!announcer) { return; }
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = message; }, 50);
  }

  function apply(state, announceChanges) {
    var item = state.current_item;
    setText("current-item", item ? fill(root.dataset.msgItem, {
      n: item.position, total: state.item_count, title: item.title
    }) : root.dataset.msgNone);
    var agenda = document.getElementById("agenda");
    if (agenda) {
      Array.prototype.forEach.call(agenda.querySelectorAll("li[data-item-id]"), function (li) {
        var current = item && String(item.id) === li.dataset.itemId;
        li.classList.toggle("is-current", !!current);
        if (current) { li.setAttribute("aria-current", "step"); } else { li.removeAttribute("aria-current"); }
      });
    }
    var q = state.quorum;
    ["voting", "present", "represented", "required", "excused"].forEach(function (key) {
      setText("quorum-" + key, q[key]);
    });
    var status = document.getElementById("quorum-status");
    if (status) {
      status.textContent = q.met ? root.dataset.msgMet : root.dataset.msgNotMet;
      status.classList.toggle("quorum-met", q.met);
      status.classList.toggle("quorum-not-met", !q.met);
    }
    var badge = document.getElementById("plenary-state");
    var label = root.dataset["label" + state.state.charAt(0).toUpperCase() + state.state.slice(1)];
    if (badge && label) { badge.textContent = label; }

    if (announceChanges && last) {
      var messages = [];
      if (last.state !== state.state && label) {
        messages.push(fill(root.dataset.msgAnnounceState, {state: label}));
      }
      var before = last.current_item ? last.current_item.id : null;
      if (item && item.id !== before) {
        messages.push(fill(root.dataset.msgAnnounceItem, {title: item.title}));
      }
      if (last.quorum.present !== q.present || last.quorum.represented !== q.represented) {
        messages.push(fill(root.dataset.msgAnnounceAttendance, q));
      }
      if (last.quorum.met !== q.met) {
        messages.push(q.met ? root.dataset.msgMet : root.dataset.msgNotMet);
      }
      if (messages.length) { announce(messages.join(" ")); }
    }
    last = state;
    root.dataset.liveVersion = String((parseInt(root.dataset.liveVersion || "0", 10)) + 1);
  }

  function catchUp(announceChanges) {
    fetch(root.dataset.stateUrl, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) { if (state) { apply(state, announceChanges); } })
      .catch(function () { /* the next event or reconnection will try again */ });
  }

  var socket = window.coconLive(root.dataset.room, {
    catchUp: function () { catchUp(true); },
    joined: function (ok) {
      if (!ok) { return; }
      root.dataset.live = "joined";
      catchUp(last !== null);  // after a reconnection, fetch what was missed
    },
    disconnected: function () { root.dataset.live = "disconnected"; }
  });
  socket.on("plenary.updated", function (state) { apply(state, true); });
  socket.on("plenary.attendance", function (state) { apply(state, true); });
  socket.on("ballot.opened", function (data) {
    var notice = document.getElementById("ballot-opened-notice");
    if (!data || !notice || !root.dataset.ballotUrl) { return; }
    var link = document.createElement("a");
    link.href = root.dataset.ballotUrl.replace("{id}", String(data.ballot_id));
    link.textContent = fill(root.dataset.msgBallotOpened, {question: data.question});
    notice.textContent = "";
    notice.appendChild(link);
    notice.hidden = false;
    announce(link.textContent);  /* a link to follow, the focus stays where it is */
  });
})();
