from django.urls import path
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from borderpro.api import views
from borderpro.catalogue import api as catalogue_api
from borderpro.consulting import api as consulting_api
from borderpro.deadlines import api as deadlines_api
from borderpro.evidence import api as evidence_api
from borderpro.operations import api as operations_api
from borderpro.partners import api as partners_api
from borderpro.people import api as people_api
from borderpro.policies import api as policies_api
from borderpro.profiles import api as profiles_api
from borderpro.programs import api as programs_api
from borderpro.reviews import api as reviews_api
from borderpro.risk import api as risk_api
from borderpro.training import api as training_api

app_name = "api"

O = "o/<str:org_code>/"

# The documentation pages are third-party bundles: Swagger UI loads its start-up script as a
# file (split view) but styles itself inline; ReDoc starts from an inline script and runs
# a worker from a blob. Their pages show our own schema only.
_DOCS_CSP: dict[str, list[str]] = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
_REDOC_CSP: dict[str, list[str]] = {
    **_DOCS_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "worker-src": [CSP.SELF, "blob:"],
}

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        csp_override(_DOCS_CSP)(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
        name="docs",
    ),
    path(
        "redoc/",
        csp_override(_REDOC_CSP)(SpectacularRedocView.as_view(url_name="api:schema")),
        name="redoc",
    ),
    path("me/", views.MeView.as_view(), name="me"),
    path(O, views.OrganizationDetailView.as_view(), name="organization"),
    path(O + "members/", views.MemberListView.as_view(), name="members"),
    path(O + "activity/", views.ActivityListView.as_view(), name="activity"),
    path(O + "jobs/<uuid:job_id>/", views.JobDetailView.as_view(), name="job"),
    path(O + "evidence/", evidence_api.EvidenceListView.as_view(), name="evidence-list"),
    path(
        O + "evidence/<uuid:evidence_id>/",
        evidence_api.EvidenceDetailView.as_view(),
        name="evidence-detail",
    ),
    path(
        O + "evidence/<uuid:evidence_id>/download/",
        evidence_api.EvidenceDownloadView.as_view(),
        name="evidence-download",
    ),
    path(O + "profile/", profiles_api.ProfileView.as_view(), name="profile"),
    path(
        O + "profile/responses/", profiles_api.ResponseListView.as_view(), name="profile-responses"
    ),
    path(
        O + "profile/responses/<uuid:response_id>/",
        profiles_api.ResponseDetailView.as_view(),
        name="profile-response",
    ),
    path(
        O + "profile/responses/<uuid:response_id>/transition/",
        profiles_api.ResponseTransitionView.as_view(),
        name="profile-response-transition",
    ),
    path(
        O + "profile/responses/<uuid:response_id>/evidence/",
        profiles_api.ResponseEvidenceView.as_view(),
        name="profile-response-evidence",
    ),
    path(O + "profile/readiness/", profiles_api.ReadinessView.as_view(), name="profile-readiness"),
    path(
        O + "profile/divisions/", profiles_api.DivisionListView.as_view(), name="profile-divisions"
    ),
    path(O + "profile/packages/", profiles_api.PackageListView.as_view(), name="profile-packages"),
    path(
        O + "profile/packages/<uuid:snapshot_id>/download/",
        profiles_api.PackageDownloadView.as_view(),
        name="profile-package-download",
    ),
    path(O + "units/", operations_api.UnitListView.as_view(), name="units"),
    path(O + "inspections/", operations_api.InspectionListView.as_view(), name="inspections"),
    path(
        O + "inspections/batch/",
        operations_api.InspectionBatchView.as_view(),
        name="inspections-batch",
    ),
    path(
        O + "inspections/<uuid:inspection_id>/",
        operations_api.InspectionDetailView.as_view(),
        name="inspection-detail",
    ),
    path(O + "seal-events/", operations_api.SealEventListView.as_view(), name="seal-events"),
    path(
        O + "seal-events/batch/",
        operations_api.SealEventBatchView.as_view(),
        name="seal-events-batch",
    ),
    path(O + "incidents/", operations_api.IncidentListView.as_view(), name="incidents"),
    path(
        O + "incidents/<uuid:incident_id>/events/",
        operations_api.IncidentEventListView.as_view(),
        name="incident-events",
    ),
    path(O + "field-photos/", operations_api.PhotoUploadView.as_view(), name="field-photos"),
    path(
        O + "catalogue/frameworks/",
        catalogue_api.FrameworkListView.as_view(),
        name="catalogue-frameworks",
    ),
    path(
        O + "catalogue/frameworks/<uuid:framework_id>/",
        catalogue_api.FrameworkDetailView.as_view(),
        name="catalogue-framework",
    ),
    path(
        O + "catalogue/categories/",
        catalogue_api.CategoryListView.as_view(),
        name="catalogue-categories",
    ),
    path(
        O + "catalogue/requirements/",
        catalogue_api.RequirementListView.as_view(),
        name="catalogue-requirements",
    ),
    path(
        O + "catalogue/requirements/<uuid:requirement_id>/",
        catalogue_api.RequirementDetailView.as_view(),
        name="catalogue-requirement",
    ),
    path(
        O + "catalogue/mappings/",
        catalogue_api.MappingListView.as_view(),
        name="catalogue-mappings",
    ),
    path("programs/evaluate", programs_api.EvaluateView.as_view(), name="programs-evaluate"),
    path(O + "programs/", programs_api.CarrierEvaluationView.as_view(), name="programs"),
    path(
        O + "programs/memberships/",
        programs_api.MembershipListView.as_view(),
        name="programs-memberships",
    ),
    path(
        O + "programs/memberships/<uuid:membership_id>/",
        programs_api.MembershipDetailView.as_view(),
        name="programs-membership",
    ),
    path(O + "deadlines/", deadlines_api.DeadlineListView.as_view(), name="deadlines"),
    path(
        O + "notifications/",
        deadlines_api.NotificationListView.as_view(),
        name="deadlines-notifications",
    ),
    path(
        O + "notifications/read-all/",
        deadlines_api.NotificationReadAllView.as_view(),
        name="deadlines-notifications-read-all",
    ),
    path(
        O + "notifications/read/",
        deadlines_api.NotificationReadView.as_view(),
        name="deadlines-notification-read",
    ),
    path(
        O + "deadlines/calendar-link/",
        deadlines_api.CalendarLinkView.as_view(),
        name="deadlines-calendar-link",
    ),
    path(O + "partners/", partners_api.PartnerListView.as_view(), name="partners"),
    path(
        O + "partners/question-sets/",
        partners_api.QuestionSetListView.as_view(),
        name="partners-question-sets",
    ),
    path(
        O + "partners/questionnaires/",
        partners_api.QuestionnaireListView.as_view(),
        name="partners-questionnaires",
    ),
    path(
        O + "partners/<uuid:partner_id>/questionnaires/",
        partners_api.QuestionnaireSendView.as_view(),
        name="partners-questionnaire-send",
    ),
    path(
        O + "partners/questionnaires/<uuid:questionnaire_id>/",
        partners_api.QuestionnaireDetailView.as_view(),
        name="partners-questionnaire",
    ),
    path(
        O + "partners/questionnaires/<uuid:questionnaire_id>/review/",
        partners_api.QuestionnaireReviewView.as_view(),
        name="partners-questionnaire-review",
    ),
    path(
        O + "partners/questionnaires/<uuid:questionnaire_id>/revoke/",
        partners_api.QuestionnaireRevokeView.as_view(),
        name="partners-questionnaire-revoke",
    ),
    path(O + "partners/library/", partners_api.LibraryListView.as_view(), name="partners-library"),
    path(
        O + "partners/<uuid:partner_id>/",
        partners_api.PartnerDetailView.as_view(),
        name="partners-partner",
    ),
    path(
        O + "partners/<uuid:partner_id>/certifications/",
        partners_api.CertificationListView.as_view(),
        name="partners-certifications",
    ),
    path(
        O + "partners/certifications/<uuid:certification_id>/",
        partners_api.CertificationDetailView.as_view(),
        name="partners-certification",
    ),
    path(O + "training/courses/", training_api.CourseListView.as_view(), name="training-courses"),
    path(
        O + "training/sessions/", training_api.SessionListView.as_view(), name="training-sessions"
    ),
    path(O + "training/records/", training_api.RecordListView.as_view(), name="training-records"),
    path(O + "training/matrix/", training_api.MatrixView.as_view(), name="training-matrix"),
    path(O + "seminars/", training_api.SeminarListView.as_view(), name="seminars"),
    path(
        O + "seminars/<uuid:seminar_id>/registrations/",
        training_api.RegistrationListView.as_view(),
        name="seminar-registrations",
    ),
    path(O + "people/", people_api.EmployeeListView.as_view(), name="people"),
    path(
        O + "people/<uuid:employee_id>/",
        people_api.EmployeeDetailView.as_view(),
        name="people-employee",
    ),
    path(
        O + "people/<uuid:employee_id>/cards/",
        people_api.CardListView.as_view(),
        name="people-cards",
    ),
    path(O + "risk/threats/", risk_api.ThreatLibraryView.as_view(), name="risk-threats"),
    path(O + "risk/assessments/", risk_api.AssessmentListView.as_view(), name="risk-assessments"),
    path(
        O + "risk/assessments/<uuid:assessment_id>/",
        risk_api.AssessmentDetailView.as_view(),
        name="risk-assessment",
    ),
    path(
        O + "risk/assessments/<uuid:assessment_id>/flows/",
        risk_api.FlowListView.as_view(),
        name="risk-flows",
    ),
    path(
        O + "risk/assessments/<uuid:assessment_id>/threats/",
        risk_api.RatingListView.as_view(),
        name="risk-ratings",
    ),
    path(
        O + "risk/assessments/<uuid:assessment_id>/vulnerabilities/",
        risk_api.VulnerabilityListView.as_view(),
        name="risk-vulnerabilities",
    ),
    path(
        O + "risk/assessments/<uuid:assessment_id>/risks/",
        risk_api.RiskListView.as_view(),
        name="risk-risks",
    ),
    path(
        O + "risk/assessments/<uuid:assessment_id>/actions/",
        risk_api.ActionListView.as_view(),
        name="risk-actions",
    ),
    path(O + "risk/flows/<uuid:flow_id>/", risk_api.FlowDetailView.as_view(), name="risk-flow"),
    path(
        O + "risk/vulnerabilities/<uuid:vulnerability_id>/",
        risk_api.VulnerabilityDetailView.as_view(),
        name="risk-vulnerability",
    ),
    path(
        O + "risk/actions/<uuid:action_id>/",
        risk_api.ActionDetailView.as_view(),
        name="risk-action",
    ),
    path(
        O + "policies/templates/",
        policies_api.TemplateListView.as_view(),
        name="policies-templates",
    ),
    path(
        O + "policies/documents/",
        policies_api.DocumentListView.as_view(),
        name="policies-documents",
    ),
    path(
        O + "policies/documents/<uuid:document_id>/",
        policies_api.DocumentDetailView.as_view(),
        name="policies-document",
    ),
    path(
        O + "policies/documents/<uuid:document_id>/versions/",
        policies_api.VersionListView.as_view(),
        name="policies-versions",
    ),
    path(
        O + "policies/documents/<uuid:document_id>/approvals/",
        policies_api.ApprovalListView.as_view(),
        name="policies-approvals",
    ),
    path(
        O + "policies/documents/<uuid:document_id>/acknowledgements/",
        policies_api.AcknowledgementListView.as_view(),
        name="policies-acknowledgements",
    ),
    path(
        O + "consulting/requests/",
        consulting_api.RequestListView.as_view(),
        name="consulting-requests",
    ),
    path(
        O + "consulting/requests/<uuid:request_id>/",
        consulting_api.RequestDetailView.as_view(),
        name="consulting-request",
    ),
    path(
        O + "consulting/quotes/", consulting_api.QuoteListView.as_view(), name="consulting-quotes"
    ),
    path(
        O + "consulting/quotes/<uuid:quote_id>/",
        consulting_api.QuoteDetailView.as_view(),
        name="consulting-quote",
    ),
    path(
        O + "consulting/engagements/",
        consulting_api.EngagementListView.as_view(),
        name="consulting-engagements",
    ),
    path(
        O + "consulting/engagements/<uuid:engagement_id>/",
        consulting_api.EngagementDetailView.as_view(),
        name="consulting-engagement",
    ),
    path(
        O + "consulting/bookings/",
        consulting_api.BookingListView.as_view(),
        name="consulting-bookings",
    ),
    path(
        O + "consulting/bookings/<uuid:booking_id>/",
        consulting_api.BookingDetailView.as_view(),
        name="consulting-booking",
    ),
    path(
        O + "consulting/slots/",
        consulting_api.SlotListView.as_view(),
        name="consulting-slots",
    ),
    path(
        O + "engagements/",
        consulting_api.ClientEngagementListView.as_view(),
        name="client-engagements",
    ),
    path(O + "reviews/", reviews_api.ReviewListView.as_view(), name="reviews-list"),
    path(
        O + "reviews/actions/",
        reviews_api.CorrectiveActionListView.as_view(),
        name="reviews-actions",
    ),
    path(
        O + "reviews/actions/<uuid:corrective_action_id>/",
        reviews_api.CorrectiveActionDetailView.as_view(),
        name="reviews-action",
    ),
    path(
        O + "reviews/<uuid:review_id>/",
        reviews_api.ReviewDetailView.as_view(),
        name="reviews-review",
    ),
    path(
        O + "reviews/<uuid:review_id>/findings/",
        reviews_api.FindingListView.as_view(),
        name="reviews-findings",
    ),
]
