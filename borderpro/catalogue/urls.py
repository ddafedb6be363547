from django.urls import path

from borderpro.catalogue import views
from borderpro.common.routing import register_object_kwarg

app_name = "catalogue"

# Shipped frameworks belong to no organization; a consultancy's own ones to the consultancy.
register_object_kwarg("framework_id", "catalogue.Framework", "owner")
register_object_kwarg("requirement_id", "catalogue.Requirement", "framework__owner")

C = "o/<str:org_code>/catalogue/"

urlpatterns = [
    path(C, views.catalogue_index, name="index"),
    path(C + "requirements/", views.requirement_list, name="requirements"),
    path(C + "requirements/<uuid:requirement_id>/", views.requirement_detail, name="requirement"),
    path(C + "requirements/<uuid:requirement_id>/note/", views.guidance_note_edit, name="note"),
    path(C + "frameworks/upload/", views.framework_upload, name="upload"),
    path(C + "frameworks/<uuid:framework_id>/", views.framework_detail, name="framework"),
    path(C + "crosswalk/", views.crosswalk_view, name="crosswalk"),
    path(C + "compare/", views.compare_view, name="compare"),
]
