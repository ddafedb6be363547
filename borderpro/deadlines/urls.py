from django.urls import path

from borderpro.deadlines import account_views, views

app_name = "deadlines"

urlpatterns = [
    path("o/<str:org_code>/deadlines/", views.deadline_list, name="list"),
    path(
        "o/<str:org_code>/deadlines/reminders/",
        views.reminder_settings,
        name="reminder_settings",
    ),
    path("o/<str:org_code>/deadlines/portfolio/", views.portfolio, name="portfolio"),
    path("notifications/", account_views.notifications, name="notifications"),
    path(
        "notifications/<uuid:notification_id>/read/",
        account_views.notification_read,
        name="notification_read",
    ),
    path("notifications/read-all/", account_views.notifications_read_all, name="read_all"),
    path("reminders/preferences/", account_views.preferences, name="preferences"),
    path("reminders/unsubscribe/<str:token>/", account_views.unsubscribe, name="unsubscribe"),
    path("calendar/", account_views.calendar_links, name="calendar"),
    path("calendar/change/", account_views.calendar_link_change, name="calendar_change"),
    path("calendar/<str:token>.ics", account_views.calendar_feed, name="feed"),
]
