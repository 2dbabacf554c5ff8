"""Remind page owners and clinical reviewers about reviews that are overdue or coming up. Safe to run daily."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.mail import send_mail

from review.due import DUE_SOON_DAYS, due_cutoff, pages_due_for_review
from review.models import ClinicalSignOffTask


def reviewers():
    """Active users with an email address in any group that signs off pages."""
    groups = ClinicalSignOffTask.objects.filter(active=True).values("groups")
    return get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="").distinct()


class Command(BaseCommand):
    help = (
        "Email each page owner, and the clinical reviewers, a list of pages whose clinical review is overdue "
        f"or due within --days days (default {DUE_SOON_DAYS}). Changes no content, so it is safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DUE_SOON_DAYS, help="Look this many days ahead.")
        parser.add_argument("--dry-run", action="store_true", help="Say who would be emailed, send nothing.")

    def handle(self, *args, days, dry_run, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        today = timezone.localdate()
        cutoff = due_cutoff(days, today)
        pages = list(pages_due_for_review(days, today).select_related("owner"))
        if not pages:
            self.stdout.write(f"No pages are due for review by {cutoff:%-d %B %Y}. No emails sent.")
            return

        pages_by_recipient = defaultdict(list)
        for page in pages:
            if page.owner and page.owner.is_active and page.owner.email:
                pages_by_recipient[page.owner].append(page)
        for reviewer in reviewers():
            pages_by_recipient[reviewer] = pages

        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(f"{verb} {len(pages_by_recipient)} email(s) about {len(pages)} page(s) due by {cutoff}:")
        for recipient, their_pages in sorted(pages_by_recipient.items(), key=lambda item: item[0].email):
            if not dry_run:
                self.send(recipient, their_pages, today, cutoff)
            self.stdout.write(f"  {recipient.email}: {', '.join(page.title for page in their_pages)}")

    def send(self, recipient, pages, today, cutoff):
        base_url = settings.WAGTAILADMIN_BASE_URL
        items = [
            {
                "title": page.title,
                "due": page.next_review_due,
                "overdue": page.next_review_due < today,
                "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            for page in pages
        ]
        overdue = sum(item["overdue"] for item in items)
        subject = f"{len(items)} page(s) due for clinical review" + (f", {overdue} overdue" if overdue else "")
        body = render_to_string(
            "review/emails/reviews_due.txt",
            {
                "recipient": recipient,
                "items": items,
                "cutoff": cutoff,
                "report_url": base_url + reverse("review_reports:reviews_due"),
            },
        )
        send_mail(subject, body, [recipient.email])
