from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.people import views

app_name = "people"

register_object_kwarg("employee_id", "people.Employee")
register_object_kwarg("card_id", "people.DriverCard")
register_object_kwarg("item_id", "people.IssuedItem")
register_object_kwarg("import_id", "people.EmployeeImport")

P = "o/<str:org_code>/people/"

urlpatterns = [
    path(P, views.employee_list, name="list"),
    path(P + "new/", views.employee_create, name="create"),
    path(P + "<uuid:employee_id>/", views.employee_detail, name="employee"),
    path(P + "cards/<uuid:card_id>/remove/", views.card_remove, name="card_remove"),
    path(P + "items/<uuid:item_id>/return/", views.item_return, name="item_return"),
    path(P + "import/", views.import_start, name="import"),
    path(P + "import/<uuid:import_id>/", views.import_batch, name="import_batch"),
]
