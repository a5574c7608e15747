"""Long threads are paginated (50 posts a page): navigation, lasting post addresses, replies
across pages, posting lands on the right page, and the catch-up JSON is bounded."""

import re

import pytest
from sqlalchemy import select

from cocon.db import utcnow
from cocon.workshops import forum as forum_core
from cocon.workshops.forum import POSTS_PER_PAGE
from cocon.workshops.models import Post, Thread
from webapp.blueprints.workshops import CATCH_UP_LIMIT

TOTAL = 2 * POSTS_PER_PAGE + 20  # three pages: 50, 50, 20


@pytest.fixture
def long_thread(app_db, forum):
    """A thread of 120 posts by the member, the 60th replying to the 10th."""
    now = utcnow()
    thread = forum_core.start_thread(app_db, forum.workshop, author=forum.member,
                                     title="Restauration collective", body="Message 1",
                                     now=now).post.thread
    posts = app_db.scalars(select(Post).where(Post.thread_id == thread.id)).all()
    for n in range(2, TOTAL + 1):
        reply_to = posts[9].id if n == 60 else None
        posts.append(forum_core.add_post(app_db, thread, author=forum.member, now=now,
                                         body=f"Message {n}", reply_to_id=reply_to).post)
    app_db.commit()
    url = f"{forum.w}/fils/{thread.id}"
    return thread, posts, url


def shown(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'data-post-id="(\d+)"', page)]


def test_pages_of_fifty_with_navigation_in_both_places(client, long_thread):
    _thread, posts, url = long_thread
    first = client.get(url).data.decode()
    assert shown(first) == [p.id for p in posts[:50]]
    assert first.count("Page 1 sur 3") == 2
    assert 'aria-label="Pages du fil"' in first and 'aria-label="Pages du fil (en bas)"' in first
    assert f'rel="next" href="{url}?page=2"' in first and 'rel="prev"' not in first
    assert f'href="{url}?page=3">Dernière page' in first
    assert 'data-last-page="false"' in first
    middle = client.get(f"{url}?page=2").data.decode()
    assert shown(middle) == [p.id for p in posts[50:100]]
    assert f'rel="prev" href="{url}"' in middle and f'rel="next" href="{url}?page=3"' in middle
    last = client.get(f"{url}?page=3").data.decode()
    assert shown(last) == [p.id for p in posts[100:]]
    assert 'rel="next"' not in last and 'data-last-page="true"' in last


@pytest.mark.parametrize("asked, expected", [("999", 3), ("0", 1), ("-4", 1), ("deux", 1),
                                             ("99999999999999999999999", 3), ("2.5", 1)])
def test_any_page_number_gives_a_page_never_an_error(client, long_thread, asked, expected):
    _thread, posts, url = long_thread
    response = client.get(f"{url}?page={asked}")
    assert response.status_code == 200
    assert f"Page {expected} sur 3" in response.data.decode()


def test_a_short_thread_has_no_page_navigation(client, login, forum):
    login(forum.member)
    thread_url = client.post(forum.w, data={"title": "Court", "body": "Seul"}).headers["Location"]
    page = client.get(thread_url).data.decode()
    assert "Pages du fil" not in page and 'data-last-page="true"' in page


def test_a_post_s_lasting_address_leads_to_its_page(client, long_thread, forum):
    _thread, posts, url = long_thread
    for index, page in ((0, None), (49, None), (50, 2), (119, 3)):
        response = client.get(f"{forum.w}/messages/{posts[index].id}")
        assert response.status_code == 302
        suffix = f"?page={page}" if page else ""
        assert response.headers["Location"] == f"{url}{suffix}#message-{posts[index].id}"


def test_lasting_addresses_of_other_workshops_and_unknown_posts_are_not_found(
        client, login, long_thread, forum):
    _thread, posts, _url = long_thread
    assert client.get(f"{forum.p}/messages/{posts[0].id}").status_code == 404
    assert client.get(f"{forum.w}/messages/987654").status_code == 404


def test_notifications_and_search_keep_the_lasting_address(client, login, long_thread, forum,
                                                           app_db):
    thread, posts, url = long_thread
    login(forum.facilitator)
    response = client.post(f"{url}?page=1", data={"body": "Réponse à @Lucie Ernst tardive",
                                                  "reply_to": str(posts[110].id)})
    assert response.status_code == 302
    reply = app_db.scalar(select(Post).order_by(Post.id.desc()))
    assert response.headers["Location"] == f"{url}?page=3#message-{reply.id}"
    from cocon.notifications import Notification
    note = app_db.scalar(select(Notification).where(Notification.user_id == forum.member.id)
                         .order_by(Notification.id.desc()))
    assert note.url == f"{forum.w}/messages/{reply.id}"
    assert client.get(note.url).headers["Location"].endswith(f"?page=3#message-{reply.id}")


def test_a_reply_to_a_post_on_another_page_links_to_its_lasting_address(client, long_thread,
                                                                         forum):
    _thread, posts, url = long_thread
    page = client.get(f"{url}?page=2").data.decode()
    reply = page[page.index(f'id="message-{posts[59].id}"'):]
    reply = reply[:reply.index("</article>")]
    assert f'href="{forum.w}/messages/{posts[9].id}">en réponse à un message' in reply


def test_a_reply_to_a_post_on_the_same_page_links_to_its_anchor(client, login, forum, app_db):
    login(forum.member)
    thread_url = client.post(forum.w, data={"title": "Court", "body": "Un"}).headers["Location"]
    first = app_db.scalar(select(Post).order_by(Post.id.desc()))
    client.post(thread_url, data={"body": "Deux", "reply_to": str(first.id)})
    page = client.get(thread_url.split("#")[0]).data.decode()
    assert f'href="#message-{first.id}">en réponse à un message' in page


def test_replying_to_a_post_of_page_two_shows_page_two_with_the_quote(client, login,
                                                                      long_thread, forum):
    _thread, posts, url = long_thread
    login(forum.facilitator)
    page = client.get(f"{url}?repondre={posts[70].id}").data.decode()
    assert "Page 2 sur 3" in page and "&gt; Message 71" in page
    assert f'value="{posts[70].id}"' in page


def test_posting_on_an_earlier_page_lands_on_the_last_page(client, login, long_thread, forum,
                                                           app_db):
    _thread, _posts, url = long_thread
    login(forum.facilitator)
    response = client.post(f"{url}?page=1", data={"body": "Nouveau message"})
    new = app_db.scalar(select(Post).order_by(Post.id.desc()))
    assert response.headers["Location"] == f"{url}?page=3#message-{new.id}"
    assert new.id in shown(client.get(f"{url}?page=3").data.decode())


def test_catch_up_json_is_bounded_and_says_when_there_is_more(client, app_db, forum):
    now = utcnow()
    thread = forum_core.start_thread(app_db, forum.workshop, author=forum.member,
                                     title="Très long", body="0", now=now).post.thread
    for n in range(CATCH_UP_LIMIT + 4):
        forum_core.add_post(app_db, thread, author=forum.member, now=now, body=f"m{n}")
    app_db.commit()
    url = f"{forum.w}/fils/{thread.id}/messages.json"
    first = client.get(f"{url}?after=0").get_json()
    assert len(first["posts"]) == CATCH_UP_LIMIT and first["more"] is True
    rest = client.get(f"{url}?after={first['posts'][-1]['id']}").get_json()
    assert len(rest["posts"]) == 5 and rest["more"] is False


def test_one_post_in_json_only_from_this_thread(client, long_thread, forum, app_db):
    thread, posts, _url = long_thread
    other = forum_core.start_thread(app_db, forum.workshop, author=forum.member, title="Autre",
                                    body="Ailleurs", now=utcnow()).post
    app_db.commit()
    url = f"{forum.w}/fils/{thread.id}/messages.json"
    assert [p["id"] for p in client.get(f"{url}?post={posts[75].id}").get_json()["posts"]] \
        == [posts[75].id]
    assert client.get(f"{url}?post={other.id}").get_json()["posts"] == []
    assert app_db.get(Thread, other.thread_id).id != thread.id


def test_a_refused_reply_comes_back_on_the_page_it_was_written_from(client, login, long_thread,
                                                                     forum):
    _thread, _posts, url = long_thread
    login(forum.facilitator)
    page = client.get(f"{url}?page=2").data.decode()
    assert f'action="{url}?page=2#reply-form"' in page
    refused = client.post(f"{url}?page=2", data={"body": "   "})
    assert refused.status_code == 422
    assert "Page 2 sur 3" in refused.data.decode()


def test_the_moderation_queue_and_the_history_link_to_the_lasting_address(client, login,
                                                                          long_thread, forum):
    _thread, posts, _url = long_thread
    target = posts[80]
    login(forum.facilitator)
    assert client.post(f"{forum.w}/messages/{target.id}/signaler",
                       data={"reason": "Hors sujet"}).status_code == 302
    queue = client.get(f"{forum.w}/moderation").data.decode()
    assert f'href="{forum.w}/messages/{target.id}"' in queue
    history = client.get(f"{forum.w}/messages/{target.id}/historique").data.decode()
    assert f'href="{forum.w}/messages/{target.id}"' in history
