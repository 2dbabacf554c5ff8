"""Auto-link quality on real text: each case of ``../shared/eval/autolink-cases.json`` published as an
article with the real dictionary live. Prints every wrong link (a ``must_not_link`` phrase that became a
glossary link) and the recall of ``must_link``."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.models import Locale

from articles.models import ArticleIndexPage
from glossary.models import TermPage
from tests.eval.conftest import EVAL_DIR
from tests.factories import ArticlePageFactory

pytestmark = [pytest.mark.eval, pytest.mark.django_db]
RECALL_GOAL = 0.9


def cases():
    return json.loads((EVAL_DIR / "autolink-cases.json").read_text(encoding="utf-8"))


def publish_article(case):
    body = [("paragraph", f"<p>{paragraph}</p>") for paragraph in case["paragraphs"]]
    article = ArticlePageFactory.build(title=f"Evaluation: {case['id']}", slug=f"eval-{case['id']}", body=body)
    ArticleIndexPage.objects.get(locale=Locale.get_default()).add_child(instance=article)
    article.save_revision().publish()
    return article


def glossary_links(html):
    """(link text, term title) for every glossary link in the article body."""
    page = BeautifulSoup(html, "html.parser")
    titles_by_url = {}
    links = []
    for link in page.select("a.glossary-link"):
        url = link["href"]
        if url not in titles_by_url:
            slug = url.rstrip("/").rsplit("/", 1)[-1]
            titles_by_url[url] = TermPage.objects.get(slug=slug).title
        links.append((" ".join(link.get_text().split()), titles_by_url[url]))
    return links


def test_articles_link_only_what_is_meant(client, real_glossary):
    wrong, found, wanted = [], 0, 0
    for case in cases():
        article = publish_article(case)
        links = glossary_links(client.get(article.url).content)
        linked = {text.casefold(): title for text, title in links}
        for phrase in case["must_not_link"]:
            for text, title in links:
                if re.fullmatch(rf"{re.escape(phrase)}(e?s)?", text, re.IGNORECASE):
                    wrong.append(f"  {case['id']}: {text!r} links to {title!r}")
        for phrase, expected in case["must_link"]:
            wanted += 1
            title = linked.get(phrase.casefold())
            if title is not None and title.casefold() in expected.casefold().split("|"):
                found += 1
            else:
                wrong_target = f", links to {title!r}" if title else ""
                print(f"  not linked: {case['id']}: {phrase!r} -> {expected!r}{wrong_target}")
    recall = found / wanted if wanted else 1
    print(
        f"\nAuto-links on {connection.vendor} with {real_glossary} dictionary terms: {len(wrong)} wrong links; "
        f"recall {found} of {wanted} ({recall:.0%})."
    )
    print("\n".join(wrong) if wrong else "  No wrong links.")
    assert not wrong
    assert recall >= RECALL_GOAL
