from django.urls import path

from articles import views
from articles.feeds import ArticleUpdatesFeed
from page_cache.decorators import public_page

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<slug:slug>/", views.article_detail, name="detail"),
    path("search/", views.search, name="search"),
    path("feed/", public_page(ArticleUpdatesFeed()), name="feed"),
]
