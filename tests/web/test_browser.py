"""The pages in a real browser: Debian's Chromium driven by Playwright against a live
``onrecord serve`` on 127.0.0.1, over a store ingested (with the real pipeline) from
the topical-dev articles and one article whose quotes carry script payloads.

The browser is the system's (/usr/bin/chromium, apt's ``chromium``; never
``playwright install``). Screenshots are written to tests/artifacts/browser/ (ignored
by git) for a person to look at after a run.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conftest import FIXTURES, REPO, shared_path
from onrecord import api

pytestmark = pytest.mark.shared

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (.[test])")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ISSUE_FILE = REPO / "examples" / "issues" / "strikes-inside-russia.toml"
ISSUE = "strikes-inside-russia"
USA = "Government of the United States"
SHOTS = REPO / "tests" / "artifacts" / "browser"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a live server over the ingested store, stopped at the end."""
    articles = shared_path("data", "topical-dev", "articles")
    db = tmp_path_factory.mktemp("browser") / "record.db"
    payloads = FIXTURES / "web" / "payloads.jsonl"
    summary = api.ingest_articles([articles, payloads], db=str(db), issues=[ISSUE_FILE])
    assert summary.failures == [] and summary.new == 12
    port = _free_port()
    command = [sys.executable, "-m", "onrecord", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: apt-get install chromium")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def tab(browser: sync_api.Browser) -> Iterator[sync_api.Page]:
    """A new page that fails the test on any script error, dialog or CSP violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    trouble: list[str] = []
    page.on("pageerror", lambda error: trouble.append(f"script error: {error}"))

    def on_dialog(dialog: sync_api.Dialog) -> None:
        trouble.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def on_console(message: sync_api.ConsoleMessage) -> None:
        if message.type == "error":  # a CSP violation is reported here too
            trouble.append(f"console: {message.text}")

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    yield page
    context.close()
    assert trouble == []


def test_the_tracker_moves_with_the_date_and_shows_the_shift(
    server: str, tab: sync_api.Page
) -> None:
    tab.goto(f"{server}/issues/{ISSUE}?as_of=2024-05-29")
    usa = tab.locator("table.tracker tbody tr", has_text=USA)
    assert "forbids" in usa.locator("td.c-against").inner_text()
    assert usa.locator("td.c-for_with_limits").inner_text().strip() == ""
    tab.screenshot(path=SHOTS / "tracker-2024-05-29.png", full_page=True)

    tab.fill("#as-of", "2024-05-31")
    with tab.expect_navigation():
        tab.click("#as-of-form button[type=submit]")
    assert "as_of=2024-05-31" in tab.url
    usa = tab.locator("table.tracker tbody tr", has_text=USA)
    limits = usa.locator("td.c-for_with_limits").inner_text()
    assert "permits_with_limits" in limits and "shifted from forbids" in limits
    assert usa.locator("td.c-against").inner_text().strip() == ""
    tab.screenshot(path=SHOTS / "tracker-2024-05-31.png", full_page=True)

    # The slider (pages.js, allowed by the CSP as a file) steps to the day before.
    days = tab.locator("#as-of-slider").get_attribute("data-days")
    assert days is not None
    earlier = [day for day in days.split(",") if day < "2024-05-31"][-1]
    tab.focus("#as-of-slider")
    with tab.expect_navigation():
        tab.keyboard.press("ArrowLeft")
    assert f"as_of={earlier}" in tab.url
    # And the ◀ link to the previous change, without script.
    with tab.expect_navigation():
        tab.click("a.step[rel=prev]")
    assert "as_of=" in tab.url and f"as_of={earlier}" not in tab.url


def test_a_cell_leads_to_its_evidence_in_the_article(server: str, tab: sync_api.Page) -> None:
    tab.goto(f"{server}/issues/{ISSUE}?as_of=2024-05-31")
    cell = tab.locator("table.tracker tbody tr", has_text=USA).locator("td.c-for_with_limits a")
    cell.first.focus()  # by keyboard
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert f"/issues/{ISSUE}/actors/government-of-the-united-states" in tab.url
    held = tab.locator("section.held").first
    assert "permits_with_limits" in held.inner_text()
    assert "said by" in held.inner_text()
    tab.screenshot(path=SHOTS / "evidence.png", full_page=True)

    sentence = held.locator("a.sentence").first
    words = sentence.inner_text()
    with tab.expect_navigation():
        sentence.click()
    assert "/articles/" in tab.url and "#e-" in tab.url
    anchor = tab.url.split("#")[1]
    target = tab.locator(f"[id='{anchor}']")
    assert target.count() == 1
    assert target.is_visible() or tab.locator(".m-evidence.hit").first.is_visible()
    marked = " ".join(tab.locator(".m-evidence.hit").all_inner_texts())
    assert words[:40] in " ".join(marked.split())
    for role in ("source", "cue", "content"):
        assert tab.locator(f".m-{role}").count() > 0
    tab.screenshot(path=SHOTS / "article-evidence.png")


def test_a_quote_is_found_and_opened_in_its_article(server: str, tab: sync_api.Page) -> None:
    tab.goto(f"{server}/quotes")
    tab.fill("#q", "Kharkiv")
    with tab.expect_navigation():
        tab.press("#q", "Enter")
    marks = tab.locator("ol.results mark")
    assert marks.count() > 0
    assert {m.lower() for m in marks.all_inner_texts()} == {"kharkiv"}
    tab.screenshot(path=SHOTS / "quotes-kharkiv.png", full_page=True)
    first = tab.locator("ol.results li.quote").first
    with tab.expect_navigation():
        first.get_by_role("link", name="in the article").click()
    anchor = tab.url.split("#")[1]
    assert anchor.startswith("a-")
    owner = anchor[2:]
    highlighted = tab.locator(".hit")
    assert highlighted.count() > 0
    assert all(owner in (el.get_attribute("data-a") or "").split() for el in highlighted.all())


def test_an_actor_opens_from_the_tracker(server: str, tab: sync_api.Page) -> None:
    tab.goto(f"{server}/issues/{ISSUE}?as_of=2024-06-01")
    with tab.expect_navigation():
        tab.get_by_role("link", name="Jens Stoltenberg").first.click()
    assert tab.locator("h1").inner_text().startswith("Jens Stoltenberg")
    assert tab.locator("svg.timeline").count() == 1
    days = tab.locator("ol.results li.quote p.meta").all_inner_texts()
    # Newest first; quotes with no day after the dated ones.
    undated = [n for n, shown in enumerate(days) if "undated" in shown]
    assert days and undated == list(range(len(days) - len(undated), len(days)))
    tab.screenshot(path=SHOTS / "actor-stoltenberg.png", full_page=True)


def test_the_tracker_fits_a_phone_width_screen(browser: sync_api.Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server}/issues/{ISSUE}?as_of=2024-06-01")
    # The page does not scroll sideways: the wide table and chart scroll in their boxes.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=SHOTS / "tracker-phone.png", full_page=True)
    context.close()


def test_script_payloads_in_quotes_never_run(server: str, tab: sync_api.Page) -> None:
    tab.goto(f"{server}/quotes?q=tolls")
    assert tab.locator("ol.results li.quote").count() == 1
    assert "<script>" in tab.locator("ol.results").inner_text()  # shown as text
    with tab.expect_navigation():
        tab.get_by_role("link", name="in the article").first.click()
    article = tab.url.split("#")[0]
    shown = tab.locator("article.story").inner_text()
    assert "<script>window.__pwned" in shown
    assert "onerror=" in shown and "javascript:" in shown
    # Hover and focus every mark, and the outlet, as a reader would.
    for element in tab.locator("article.story [data-a], .tip").all()[:30]:
        element.hover()
    tab.locator(".tip").first.focus()
    tab.screenshot(path=SHOTS / "payloads-article.png", full_page=True)
    for path in (article, f"{server}/actors/ada-berg", f"{server}/actors/mayor-unnamed"):
        tab.goto(path)
        _assert_nothing_ran(tab)
    tab.goto(article)
    _assert_nothing_ran(tab)
    assert tab.locator("a", has_text="original").count() == 0  # its javascript: address


def _assert_nothing_ran(tab: sync_api.Page) -> None:
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    scripts = tab.eval_on_selector_all("script", "els => els.map(e => e.src)")
    assert len(scripts) == 1 and scripts[0].endswith("/pages.js")
    assert tab.locator("article img, main img").count() == 0
    assert tab.locator("[href^='javascript:' i]").count() == 0
    handlers = "els => els.filter(e => [...e.attributes].some(a => a.name.startsWith('on')))"
    assert tab.eval_on_selector_all("*", f"{handlers}.length") == 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(base: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            raise AssertionError(f"onrecord serve stopped: {error}")
        try:
            if httpx.get(f"{base}/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"onrecord serve did not answer on {base} in {seconds} s")
