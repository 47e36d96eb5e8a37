from django.urls import path

from checker import views

app_name = "checker"

urlpatterns = [
    path("neutrophil-count/", views.neutrophil_count, name="neutrophil_count"),
]
