"""WCAG 1.4.10 Reflow: at 320 CSS pixels wide every public page and checker answer reads without
sideways scrolling."""

from tests.pages import PHONE, open_page, public_pages


def test_no_page_scrolls_sideways_at_320_pixels(guide, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    tab = context.new_page()
    too_wide = []
    for site_page in public_pages():
        open_page(tab, site_page)
        scroll_width, client_width = tab.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if scroll_width > client_width:
            too_wide.append(f"{site_page.name}: {scroll_width}px of content in {client_width}px")
    context.close()
    assert client_width == PHONE["width"]
    assert not too_wide, "Pages that scroll sideways at 320px:\n" + "\n".join(too_wide)
