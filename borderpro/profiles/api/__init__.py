"""Security profile API: carrier profile, responses (list, read, update, status transitions),
evidence links, readiness, and package generation and download."""

from borderpro.profiles.api.divisions import DivisionListView
from borderpro.profiles.api.packages import PackageDownloadView, PackageListView
from borderpro.profiles.api.profile import ProfileView
from borderpro.profiles.api.responses import (
    ReadinessView,
    ResponseDetailView,
    ResponseEvidenceView,
    ResponseListView,
    ResponseTransitionView,
)

__all__ = [
    "DivisionListView",
    "PackageDownloadView",
    "PackageListView",
    "ProfileView",
    "ReadinessView",
    "ResponseDetailView",
    "ResponseEvidenceView",
    "ResponseListView",
    "ResponseTransitionView",
]
