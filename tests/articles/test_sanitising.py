"""A corpus of hostile Markdown and HTML through the renderer. (Hostile titles through the pages are in
test_public_pages.py.)

The renderer's output is parsed and checked element by element against the allowlist, rather than
searched for strings, so an attack is caught whatever its spelling.
"""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES, render
from tests.pages import parse

# What the renderer adds itself after sanitising: link rel, the care card and section link markup.
ADDED_ATTRIBUTES = {"rel", "class", "aria-hidden"}
URL_ATTRIBUTES = {"href", "src"}
PAGE_ADDRESS = "https://neutropenia.example.org/articles/page/"
# What a browser's URL parser drops before reading the scheme: tabs and newlines anywhere, and control
# characters and spaces at either end.
TABS_AND_NEWLINES = re.compile(r"[\t\n\r]")
C0_AND_SPACE = "".join(chr(code) for code in range(0x21))

HOSTILE = [
    # script
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script/src=//evil.example/x.js>",
    "<<script>alert(1);//<</script>",
    "<template><script>alert(1)</script></template>",
    "<xmp><script>alert(1)</script></xmp>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    # event handlers
    '<img src="x.png" onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<img src="x" alt="a" onerror   =  "alert(1)">',
    "<IMG SRC=x OnErRoR=alert(1)>",
    "<div><b onclick=alert(1)>bold<i>unclosed",
    "<details open ontoggle=alert(1)>x</details>",
    "<input autofocus onfocus=alert(1)>",
    "<body onload=alert(1)>",
    '<h2 id="x" onmouseover="alert(1)">Heading</h2>',
    "<video><source onerror=alert(1)></video>",
    '[x](https://example.org "a\\" onmouseover=\\"alert(1)")',
    '![x](y.png "onerror=alert(1)")',
    # javascript:, vbscript:, data: links, plain and encoded
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;&#x61;vascript:alert(1))",
    "[click](%6Aavascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "<javascript:alert(1)>",
    "[click][evil]\n\n[evil]: javascript:alert(1)",
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="java&#13;script:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#0000106avascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="%6Aavascript:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="VbScRiPt:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    "![x](data:text/html,<script>alert(1)</script>)",
    # SVG and MathML
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<svg><animate attributeName=href to=javascript:alert(1) /></svg>",
    '<math><a xlink:href="javascript:alert(1)">x</a></math>',
    '<math><mi xlink:href="data:x,<script>alert(1)</script>">x</mi></math>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # frames, objects, forms
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<frameset><frame src=//evil.example></frameset>",
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="/steal"><input name="q"></form>',
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    '<isindex action="javascript:alert(1)" type=submit>',
    # styles
    "<style>body{display:none}</style>",
    "<style>@import url(//evil.example/x.css)</style>",
    '<p style="position:fixed">x</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<link rel="stylesheet" href="//evil.example/x.css">',
    # meta refresh and base
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    "<base href=javascript:/>",
    # borrowed classes, ids and targets
    '<div class="care-card evil" id="main-content">x</div>',
    '<a href="https://example.org" target="_blank" ping="https://evil.example">x</a>',
    # inside Markdown structures
    "| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |",
    "> **Get help now**\n> <script>alert(1)</script>",
    "## <img src=x onerror=alert(1)>Heading\n\ntext",
    "- <a href=javascript:alert(1)>x</a>\n- item",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
]


def url_scheme(value):
    """The scheme of the address a browser goes to for an href or src value (entity-decoded by the parser).

    A value without a scheme of its own, such as `%6Aavascript:x` or `java    script:x`, is a path
    relative to the page, so it takes the page's https.
    """
    cleaned = TABS_AND_NEWLINES.sub("", value).strip(C0_AND_SPACE)
    return urlsplit(urljoin(PAGE_ADDRESS, cleaned)).scheme.lower()


def assert_safe(html):
    """Fail unless every element and attribute of `html` is on the allowlist and every URL is harmless."""
    tree = parse(html)
    for element in list(tree.iter())[1:]:
        assert element.tag in ALLOWED_TAGS, f"<{element.tag}> survived in {html!r}"
        for name, value in element.attrs.items():
            allowed = ALLOWED_ATTRIBUTES.get(element.tag, set()) | ADDED_ATTRIBUTES
            assert name in allowed, f"{name}= on <{element.tag}> survived in {html!r}"
            if name in URL_ATTRIBUTES:
                scheme = url_scheme(value)
                assert scheme in ALLOWED_URL_SCHEMES, f"{scheme}: URL survived in {html!r}"
    # Raw text that a browser might read as markup: every < outside a tag must have been escaped.
    assert not re.search(r"<(?![a-z/])", html), f"stray < in {html!r}"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_markdown_and_html_render_to_allowed_markup_only(hostile):
    assert_safe(render(hostile).html)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_input_among_ordinary_markdown_is_cleaned_too(hostile):
    body = (
        f"## Section\n\nBefore.\n\n{hostile}\n\n> **Get help now if:**\n> - fever\n\nAfter [a link](/articles/fever/)."
    )
    assert_safe(render(body).html)


# Pieces of markup and Markdown that attacks are assembled from; hypothesis strings them together in any
# order, so tags nest, break and interleave in ways no hand-written case covers.
FRAGMENTS = [
    "<",
    ">",
    "/",
    '"',
    "'",
    "=",
    " ",
    "\t",
    "\n",
    "\n\n",
    "&#",
    "&#x",
    ";",
    "&colon;",
    "%",
    "6A",
    "00",
    "<script>",
    "</script>",
    "<svg",
    "<math",
    "<img",
    "<a",
    "<iframe",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    " src=",
    " href=",
    " onerror=",
    " onload=",
    " style=",
    " xlink:href=",
    "javascript:",
    "JaVaScRiPt:",
    "vbscript:",
    "data:text/html,",
    "alert(1)",
    "[x](",
    ")",
    "![y](",
    "## ",
    "> **",
    "**",
    "`",
    "```",
    "| a |",
    "|---|",
    "<noscript>",
    "<template>",
    "<base href=",
    "<meta http-equiv=refresh content=",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_any_assembly_of_attack_fragments_renders_to_allowed_markup_only(text):
    assert_safe(render(text).html)


def test_the_check_itself_catches_what_it_looks_for():
    with pytest.raises(AssertionError):
        assert_safe('<a href="java\tscript:alert(1)">x</a>')
    with pytest.raises(AssertionError):
        assert_safe('<a href=" &#1;JaVa&#10;ScRiPt:alert(1)">x</a>')
    with pytest.raises(AssertionError):
        assert_safe('<img src="x" onerror="alert(1)">')
    with pytest.raises(AssertionError):
        assert_safe("<svg></svg>")
    assert_safe('<p><a href="https://example.org/a" rel="noopener noreferrer">x</a></p>')


def test_safe_links_and_images_survive():
    html = render(
        "[NHS](https://www.nhs.uk/) [mail](mailto:a@example.org) [page](/articles/fever/)\n\n![x](/media/a.png)"
    ).html
    links = [a.attrs["href"] for a in parse(html).find_all("a")]
    assert links == ["https://www.nhs.uk/", "mailto:a@example.org", "/articles/fever/"]
    assert parse(html).find("img").attrs["src"] == "/media/a.png"
