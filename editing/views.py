"""The editor's endpoints: the markdownx live preview, image upload, reading level and the checks before
publishing; who else is editing an article; serving uploads. (The admin's history pages are in editing/history.py.)

markdownx's own views answer anyone and trust the declared file type, so the widget is pointed at these
instead (settings MARKDOWNX_URLS_PATH and MARKDOWNX_UPLOAD_URLS_PATH). The preview, upload, reading
level and checks answer only logged-in staff who may edit articles; anyone else gets 403 with a message the
editor shows.
"""

from functools import wraps

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from articles.image_names import STORED_NAME
from articles.markdown import IMAGE_DESCRIPTION_PROMPT, render
from articles.models import Article
from editing import images, presence, publishing_checks
from editing.readability import LONG_SENTENCE_WORDS, inflesz, readability
from glossary.terms import glossary_terms

NOT_AN_EDITOR = "Log in to the admin as an editor to use the editor."
# The lowest INFLESZ score a Spanish article should reach: "bastante fácil" (../shared/content-guide.md).
INFLESZ_TARGET = 65
# An uploaded image is only ever shown as an image: no scripts, no frames, no sniffing, cached for good
# (its name is random and never reused).
IMAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "public, max-age=31536000, immutable",
}


def editors_only(*permissions, answer_json=False):
    """Let active staff holding any of `permissions` reach the view; answer 403 with a message otherwise
    (as {"error": message} when `answer_json`, the shape the upload widget reads)."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            user = request.user
            if not (user.is_active and user.is_staff and any(user.has_perm(p) for p in permissions)):
                if answer_json:
                    return JsonResponse({"error": NOT_AN_EDITOR}, status=403)
                return HttpResponseForbidden(NOT_AN_EDITOR, content_type="text/plain; charset=utf-8")
            return view(request, *args, **kwargs)

        return checked

    return decorator


def posted_language(request):
    """The article's language the editor's page sent as `language` (the form's language field's value, POSTed,
    or in the address for the markdownx preview, which posts only the text); the default language when it is
    missing or not one of settings.LANGUAGES."""
    language = request.POST.get("language") or request.GET.get("language", "")
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@never_cache
@require_POST
@editors_only("articles.add_article", "articles.change_article")
def preview(request):
    """The live preview: POST `content` (Markdown) and `language`; answer the sanitised HTML the public page
    would show, its glossary links to that language's glossary."""
    html = render(request.POST.get("content", ""), glossary_terms(posted_language(request))).html
    return HttpResponse(html, content_type="text/html; charset=utf-8")


def plain_language(text, language=settings.LANGUAGE_CODE):
    """The plain-language panel's HTML for an article's plain text in `language` (text None: the article is not
    saved yet): INFLESZ for Spanish, the Flesch-Kincaid grade and reading age otherwise."""
    spanish = language == "es"
    measured = None if text is None else (inflesz(text) if spanish else readability(text))
    context = {
        "readability": None if spanish else measured,
        "inflesz": measured if spanish else None,
        "inflesz_target": INFLESZ_TARGET,
        "not_measured": text is None,
        "long_sentence_words": LONG_SENTENCE_WORDS,
    }
    return render_to_string("admin/articles/article/plain_language.html", context)


@never_cache
@require_POST
@editors_only("articles.add_article", "articles.change_article")
def reading_level(request):
    """The plain-language panel for POSTed `content` (Markdown) in the POSTed `language`, so it follows the
    editor's typing."""
    return HttpResponse(plain_language(render(request.POST.get("content", "")).text, posted_language(request)))


def checks_panel(markdown, language=settings.LANGUAGE_CODE):
    """The checks-before-publishing panel's HTML for an article's Markdown in `language` (None: the article is
    not saved yet)."""
    found = None if markdown is None else publishing_checks.problems(markdown, language)
    context = {"problems": found, "long_sentence_words": LONG_SENTENCE_WORDS}
    return render_to_string("admin/articles/article/publishing_checks.html", context)


@never_cache
@require_POST
@editors_only("articles.add_article", "articles.change_article")
def publishing_checks_view(request):
    """The checks-before-publishing panel for POSTed `content` (Markdown) in the POSTed `language`, so it
    follows the editor's typing."""
    return HttpResponse(checks_panel(request.POST.get("content", ""), posted_language(request)))


@never_cache
@require_POST
@editors_only("articles.change_article", answer_json=True)
def editing_presence(request, article_id):
    """Record that the user has article `article_id`'s change form open (or, with POST `leave`, that they
    left it); answer {"editing": [names of the others who have it open], "notice": the sentence to show}."""
    article = get_object_or_404(Article, pk=article_id)
    if "leave" in request.POST:
        presence.leave(article, request.user)
        return JsonResponse({"editing": [], "notice": ""})
    presence.record(article, request.user)
    names = presence.others_editing(article, request.user)
    return JsonResponse({"editing": names, "notice": presence.notice(names)})


@never_cache
@require_POST
@editors_only("articles.upload_image", answer_json=True)
def upload_image(request):
    """Store an uploaded `image` re-encoded under a name chosen here.

    Answers {"image_code": "![...](url)", "image_url": url}: markdownx's widget inserts the code, the
    editor's own script (static/js/admin-editor.js) writes the Markdown around the address with the
    description it asked for. Or status 400 with {"error": message}.
    """
    upload = request.FILES.get("image")
    if upload is None:
        return JsonResponse({"error": "Choose an image file to upload."}, status=400)
    if upload.size > images.MAX_BYTES:  # refused before reading it
        return JsonResponse({"error": images.too_large(upload.size)}, status=400)
    try:
        image = images.clean_image(upload.read())
    except images.ImageRejected as rejection:
        return JsonResponse({"error": str(rejection)}, status=400)
    stored = default_storage.save(settings.MARKDOWNX_MEDIA_PATH + image.name, ContentFile(image.content))
    url = default_storage.url(stored)
    return JsonResponse({"image_code": f"![{IMAGE_DESCRIPTION_PROMPT}]({url})", "image_url": url})


@require_safe
def uploaded_image(request, name):
    """Serve an uploaded image (debug on or off): only names that clean_image chose, with safe headers."""
    if not STORED_NAME.fullmatch(name):
        raise Http404("No such image.")
    path = settings.MARKDOWNX_MEDIA_PATH + name
    if not default_storage.exists(path):
        raise Http404("No such image.")
    response = FileResponse(default_storage.open(path), content_type=images.CONTENT_TYPES[name.rsplit(".", 1)[1]])
    for header, value in IMAGE_HEADERS.items():
        response[header] = value
    return response
