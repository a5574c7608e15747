"""Keyboard-only helpers for the browser tests: only page.keyboard, never a click.

`stop(page)` describes the focused element; `cycle(page)` tabs through a whole page and
checks, at every stop, that the focus is visible, and at the end that the keyboard came back
to where it started (no trap), that every tabbable element was reached and that the order of
the stops follows the visual order of the page.
"""

from __future__ import annotations

from playwright.sync_api import expect

from a11y_world import PASSWORD

STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) { return null; }
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const visibleOutline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  return {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') || '',
          type: el.getAttribute('type') || '', value: el.value || '', key: el.dataset.kbd || '',
          text: (el.innerText || el.getAttribute('aria-label') || el.value || '')
                  .trim().slice(0, 80),
          href: el.getAttribute('href') || '', checked: !!el.checked,
          focusVisible: el.matches(':focus-visible'),
          indicator: visibleOutline || cs.boxShadow !== 'none',
          onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                    && r.top < innerHeight && r.left < innerWidth,
          top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX};
}"""

# every element the Tab key should reach, marked with a key; a radio group is a single stop
MARK_TABBABLE = """() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const keys = new Set();
  document.querySelectorAll(sel).forEach((el, i) => {
    if (el.disabled || el.tabIndex < 0
        || !el.checkVisibility({visibilityProperty: true})) { return; }
    if (el.tagName === 'SUMMARY' && el.parentElement.tagName !== 'DETAILS') { return; }
    const key = el.type === 'radio' ? 'radio:' + (el.form ? el.form.action : '') + ':' + el.name
                                    : 'el:' + i;
    el.dataset.kbd = key;
    keys.add(key);
  });
  return Array.from(keys);
}"""

SKIP_TARGET = "main"  # the skip link's target: focused by script, not a control


def stop(page) -> dict | None:
    """The focused element, its position and whether its focus indicator shows."""
    return page.evaluate(STOP)


def press(page, key: str) -> dict | None:
    """Press a key and describe where the focus went."""
    page.keyboard.press(key)
    return stop(page)


def follow(page, key: str = "Enter") -> None:
    """Press a key that leads to another page (a link, a form) and wait for that page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def assert_visible_focus(where: dict, context: str = "") -> None:
    """The focused control shows an indicator (outline or box-shadow) and is on screen."""
    assert where["indicator"], f"{context}: no visible focus on {where}"
    assert where["onScreen"], f"{context}: the focused element is off screen: {where}"


def tab_to(page, predicate, *, limit: int = 60, backwards: bool = False, context: str = ""):
    """Press Tab (or Shift+Tab) until the focused element satisfies predicate; return it."""
    seen = []
    for _ in range(limit):
        where = press(page, "Shift+Tab" if backwards else "Tab")
        if where is None:
            seen.append("(outside the page)")
            continue
        assert_visible_focus(where, context)
        seen.append(where["text"] or where["name"] or where["tag"])
        if predicate(where):
            return where
    raise AssertionError(f"{context}: not reached in {limit} key presses; went through {seen}")


def _after(a: dict, b: dict) -> bool:
    """b is after a in reading order: on the same line further right, or on a later line."""
    same_line = b["top"] < a["bottom"] - 2 and a["top"] < b["bottom"] - 2
    if same_line:
        return b["left"] >= a["left"] - 2
    return b["top"] >= a["top"]


def cycle(page, *, context: str, limit: int = 300) -> list[dict]:
    """Tab through the whole page from its start; check visibility, completeness, order, no trap."""
    expected = set(page.evaluate(MARK_TABBABLE))
    page.evaluate("document.activeElement && document.activeElement.blur()")
    stops: list[dict] = []
    first = None
    for _ in range(limit):
        where = press(page, "Tab")
        if where is None:
            continue  # the browser's own interface, between the end and the start of the page
        if first is not None and where["key"] == first["key"]:
            break
        assert_visible_focus(where, context)
        first = first or where
        stops.append(where)
    else:
        raise AssertionError(f"{context}: Tab never came back to the start (keyboard trap?): "
                             f"last stops {[s['text'] for s in stops[-5:]]}")
    reached = {s["key"] for s in stops}
    assert reached == expected, (f"{context}: tabbable but never reached: {expected - reached}; "
                                 f"reached but not expected: {reached - expected}")
    for a, b in zip(stops, stops[1:]):
        assert _after(a, b), f"{context}: focus goes back up the page from {a} to {b}"
    back = press(page, "Shift+Tab")  # and backwards out of the first control, no trap either
    assert back is None or back["key"] != first["key"]
    return stops


def sign_in(page, base: str, email: str, password: str = PASSWORD) -> None:
    """Sign in through the login form with the keyboard alone."""
    page.goto(base + "/compte/connexion")
    tab_to(page, lambda s: s["name"] == "email", context="sign-in")
    page.keyboard.type(email)
    where = press(page, "Tab")
    assert where["name"] == "password", where
    page.keyboard.type(password)
    follow(page)
    expect(page.locator("form[action$='/deconnexion']")).to_have_count(1)
