"""Checking and re-encoding uploads (editing/images.py), as pure functions: no Django, no database."""

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from articles.image_names import STORED_NAME, image_size_from_name
from editing.images import CleanImage, ImageRejected, clean_image


def png(size=(24, 16), mode="RGB"):
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


def outcome(data):
    try:
        return clean_image(data)
    except ImageRejected as rejection:
        return rejection


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_give_a_clean_image_or_a_clear_refusal_never_a_crash(data):
    assert isinstance(outcome(data), CleanImage | ImageRejected)


# A PNG missing only its 12-byte end marker still holds every pixel, and Pillow rightly reads it.
@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=len(png()) - 13))
def test_a_png_cut_off_before_its_end_is_refused(length):
    result = outcome(png()[:length])
    assert isinstance(result, ImageRejected)
    assert str(result)


def test_metadata_is_dropped_when_re_encoding():
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Camera maker with a location"
    Image.new("RGB", (10, 10)).save(out, "JPEG", exif=exif)
    cleaned = clean_image(out.getvalue())
    assert b"Camera maker" not in cleaned.content
    assert cleaned.content_type == "image/jpeg"


def test_a_transparent_png_stays_a_png_with_transparency():
    cleaned = clean_image(png(mode="RGBA"))
    with Image.open(io.BytesIO(cleaned.content)) as image:
        assert image.mode == "RGBA"


def test_stored_names_carry_the_size_and_nothing_else_does():
    name = clean_image(png((24, 16))).name
    assert STORED_NAME.fullmatch(name)
    assert image_size_from_name(f"/media/images/{name}") == (24, 16)
    assert image_size_from_name("/media/images/photo-24x16.png") is None
    assert image_size_from_name(f"/media/images/{name}.html") is None


def test_two_uploads_of_the_same_image_get_different_names():
    assert clean_image(png()).name != clean_image(png()).name
