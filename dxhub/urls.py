from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from dxhub.site.api import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("dxhub.site.urls")),
    path("me/", include("dxhub.accounts.urls")),
    path("hubs/", include("dxhub.hubs.urls")),
    path("companies/", include("dxhub.companies.urls")),
    path("needs/", include("dxhub.needs.urls")),
    path("imports/", include("dxhub.imports.urls")),
    path("matches/", include("dxhub.matches.urls")),
    path("programmes/", include("dxhub.programmes.urls")),
    path("collaborations/", include("dxhub.collab.urls")),
    path("notifications/", include("dxhub.notifications.urls")),
    path("events/", include("dxhub.events.urls")),
]
# Korean error pages in the site's layout (dxhub.core.errors); CSRF_FAILURE_VIEW is in settings.
handler404 = "dxhub.core.errors.page_not_found"
handler403 = "dxhub.core.errors.permission_denied"
handler500 = "dxhub.core.errors.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
