"""App configuration for staff_security."""

from django.apps import AppConfig


class StaffSecurityConfig(AppConfig):
    name = "staff_security"
    verbose_name = "Staff account security"
