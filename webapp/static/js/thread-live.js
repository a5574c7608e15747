/* Live thread: new, edited, hidden and deleted posts appear without reload, announced politely.
   After a reconnect, fetches the posts it missed. Never moves the focus. On an earlier page of
   a long thread, new posts are not added to the page: a link to the last page appears. */
(function () {
  "use strict";
  var list = document.getElementById("posts");
  if (!list || typeof io === "undefined") { return; }
  var room = "thread:" + list.dataset.threadId;
  var announcer = document.getElementById("live-announcer");
  var onLastPage = list.dataset.lastPage !== "false";
  var elsewhere = document.getElementById("posts-elsewhere");

  function lastId() {
    var max = 0;
    list.querySelectorAll("[data-post-id]").forEach(function (el) {
      max = Math.max(max, parseInt(el.dataset.postId, 10) || 0);
    });
    return max;
  }
  function say(template, name) {
    if (!announcer) { return; }
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = template.replace("%(name)s", name); }, 50);
  }
  function article(post) {
    var el = document.createElement("article");
    el.className = "post post-new";
    el.id = "message-" + post.id;
    el.dataset.postId = post.id;
    el.setAttribute("aria-labelledby", "message-" + post.id + "-author");
    var header = document.createElement("header");
    header.className = "post-header";
    var author = document.createElement("strong");
    author.id = "message-" + post.id + "-author";
    author.textContent = post.author;
    var meta = document.createElement("span");
    meta.className = "meta";
    var when = document.createElement("time");
    when.dateTime = post.created_at;
    when.textContent = new Date(post.created_at).toLocaleString(document.documentElement.lang || "fr");
    meta.appendChild(when);
    header.appendChild(author);
    header.appendChild(meta);
    el.appendChild(header);
    fill(el, post);
    return el;
  }
  function fill(el, post) {
    var old = el.querySelectorAll(".post-body, .post-trace, .post-actions, .alert");
    old.forEach(function (node) { node.remove(); });
    if (post.deleted || post.hidden) {
      var trace = document.createElement("p");
      trace.className = "post-trace";
      trace.textContent = post.deleted
        ? list.dataset.labelDeleted.replace("%(name)s", post.deleted_by || "")
        : list.dataset.labelHidden;
      el.appendChild(trace);
      return;
    }
    var body = document.createElement("div");
    body.className = "prose post-body";
    body.innerHTML = post.html; /* rendered and sanitised by the server (nh3 allow-list) */
    el.appendChild(body);
  }
  function fromServer(post) {
    /* the article rendered by the server for this reader, with the actions they may take */
    var template = document.createElement("template");
    template.innerHTML = post.article;
    var el = template.content.firstElementChild;
    if (el) { el.classList.add("post-new"); }
    return el;
  }
  function upsert(post, announce) {
    var existing = document.getElementById("message-" + post.id);
    var rendered = post.article ? fromServer(post) : null;
    if (existing) {
      if (rendered) {
        rendered.classList.remove("post-new");
        existing.replaceWith(rendered);
      } else {
        fill(existing, post);
      }
      if (announce) { say(list.dataset.labelUpdated, post.author); }
      return;
    }
    if (!onLastPage) {
      if (elsewhere) { elsewhere.hidden = false; }
      if (announce) { say(list.dataset.labelElsewhere, post.author); }
      return;
    }
    list.appendChild(rendered || article(post));
    if (announce) { say(list.dataset.labelNew, post.author); }
  }
  function live(post, announce) {
    /* the broadcast is the same for everyone: ask for this reader's version of the post */
    fetch(list.dataset.messagesUrl + "?post=" + encodeURIComponent(post.id),
      {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : {posts: []}; })
      .then(function (data) { upsert(data.posts.length ? data.posts[0] : post, announce); })
      .catch(function () { upsert(post, announce); });
  }
  function catchUp() {
    fetch(list.dataset.messagesUrl + "?after=" + lastId(), {credentials: "same-origin",
      headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : {posts: []}; })
      .then(function (data) {
        data.posts.forEach(function (p) { upsert(p, true); });
        if (data.more && onLastPage) { catchUp(); } /* at most 200 posts an answer */
      })
      .catch(function () {});
  }

  var joinedOnce = false;
  var socket = window.coconLive(room, {
    catchUp: catchUp,
    joined: function (ok) {
      if (!ok) { return; }
      list.dataset.live = "on";
      if (joinedOnce) { catchUp(); }
      joinedOnce = true;
    },
    disconnected: function () { list.dataset.live = "off"; }
  });
  window.coconThreadSocket = socket; /* exposed for tests and debugging */
  socket.on("post.created", function (p) { live(p, true); });
  socket.on("post.updated", function (p) { live(p, true); });
  socket.on("post.hidden", function (p) { live(p, false); });
  socket.on("post.deleted", function (p) { live(p, false); });
})();
