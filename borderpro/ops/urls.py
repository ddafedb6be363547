from django.urls import path

from borderpro.ops import views

app_name = "ops"

urlpatterns = [
    path("o/<str:org_code>/settings/export/", views.export_page, name="export"),
]
