from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.partners import views

app_name = "partners"

register_object_kwarg("partner_id", "partners.Partner")
register_object_kwarg("certification_id", "partners.Certification")

P = "o/<str:org_code>/partners/"

urlpatterns = [
    path(P, views.partner_list, name="list"),
    path(P + "new/", views.partner_create, name="create"),
    path(P + "<uuid:partner_id>/", views.partner_detail, name="partner"),
    path(P + "<uuid:partner_id>/edit/", views.partner_edit, name="edit"),
    path(
        P + "certifications/<uuid:certification_id>/check/",
        views.certification_check,
        name="certification_check",
    ),
]
