from django.contrib import admin
from django.urls import include, path

from borderpro.ops import health
from borderpro.organizations import views as org_views

urlpatterns = [
    path("", org_views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
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
    path("", include("borderpro.ops.urls")),
]
