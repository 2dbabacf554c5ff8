"""Remind page owners and clinical reviewers about reviews that are coming up or overdue. Safe to run daily:
each person hears about a page once when its review is due soon and once when it is overdue (``ReviewReminder``
records what was sent)."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.mail import send_mail

from review.due import DUE_SOON_DAYS, Stage, due_cutoff, pages_due_for_review, review_stage
from review.models import ClinicalSignOffTask, ReviewReminder


def reviewers():
    """Active users with an email address in any group that signs off pages."""
    groups = ClinicalSignOffTask.objects.filter(active=True).values("groups")
    return get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="").distinct()


def already_sent(pages):
    """(page id, recipient id, stage, review date) of every reminder already sent about ``pages``."""
    return set(
        ReviewReminder.objects.filter(page__in=pages).values_list(
            "page_id", "recipient_id", "stage", "next_review_due"
        )
    )


class Command(BaseCommand):
    help = (
        "Email each page owner, and the clinical reviewers, the pages whose clinical review has become due "
        f"within --days days (default {DUE_SOON_DAYS}) or overdue since they were last told. Each person hears "
        "about a page once at each stage, so it is safe to run daily."
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

        everyone = list(reviewers())
        sent = already_sent(pages)
        news_by_recipient = defaultdict(list)  # recipient: [(page, stage)] not yet sent
        for page in pages:
            stage = review_stage(page.next_review_due, days, today)
            owner = [page.owner] if page.owner and page.owner.is_active and page.owner.email else []
            for recipient in {*owner, *everyone}:
                if (page.pk, recipient.pk, stage, page.next_review_due) not in sent:
                    news_by_recipient[recipient].append((page, stage))
        if not news_by_recipient:
            self.stdout.write(f"Everyone was already reminded of the {len(pages)} page(s) due. No emails sent.")
            return

        verb = "Would send" if dry_run else "Sent"
        new_pages = {page for news in news_by_recipient.values() for page, _ in news}
        self.stdout.write(
            f"{verb} {len(news_by_recipient)} email(s) about {len(new_pages)} page(s) due by {cutoff}:"
        )
        for recipient, news in sorted(news_by_recipient.items(), key=lambda item: item[0].email):
            if not dry_run:
                self.send(recipient, news, cutoff)
                ReviewReminder.objects.bulk_create(
                    [
                        ReviewReminder(
                            page=page, recipient=recipient, stage=stage, next_review_due=page.next_review_due
                        )
                        for page, stage in news
                    ],
                    ignore_conflicts=True,  # another run at the same moment sent it too
                )
            self.stdout.write(f"  {recipient.email}: {', '.join(page.title for page, _ in news)}")

    def send(self, recipient, news, cutoff):
        base_url = settings.WAGTAILADMIN_BASE_URL
        items = [
            {
                "title": page.title,
                "due": page.next_review_due,
                "overdue": stage == Stage.OVERDUE,
                "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            for page, stage in news
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
