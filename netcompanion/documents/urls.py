from django.urls import path

from netcompanion.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.index, name="index"),
    path("visit-summary.pdf", views.visit_summary, name="visit_summary"),
    path("crisis-card/", views.crisis_card, name="crisis_card"),
    path("crisis-card/link/", views.make_card_link, name="make_card_link"),
    path("crisis-card/link/stop/", views.stop_card_link, name="stop_card_link"),
    path("crisis-card.pdf", views.crisis_card_pdf, name="crisis_card_pdf"),
]
