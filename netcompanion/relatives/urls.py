from django.urls import path

from netcompanion.relatives import views

app_name = "relatives"
urlpatterns = [
    # The patient's side: who they share with, and what each person did.
    path("mine/", views.mine, name="mine"),
    path("mine/invite/", views.invite, name="invite"),
    path("mine/<uuid:code>/", views.edit, name="edit"),
    path("mine/<uuid:code>/withdraw/", views.withdraw, name="withdraw"),
    path("mine/<uuid:code>/activity/", views.activity, name="activity"),
    # The invitation link, and the page it leads to once the token is in the session.
    path("accept/<str:token>/", views.accept, name="accept"),
    path("accept/", views.invitation, name="invitation"),
    # The relative's side.
    path("", views.index, name="index"),
    path("<uuid:code>/diary/", views.diary, name="diary"),
    path("<uuid:code>/diary/new/", views.add_entry, name="add_entry"),
    path("<uuid:code>/appointments/", views.appointments, name="appointments"),
    path("<uuid:code>/care-plan/", views.careplan, name="careplan"),
]
