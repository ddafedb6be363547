from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.profiles.views import packages, profile, readiness, response, spreadsheets, workspace

app_name = "profiles"

register_object_kwarg("response_id", "profiles.Response")
register_object_kwarg("snapshot_id", "profiles.PackageSnapshot")
register_object_kwarg("division_id", "profiles.Division")

P = "o/<str:org_code>/profile/"
R = P + "responses/<uuid:response_id>/"

urlpatterns = [
    path(P + "company/", profile.profile_detail, name="profile"),
    path(P + "company/edit/", profile.profile_edit, name="profile_edit"),
    path(
        P + "divisions/<uuid:division_id>/security-profile/",
        profile.division_profile_start,
        name="division_profile_start",
    ),
    path(P + "requirements/", workspace.workspace, name="home"),
    path(P + "frameworks/", workspace.frameworks, name="frameworks"),
    path(P + "assign/", workspace.assign_category, name="assign"),
    path(R, response.response_detail, name="response"),
    path(R + "row/", workspace.response_row, name="response_row"),
    path(R + "edit/", workspace.response_edit, name="response_edit"),
    path(R + "review/", response.response_review, name="response_review"),
    path(R + "comments/", response.response_comment, name="response_comment"),
    path(R + "share/", response.response_share_view, name="response_share"),
    path(R + "evidence/", response.response_link, name="response_link"),
    path(
        R + "evidence/<uuid:evidence_id>/unlink/", response.response_unlink, name="response_unlink"
    ),
    path(P + "readiness/", readiness.readiness, name="readiness"),
    path(P + "readiness/chart.svg", readiness.readiness_chart, name="readiness_chart"),
    path(P + "gaps/export/", spreadsheets.gaps_export, name="gaps_export"),
    path(P + "import/", spreadsheets.responses_import, name="import"),
    path(P + "packages/", packages.packages, name="packages"),
    path(P + "packages/build/", packages.package_start, name="package_start"),
    path(P + "packages/<uuid:snapshot_id>/pdf/", packages.package_pdf, name="package_pdf"),
    path(P + "packages/<uuid:snapshot_id>/docx/", packages.package_docx, name="package_docx"),
    path(P + "packages/<uuid:snapshot_id>/zip/", packages.package_zip, name="package_zip"),
    path(P + "submissions/", packages.submission_add, name="submission_add"),
]
