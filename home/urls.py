from django.urls import path

from home.search import search

urlpatterns = [
    path("search/", search, name="search"),
]
