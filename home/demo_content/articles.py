"""Demo articles: longer plain-language guides that use every kind of body block.

The quotes are examples written for the demo, and their attribution says so.
"""

from . import sources
from .schema import Article, callout, heading, key_points, paragraph, quote

DEMO_QUOTE = "Example quote written for this demo"

ARTICLES = [
    Article(
        title="Understanding your cancer diagnosis",
        summary=(
            "What doctors mean by tumour, benign, malignant, stage and grade, and the tests that help them "
            "find out."
        ),
        body=(
            key_points(
                "A tumour is a lump of cells. It can be benign (not cancer) or malignant (cancer).",
                "A biopsy is usually the only way to know for sure.",
                "The stage says how big a cancer is and whether it has spread.",
                "The grade says how different the cells look from normal cells.",
            ),
            heading("The first words you may hear"),
            paragraph(
                "<p>Being told you might have cancer is frightening, and the words doctors use can be hard to "
                "follow. This guide explains the most common ones. You can ask your care team to explain "
                "anything again, as many times as you need.</p>"
                "<p>A <b>tumour</b> is a lump made when cells grow more than they should. A <b>benign</b> "
                "tumour is not cancer and does not spread. A <b>malignant</b> tumour is cancer. It can grow "
                "into nearby tissue and spread to other parts of the body.</p>"
            ),
            heading("Tests that help doctors find out"),
            paragraph(
                "<p>You may have scans, such as a CT scan or an MRI scan, to make pictures of the inside of your "
                "body. You may have blood tests. Most people also have a <b>biopsy</b>, where a small piece of "
                "tissue is taken and looked at under a microscope.</p>"
            ),
            callout(
                "information",
                "Waiting for results",
                "<p>Waiting is often the hardest part. Ask when your results will be ready and who will tell "
                "you. It is fine to call your team if you have not heard by then.</p>",
            ),
            heading("Stage and grade"),
            paragraph(
                "<p>If the tests show cancer, your team will work out its <b>stage</b>. This describes how big it "
                "is and whether it has spread, often as a number from 1 to 4. They will also look at its "
                "<b>grade</b>, which describes how unusual the cells look. Together, these help your team choose "
                "the best treatment for you.</p>"
            ),
            quote(
                "I wrote every new word in a notebook and asked the nurse about it at the next visit. It made "
                "the appointments feel less scary.",
                DEMO_QUOTE,
            ),
        ),
        tags=("Diagnosis", "Tests and scans"),
        related_terms=("tumour", "benign", "malignant", "biopsy", "stage", "grade"),
        related_articles=("chemotherapy-what-to-expect",),
        references=(sources.NHS_CANCER, sources.NCI_STAGING, sources.NCI_TUMOR_GRADE),
    ),
    Article(
        title="Chemotherapy: what to expect",
        summary=(
            "How chemotherapy is given, the side effects many people have, and the warning signs that mean "
            "you should call for help straight away."
        ),
        body=(
            key_points(
                "Chemotherapy uses medicines to kill cancer cells or stop them growing.",
                "It is usually given in cycles, with rest times in between.",
                "Side effects are common, and many can be eased.",
                "A temperature of 38°C or higher needs help straight away.",
            ),
            heading("How chemotherapy is given"),
            paragraph(
                "<p>Most chemotherapy is given through a drip into a vein, in a hospital day unit. Some is taken "
                "as tablets at home. Treatment is usually planned in cycles: a few days of treatment, then a rest "
                "of a few weeks so your body can recover.</p>"
                "<p>You will have blood tests before each cycle to check that your body is ready.</p>"
            ),
            heading("Common side effects"),
            paragraph(
                "<p>Chemotherapy affects healthy cells that divide quickly, as well as cancer cells. Side effects "
                "can include:</p>"
                "<ul><li>feeling very tired</li><li>feeling or being sick</li><li>a sore mouth</li>"
                "<li>hair loss, with some medicines</li><li>a higher chance of getting infections</li></ul>"
                "<p>Most side effects go away after treatment ends. Tell your team about them. There are often "
                "medicines or tips that help.</p>"
            ),
            callout(
                "urgent",
                "Call your care team the same day if:",
                "<ul><li>you have been sick more than once and cannot keep fluids down</li><li>you have "
                "diarrhoea that does not settle</li><li>you have mouth ulcers that stop you eating or "
                "drinking</li></ul>",
            ),
            callout(
                "emergency",
                "Call your 24-hour chemotherapy helpline straight away if:",
                "<ul><li>your temperature is 38°C or higher</li><li>you suddenly feel shivery or very unwell, "
                "even if your temperature is normal</li></ul>"
                "<p>These can be signs of a serious infection. If you cannot get through, call 999 or go to "
                "A&amp;E. Do not wait until the morning.</p>",
            ),
            quote(
                "Keeping the helpline number on my phone and on the fridge meant I never had to hunt for it.",
                DEMO_QUOTE,
            ),
        ),
        tags=("Treatment",),
        related_terms=("chemotherapy", "side-effect", "blood-test", "oncologist"),
        related_articles=("understanding-your-cancer-diagnosis",),
        references=(
            sources.NHS_CHEMOTHERAPY,
            sources.NHS_CHEMOTHERAPY_SIDE_EFFECTS,
            sources.NHS_SEPSIS,
            sources.NCI_CHEMOTHERAPY,
        ),
    ),
    Article(
        title="After treatment: remission, check-ups and relapse",
        summary=("What remission means, what happens at check-ups after cancer treatment, and what a relapse is."),
        body=(
            key_points(
                "Remission means the signs of cancer are reduced or have gone away.",
                "Check-ups carry on after treatment, even when you feel well.",
                "You do not have to wait for a check-up to report a new symptom.",
            ),
            heading("What remission means"),
            paragraph(
                "<p>When treatment works, your doctor may say you are in <b>remission</b>. In partial remission "
                "the cancer has shrunk. In complete remission, tests and scans cannot find any cancer.</p>"
                "<p>If you stay in complete remission for many years, your doctor may say the cancer is "
                "cured.</p>"
            ),
            heading("Check-ups"),
            paragraph(
                "<p>You will be invited to check-ups. These may be a talk with your doctor or nurse, an "
                "examination, blood tests or scans. They are usually more frequent at first.</p>"
                "<p>Many people feel worried before a check-up. This is normal. It can help to bring someone "
                "with you.</p>"
            ),
            callout(
                "urgent",
                "Contact your care team before your next check-up if:",
                "<ul><li>you have a new symptom that lasts more than a couple of weeks</li><li>a symptom you "
                "had before cancer was found comes back</li><li>you are worried about a change in your "
                "body</li></ul>",
            ),
            heading("If cancer comes back"),
            paragraph(
                "<p>Sometimes cancer comes back after treatment. This is called a <b>relapse</b> or recurrence. "
                "It is not your fault. A relapse can often be treated again, and your team will talk with you "
                "about what to do next.</p>"
            ),
            quote(
                "Life after treatment took some getting used to. Talking to others who had been there helped "
                "me the most.",
                DEMO_QUOTE,
            ),
        ),
        tags=("Living with cancer",),
        related_terms=("remission", "relapse", "prognosis", "blood-test"),
        related_articles=("palliative-care-support-at-any-stage",),
        references=(sources.NCI_DICTIONARY, sources.NHS_CANCER),
    ),
    Article(
        title="Palliative care: support at any stage",
        summary=(
            "Palliative care helps you feel as well as possible with a serious illness. You can have it at any "
            "stage, alongside other treatment."
        ),
        body=(
            key_points(
                "Palliative care is not only for the end of life.",
                "It eases pain and other symptoms and supports families too.",
                "You can ask for it at any time.",
            ),
            heading("What palliative care does"),
            paragraph(
                "<p>Palliative care looks after the whole person. It can help with pain, sickness, breathing "
                "problems and tiredness. It can also help with worry, low mood and practical things such as "
                "money or getting around at home.</p>"
            ),
            heading("Who gives it, and where"),
            paragraph(
                "<p>Your GP, hospital team and community nurses can all give palliative care. Some people also "
                "see a specialist palliative care team. Care can happen at home, in hospital or in a "
                "hospice.</p>"
            ),
            callout(
                "information",
                "Asking for palliative care",
                "<p>Ask your GP, your hospital doctor or your specialist nurse. Asking for palliative care does "
                "not mean you are giving up on other treatment.</p>",
            ),
            callout(
                "emergency",
                "Call 999 if someone:",
                "<ul><li>has severe difficulty breathing</li><li>has chest pain that does not go away</li><li>"
                "cannot be woken up</li></ul>"
                "<p>If the person has a care plan that says what to do in an emergency, follow it and show it to "
                "the ambulance crew.</p>",
            ),
            quote(
                "The palliative care nurse sorted out my dad's pain in a week. I wish we had asked sooner.",
                DEMO_QUOTE,
            ),
        ),
        tags=("Living with cancer", "Treatment"),
        related_terms=("palliative-care", "prognosis", "metastasis", "side-effect"),
        related_articles=("after-treatment-remission-check-ups-and-relapse",),
        references=(sources.NCI_PALLIATIVE_CARE, sources.NHS_END_OF_LIFE_CARE),
    ),
    Article(
        title="Taking part in a clinical trial",
        summary=(
            "What clinical trials are, how they work, and questions to ask before you decide whether to take part."
        ),
        body=(
            key_points(
                "Clinical trials test new treatments and tests to find out if they are safe and work better.",
                "Taking part is always your choice.",
                "You can leave a trial at any time without it changing your normal care.",
            ),
            heading("How trials work"),
            paragraph(
                "<p>A <b>clinical trial</b> is a research study with people who choose to take part. Most "
                "compare a new treatment with the best treatment in use now. In a randomised trial, a computer "
                "decides by chance which treatment each person has, so that the comparison is fair.</p>"
                "<p>Before a trial starts, an independent group checks that it is safe and fair.</p>"
            ),
            heading("Deciding whether to take part"),
            paragraph(
                "<p>The trial team will give you written information and time to think. You can talk it over "
                "with family, friends or your own doctor before you decide.</p>"
                "<ul><li>What is the trial trying to find out?</li><li>What are the possible benefits and "
                "risks for me?</li><li>How many extra visits or tests would there be?</li><li>Will I get help "
                "with travel costs?</li></ul>"
            ),
            callout(
                "information",
                "Finding a trial",
                "<p>Ask your oncologist whether there is a trial that might suit you. In the UK, you can also "
                "search for trials on the Be Part of Research website.</p>",
            ),
            quote(
                "I joined a trial because I wanted to help people who get this cancer after me.",
                DEMO_QUOTE,
            ),
        ),
        tags=("Research", "Treatment"),
        related_terms=("clinical-trial", "immunotherapy", "oncologist", "side-effect"),
        related_articles=("understanding-your-cancer-diagnosis",),
        references=(sources.NHS_CLINICAL_TRIALS, sources.NIHR_BE_PART_OF_RESEARCH),
    ),
]
