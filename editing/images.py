"""Check and re-encode an image an editor uploads into an article.

Pure Python with Pillow, without Django. The bytes decide what a file is, never its name or declared
type: only PNG, JPEG and WebP that Pillow can fully decode are accepted, and they are written again from
their pixels, so metadata, trailing data and anything hidden in the file are dropped. The stored name is
chosen here (random, with the image's size and the right extension: articles/image_names.py), which lets
the Markdown renderer give each image its width and height so pages do not shift as images load.
"""

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from articles.image_names import stored_name

MAX_BYTES = 5 * 1024 * 1024
# Wider images are scaled down: an article column never shows more, and phones download less.
MAX_WIDTH = 1600
# Far above MAX_WIDTH² but far below a decompression bomb.
MAX_PIXELS = 40_000_000

EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}
ACCEPTED = "Only PNG, JPEG and WebP images can be uploaded"


class ImageRejected(ValueError):
    """The upload is not an image we accept; the message says why, in words for the editor."""


@dataclass(frozen=True)
class CleanImage:
    """A re-encoded image: its bytes, the file name to store it under, its size in pixels."""

    content: bytes
    name: str
    width: int
    height: int

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.name.rsplit(".", 1)[1]]


def clean_image(data: bytes) -> CleanImage:
    """Return `data` re-encoded in its own format (PNG, JPEG or WebP), or raise ImageRejected."""
    if len(data) > MAX_BYTES:
        raise ImageRejected(too_large(len(data)))
    if not data:
        raise ImageRejected("The file is empty.")
    image, kind = _decode(data)
    image = ImageOps.exif_transpose(image)
    if image.width > MAX_WIDTH:
        image.thumbnail((MAX_WIDTH, image.height), Image.Resampling.LANCZOS)
    extension = EXTENSIONS[kind]
    try:
        content = _encode(image, extension)
    except (OSError, ValueError):
        raise ImageRejected(
            "The image uses a colour format that cannot be saved again. Export it as a plain PNG or JPEG."
        ) from None
    return CleanImage(
        content=content,
        name=stored_name(image.width, image.height, extension),
        width=image.width,
        height=image.height,
    )


def too_large(size: int) -> str:
    """The refusal for a file of `size` bytes, over MAX_BYTES."""
    return f"The image is larger than 5 MB ({size / 1024 / 1024:.1f} MB). Save it smaller and try again."


def _decode(data: bytes) -> tuple[Image.Image, str]:
    """Open and fully decode `data`; return the image and its Pillow format name, or raise ImageRejected."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                if kind not in EXTENSIONS:
                    raise ImageRejected(f"{ACCEPTED}; this file is {_describe(kind)}.")
                if probe.width * probe.height > MAX_PIXELS:
                    raise ImageRejected("The image has too many pixels. Save it smaller and try again.")
                probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
    except ImageRejected:
        raise
    except UnidentifiedImageError:
        raise ImageRejected(f"{ACCEPTED}; this file is {_describe(_sniff(data))}.") from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageRejected("The image has too many pixels. Save it smaller and try again.") from None
    except (OSError, SyntaxError, ValueError):
        raise ImageRejected("The image is damaged or incomplete, so it cannot be used.") from None
    return image, kind


def _encode(image: Image.Image, extension: str) -> bytes:
    """Write `image` from its pixels alone (no metadata) in the format of `extension`."""
    out = io.BytesIO()
    if extension == "jpg":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True, progressive=True)
    elif extension == "webp":
        has_alpha = image.mode in {"RGBA", "LA"} or "transparency" in image.info
        image.convert("RGBA" if has_alpha else "RGB").save(out, "WEBP", quality=85, method=4)
    else:
        if image.mode not in {"RGB", "RGBA", "L", "LA", "P", "1"}:
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _sniff(data: bytes) -> str | None:
    """Name what a file Pillow cannot open most likely is, for the message."""
    start = data[:4096].lstrip().lower()
    if b"<svg" in start or start.startswith(b"<?xml"):
        return "SVG"
    if start.startswith((b"<!doctype html", b"<html")) or b"<script" in start:
        return "HTML"
    return None


def _describe(kind: str | None) -> str:
    if kind is None:
        return "not an image"
    if kind == "SVG":
        return "an SVG drawing, which can carry scripts"
    if kind == "HTML":
        return "a web page (HTML), not an image"
    return f"a {kind} image"
