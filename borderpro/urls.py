from django.contrib import admin
from django.http import HttpRequest, JsonResponse
from django.urls import include, path

from borderpro.organizations import views as org_views


def healthz(request: HttpRequest) -> JsonResponse:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("", org_views.home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("borderpro.api.urls")),
    path("", include("borderpro.accounts.urls")),
    path("", include("borderpro.organizations.urls")),
    path("", include("borderpro.evidence.urls")),
    path("", include("borderpro.catalogue.urls")),
    path("", include("borderpro.profiles.urls")),
    path("", include("borderpro.operations.urls")),
    path("", include("borderpro.people.urls")),
    path("", include("borderpro.risk.urls")),
    path("", include("borderpro.partners.urls")),
    path("", include("borderpro.programs.urls")),
    path("", include("borderpro.deadlines.urls")),
    path("", include("borderpro.policies.urls")),
    path("", include("borderpro.consulting.urls")),
    path("", include("borderpro.training.urls")),
    path("", include("borderpro.reviews.urls")),
]
