"""Nothing typed into the count checker reaches a log, an error report or an address, even when the
request fails."""

import logging
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils.log import AdminEmailHandler

from checker import anc
from tests.pages import parse

# Values no log line would hold by chance, and the forms a log could write them in.
TYPED = {"anc": "1,357", "temperature": "38.91", "lab_lower_limit": "1,975"}
TRACES = ["1,357", "1357", "9,753", "9753", "13.57", "38.91", "1,975", "1975"]


@pytest.fixture
def everything_logged(caplog, settings):
    """Capture every record of every logger at DEBUG, except the loggers the site's LOGGING caps on purpose."""
    capped = set(settings.LOGGING.get("loggers", {}))
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        if name not in capped:
            caplog.set_level(logging.DEBUG, logger=name)
    return caplog


@pytest.fixture
def error_reports(settings):
    """Mail the error reports that Django sends to ADMINS (the full report, HTML included) to mail.outbox."""
    settings.ADMINS = [("Operations", "ops@example.org")]
    handler = AdminEmailHandler(include_html=True)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield mail.outbox
    logger.removeHandler(handler)


def assert_no_trace(text):
    # A typed value standing as a number of its own: the HTML error report's element ids are memory
    # addresses ("pre140411975827584"), in which "1975" can stand by chance.
    for value in TRACES:
        assert not re.search(rf"(?<!\d){re.escape(value)}(?!\d)", text), f"{value} leaked"


def logged_text(caplog):
    parts = []
    for record in caplog.records:
        parts.append(record.getMessage())
        parts.append(repr(record.args))
        parts.append(repr(getattr(record, "request", "")))
    return "\n".join(parts) + caplog.text


def post(client, **extra):
    data = {"unit": "cells_per_ul", "age_group": "adult", "temperature_unit": "c", **TYPED, **extra}
    return client.post("/neutrophil-count/", data)


def test_an_answered_count_leaves_no_trace_in_the_logs(client, everything_logged):
    response = post(client)
    assert response.status_code == 200
    assert parse(response.content).find("section", class_="result-summary")
    logging.getLogger("checker.views").debug("probe")
    assert [r.getMessage() for r in everything_logged.records] == ["probe"], "the capture sees DEBUG records"
    assert_no_trace(logged_text(everything_logged))


def test_a_rejected_count_leaves_no_trace_in_the_logs(client, everything_logged):
    response = post(client, anc="1,357 cells", wbc="-9,753", neutrophils_pct="13.57")
    assert b"as a number" in response.content
    assert_no_trace(logged_text(everything_logged))


# Every kind of answer: a result with the laboratory's range, an answered unit question, an open one,
# errors, and a count worked out from the white cell count.
ANSWERS = [
    {"anc": "1234.567", "temperature": "38.76", "lab_lower_limit": "1987.65", "lab_upper_limit": "7654.32"},
    {"anc": "1.2345", "lab_lower_limit": "1987.65", "anc_unit": "x10e9_per_l"},
    {"anc": "1.2345"},
    {"anc": "1234.567", "temperature": "hot", "lab_lower_limit": "19.876"},
    {"wbc": "8765.43", "neutrophils_pct": "12.34", "bands_pct": "5.67"},
]


@pytest.mark.parametrize("fields", ANSWERS)
@pytest.mark.parametrize("language", ["en-gb", "es"])
def test_no_kind_of_answer_leaves_what_was_typed_in_the_logs(check_count, everything_logged, fields, language):
    # In Spanish the numbers are typed the Spanish way ("1.234,567"): neither way may reach a log.
    assert check_count(language, **fields).status_code == 200
    logged = logged_text(everything_logged)
    for value in fields.values():
        assert value not in logged
        assert value.translate(str.maketrans(".,", ",.")) not in logged


def test_a_request_refused_for_its_csrf_token_leaves_no_trace(everything_logged):
    response = post(Client(enforce_csrf_checks=True))
    assert response.status_code == 403
    assert any("CSRF" in record.getMessage() for record in everything_logged.records)
    assert_no_trace(logged_text(everything_logged))


def test_a_server_error_while_checking_leaves_no_trace_in_logs_or_error_reports(
    monkeypatch, everything_logged, error_reports
):
    # Fault injection: the rules fail half-way, deep below the view, with the numbers in their frames.
    def failing_interpretation(**numbers):
        raise RuntimeError("the rules failed")

    monkeypatch.setattr(anc, "interpret_count", failing_interpretation)
    response = post(Client(raise_request_exception=False))
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()
    # Django's own mail_admins handler and the HTML one added here each send the report.
    assert len(error_reports) == 2
    html_reports = [body for report in error_reports for body, _ in report.alternatives]
    assert "failing_interpretation" in html_reports[0], "the report shows the frames, with their variables hidden"
    for report in error_reports:
        assert "RuntimeError" in report.body
        assert_no_trace(report.body)
    for html_report in html_reports:
        assert_no_trace(html_report)
    assert_no_trace(logged_text(everything_logged))


def test_the_template_engine_cannot_log_the_checkers_context(settings):
    # Its DEBUG records carry whole template contexts; the site keeps them off whatever the root level.
    assert logging.getLogger("django.template").getEffectiveLevel() > logging.DEBUG


@pytest.mark.parametrize("address", ["/neutrophil-count/", "/es/neutrophil-count/"])
def test_the_checker_never_puts_what_was_typed_in_an_address(client, address):
    tree = parse(client.get(address).content)
    forms = [form for form in tree.find_all("form") if form.attrs.get("role") != "search"]
    assert forms, "the checker form is on the page"
    for form in forms:
        assert form.attrs["method"].lower() == "post"
        assert "?" not in form.attrs.get("action", "")
    response = post(client)
    assert "Location" not in response.headers
    assert client.get(f"{address}?anc=1357").content.count(b"1357") == 0


@pytest.mark.parametrize("language", ["en-gb", "es"])
def test_nothing_typed_goes_into_a_url_or_the_page_title(check_count, language):
    html = check_count(language, anc="1234.5", temperature="38.25").content.decode()
    urls = re.findall(r'(?:href|action|src)="([^"]*)"', html)
    title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
    typed = ("1234", "1,234", "1.234", "38.25", "38,25")
    assert not [url for url in urls if any(value in url for value in typed)]
    assert not [value for value in typed if value in title]
