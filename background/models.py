"""When each scheduled job is next due, shared by every worker on every machine."""

from django.db import models


class ScheduledJob(models.Model):
    """One job that runs every so often (see background/schedule.py); whoever moves ``due_at`` on runs it."""

    name = models.CharField(max_length=100, primary_key=True)
    due_at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} (due {self.due_at:%Y-%m-%d %H:%M:%S})"
