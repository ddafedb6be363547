from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.programs import views

app_name = "programs"

# program_code is a program's code (e.g. PIP), not a row: the sample gives "PIP".
register_object_kwarg("program_code", "programs.Membership")
register_object_kwarg("membership_id", "programs.Membership")

P = "o/<str:org_code>/programs/"

urlpatterns = [
    path(P, views.home, name="home"),
    path(P + "what-if/", views.what_if, name="what_if"),
    path(P + "declarations/", views.declarations, name="declarations"),
    path(P + "memberships/", views.memberships, name="memberships"),
    path(P + "memberships/<str:program_code>/", views.membership_edit, name="membership_edit"),
    path(P + "<str:program_code>/", views.detail, name="detail"),
]
