"""Demo glossary terms about cancer and general health, in plain language (UK reading age 9 to 11).

Definitions are one or two sentences that make sense on their own. Related terms and articles are slugs.
"""

from . import sources
from .schema import Term, callout, section

DIAGNOSIS = "Diagnosis"
TESTS = "Tests and scans"
TREATMENT = "Treatment"
BASICS = "Cancer basics"
LIVING = "Living with cancer"
RESEARCH = "Research"

DIAGNOSIS_ARTICLE = "understanding-your-cancer-diagnosis"
CHEMOTHERAPY_ARTICLE = "chemotherapy-what-to-expect"
AFTER_TREATMENT_ARTICLE = "after-treatment-remission-check-ups-and-relapse"
PALLIATIVE_ARTICLE = "palliative-care-support-at-any-stage"
TRIALS_ARTICLE = "taking-part-in-a-clinical-trial"

TERMS = [
    Term(
        title="Benign",
        pronunciation="bih-NINE",
        also_called=("non-cancerous",),
        definition=(
            "Benign describes a lump or growth that is not cancer. It does not spread to other parts of the body."
        ),
        what_is=(
            "<p>Doctors use the word benign for a growth that is not cancer. A benign lump can get bigger, "
            "but it stays in one place. It does not grow into the tissue around it, and it does not spread "
            "around the body.</p>"
            "<p>Many lumps are benign. Most moles are benign, and so are soft, fatty lumps under the skin.</p>"
        ),
        why_it_matters=(
            "<p>Hearing that a lump is benign is usually good news. Most benign growths are not dangerous.</p>"
            "<p>Some still need treatment. This might be because they press on something important, such as "
            "a nerve, or because they cause pain. Your doctor may suggest keeping an eye on the lump, or "
            "taking it out.</p>"
        ),
        tags=(BASICS, DIAGNOSIS),
        related_terms=("malignant", "tumour", "biopsy"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NCI_WHAT_IS_CANCER,),
    ),
    Term(
        title="Biopsy",
        pronunciation="BY-op-see",
        definition=(
            "A biopsy is a test where a doctor takes a small piece of tissue from your body. The sample is "
            "looked at under a microscope to find out what is causing a problem."
        ),
        what_is_heading="What is a biopsy?",
        what_is=(
            "<p>Tissue is the material your body is made of, such as skin, muscle or the inside of an organ. "
            "In a biopsy, a doctor removes a small piece of it. This can be done:</p>"
            "<ul><li>with a thin needle, often guided by an ultrasound or CT scan</li>"
            "<li>with a thin, bendy tube with a camera on the end, passed into the body</li>"
            "<li>during an operation</li></ul>"
            "<p>You will usually have a local anaesthetic first. This is a medicine that numbs one area, so "
            "you do not feel pain.</p>"
        ),
        why_it_matters=(
            "<p>A biopsy is often the only way to know for sure whether a lump is cancer. If it is, the "
            "sample also shows what kind of cancer it is and its grade. This helps your team choose the "
            "right treatment.</p>"
        ),
        extra_sections=(
            section(
                "Getting your results",
                "<p>Results usually take from a few days to 2 weeks. Waiting can be hard. Ask your care team "
                "when and how you will hear, and who to call if you have questions while you wait.</p>",
            ),
            callout(
                "urgent",
                "Contact the team who did your biopsy if:",
                "<ul><li>the area keeps bleeding</li><li>the area becomes red, hot, swollen or more "
                "painful</li><li>you get a high temperature or feel hot and shivery</li></ul>",
            ),
        ),
        tags=(DIAGNOSIS, TESTS),
        related_terms=("benign", "malignant", "grade", "tumour"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NHS_BIOPSY,),
    ),
    Term(
        title="Blood test",
        definition=(
            "A blood test is when a small amount of blood is taken, usually from a vein in your arm, so it "
            "can be checked in a laboratory."
        ),
        what_is_heading="What is a blood test?",
        what_is=(
            "<p>A nurse or other trained person puts a small needle into a vein, usually on the inside of "
            "your elbow. The blood goes into small tubes. It only takes a few minutes.</p>"
            "<p>A common test is the full blood count. It counts your red blood cells, which carry oxygen, "
            "your white blood cells, which fight infection, and your platelets, which help your blood to "
            "clot.</p>"
        ),
        why_it_matters=(
            "<p>Blood tests show how well parts of your body, such as your liver and kidneys, are working. "
            "During cancer treatment, they show whether your body is ready for the next dose.</p>"
            "<p>On their own, most blood tests cannot show for sure whether someone has cancer. Doctors use "
            "them together with scans and other tests.</p>"
        ),
        tags=(TESTS,),
        related_terms=("chemotherapy", "side-effect", "remission"),
        related_articles=(CHEMOTHERAPY_ARTICLE,),
        references=(sources.NHS_BLOOD_TESTS,),
    ),
    Term(
        title="Chemotherapy",
        pronunciation="KEE-moh-THER-uh-pee",
        also_called=("chemo",),
        definition="Chemotherapy is a treatment that uses medicines to kill cancer cells or stop them growing.",
        what_is=(
            "<p>Chemotherapy medicines are usually given through a drip into a vein, or as tablets you swallow. "
            "Most people have them in cycles. A cycle is a time of treatment followed by a rest, so that your "
            "body can recover.</p>"
            "<p>The medicines work on cells that divide quickly, as cancer cells do. Some healthy cells also "
            "divide quickly, such as those in your hair, mouth and blood. That is why chemotherapy has side "
            "effects.</p>"
        ),
        why_it_matters=(
            "<p>Chemotherapy can cure some cancers. It can also shrink a tumour before surgery, lower the "
            "chance of cancer coming back, or ease symptoms when a cure is not possible. Your oncologist will "
            "explain what it aims to do for you.</p>"
        ),
        extra_sections=(
            callout(
                "emergency",
                "Call your 24-hour chemotherapy helpline straight away if:",
                "<ul><li>your temperature is 38°C or higher</li><li>you suddenly feel shivery or very "
                "unwell, even if your temperature is normal</li></ul>"
                "<p>Chemotherapy can make it hard for your body to fight infection. An infection can become "
                "serious very quickly. If you cannot get through, call 999 or go to A&amp;E.</p>",
            ),
        ),
        tags=(TREATMENT,),
        related_terms=("side-effect", "oncologist", "blood-test", "radiotherapy", "immunotherapy"),
        related_articles=(CHEMOTHERAPY_ARTICLE,),
        references=(sources.NHS_CHEMOTHERAPY, sources.NCI_CHEMOTHERAPY),
    ),
    Term(
        title="Clinical trial",
        also_called=("research study",),
        definition=(
            "A clinical trial is a research study that tests a new treatment, test or way of caring for "
            "people. It finds out whether it is safe and whether it works better than what is used now."
        ),
        what_is_heading="What is a clinical trial?",
        what_is=(
            "<p>People choose to take part in a clinical trial. Most trials compare a new treatment with the "
            "best treatment already in use, called the standard treatment.</p>"
            "<p>In a randomised trial, a computer puts each person into a group by chance. This makes the "
            "comparison fair. New treatments are first tried in a small number of people, and only move to "
            "bigger trials if they look safe.</p>"
        ),
        why_it_matters=(
            "<p>Trials are how treatments get better. Taking part may give you a new treatment before it is "
            "widely available. It can also mean extra tests and visits.</p>"
            "<p>You can say no, or leave a trial at any time. This does not change the normal care you get.</p>"
        ),
        extra_sections=(
            section(
                "Questions to ask about a trial",
                "<ul><li>What is the trial trying to find out?</li><li>What treatment would I have, and what "
                "are the possible side effects?</li><li>How many extra visits or tests would there be?</li>"
                "<li>What happens when the trial ends?</li></ul>",
            ),
        ),
        tags=(RESEARCH, TREATMENT),
        related_terms=("immunotherapy", "oncologist", "side-effect"),
        related_articles=(TRIALS_ARTICLE,),
        references=(sources.NHS_CLINICAL_TRIALS, sources.NIHR_BE_PART_OF_RESEARCH),
    ),
    Term(
        title="CT scan",
        pronunciation="see-tee scan",
        also_called=("CAT scan", "computed tomography scan"),
        definition="A CT scan uses X-rays and a computer to make detailed pictures of the inside of your body.",
        what_is_heading="What is a CT scan?",
        what_is=(
            "<p>You lie on a bed that moves slowly through a large ring. The ring takes X-ray pictures from "
            "many angles, and a computer puts them together. The scan does not hurt and usually takes a few "
            "minutes.</p>"
            "<p>You may be given a dye, called contrast, as a drink or an injection. It helps some parts of the "
            "body show up more clearly.</p>"
        ),
        why_it_matters=(
            "<p>A CT scan can show the size and place of a tumour, whether cancer has spread, and how well "
            "treatment is working.</p>"
            "<p>It uses a small amount of radiation. For most people the benefit is much bigger than the small "
            "risk. Tell the staff if you are, or might be, pregnant.</p>"
        ),
        tags=(TESTS, DIAGNOSIS),
        related_terms=("mri-scan", "stage", "metastasis"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NHS_CT_SCAN,),
    ),
    Term(
        title="Grade",
        definition=(
            "The grade of a cancer describes how different the cancer cells look from normal cells under a "
            "microscope. It gives a clue to how quickly the cancer might grow and spread."
        ),
        what_is_heading="What is the grade of a cancer?",
        what_is=(
            "<p>After a biopsy or an operation, a pathologist looks at the cells. A pathologist is a doctor "
            "who studies cells and tissue to find out about illness.</p>"
            "<p>Low-grade cancer cells look quite like normal cells and tend to grow slowly. High-grade cancer "
            "cells look very different and are more likely to grow quickly. Many cancers are given a grade "
            "from 1 (low) to 3 (high), but different cancers use different systems.</p>"
        ),
        why_it_matters=(
            "<p>The grade helps your care team choose treatment and think about how the cancer may behave.</p>"
        ),
        extra_sections=(
            callout(
                "information",
                "Grade and stage are different",
                "<p>The stage tells you how big a cancer is and whether it has spread. The grade tells you what "
                "the cells look like. Your team uses both to plan your care.</p>",
            ),
        ),
        tags=(DIAGNOSIS,),
        related_terms=("stage", "biopsy", "prognosis", "malignant"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NCI_TUMOR_GRADE,),
    ),
    Term(
        title="Immunotherapy",
        pronunciation="IM-yoo-noh-THER-uh-pee",
        definition=(
            "Immunotherapy is a cancer treatment that helps your immune system find and attack cancer cells. "
            "The immune system is the body's natural defence against illness."
        ),
        what_is=(
            "<p>Cancer cells can hide from the immune system. Some immunotherapy medicines take away that "
            "hiding place, so that the immune system can see the cancer and attack it. Other types train or "
            "change immune cells in a laboratory and then give them back to you.</p>"
            "<p>Most immunotherapy is given through a drip into a vein. It works well for some cancers, such as "
            "some skin and lung cancers, but not for all.</p>"
        ),
        why_it_matters=(
            "<p>Its side effects are different from those of chemotherapy. Because it makes the immune system "
            "more active, the immune system can attack healthy parts of the body too. This can cause problems "
            "such as a rash, diarrhoea or tiredness, sometimes months after treatment.</p>"
        ),
        extra_sections=(
            callout(
                "urgent",
                "Tell your care team about new symptoms straight away",
                "<p>Call the number your team gave you if you notice anything new, even if it seems small or "
                "treatment ended a while ago. Side effects are easier to treat when they are found early.</p>",
            ),
        ),
        tags=(TREATMENT,),
        related_terms=("chemotherapy", "side-effect", "clinical-trial"),
        related_articles=(TRIALS_ARTICLE,),
        references=(sources.NCI_IMMUNOTHERAPY,),
    ),
    Term(
        title="Lymph node",
        pronunciation="limf node",
        also_called=("lymph gland", "gland"),
        definition=(
            "A lymph node is a small, bean-shaped gland that helps the body fight infection. Lymph nodes trap "
            "germs and other harmful cells, and there are hundreds of them around the body."
        ),
        what_is_heading="What is a lymph node?",
        what_is=(
            "<p>Lymph nodes are joined by thin tubes that carry a clear fluid called lymph. There are groups of "
            "them in your neck, armpits and groin.</p>"
            "<p>They often swell when your body is fighting an infection, such as a cold. People call these "
            "swollen glands. They usually go down again within 2 weeks.</p>"
        ),
        why_it_matters=(
            "<p>Cancer cells can travel in the lymph and get caught in lymph nodes. Checking the nodes near a "
            "cancer helps doctors work out its stage. A surgeon may remove some nodes to check them.</p>"
            "<p>Most swollen glands are caused by infection, not cancer.</p>"
        ),
        extra_sections=(
            callout(
                "urgent",
                "See a GP if a swollen gland:",
                "<ul><li>has not gone down after 2 weeks</li><li>feels hard, or does not move when you press "
                "it</li><li>comes with night sweats, a high temperature or weight loss you cannot explain</li>"
                "</ul>",
            ),
        ),
        tags=(BASICS, "Lymphoma"),
        related_terms=("metastasis", "stage", "biopsy"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NHS_SWOLLEN_GLANDS,),
    ),
    Term(
        title="Malignant",
        pronunciation="muh-LIG-nunt",
        also_called=("cancerous",),
        definition=(
            "Malignant means cancerous. A malignant tumour can grow into nearby tissue and can spread to other "
            "parts of the body."
        ),
        what_is=(
            "<p>In a malignant tumour, cells grow and divide out of control. They can push into the tissue "
            "around them. Some can break away and travel in the blood or lymph to other parts of the body.</p>"
        ),
        why_it_matters=(
            "<p>A malignant tumour needs treatment. Your doctors will find out what type of cancer it is, its "
            "stage and its grade, and use these to plan your care.</p>"
            "<p>Malignant does not mean that nothing can be done. Many cancers can be treated well, and many "
            "can be cured.</p>"
        ),
        tags=(BASICS, DIAGNOSIS),
        related_terms=("benign", "tumour", "metastasis", "stage"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NCI_WHAT_IS_CANCER, sources.NHS_CANCER),
    ),
    Term(
        title="Metastasis",
        pronunciation="muh-TAS-tuh-sis",
        also_called=("secondary cancer", "secondaries"),
        definition=(
            "Metastasis is when cancer spreads from where it started to another part of the body. The new "
            "tumour is also called a metastasis or a secondary cancer."
        ),
        what_is=(
            "<p>Cancer cells can break away from the first tumour, called the primary cancer. They travel in "
            "the blood or lymph and start to grow somewhere else. When there is more than one, they are "
            "called metastases (muh-TAS-tuh-seez).</p>"
            "<p>The cancer keeps the name of the place it started. For example, breast cancer that has spread "
            "to the bones is still breast cancer, not bone cancer, and is treated like breast cancer.</p>"
        ),
        why_it_matters=(
            "<p>Cancer that has spread is usually harder to cure. Treatment often aims to control it and keep "
            "you well for as long as possible. Many people live for years with secondary cancer.</p>"
        ),
        tags=(BASICS, LIVING),
        related_terms=("malignant", "lymph-node", "stage", "palliative-care", "prognosis"),
        related_articles=(DIAGNOSIS_ARTICLE, PALLIATIVE_ARTICLE),
        references=(sources.NCI_METASTATIC_CANCER,),
    ),
    Term(
        title="MRI scan",
        pronunciation="em-ar-eye scan",
        also_called=("magnetic resonance imaging",),
        definition=(
            "An MRI scan uses strong magnets and radio waves to make detailed pictures of the inside of your body."
        ),
        what_is_heading="What is an MRI scan?",
        what_is=(
            "<p>You lie on a bed that slides into a scanner shaped like a short tunnel. The scanner is noisy, "
            "so you will be given earplugs or headphones. A scan can take from 15 to 90 minutes. It does not "
            "hurt and does not use X-rays.</p>"
        ),
        why_it_matters=(
            "<p>An MRI scan is very good at showing soft parts of the body, such as the brain, spine and "
            "muscles. It can help show where a tumour is and how big it is.</p>"
            "<p>Tell the staff if you feel anxious in small spaces. They can explain ways to help.</p>"
        ),
        extra_sections=(
            callout(
                "information",
                "Tell the staff before your scan if you have:",
                "<ul><li>a pacemaker or any other implant</li><li>metal in your body, such as pins, plates or "
                "clips</li><li>a chance of being pregnant</li></ul>",
            ),
        ),
        tags=(TESTS, DIAGNOSIS),
        related_terms=("ct-scan", "stage", "tumour"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NHS_MRI_SCAN,),
    ),
    Term(
        title="Oncologist",
        pronunciation="on-KOL-uh-jist",
        also_called=("cancer specialist",),
        definition="An oncologist is a doctor who specialises in treating cancer.",
        what_is_heading="What is an oncologist?",
        what_is=(
            "<p>There are different kinds of oncologist. A medical oncologist treats cancer with medicines, "
            "such as chemotherapy and immunotherapy. A clinical oncologist can also give radiotherapy. In some "
            "countries, a doctor who gives radiotherapy is called a radiation oncologist.</p>"
            "<p>Your oncologist works in a team with surgeons, nurses and other experts. The team meets to "
            "agree the best plan for you.</p>"
        ),
        why_it_matters=(
            "<p>Your oncologist is a good person to ask about your treatment and what to expect. It can help to "
            "write your questions down and to bring someone with you to appointments.</p>"
        ),
        extra_sections=(
            section(
                "Questions you might ask",
                "<ul><li>What is the aim of my treatment?</li><li>What side effects might I have?</li>"
                "<li>Who do I call if I feel unwell at night or at the weekend?</li></ul>",
            ),
        ),
        tags=(TREATMENT,),
        related_terms=("chemotherapy", "radiotherapy", "immunotherapy", "prognosis"),
        references=(sources.NCI_DICTIONARY,),
    ),
    Term(
        title="Palliative care",
        pronunciation="PAL-ee-uh-tiv care",
        also_called=("supportive care",),
        definition=(
            "Palliative care helps people with a serious illness feel as well and comfortable as possible. It "
            "eases pain and other symptoms and supports the person and their family."
        ),
        what_is=(
            "<p>Palliative care is not only for the end of life. You can have it at any stage of an illness, "
            "and at the same time as treatment for the illness itself.</p>"
            "<p>It is given by doctors, nurses and other experts. It can happen at home, in hospital or in a "
            "hospice, which is a place that cares for people with serious illness.</p>"
        ),
        why_it_matters=(
            "<p>Palliative care can help with pain, sickness, breathing problems, worry and low mood. It also "
            "supports families and carers. You can ask your care team about it at any time.</p>"
        ),
        tags=(LIVING, TREATMENT),
        related_terms=("prognosis", "metastasis", "side-effect"),
        related_articles=(PALLIATIVE_ARTICLE,),
        references=(sources.NCI_PALLIATIVE_CARE, sources.NHS_END_OF_LIFE_CARE),
    ),
    Term(
        title="Prognosis",
        pronunciation="prog-NOH-sis",
        also_called=("outlook",),
        definition=(
            "A prognosis is a doctor's best estimate of how an illness is likely to go, including the chance of "
            "recovery."
        ),
        what_is_heading="What is a prognosis?",
        what_is=(
            "<p>Doctors think about the type of cancer, its stage and grade, how it responds to treatment, and "
            "your general health.</p>"
            "<p>You may hear numbers such as five-year survival. This means how many people out of 100 with the "
            "same cancer are alive five years after they were told they had it. These numbers come from large "
            "groups of people, often treated years ago. They cannot say exactly what will happen to you.</p>"
        ),
        why_it_matters=(
            "<p>Knowing your prognosis can help you make choices and plan ahead. It can also be hard to hear.</p>"
        ),
        extra_sections=(
            callout(
                "information",
                "You can choose how much you want to know",
                "<p>Some people want all the details. Others would rather not hear numbers. Tell your care team "
                "what is right for you. You can change your mind later.</p>",
            ),
        ),
        tags=(DIAGNOSIS, LIVING),
        related_terms=("stage", "grade", "remission", "relapse"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NCI_PROGNOSIS,),
    ),
    Term(
        title="Radiotherapy",
        pronunciation="RAY-dee-oh-THER-uh-pee",
        also_called=("radiation therapy", "radiation treatment"),
        definition=(
            "Radiotherapy is a treatment that uses high-energy rays, like strong X-rays, to destroy cancer cells "
            "in one part of the body."
        ),
        what_is=(
            "<p>Most people have radiotherapy from a machine that aims the rays at the cancer. Each session "
            "takes a few minutes and does not hurt. Often you go every weekday for a few days or weeks.</p>"
            "<p>This kind of radiotherapy does not make you radioactive. It is safe to be with other people, "
            "including children, afterwards. Radiotherapy given from inside the body works differently, and "
            "your team will explain any safety steps.</p>"
        ),
        why_it_matters=(
            "<p>Radiotherapy can cure some cancers, or be used with surgery or chemotherapy. It can also ease "
            "symptoms such as pain. Side effects depend on the part of the body treated. Many people feel tired, "
            "and the skin in the area may get sore.</p>"
        ),
        tags=(TREATMENT,),
        related_terms=("oncologist", "side-effect", "chemotherapy", "palliative-care"),
        references=(sources.NHS_RADIOTHERAPY, sources.NCI_RADIATION_THERAPY),
    ),
    Term(
        title="Relapse",
        pronunciation="REE-laps",
        also_called=("recurrence", "recurrent cancer"),
        definition=(
            "A relapse is when an illness comes back after a time when it had got better. With cancer, it means "
            "the cancer has come back after treatment."
        ),
        what_is=(
            "<p>Cancer can come back in the same place, nearby, or in another part of the body. It happens when "
            "a few cancer cells survived treatment. They were too small to show up on tests, and over time they "
            "grew.</p>"
            "<p>A relapse is not your fault. It does not usually mean that your treatment was wrong.</p>"
        ),
        why_it_matters=(
            "<p>Check-ups after treatment help find a relapse early. A relapse can often be treated again, "
            "sometimes in a different way. Your team will talk with you about a new plan.</p>"
        ),
        tags=(LIVING,),
        related_terms=("remission", "metastasis", "prognosis"),
        related_articles=(AFTER_TREATMENT_ARTICLE,),
        references=(sources.NCI_DICTIONARY,),
    ),
    Term(
        title="Remission",
        pronunciation="ree-MISH-un",
        definition=(
            "Remission means the signs and symptoms of cancer are reduced or have gone away, usually after "
            "treatment."
        ),
        what_is=(
            "<p>There are two kinds. In partial remission, the cancer has shrunk but is still there. In complete "
            "remission, tests, scans and examinations cannot find any cancer.</p>"
            "<p>Complete remission is not always the same as a cure. A few cancer cells might still be in the "
            "body without being seen. Some doctors say <i>no evidence of disease</i> instead.</p>"
        ),
        why_it_matters=(
            "<p>Remission is good news. Your care team will still want to see you for check-ups. If you stay in "
            "complete remission for many years, your doctor may say the cancer is cured.</p>"
        ),
        extra_sections=(
            section(
                "Check-ups after treatment",
                "<p>Check-ups may include talking with your doctor, an examination, blood tests or scans. They "
                "are often more frequent at first and then spread out. Tell your team about any new symptoms "
                "between appointments. You do not have to wait.</p>",
            ),
        ),
        tags=(LIVING,),
        related_terms=("relapse", "prognosis", "blood-test", "ct-scan"),
        related_articles=(AFTER_TREATMENT_ARTICLE,),
        references=(sources.NCI_DICTIONARY,),
    ),
    Term(
        title="Side effect",
        also_called=("adverse effect",),
        definition=(
            "A side effect is an unwanted effect of a medicine or treatment, such as feeling sick, tiredness or "
            "hair loss."
        ),
        what_is_heading="What is a side effect?",
        what_is=(
            "<p>Most cancer treatments affect some healthy cells as well as cancer cells. This causes side "
            "effects. Which ones you get depends on the treatment, the dose and you. Two people having the same "
            "treatment can feel very different.</p>"
            "<p>Most side effects go away after treatment ends. A few can last longer or start later. These are "
            "called late effects.</p>"
        ),
        why_it_matters=(
            "<p>Many side effects can be prevented or eased with medicines or small changes. Tell your care team "
            "about them, even small ones. Keeping a short diary of how you feel each day can help.</p>"
        ),
        tags=(TREATMENT, LIVING),
        related_terms=("chemotherapy", "radiotherapy", "immunotherapy"),
        related_articles=(CHEMOTHERAPY_ARTICLE,),
        references=(sources.NCI_SIDE_EFFECTS, sources.NHS_CHEMOTHERAPY_SIDE_EFFECTS),
    ),
    Term(
        title="Stage",
        definition=(
            "The stage of a cancer describes how big it is and whether it has spread from where it started."
        ),
        what_is_heading="What is the stage of a cancer?",
        what_is=(
            "<p>Doctors work out the stage using scans, biopsies and sometimes surgery. Many cancers are given a "
            "number stage from 1 to 4. Stage 1 means the cancer is small and has not spread. Stage 4 means it "
            "has spread to another part of the body.</p>"
            "<p>You may also see letters and numbers such as T2 N1 M0. T is the size of the tumour, N is "
            "whether it is in the lymph nodes, and M is whether it has spread further. Some blood cancers are "
            "staged in other ways.</p>"
        ),
        why_it_matters=(
            "<p>The stage helps your team choose the best treatment and think about your prognosis. A cancer "
            "keeps the stage it was given when it was first found, even if it changes later.</p>"
        ),
        tags=(DIAGNOSIS,),
        related_terms=("grade", "tumour", "lymph-node", "metastasis", "ct-scan"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NCI_STAGING,),
    ),
    Term(
        title="Tumour",
        pronunciation="TYOO-mer",
        also_called=("growth", "mass", "lump", "tumor"),
        definition=(
            "A tumour is a lump or growth made when cells grow and divide more than they should. A tumour can be "
            "benign (not cancer) or malignant (cancer)."
        ),
        what_is=(
            "<p>Your body is made of tiny building blocks called cells. Normally, new cells are made only when "
            "they are needed, and old cells die. When this goes wrong, extra cells can build up and form a "
            "lump.</p>"
            "<p>Not all cancers form tumours. Blood cancers, such as leukaemia, usually do not.</p>"
        ),
        why_it_matters=(
            "<p>Finding out whether a tumour is benign or malignant is an important first step. This usually "
            "needs a biopsy. If it is cancer, the size of the tumour is part of working out its stage.</p>"
        ),
        tags=(BASICS, DIAGNOSIS),
        related_terms=("benign", "malignant", "biopsy", "stage", "grade"),
        related_articles=(DIAGNOSIS_ARTICLE,),
        references=(sources.NCI_WHAT_IS_CANCER,),
    ),
]
