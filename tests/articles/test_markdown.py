import pytest

from articles.markdown import IMAGE_DESCRIPTION_PROMPT, render, render_html, undescribed_images
from tests.pages import parse


def test_sections_get_stable_ids_from_their_text():
    rendered = render("## Treatment options\n\nText.\n\n## What causes it?\n\nMore.")
    assert '<h2 id="treatment-options">Treatment options</h2>' in rendered.html
    assert '<h2 id="what-causes-it">What causes it?</h2>' in rendered.html
    assert rendered.sections == [("treatment-options", "Treatment options"), ("what-causes-it", "What causes it?")]


def test_repeated_headings_get_distinct_ids():
    rendered = render("## Tips\n\na\n\n## Tips\n\nb")
    assert [section_id for section_id, _ in rendered.sections] == ["tips", "tips_1"]


def test_only_level_two_headings_are_sections():
    rendered = render("## Main\n\n### Detail\n\ntext")
    assert rendered.sections == [("main", "Main")]
    assert '<h3 id="detail">Detail</h3>' in rendered.html


def test_a_top_level_heading_is_demoted_so_the_title_stays_the_only_h1():
    rendered = render("# Not the title\n\ntext")
    assert "<h1" not in rendered.html
    assert '<h2 id="not-the-title">Not the title</h2>' in rendered.html


def test_headings_with_markup_and_entities_list_their_plain_text():
    rendered = render("## Fish & *chips*")
    assert rendered.sections == [("fish-chips", "Fish & chips")]


def test_ordinary_markdown_survives():
    html = render_html(
        "Some **bold**, *em* and `code`.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n[causes](/articles/causes/) [mail](mailto:team@example.org) "
        "[site](https://example.org/page)\n\n![A chart](/media/chart.png)"
    )
    for fragment in [
        "<strong>bold</strong>",
        "<em>em</em>",
        "<code>code</code>",
        "<li>one</li>",
        "<ol>",
        "<blockquote>",
        "<table>",
        "<td>1</td>",
        'href="/articles/causes/"',
        'href="mailto:team@example.org"',
        'href="https://example.org/page"',
        '<img alt="A chart" src="/media/chart.png">',
    ]:
        assert fragment in html


def test_links_are_given_a_safe_rel():
    assert 'rel="noopener noreferrer"' in render_html("[x](https://example.org)")


def test_empty_body_renders_to_nothing():
    assert render("").html == ""
    assert render("").sections == []


def test_each_section_heading_gets_a_link_to_itself():
    tree = parse(render("## Treatment options\n\nText.\n\n### Detail\n\nMore.").html)
    wrapper = tree.find("div", class_="section-heading")
    assert wrapper.find("h2").attrs["id"] == "treatment-options"
    link = wrapper.find("a", class_="section-link")
    assert link.attrs["href"] == "#treatment-options"
    assert link.find("span", class_="visually-hidden").text() == "Link to section: Treatment options"
    assert tree.find_all("a", href="#detail") == []


def test_section_links_escape_what_the_heading_holds():
    rendered = render('## Fish & "chips" <b onclick="x()">now</b>\n\ntext')
    tree = parse(rendered.html)
    label = tree.find("a", class_="section-link").find("span", class_="visually-hidden").text()
    assert label == f"Link to section: {rendered.sections[0][1]}"
    assert "onclick" not in rendered.html


def test_raw_headings_outside_the_sections_get_no_link():
    tree = parse(render('<h2 id="made-up">Raw</h2>\n\n## Real\n\ntext').html)
    assert [link.attrs["href"] for link in tree.find_all("a", class_="section-link")] == ["#real"]


def test_plain_text_keeps_the_words_and_drops_the_markup():
    rendered = render("## Heading\n\nSome **bold** & [a link](https://example.org).\n\n- one\n- two")
    assert rendered.text == "Heading\nSome bold & a link.\none\ntwo"


def test_a_quote_that_opens_with_a_bold_line_becomes_a_care_card_named_for_screen_readers():
    html = render_html("> **Get medical help now if:**\n>\n> - your temperature is 38°C or higher\n")
    assert html.startswith('<div class="care-card">\n<p class="care-card-heading"><strong>')
    assert '<span class="visually-hidden">Immediate action required: </span>Get medical help now if:' in html
    assert "<li>your temperature is 38°C or higher</li>" in html


def test_an_ordinary_quote_stays_a_quote():
    assert render_html("> Someone said *this*.").startswith("<blockquote>")


def test_editors_cannot_borrow_other_classes_or_attributes():
    html = render_html('<div class="evil care-card" onclick="x()">x</div><span class="hidden">y</span>')
    assert 'class="care-card"' in html
    assert "evil" not in html
    assert "onclick" not in html
    assert 'class="hidden"' not in html


@pytest.mark.parametrize(
    ("body", "undescribed"),
    [
        ("No images at all.", []),
        ("![A thermometer](/media/images/t.png)", []),
        ("![](/media/images/empty.png)", ["/media/images/empty.png"]),
        ("![   ](/media/images/blank.png)", ["/media/images/blank.png"]),
        (f"![{IMAGE_DESCRIPTION_PROMPT}](/media/images/new.png)", ["/media/images/new.png"]),
        ('<img src="/media/images/raw.png">', ["/media/images/raw.png"]),
        ("![](/a.png) then ![Hands being washed](/b.png) then ![](/c.png)", ["/a.png", "/c.png"]),
        ("![](/media/images/border.png)<!-- decorative -->", []),
        ("![](/a.png)<!-- decorative --> and ![](/b.png)", ["/b.png"]),
    ],
)
def test_undescribed_images_are_found_in_page_order(body, undescribed):
    assert undescribed_images(body) == undescribed


def test_a_decorative_image_renders_with_an_empty_description_and_no_trace_of_its_mark():
    assert render_html("![](/media/images/border.png)<!-- decorative -->") == (
        '<p><img alt="" src="/media/images/border.png"></p>'
    )
