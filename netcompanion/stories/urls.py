from django.urls import path

from netcompanion.stories import views

app_name = "stories"
urlpatterns = [
    path("", views.story_list, name="list"),
    path("share/", views.submit_story, name="submit"),
    path("share/thanks/", views.thanks, name="thanks"),
    path("<uuid:code>/", views.story_detail, name="detail"),
]
