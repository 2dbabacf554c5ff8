"""The site's URLs plus one view that fails, to see what a server error leaves behind."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("Something broke while serving this page")


urlpatterns = [path("broken/", broken), *site_urlpatterns]
