"""A bare Flask app for comparison: one route rendering a Jinja template the size of a
thread page (a layout and the same posts), no database, no session, no extension.

    gunicorn --pythonpath bench bare_app:app    (BARE_POSTS_FILE: the posts to show, JSON)

What cocon's thread page costs beyond this is cocon's own work: loading the user and the
thread, permissions per post, translations, CSRF, security headers.
"""

from __future__ import annotations

import json
import os

from flask import Flask, render_template_string

app = Flask(__name__)

PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ title }}</title>
<link rel="stylesheet" href="/static/css/cocon.css"></head>
<body><header class="site-header"><nav><ul>{% for link in links %}<li><a href="{{ link }}">{{ link }}</a></li>{% endfor %}</ul></nav></header>
<main id="contenu"><h1>{{ title }}</h1>
<div id="posts" class="posts">
{% for post in posts %}<article class="post" id="message-{{ loop.index }}">
  <header class="post-header"><strong>{{ post.author }}</strong>
    <span class="meta"><a href="#message-{{ loop.index }}"><time datetime="{{ post.created_at }}">{{ post.created_at }}</time></a></span></header>
  <div class="prose post-body">{{ post.html|safe }}</div>
  <ul class="actions post-actions"><li><a href="?repondre={{ loop.index }}#reply-form">Répondre</a></li><li><a href="/signaler/{{ loop.index }}">Signaler</a></li></ul>
</article>
{% endfor %}</div>
<form method="post" class="form"><textarea name="body" rows="6"></textarea><button type="submit">Publier</button></form>
</main><footer class="site-footer"><p>cocon</p></footer></body></html>"""


def _posts() -> list[dict]:
    path = os.environ.get("BARE_POSTS_FILE")
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    return [{"author": f"Membre {i}", "created_at": "2026-11-23T14:00:00+00:00",
             "html": "<p>" + "Un message de forum ordinaire. " * 20 + "</p>"} for i in range(50)]


POSTS = _posts()


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/fil")
def thread():
    return render_template_string(PAGE, title="Un fil de discussion", posts=POSTS,
                                  links=["/", "/conseils", "/assistant", "/recherche"])
