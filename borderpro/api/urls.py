from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from borderpro.api import views
from borderpro.evidence import api as evidence_api

app_name = "api"

O = "o/<str:org_code>/"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("me/", views.MeView.as_view(), name="me"),
    path(O, views.OrganizationDetailView.as_view(), name="organization"),
    path(O + "members/", views.MemberListView.as_view(), name="members"),
    path(O + "activity/", views.ActivityListView.as_view(), name="activity"),
    path(O + "jobs/<uuid:job_id>/", views.JobDetailView.as_view(), name="job"),
    path(O + "evidence/", evidence_api.EvidenceListView.as_view(), name="evidence-list"),
    path(O + "evidence/<uuid:evidence_id>/", evidence_api.EvidenceDetailView.as_view(), name="evidence-detail"),
    path(O + "evidence/<uuid:evidence_id>/download/", evidence_api.EvidenceDownloadView.as_view(), name="evidence-download"),
]
