from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.training.views import programme, public, seminars

app_name = "training"

register_object_kwarg("session_id", "training.TrainingSession")
register_object_kwarg("record_id", "training.TrainingRecord")
register_object_kwarg("seminar_id", "training.Seminar")
register_object_kwarg("registration_id", "training.Registration")

T = "o/<str:org_code>/training/"
S = "o/<str:org_code>/seminars/"

urlpatterns = [
    path(T, programme.matrix, name="matrix"),
    path(T + "matrix/export/", programme.matrix_export, name="matrix_export"),
    path(T + "courses/", programme.course_list, name="courses"),
    path(T + "sessions/", programme.session_list, name="sessions"),
    path(T + "sessions/<uuid:session_id>/", programme.session_detail, name="session"),
    path(T + "records/", programme.record_list, name="records"),
    path(T + "records/<uuid:record_id>/check/", programme.knowledge_check, name="check"),
    path(T + "records/<uuid:record_id>/certificate/", programme.certificate, name="certificate"),
    path(S, seminars.seminar_list, name="seminars"),
    path(S + "<uuid:seminar_id>/", seminars.seminar_detail, name="seminar"),
    path(
        S + "registrations/<uuid:registration_id>/",
        seminars.registration_action,
        name="registration_action",
    ),
    path(
        S + "registrations/<uuid:registration_id>/certificate/",
        seminars.seminar_certificate,
        name="seminar_certificate",
    ),
    # public: no sign-in
    path("p/<str:consultancy_code>/seminars/", public.public_seminars, name="public_seminars"),
    path(
        "p/<str:consultancy_code>/seminars/<uuid:seminar_id>/",
        public.public_seminar,
        name="public_seminar",
    ),
    path("verify/", public.verify, name="verify"),
    path("verify/<str:code>/", public.verify_code, name="verify_code"),
]
