"""WSGI entry point (gunicorn oversight.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
application = get_wsgi_application()

# Modules, settings and URL patterns live as long as the process: moving them out of the
# collector's generations spares every full collection from walking them again (fewer slow
# requests), and keeps their memory pages shared between forked workers.
gc.collect()
gc.freeze()
