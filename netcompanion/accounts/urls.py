from django.urls import include, path

from netcompanion.accounts import views

urlpatterns = [
    path("", include("django.contrib.auth.urls")),
    path("", views.account, name="account"),
    path("tokens/<uuid:code>/revoke/", views.revoke_token, name="revoke_token"),
    path("email/", views.change_email, name="change_email"),
]
