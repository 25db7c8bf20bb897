from django.urls import include, path

from netcompanion.accounts import views
from netcompanion.accounts.decorators import second_factor_required

urlpatterns = [
    # Before Django's own auth URLs, which would otherwise answer these two paths.
    path("login/", views.SignInView.as_view(), name="login"),
    path("password_change/", second_factor_required(views.PasswordChange.as_view()),
         name="password_change"),
    path("", include("django.contrib.auth.urls")),
    path("", views.account, name="account"),
    path("language/", views.choose_language, name="choose_language"),
    path("two-factor/", views.two_factor_step, name="two_factor"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("tokens/<uuid:code>/revoke/", views.revoke_token, name="revoke_token"),
    path("email/", views.change_email, name="change_email"),
    path("contact/", views.change_contact, name="change_contact"),
    path("about/", views.about_me, name="about_me"),
    path("about/history/", views.about_me_history, name="about_me_history"),
]
