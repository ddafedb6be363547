from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.policies import views

app_name = "policies"

register_object_kwarg("document_id", "policies.Document")

P = "o/<str:org_code>/policies/"
D = P + "<uuid:document_id>/"

urlpatterns = [
    path(P, views.document_list, name="list"),
    path(P + "generate/", views.generate, name="generate"),
    path(P + "export/", views.export_manual, name="export_manual"),
    path(P + "coverage/", views.coverage, name="coverage"),
    path(P + "acknowledgements/", views.acknowledgements, name="acknowledgements"),
    path(P + "templates/", views.template_library, name="library"),
    path(P + "templates/edit/", views.template_edit, name="template_edit"),
    path(P + "templates/export/", views.template_export, name="template_export"),
    path(P + "templates/import/", views.template_import, name="template_import"),
    path(D, views.document_detail, name="document"),
    path(D + "edit/", views.document_edit, name="edit"),
    path(D + "sign/", views.sign, name="sign"),
    path(D + "publish/", views.publish, name="publish"),
    path(D + "review/", views.review_date, name="review"),
    path(D + "acknowledge/", views.acknowledge, name="acknowledge"),
    path(D + "diff/", views.diff, name="diff"),
    path(D + "download/", views.export, name="download"),
]
