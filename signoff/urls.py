from django.urls import path

from signoff import views

app_name = "signoff"

urlpatterns = [
    path("preview/<str:token>/", views.preview, name="preview"),
]
