from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.consulting.views import bookings, client, consultations, office, public

app_name = "consulting"

register_object_kwarg("request_id", "consulting.ProspectRequest")
register_object_kwarg("quote_id", "consulting.Quote")
register_object_kwarg("service_id", "consulting.Service")
register_object_kwarg("engagement_id", "consulting.Engagement")
register_object_kwarg("booking_id", "consulting.Booking")

P = "p/<str:consultancy_code>/"
OFFICE = "o/<str:org_code>/consulting/"

urlpatterns = [
    path(P, public.home, name="public_home"),
    path(P + "quote/", public.quote_request, name="public_quote_request"),
    path(P + "question/", public.question, name="public_question"),
    path(P + "thanks/", public.thanks, name="public_thanks"),
    path(P + "quotes/<str:token>/", public.quote_accept, name="public_quote"),
    path(P + "quotes/<str:token>/pdf/", public.quote_pdf, name="public_quote_pdf"),
    path(P + "consultations/", consultations.book, name="public_consultations"),
    path(P + "consultations/booked/", consultations.booked, name="public_booked"),
    path(P + "consultations/<str:token>/", consultations.manage, name="public_booking"),
    path(OFFICE + "requests/", office.inbox, name="inbox"),
    path(OFFICE + "requests/<uuid:request_id>/", office.request_detail, name="request"),
    path(OFFICE + "quotes/<uuid:quote_id>/", office.quote_detail, name="quote"),
    path(OFFICE + "services/", office.service_list, name="services"),
    path(OFFICE + "services/<uuid:service_id>/", office.service_detail, name="service"),
    path(OFFICE + "engagements/", office.engagement_list, name="engagements"),
    path(OFFICE + "engagements/<uuid:engagement_id>/", office.engagement_detail, name="engagement"),
    path(OFFICE + "bookings/", bookings.booking_list, name="bookings"),
    path(OFFICE + "bookings/<uuid:booking_id>/", bookings.booking_detail, name="booking"),
    path(OFFICE + "availability/", bookings.availability, name="availability"),
    path(
        "o/<str:org_code>/consultations/",
        bookings.client_consultations,
        name="client_consultations",
    ),
    path("o/<str:org_code>/engagements/", client.client_engagements, name="client_engagements"),
]
