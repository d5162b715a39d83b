#!/usr/bin/env python
"""Django's command-line utility for the RA-ZON portal."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "razon.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - load the settings to report a bad one plainly
    except ImproperlyConfigured as error:
        sys.exit(f"RA-ZON cannot start: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
