"""Uploaded images that no article uses, listed for an administrator to delete (reached through the admin,
ArticleAdmin.get_urls, which checks the visitor is logged-in staff).

"Uses" is read as widely as the site keeps text: an image is in use while any article's body, any working
copy or any version in history (every django-reversion version, of any model) names its file. Only a user
who may delete articles (an administrator) sees the list or deletes, and a deletion checks again, at the
moment of deleting, that nothing uses the image.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from reversion.models import Version

from articles.image_names import STORED_NAME
from articles.models import Article

STILL_USED = "“{name}” was not deleted: an article, a working copy or a saved version uses it now."
DELETED = "The image “{name}” was deleted."


def named_images(texts):
    """The stored image names (articles.image_names.STORED_NAME) that appear anywhere in `texts`."""
    return {match[0] for text in texts for match in STORED_NAME.finditer(text or "")}


def stored_images():
    """The names of the uploaded images in storage, in name order."""
    if not default_storage.exists(settings.MARKDOWNX_MEDIA_PATH):
        return []
    _, files = default_storage.listdir(settings.MARKDOWNX_MEDIA_PATH)
    return sorted(name for name in files if STORED_NAME.fullmatch(name))


def used_images():
    """The image names that an article's body, a working copy or any saved version names."""
    bodies = Article.objects.values_list("body", flat=True).iterator()
    saved = Version.objects.values_list("serialized_data", flat=True).iterator()
    return named_images(bodies) | named_images(saved)


def unused_images_in_storage():
    """The stored images that nothing uses, in name order."""
    used = used_images()
    return [name for name in stored_images() if name not in used]


def may_delete_images(user):
    """Refuse (403) anyone but an administrator: a user who may delete articles."""
    if not user.has_perm("articles.delete_article"):
        raise PermissionDenied


def context_for(request, title):
    return {**admin.site.each_context(request), "opts": Article._meta, "title": title}


def unused_images(request):
    """The uploaded images that nothing uses, each with a link to delete it.

    Template: admin/articles/article/unused_images.html. Context: the admin's own, plus `images` (a list of
    {"name", "url"}), `opts` and `title`.
    """
    may_delete_images(request.user)
    images = [
        {"name": name, "url": default_storage.url(settings.MARKDOWNX_MEDIA_PATH + name)}
        for name in unused_images_in_storage()
    ]
    context = {**context_for(request, "Images no article uses"), "images": images}
    return TemplateResponse(request, "admin/articles/article/unused_images.html", context)


def delete_image(request, name):
    """Ask to confirm deleting one unused image (GET); delete it from storage (POST), unless something uses
    it by then, and return to the list with a message. 404 for a name that is not a stored image.

    Template: admin/articles/article/delete_image.html. Context: the admin's own, plus `name`, `url`,
    `opts`, `title`, and `still_used` (a message) when something uses the image.
    """
    may_delete_images(request.user)
    path = settings.MARKDOWNX_MEDIA_PATH + name
    if not STORED_NAME.fullmatch(name) or not default_storage.exists(path):
        raise Http404("No such image.")
    if request.method == "POST":
        if name in used_images():
            messages.error(request, STILL_USED.format(name=name))
        else:
            default_storage.delete(path)
            messages.success(request, DELETED.format(name=name))
        return HttpResponseRedirect(reverse("admin:articles_article_unused_images"))
    context = {**context_for(request, "Delete this image?"), "name": name, "url": default_storage.url(path)}
    if name in used_images():
        context["still_used"] = STILL_USED.format(name=name)
    return TemplateResponse(request, "admin/articles/article/delete_image.html", context)
