from django.urls import path

from borderpro.deadlines import views

app_name = "deadlines"

urlpatterns = [
    path("o/<str:org_code>/deadlines/", views.deadline_list, name="list"),
]
