"""Browser tests: Playwright drives Debian's Chromium against a live server on loopback."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("COCON_TEST_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
HERE = Path(__file__).resolve().parent
ARTIFACTS = HERE / "artifacts"
AXE = (HERE / "vendor" / "axe.min.js").read_text("utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("COCON_TEST_REQUIRE_SERVICES"):
            pytest.fail(f"Chromium is required but missing at {CHROMIUM}")
        pytest.skip(f"Chromium not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


class LiveServer:
    """The app served by Werkzeug in a thread, with Socket.IO, on a free loopback port."""

    def __init__(self, app) -> None:
        from werkzeug.serving import make_server
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        app.config["BASE_URL"] = self.url
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture
def live_server(app):
    app.config["WTF_CSRF_ENABLED"] = True
    with LiveServer(app) as server:
        yield server


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def check_accessibility(page, *, context: str = "", strict: bool = True,
                        extra_tags: tuple[str, ...] = ()) -> list[dict]:
    """Run axe-core on the page; fail on any violation (only serious or critical ones if not strict).

    extra_tags adds axe rule sets to the WCAG 2.1 A/AA ones (e.g. "best-practice", "RGAAv4")."""
    page.evaluate(AXE)
    result = page.evaluate("async (tags) => await axe.run(document, "
                           "{runOnly: {type: 'tag', values: tags}})", AXE_TAGS + list(extra_tags))
    failing = [v for v in result["violations"]
               if strict or v["impact"] in ("serious", "critical")]
    assert failing == [], f"{context or page.url}: " + json.dumps(
        [{"id": v["id"], "impact": v["impact"], "help": v["help"],
          "nodes": [n["target"] for n in v["nodes"][:3]]}
         for v in failing], ensure_ascii=False, indent=1)
    return result["violations"]


@pytest.fixture
def axe():
    return check_accessibility
