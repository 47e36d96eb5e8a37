from django import template

from languages.versions import language_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_each_language(context):
    """The current page in each language (languages.versions.language_versions), using the `translations`
    a view put in the context, if any; each language's home on a page rendered without its request."""
    request = context.get("request")
    return language_versions(request and request.path, context.get("translations"))
