"""The names uploaded images are stored under: "<32 hex>-<width>x<height>.<ext>".

The editor's upload (editing/images.py) chooses them; the renderer (articles/markdown.py) reads each
image's size back from its name, so pages give images their width and height and do not shift as they load.
"""

import re
import uuid

STORED_NAME = re.compile(r"(?P<stem>[0-9a-f]{32})-(?P<width>\d{1,5})x(?P<height>\d{1,5})\.(?P<ext>png|jpg|webp)")


def stored_name(width: int, height: int, extension: str) -> str:
    """A new random name for an image of `width` by `height` pixels, never given before."""
    return f"{uuid.uuid4().hex}-{width}x{height}.{extension}"


def image_size_from_name(name: str) -> tuple[int, int] | None:
    """The (width, height) written into a stored image's name, or None for other names."""
    match = STORED_NAME.search(name)
    if match is None or not name.endswith(match[0]):
        return None
    return int(match["width"]), int(match["height"])
