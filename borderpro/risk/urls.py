from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.risk import views

app_name = "risk"

register_object_kwarg("assessment_id", "risk.Assessment")
register_object_kwarg("flow_id", "risk.Flow")
register_object_kwarg("rating_id", "risk.ThreatRating")
register_object_kwarg("action_id", "risk.Action")
register_object_kwarg("vulnerability_id", "risk.Vulnerability")

P = "o/<str:org_code>/risk/"
A = P + "<uuid:assessment_id>/"

urlpatterns = [
    path(P, views.assessment_list, name="list"),
    path(P + "new/", views.assessment_create, name="create"),
    path(A, views.record, name="record"),
    path(A + "map/", views.step_map, name="map"),
    path(A + "threats/", views.step_threats, name="threats"),
    path(A + "vulnerabilities/", views.step_vulnerabilities, name="vulnerabilities"),
    path(A + "risks/", views.step_risks, name="risks"),
    path(A + "actions/", views.step_actions, name="actions"),
    path(A + "compare/", views.compare, name="compare"),
    path(A + "sign/", views.sign, name="sign"),
    path(A + "reopen/", views.reopen, name="reopen"),
    path(A + "next/", views.start_next, name="next"),
    path(A + "export/", views.export, name="export"),
    path(P + "flows/<uuid:flow_id>/", views.flow_detail, name="flow"),
    path(P + "flows/<uuid:flow_id>/remove/", views.flow_remove, name="flow_remove"),
    path(P + "ratings/<uuid:rating_id>/remove/", views.rating_remove, name="rating_remove"),
    path(P + "actions/<uuid:action_id>/", views.action_detail, name="action"),
]
