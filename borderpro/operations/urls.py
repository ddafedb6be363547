from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.operations import field, views

app_name = "operations"

register_object_kwarg("unit_id", "operations.Unit")
register_object_kwarg("inspection_id", "operations.Inspection")
register_object_kwarg("seal_id", "operations.Seal")
register_object_kwarg("incident_id", "operations.Incident")

P = "o/<str:org_code>/operations/"
F = "o/<str:org_code>/field/"

urlpatterns = [
    path(P, views.overview, name="overview"),
    path(P + "fleet/", views.unit_list, name="units"),
    path(P + "fleet/new/", views.unit_create, name="unit_create"),
    path(P + "fleet/<uuid:unit_id>/", views.unit_detail, name="unit"),
    path(P + "fleet/<uuid:unit_id>/release/", views.unit_release, name="unit_release"),
    path(P + "inspections/", views.inspection_list, name="inspections"),
    path(P + "inspections/<uuid:inspection_id>/", views.inspection_detail, name="inspection"),
    path(P + "seals/", views.seal_list, name="seals"),
    path(P + "seals/receive/", views.seal_lot_create, name="seal_lot_create"),
    path(P + "seals/audit/", views.seal_audit, name="seal_audit"),
    path(P + "seals/<uuid:seal_id>/", views.seal_detail, name="seal"),
    path(P + "incidents/", views.incident_list, name="incidents"),
    path(P + "incidents/<uuid:incident_id>/", views.incident_detail, name="incident"),
    path(
        P + "incidents/<uuid:incident_id>/analysis.pdf",
        views.incident_report_pdf,
        name="incident_pdf",
    ),
    path(F, field.field_home, name="field"),
    path(F + "inspect/", field.field_inspect, name="field_inspect"),
    path(F + "seal/", field.field_seal, name="field_seal"),
    path(F + "report/", field.field_report, name="field_report"),
    path(F + "manifest.webmanifest", field.field_manifest, name="field_manifest"),
    path(F + "sw.js", field.field_service_worker, name="field_sw"),
]
