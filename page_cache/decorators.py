"""How a view tells the page cache its answers may be kept and shared."""

from functools import wraps


def public_page(view):
    """Mark `view`'s answers as the same for every visitor, so the page cache may keep and share them."""

    @wraps(view)
    def marked(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.is_public_page = True
        return response

    return marked
