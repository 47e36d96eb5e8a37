"""Template tags for pages people share: structured data and printed QR codes."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.qr import qr_svg

register = template.Library()

# The escapes Django's json_script uses: with <, > and & written as \u escapes, no text in the data
# can end the script element or start a comment in it, and json.loads still reads the text back.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def json_ld(data):
    """Print `data` as a `<script type="application/ld+json">` element, escaped as json_script escapes."""
    text = json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def qr_code(url, label=None):
    """Print an inline SVG QR code of `url` with an accessible name, by default "QR code of this page's
    address: `url`" (see articles.qr.qr_svg)."""
    return mark_safe(qr_svg(url) if label is None else qr_svg(url, label))
