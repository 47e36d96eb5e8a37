def test_home_page_lists_the_guide_in_a_real_browser(guide, tab):
    tab.goto("/")
    assert tab.title()
    links = tab.locator("main a[href^='/']")
    assert links.count() >= 9
    links.first.click()
    assert tab.locator("h1").is_visible()
