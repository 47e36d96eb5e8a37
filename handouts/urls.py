from django.urls import path

from handouts import views

app_name = "handouts"

urlpatterns = [
    path("fever-card/", views.fever_card, name="fever_card"),
    path("handout/", views.handout_builder, name="builder"),
    path("handout/<str:code>/", views.handout, name="handout"),
]
