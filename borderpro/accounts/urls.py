from django.urls import path

from borderpro.accounts import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.profile, name="profile"),
    path("account/language/", views.set_language, name="set_language"),
    path("account/tokens/", views.api_tokens, name="tokens"),
    path("account/tokens/<uuid:token_id>/revoke/", views.api_token_revoke, name="token_revoke"),
]
