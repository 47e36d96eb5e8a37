"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server (one for the whole
test run: pytest-django's live_server is session-scoped). Every test here is marked `browser`.

Chromium comes from the system package (`make test` installs it where it can); Playwright's own browser
download does not work here. Without Chromium these tests skip with the reason, except under CI=true,
where they fail: CI never skips them.
"""

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started

HERE = Path(__file__).resolve().parent

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


def chromium_path():
    """Return the path of the system Chromium, or None when there is none."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    path = chromium_path()
    if path is None:
        reason = "Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must run the browser tests")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django refuses database calls from a thread
    # with a running loop unless told it is safe, which it is here (the live server has its own thread).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def live_server_settles(request):
    """For a test with a live server: on teardown, after its tabs have closed, wait until the server has
    answered every request they sent (a preview, a panel, the presence notice's farewell beacon). A request
    still being served would meet the database being emptied, and leave it locked for the next test. The
    database is set up here, so it is emptied only after this waits."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    serving = []
    lock = threading.Lock()

    def started(**kwargs):
        with lock:
            serving.append(True)

    def finished(**kwargs):
        with lock:
            if serving:  # a request started before this fixture began is not counted
                serving.pop()

    request_started.connect(started)
    request_finished.connect(finished)
    yield
    deadline = time.monotonic() + 10
    quiet_since = time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - quiet_since < 0.3:
        if serving:
            quiet_since = time.monotonic()
        time.sleep(0.05)
    request_started.disconnect(started)
    request_finished.disconnect(finished)


@pytest.fixture
def guide(transactional_db):
    """The bundled articles and glossary, imported as `make run` imports them."""
    call_command("import_articles", verbosity=0)
    call_command("import_glossary", verbosity=0)


@pytest.fixture
def tab(browser, live_server):
    """A fresh browser tab (its own context: no cookies shared between tests) aimed at the live server.

    `tab.goto("/path/")` works with paths relative to the live server.
    """
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()


# Playwright adds this before any page script runs; it is not part of the page, so the CSP does not apply.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched_tab(tab):
    """The tab, recording Content-Security-Policy violations from the page's event and from console
    messages; `watched_tab.csp_violations()` lists those of the page open now and every console message."""
    console_errors = []
    tab.on(
        "console",
        lambda message: (
            console_errors.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    tab.add_init_script(RECORD_VIOLATIONS)
    tab.csp_violations = lambda: tab.evaluate("window.__cspViolations") + console_errors
    return tab
