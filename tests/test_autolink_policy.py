"""Which glossary names link automatically by default, and the report that lets editors review it."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from glossary.linking.policy import AutolinkSetting, default_for
from glossary.models import TermSynonym
from tests.factories import TermPageFactory, UserFactory
from tests.review_helpers import make_editor

NEVER, EXACT, AUTO = AutolinkSetting.NEVER, AutolinkSetting.EXACT_CASE, AutolinkSetting.AUTOMATIC


@pytest.mark.parametrize("name", ["ER", "CUP", "WHO", "ice", "5-FU", "T-3"])
def test_short_abbreviations_are_never_linked_by_default(name):
    default = default_for(name)
    assert default.setting == NEVER
    assert default.reason.startswith("Short abbreviation")


@pytest.mark.parametrize("name", ["will", "growth", "grade", "Stage", "means", "FISH"])
def test_everyday_words_are_never_linked_by_default(name):
    default = default_for(name)
    assert default.setting == NEVER
    assert default.reason.startswith("Everyday English word")


@pytest.mark.parametrize("name", ["mTOR", "HER2", "CT scan", "TUNA", "non-Hodgkin lymphoma", "eHealth"])
def test_names_with_capitals_inside_link_only_with_exact_case(name):
    assert default_for(name).setting == EXACT


@pytest.mark.parametrize("name", ["biopsy", "Oncologist", "chemotherapy", "white blood cell", "grade 2 tumour"])
def test_specific_names_link_whatever_their_case(name):
    assert default_for(name).setting == AUTO


def test_a_common_word_defined_in_another_fields_sense_is_never_linked_by_default():
    biology = "In biology, refers to a cell that is not dividing."
    default = default_for("resting", biology)
    assert default.setting == NEVER
    assert "biology" in default.reason

    assert default_for("resting").setting == AUTO
    assert default_for("discharge", "In medicine, a fluid that comes out of the body.").setting == AUTO
    assert default_for("ablation", "In chemistry, a rare word stays specific.").setting == AUTO
    assert default_for("resting cell", biology).setting == AUTO


@pytest.mark.django_db
def test_a_term_title_gets_the_default_its_definition_calls_for(glossary):
    resting = TermPageFactory(
        parent=glossary, title="Resting", definition="In biology, a cell that is not dividing."
    )
    assert resting.autolink == NEVER


@pytest.mark.django_db
def test_a_new_name_gets_its_default_unless_an_editor_chose_a_setting(glossary):
    who = TermPageFactory(parent=glossary, title="WHO")
    chosen = TermPageFactory(parent=glossary, title="Oncologist", autolink=NEVER)
    who.synonyms.add(TermSynonym(name="World Health Organization"))
    who.save()

    assert (who.autolink, chosen.autolink) == (NEVER, NEVER)
    assert who.synonyms.get().autolink == EXACT


@pytest.fixture
def names(glossary):
    who = TermPageFactory(parent=glossary, title="WHO")
    who.synonyms.add(TermSynonym(name="World Health Organization"))
    who.save()
    mtor = TermPageFactory(parent=glossary, title="mTOR inhibitor")
    tumour = TermPageFactory(parent=glossary, title="Tumour")
    tumour.synonyms.add(TermSynonym(name="growth"), TermSynonym(name="lump"))
    tumour.save()
    TermPageFactory(parent=glossary, title="Oncologist", autolink=NEVER)
    TermPageFactory(parent=glossary, title="CUP", autolink=EXACT)
    return {"who": who, "mtor": mtor, "tumour": tumour}


def report_rows(client):
    response = client.get(reverse("glossary_reports:names_not_auto_linked"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in soup.select("tbody tr")]


@pytest.mark.django_db
def test_report_lists_every_name_not_auto_linked_with_its_reason(client, names):
    client.force_login(make_editor())
    rows = report_rows(client)

    assert [row[:4] for row in rows] == [
        ["CUP", "Term", "CUP", "Link only when the capitals match exactly"],
        ["growth", "Other name", "Tumour", "Never link automatically"],
        ["mTOR inhibitor", "Term", "mTOR inhibitor", "Link only when the capitals match exactly"],
        ["Oncologist", "Term", "Oncologist", "Never link automatically"],
        ["WHO", "Term", "WHO", "Never link automatically"],
        ["World Health Organization", "Other name", "WHO", "Link only when the capitals match exactly"],
    ]
    reasons = {row[0]: row[4:] for row in rows}
    assert reasons["WHO"] == [default_for("WHO").reason, "Default"]
    assert reasons["growth"] == [default_for("growth").reason, "Default"]
    assert reasons["mTOR inhibitor"] == [default_for("mTOR inhibitor").reason, "Default"]
    assert reasons["Oncologist"] == [
        "Chosen by an editor; the default would be “Link automatically, whatever the case”.",
        "Editor",
    ]
    assert reasons["CUP"][1] == "Editor"


@pytest.mark.django_db
def test_report_links_each_name_to_its_terms_edit_page_and_exports(client, names):
    client.force_login(make_editor())
    soup = BeautifulSoup(client.get(reverse("glossary_reports:names_not_auto_linked")).content, "html.parser")
    edit_links = {a.get_text(strip=True): a["href"] for a in soup.select("tbody tr td a")}
    assert edit_links["growth"] == reverse("wagtailadmin_pages:edit", args=[names["tumour"].pk])
    assert edit_links["WHO"] == reverse("wagtailadmin_pages:edit", args=[names["who"].pk])

    response = client.get(reverse("glossary_reports:names_not_auto_linked") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Name", "Name of", "Term", "Setting", "Why", "Decided by"]
    assert rows[2][:3] == ["growth", "Other name", "Tumour"]


@pytest.mark.django_db
def test_report_and_its_menu_item_are_only_for_people_who_work_on_pages(client, names):
    client.force_login(UserFactory(username="visitor"))
    response = client.get(reverse("glossary_reports:names_not_auto_linked"))
    assert response.status_code == 302 and "WHO" not in response.content.decode()

    client.force_login(make_editor())
    assert "Names not auto-linked" in client.get(reverse("wagtailadmin_home")).content.decode()
