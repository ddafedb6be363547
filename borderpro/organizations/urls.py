from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.organizations import views

app_name = "organizations"

register_object_kwarg("member_id", "organizations.Membership")
register_object_kwarg("invitation_id", "organizations.Invitation")
register_object_kwarg("link_id", "organizations.ClientLink", "consultancy")
register_object_kwarg("job_id", "common.Job")

urlpatterns = [
    path("organizations/", views.organization_list, name="list"),
    path("organizations/new/", views.organization_create, name="create"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("o/<str:org_code>/", views.dashboard, name="dashboard"),
    path("o/<str:org_code>/settings/", views.settings_view, name="settings"),
    path("o/<str:org_code>/team/", views.members, name="members"),
    path("o/<str:org_code>/team/<uuid:member_id>/role/", views.member_role, name="member_role"),
    path(
        "o/<str:org_code>/team/<uuid:member_id>/remove/", views.member_remove, name="member_remove"
    ),
    path(
        "o/<str:org_code>/team/invitations/<uuid:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("o/<str:org_code>/clients/", views.clients, name="clients"),
    path(
        "o/<str:org_code>/clients/<uuid:link_id>/assign/", views.client_assign, name="client_assign"
    ),
    path("o/<str:org_code>/activity/", views.activity, name="activity"),
    path("o/<str:org_code>/integrity/", views.integrity, name="integrity"),
    path("o/<str:org_code>/jobs/<uuid:job_id>/", views.job_status, name="job"),
    path("o/<str:org_code>/jobs/<uuid:job_id>/download/", views.job_download, name="job_download"),
]
