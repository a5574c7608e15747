/* The assistant page without reloading: the form posts to the JSON API, the answer is added
   to the conversation and announced to screen readers. Without JavaScript the form still
   works as a plain POST. Built with textContent only: nothing from the answer becomes HTML. */
(function () {
  "use strict";
  var form = document.getElementById("assistant-form");
  if (!form || !window.fetch) { return; }
  var conversation = document.getElementById("assistant-conversation");
  var status = document.getElementById("assistant-status");
  var field = document.getElementById("question");
  var lang = document.documentElement.lang || "fr";
  var T = lang === "fr" ? {
    thinking: "Recherche dans les guides…", ready: "Réponse reçue.", error: "La question n'a pas pu être traitée.",
    abstained: "Les guides ne répondent pas à cette question. Vous pouvez la proposer à un atelier thématique du conseil, qui pourra s'en saisir.",
    sources: "Sources", closest: "Passages les plus proches", context: "Lire dans son contexte",
    useful: "Cette réponse vous a-t-elle été utile ?", yes: "Oui", no: "Non", thanks: "Merci pour votre avis."
  } : {
    thinking: "Searching the guides…", ready: "Answer received.", error: "The question could not be handled.",
    abstained: "The guides do not answer this question. You can take it to a thematic workshop of the council, where members can work on it.",
    sources: "Sources", closest: "Closest passages", context: "Read it in context",
    useful: "Was this useful?", yes: "Yes", no: "No", thanks: "Thank you for your feedback."
  };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function citation(source) {
    var parts = ["« " + source.title + " »"];
    if (source.publisher) { parts.push(source.publisher); }
    if (source.year) { parts.push(String(source.year)); }
    if (source.section) { parts.push("« " + source.section + " »"); }
    return parts.join(", ");
  }

  function passageUrl(source) {
    return form.action.replace(/\/assistant$/, "/assistant/guides/") +
      encodeURIComponent(source.doc) + "/" + source.position;
  }

  function feedback(token) {
    var box = el("fieldset", null, "assistant-feedback");
    box.appendChild(el("legend", T.useful));
    [["yes", true], ["no", false]].forEach(function (pair) {
      var button = el("button", T[pair[0]], "button button-small" + (pair[1] ? "" : " button-secondary"));
      button.type = "button";
      button.addEventListener("click", function () {
        fetch(form.dataset.feedback, {method: "POST", headers: {"Content-Type": "application/json"},
          body: JSON.stringify({token: token, useful: pair[1]})}).then(function () {
          box.textContent = "";
          box.appendChild(el("p", T.thanks));
          status.textContent = T.thanks;
        });
      });
      box.appendChild(button);
    });
    return box;
  }

  function render(data) {
    var id = "answer-" + data.token;
    var article = el("article", null, "card assistant-answer");
    article.setAttribute("aria-labelledby", id + "-title");
    var title = el("h2", data.question, "assistant-question");
    title.id = id + "-title";
    title.tabIndex = -1;
    article.appendChild(title);
    if (data.abstained) {
      article.appendChild(el("p", T.abstained, "assistant-abstention"));
    } else {
      var list = el("ul", null, "assistant-sentences");
      data.citations.forEach(function (c) {
        var item = el("li");
        item.appendChild(el("q", c.sentence));
        var cite = el("cite");
        var link = el("a", String(c.source + 1));
        link.href = "#" + id + "-source-" + (c.source + 1);
        cite.appendChild(document.createTextNode(" ("));
        cite.appendChild(link);
        cite.appendChild(document.createTextNode(" — " + citation(data.sources[c.source]) + ")"));
        item.appendChild(cite);
        list.appendChild(item);
      });
      article.appendChild(list);
    }
    if (data.sources.length) {
      var details = el("details", null, "assistant-sources");
      details.open = !data.abstained;
      details.appendChild(el("summary", data.abstained ? T.closest : T.sources));
      var ol = el("ol");
      data.sources.forEach(function (s, i) {
        var li = el("li");
        li.id = id + "-source-" + (i + 1);
        li.appendChild(el("p", citation(s)));
        li.appendChild(el("blockquote", s.text));
        var more = el("a", T.context);
        more.href = passageUrl(s);
        var p = el("p");
        p.appendChild(more);
        li.appendChild(p);
        ol.appendChild(li);
      });
      details.appendChild(ol);
      article.appendChild(details);
    }
    article.appendChild(feedback(data.token));
    return article;
  }

  form.addEventListener("submit", function (event) {
    var question = field.value.trim();
    if (!question) { return; }  /* the browser's own validation speaks */
    event.preventDefault();
    status.textContent = T.thinking;
    fetch(form.dataset.api, {method: "POST", headers: {"Content-Type": "application/json", "Accept": "application/json"},
      body: JSON.stringify({question: question})})
      .then(function (response) {
        return response.json().then(function (data) { return {ok: response.ok, data: data}; });
      })
      .then(function (result) {
        if (!result.ok) { status.textContent = result.data.error || T.error; return; }
        var article = render(result.data);
        conversation.appendChild(article);
        field.value = "";
        status.textContent = T.ready + " " + (result.data.abstained ? T.abstained :
          result.data.citations.map(function (c) { return c.sentence; }).join(" "));
      })
      .catch(function () { status.textContent = T.error; });
  });
}());
