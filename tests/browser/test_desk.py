"""The editor's desk in Chromium: the text and its preview side by side on a wide window, Write and Preview
tabs on a narrow one (by keyboard alone), the preview styled exactly as the public page and following the
caret, the "Add image" button with its description dialog, all under the site's CSP, and axe finding
nothing wrong."""

import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.axe_checks import AXE_OPTIONS, axe, described
from tests.pages import log_in_to_admin

PASSWORD = "a long editor password for the browser"
WIDE = {"width": 1600, "height": 900}
NARROW = {"width": 600, "height": 900}
IMAGE_NAME = f"{'a' * 32}-120x80.png"
BODY = f"""Some words before the first section.

> **Get medical help now if:**
>
> - your temperature is 38°C or higher

## Count bands

| Count | What it means |
|---|---|
| 500 to 999 | moderate |

![A blue square](/media/images/{IMAGE_NAME})

## Second section

{"A line of text that fills the section. " * 40}

## Third section

{"More words in the last section of the body. " * 40}
"""
# The styles that make a care card, a table, an image and a heading with its section link look as published.
STYLES = """(element) => {
    const style = getComputedStyle(element);
    return ["display", "background-color", "border-left-color", "border-left-width", "padding-left",
            "font-size", "font-weight", "border-bottom-width", "max-width", "color"].map((name) => style[name]);
}"""
PARTS = [
    ".care-card",
    ".article-body td",
    ".article-body img",
    ".section-heading",
    ".section-heading h2",
    ".section-link",
]
# Drop ("drop") or paste ("paste") a file into the body, as a browser would.
BRING_FILE = """([how, name, type, bytes]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name, {type}));
    const options = {bubbles: true, cancelable: true};
    const event = how === "drop"
        ? new DragEvent("drop", {...options, dataTransfer: transfer})
        : new ClipboardEvent("paste", {...options, clipboardData: transfer});
    document.querySelector("textarea#id_body").dispatchEvent(event);
}"""
UPLOADED = r"/media/images/[0-9a-f]{32}-120x80\.png"


def png_bytes():
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (30, 90, 200)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def article(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / IMAGE_NAME).write_bytes(png_bytes())
    call_command("setup_roles", verbosity=0)
    user = User.objects.create_user("edith", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return Article.objects.create(
        title="Desk test", slug="desk-test", summary="S.", body=BODY, status=Article.Status.PUBLISHED
    )


@pytest.fixture
def desk(article, watched_tab):
    """The watched tab, set up after the article, so it closes before the database is emptied (and the
    live server has answered its last requests: live_server_settles in conftest.py)."""
    return watched_tab


def open_desk(tab, article, viewport):
    tab.set_viewport_size(viewport)
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    log_in_to_admin(tab, "edith", PASSWORD)
    tab.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(preview(tab).locator(".section-heading h2").first).to_have_text("Count bands")
    return tab.locator("textarea#id_body")


def desk_with(tab, article, text, caret):
    """Open the desk on a wide window with `text` in the body and the caret at `caret`; return the body."""
    body = open_desk(tab, article, WIDE)
    body.fill(text)
    body.evaluate("(editor, caret) => editor.setSelectionRange(caret, caret)", caret)
    return body


def ran_cleanly(tab):
    """Nothing the policy refused, and no script error."""
    return tab.csp_violations() == [] and tab.errors == []


def preview(tab):
    return tab.frame_locator("iframe.desk-preview-frame")


def preview_frame(tab):
    return tab.locator("iframe.desk-preview-frame").element_handle().content_frame()


def box(locator):
    return locator.bounding_box()


def describe(tab, how, description):
    """Drop or paste (`how`: "drop" or "paste") a PNG into the text, describe it and insert it."""
    tab.evaluate(BRING_FILE, [how, "picture.png", "image/png", list(png_bytes())])
    dialog = tab.get_by_role("dialog", name="Describe the image")
    dialog.get_by_label("Description (alt text)").fill(description)
    dialog.get_by_role("button", name="Upload and insert").click()


def no_axe_violations(tab):
    """axe over the whole change form, the preview's frame included (axe runs inside it too)."""
    preview_frame(tab).evaluate(axe.axe_script)
    # The related-articles box is the admin's vendored select2, whose markup this project does not write.
    # No preload: axe would fetch the stylesheets again and add <style> elements, which the policy refuses.
    options = {**AXE_OPTIONS, "preload": False}
    found = axe.run(tab, {"exclude": [[".select2-container"]]}, options).response["violations"]
    return described(found)


def test_on_a_wide_window_the_text_and_a_preview_styled_as_published_sit_side_by_side(desk, article):
    tab = desk
    body = open_desk(tab, article, WIDE)
    frame = tab.locator("iframe.desk-preview-frame")
    checks = tab.locator(".desk-side .publishing-checks-panel")

    expect(tab.get_by_role("tablist")).to_be_hidden()
    text_box, frame_box, checks_box = box(body), box(frame), box(checks)
    assert frame_box["x"] >= text_box["x"] + text_box["width"]  # beside the text, not under it
    assert checks_box["x"] >= frame_box["x"] + frame_box["width"]  # and the checks beside the preview
    assert abs(text_box["height"] - 0.7 * WIDE["height"]) < 2  # a height set by the window

    # Each scrolls on its own: the text keeps its height however long it is.
    body.press("Control+End")
    body.press_sequentially("\n\nA new paragraph.")
    expect(preview(tab).locator("p").last).to_have_text("A new paragraph.")
    assert box(body)["height"] == text_box["height"]
    assert tab.evaluate(
        "document.querySelector('#id_body').scrollHeight > document.querySelector('#id_body').clientHeight"
    )
    assert preview_frame(tab).evaluate("document.documentElement.scrollHeight > window.innerHeight")

    # Styled by the public stylesheet: the same computed styles as on the published page.
    in_preview = {part: preview(tab).locator(part).first.evaluate(STYLES) for part in PARTS}
    heading, link = preview(tab).locator(".section-heading h2").first, preview(tab).locator(".section-link").first
    assert abs(box(heading)["y"] + box(heading)["height"] - box(link)["y"] - box(link)["height"]) < 12  # one line
    published = tab.context.new_page()
    published.set_viewport_size(WIDE)
    published.goto(article.get_absolute_url())
    assert {part: published.locator(part).first.evaluate(STYLES) for part in PARTS} == in_preview
    published.close()

    assert no_axe_violations(tab) == []
    assert ran_cleanly(tab)


def test_the_preview_follows_the_caret_to_its_section(desk, article):
    tab = desk
    body = open_desk(tab, article, WIDE)
    frame = preview_frame(tab)
    assert frame.evaluate("window.scrollY") == 0

    caret = BODY.index("More words in the last section")
    body.evaluate("(editor, caret) => editor.setSelectionRange(caret, caret)", caret)
    body.press("ArrowRight")
    third = preview(tab).locator("h2", has_text="Third section")
    tab.wait_for_function("() => document.querySelector('iframe.desk-preview-frame').contentWindow.scrollY > 0")
    assert abs(box(third)["y"] - box(tab.locator("iframe.desk-preview-frame"))["y"]) < 20  # at the frame's top

    body.press("Control+Home")
    tab.wait_for_function("() => document.querySelector('iframe.desk-preview-frame').contentWindow.scrollY === 0")
    assert tab.csp_violations() == []


def test_on_a_narrow_window_write_and_preview_are_tabs_used_by_keyboard_alone(desk, article):
    tab = desk
    body = open_desk(tab, article, NARROW)
    write = tab.get_by_role("tab", name="Write")
    preview_tab = tab.get_by_role("tab", name="Preview")
    expect(write).to_have_attribute("aria-selected", "true")
    expect(tab.get_by_role("tabpanel")).to_have_count(1)
    expect(body).to_be_visible()
    expect(tab.locator("iframe.desk-preview-frame")).to_be_hidden()

    tab.locator("#id_summary").focus()
    tab.keyboard.press("Tab")
    expect(write).to_be_focused()
    tab.keyboard.press("ArrowRight")
    expect(preview_tab).to_be_focused()
    expect(preview_tab).to_have_attribute("aria-selected", "true")
    expect(write).to_have_attribute("aria-selected", "false")
    expect(tab.locator("iframe.desk-preview-frame")).to_be_visible()
    expect(body).to_be_hidden()
    expect(tab.get_by_role("tabpanel")).to_have_attribute("aria-labelledby", "id_body-preview-tab")
    assert no_axe_violations(tab) == []

    tab.keyboard.press("Home")
    expect(write).to_be_focused()
    tab.keyboard.press("End")
    expect(preview_tab).to_be_focused()
    tab.keyboard.press("ArrowRight")  # wraps round to the first
    expect(write).to_be_focused()
    expect(body).to_be_visible()
    tab.keyboard.press("Tab")
    expect(tab.get_by_role("button", name="Add image")).to_be_focused()
    tab.keyboard.press("Tab")
    expect(body).to_be_focused()
    tab.keyboard.press("Control+End")
    tab.keyboard.type("\n\n## Typed by keyboard\n")

    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Shift+Tab")
    expect(write).to_be_focused()
    tab.keyboard.press("ArrowLeft")
    expect(preview(tab).locator("h2", has_text="Typed by keyboard")).to_be_visible()
    assert ran_cleanly(tab)


def test_add_image_asks_for_a_description_and_inserts_the_image_on_lines_of_its_own(desk, article):
    tab = desk
    body = desk_with(tab, article, "Eat well.\n\n## Eat little and often\n\nSmall meals.", 9)  # after "Eat well."
    dialog = tab.get_by_role("dialog", name="Describe the image")

    with tab.expect_file_chooser() as chosen:
        tab.get_by_role("button", name="Add image").click()
    chosen.value.set_files(files=[{"name": "plate.png", "mimeType": "image/png", "buffer": png_bytes()}])
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Image: plate.png")
    description = dialog.get_by_label("Description (alt text)")
    expect(description).to_be_focused()
    dialog.get_by_role("button", name="Upload and insert").click()
    expect(dialog).to_contain_text("Describe the image, or tick “Decorative image”")
    expect(description).to_have_attribute("aria-invalid", "true")
    expect(body).to_have_value("Eat well.\n\n## Eat little and often\n\nSmall meals.")  # nothing inserted yet
    assert no_axe_violations(tab) == []

    description.fill("A plate with [three] small meals")
    description.press("Enter")
    expect(dialog).to_be_hidden()
    expect(body).to_have_value(
        re.compile(
            rf"^Eat well\.\n\n!\[A plate with \\\[three\\\] small meals\]\({UPLOADED}\)\n\n## Eat little and often\n\nSmall meals\.$"
        )
    )
    expect(body).to_be_focused()

    # The decorative choice writes an empty description on purpose, and the checks accept it.
    body.press("Control+End")
    with tab.expect_file_chooser() as chosen:
        tab.get_by_role("button", name="Add image").click()
    chosen.value.set_files(files=[{"name": "border.png", "mimeType": "image/png", "buffer": png_bytes()}])
    dialog.get_by_label(re.compile("^Decorative image")).check()
    expect(description).to_be_disabled()
    dialog.get_by_role("button", name="Upload and insert").click()
    expect(body).to_have_value(re.compile(rf"Small meals\.\n\n!\[\]\({UPLOADED}\)<!-- decorative -->\n\n$"))
    expect(preview(tab).locator("img[alt='']")).to_have_count(1)
    expect(tab.locator(".publishing-checks-panel .checks-clear")).to_have_text("No problems found.")
    assert ran_cleanly(tab)


def test_a_dropped_or_pasted_image_is_described_first_and_never_runs_into_a_heading(desk, article):
    tab = desk
    body = desk_with(tab, article, "Eat well.\n## Eat little and often", 10)  # at the start of the heading's line
    dialog = tab.get_by_role("dialog", name="Describe the image")

    svg = list(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    tab.evaluate(BRING_FILE, ["drop", "drawing.svg", "image/svg+xml", svg])
    dialog.get_by_label("Description (alt text)").fill("A drawing")
    dialog.get_by_role("button", name="Upload and insert").click()
    expect(tab.get_by_role("alert")).to_contain_text("Image not uploaded: Only PNG, JPEG and WebP images")
    expect(body).to_have_value("Eat well.\n## Eat little and often")

    describe(tab, "drop", "A chart")
    expect(body).to_have_value(re.compile(rf"^Eat well\.\n\n!\[A chart\]\({UPLOADED}\)\n\n## Eat little and often$"))
    expect(tab.get_by_role("alert")).to_have_text("")
    expect(preview(tab).locator("h2", has_text="Eat little and often")).to_be_visible()
    expect(preview(tab).locator("img[alt='A chart'][width='120'][height='80']")).to_be_visible()

    body.press("Control+End")
    describe(tab, "paste", "A pasted picture")
    expect(body).to_have_value(re.compile(rf"## Eat little and often\n\n!\[A pasted picture\]\({UPLOADED}\)\n\n$"))

    before = body.input_value()
    tab.evaluate(BRING_FILE, ["drop", "chart.png", "image/png", list(png_bytes())])
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(body).to_have_value(before)
    assert ran_cleanly(tab)
