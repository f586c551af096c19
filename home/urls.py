from django.urls import path

from home.applications.my_applications import my_applications
from home.search import search

urlpatterns = [
    path("search/", search, name="search"),
    path("zayavka/moi/", my_applications, name="my_applications"),
]
