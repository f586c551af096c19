from django.urls import include, path

from bench.ceiling import ceiling

urlpatterns = [
    path("__bench__/ceiling/", ceiling),
    path("", include("urls")),
]
