"""Version stamps kept in the database, the one store every worker process shares with or without Redis."""

from django.db import models


class SharedVersion(models.Model):
    """How many times something many processes keep in memory (restrictions, menus, a disclaimer) has changed."""

    name = models.CharField(max_length=100, primary_key=True)
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.name} v{self.version}"
