from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.partners import views
from borderpro.partners import views_questionnaires as vq

app_name = "partners"

register_object_kwarg("partner_id", "partners.Partner")
register_object_kwarg("certification_id", "partners.Certification")
register_object_kwarg("question_set_id", "partners.QuestionSet")
register_object_kwarg("questionnaire_id", "partners.Questionnaire")

P = "o/<str:org_code>/partners/"

urlpatterns = [
    path(P, views.partner_list, name="list"),
    path(P + "new/", views.partner_create, name="create"),
    path(P + "<uuid:partner_id>/", views.partner_detail, name="partner"),
    path(P + "<uuid:partner_id>/edit/", views.partner_edit, name="edit"),
    path(P + "<uuid:partner_id>/send/", vq.questionnaire_send, name="send"),
    path(
        P + "certifications/<uuid:certification_id>/check/",
        views.certification_check,
        name="certification_check",
    ),
    path(P + "questionnaires/", vq.questionnaire_list, name="questionnaires"),
    path(P + "questionnaires/sets/new/", vq.question_set_edit, name="question_set_new"),
    path(
        P + "questionnaires/sets/<uuid:question_set_id>/",
        vq.question_set_edit,
        name="question_set",
    ),
    path(
        P + "questionnaires/<uuid:questionnaire_id>/",
        vq.questionnaire_detail,
        name="questionnaire",
    ),
    path(P + "library/", vq.answer_library, name="library"),
    path(P + "library/summary/", vq.security_summary, name="summary"),
    # the partner's private link: no account, no organization in the address
    path("q/<str:token>/", vq.questionnaire_answer, name="answer"),
]
