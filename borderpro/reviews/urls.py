from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.reviews import views

app_name = "reviews"

register_object_kwarg("review_id", "reviews.Review")
register_object_kwarg("checklist_item_id", "reviews.ChecklistItem")
register_object_kwarg("finding_id", "reviews.Finding")
register_object_kwarg("corrective_action_id", "reviews.CorrectiveAction")
register_object_kwarg("binder_id", "reviews.BinderSnapshot")

P = "o/<str:org_code>/reviews/"
R = P + "<uuid:review_id>/"

urlpatterns = [
    path(P, views.review_list, name="list"),
    path(P + "annual-update/", views.annual_update, name="annual_update"),
    path(P + "binder/", views.binder, name="binder"),
    path(P + "binder/<uuid:binder_id>/download/", views.binder_download, name="binder_download"),
    path(R, views.review_detail, name="review"),
    path(R + "complete/", views.review_complete, name="complete"),
    path(R + "export/", views.review_export, name="export"),
    path(R + "findings/", views.finding_create, name="finding_create"),
    path(P + "items/<uuid:checklist_item_id>/", views.item_detail, name="item"),
    path(P + "findings/<uuid:finding_id>/", views.finding_detail, name="finding"),
    path(P + "actions/<uuid:corrective_action_id>/", views.action_detail, name="action"),
]
