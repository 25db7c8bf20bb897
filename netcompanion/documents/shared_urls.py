"""The crisis card's phone page, opened by its private link without signing in: kept short for the QR code."""

from django.urls import path

from netcompanion.documents import views

urlpatterns = [
    path("<str:token>/", views.shared_crisis_card, name="shared_crisis_card"),
]
