"""Colour contrast of the stylesheets (RGAA 3.2 and 3.3, WCAG 1.4.3 and 1.4.11).

axe-core measures the text it finds on the pages it visits; this checks the palette itself,
including what axe cannot see: the focus ring, form field borders and chart strokes (3:1),
and text colours on every background they are used on (4.5:1).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "webapp" / "static" / "css"


def palette() -> dict[str, str]:
    root = re.search(r":root\s*{([^}]*)}", (CSS / "cocon.css").read_text("utf-8")).group(1)
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", root))


def declared(sheet: str, selector: str, prop: str) -> str:
    """The colour a rule of a stylesheet gives to a property (the rule must exist)."""
    css = (CSS / sheet).read_text("utf-8")
    rule = re.search(re.escape(selector) + r"\s*{([^}]*)}", css)
    assert rule, f"{selector} not found in {sheet}"
    value = re.search(rf"(?:^|;|\s){prop}:\s*[^;]*?(#[0-9a-fA-F]{{3,6}})", rule.group(1))
    assert value, f"{prop} of {selector} in {sheet}"
    return value.group(1)


def luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert ratio("#000000", "#ffffff") == pytest.approx(21)
    assert ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert ratio("#949494", "#ffffff") == pytest.approx(3.03, abs=0.01)


@pytest.mark.parametrize("text", ["ink", "muted", "accent", "error", "ok"])
@pytest.mark.parametrize("background", ["paper", "soft"])
def test_text_colours_reach_4_5_to_1_on_every_background(text, background):
    p = palette()
    assert ratio(p[text], p[background]) >= 4.5, (text, background)


def test_button_text_reaches_4_5_to_1_on_the_accent_colour():
    p = palette()
    assert ratio(p["accent-ink"], p["accent"]) >= 4.5


@pytest.mark.parametrize("background", ["paper", "soft", "projection"])
def test_the_focus_ring_stands_out_at_3_to_1(background):
    # the ring is drawn 2 px outside the element, on the page around it
    p = palette()
    p["projection"] = declared("plenaries.css", "body.projection", "background")
    assert ratio(p["focus"], p[background]) >= 3, background


def test_form_field_borders_stand_out_at_3_to_1():
    border = re.search(r"border: 1px solid (#[0-9a-fA-F]{6})",
                       (CSS / "cocon.css").read_text("utf-8")).group(1)
    assert ratio(border, palette()["paper"]) >= 3


@pytest.mark.parametrize("selector, prop, background", [
    (".verdict-adopted", "color", "soft"), (".verdict-rejected", "color", "soft"),
    (".status-done", "color", "paper"), (".status-abandoned", "color", "paper"),
])
def test_result_and_status_colours_reach_4_5_to_1(selector, prop, background):
    assert ratio(declared("votes.css", selector, prop), palette()[background]) >= 4.5


def test_amendment_differences_are_readable_on_their_highlights():
    for selector in (".diff del", ".diff ins"):
        assert ratio(declared("votes.css", selector, "color"),
                     declared("votes.css", selector, "background")) >= 4.5, selector


def test_indicator_chart_strokes_stand_out_at_3_to_1():
    template = (CSS.parent.parent / "templates" / "register" / "view.html").read_text("utf-8")
    strokes = set(re.findall(r'(?:stroke|fill)="(#[0-9a-fA-F]{3,6})"', template))
    assert strokes
    for stroke in strokes:
        assert ratio(stroke, "#ffffff") >= 3, stroke
