"""Activity-feed verbs recorded by the consulting front office."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "request.received": _("received the %(kind)s %(ref)s from %(name)s"),
    "request.assigned": _("assigned the request %(ref)s to %(email)s"),
    "request.replied": _("replied to the request %(ref)s"),
    "request.status_changed": _("moved the request %(ref)s to “%(status)s”"),
    "request.converted": _("made %(name)s a client from the request %(ref)s"),
    "service.saved": _("saved the service “%(name)s”"),
    "quote.created": _("drafted the quote %(number)s"),
    "quote.sent": _("sent the quote %(number)s to %(email)s"),
    "quote.revoked": _("withdrew the quote %(number)s"),
    "quote.accepted": _("quote %(number)s accepted by %(name)s"),
    "engagement.started": _("started the engagement “%(title)s”"),
    "engagement.milestone": _("reached the milestone “%(title)s”"),
    "engagement.time": _("logged %(hours)s h on “%(title)s”"),
    "availability.added": _("offered consultations with %(name)s: %(window)s"),
    "availability.removed": _("stopped offering consultations with %(name)s: %(window)s"),
    "booking.created": _("consultation %(ref)s booked by %(name)s"),
    "booking.rescheduled": _("consultation %(ref)s with %(name)s moved to another time"),
    "booking.cancelled": _("consultation %(ref)s with %(name)s cancelled"),
    "booking.done": _("consultation %(ref)s with %(name)s done"),
}
