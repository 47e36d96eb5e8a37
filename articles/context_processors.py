from articles import addresses


def page_address(request):
    """Give every template the page's full addresses: `site_root`, `canonical_url` and `share_image_url`."""
    return {
        "site_root": addresses.site_root(request),
        "canonical_url": addresses.canonical_url(request),
        "share_image_url": addresses.share_image_url(request),
    }
