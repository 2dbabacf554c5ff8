"""Public NHS and US National Cancer Institute (NCI) pages that the demo terms and articles draw on.

Each is named once here and reused, so a changed address is fixed in one place. ``year`` is the year of the
version the demo text was written against; check the pages again before using this text for real readers.
"""

from .schema import Source

NHS = "NHS"
NCI = "National Cancer Institute"

NHS_BIOPSY = Source("Biopsy", NHS, 2024, "https://www.nhs.uk/conditions/biopsy/")
NHS_BLOOD_TESTS = Source("Blood tests", NHS, 2024, "https://www.nhs.uk/conditions/blood-tests/")
NHS_CANCER = Source("Cancer", NHS, 2024, "https://www.nhs.uk/conditions/cancer/")
NHS_CHEMOTHERAPY = Source("Chemotherapy", NHS, 2024, "https://www.nhs.uk/conditions/chemotherapy/")
NHS_CHEMOTHERAPY_SIDE_EFFECTS = Source(
    "Chemotherapy: side effects", NHS, 2024, "https://www.nhs.uk/conditions/chemotherapy/side-effects/"
)
NHS_CLINICAL_TRIALS = Source("Clinical trials", NHS, 2024, "https://www.nhs.uk/conditions/clinical-trials/")
NHS_CT_SCAN = Source("CT scan", NHS, 2024, "https://www.nhs.uk/conditions/ct-scan/")
NHS_END_OF_LIFE_CARE = Source("End of life care", NHS, 2024, "https://www.nhs.uk/conditions/end-of-life-care/")
NHS_MRI_SCAN = Source("MRI scan", NHS, 2024, "https://www.nhs.uk/conditions/mri-scan/")
NHS_RADIOTHERAPY = Source("Radiotherapy", NHS, 2024, "https://www.nhs.uk/conditions/radiotherapy/")
NHS_SEPSIS = Source("Sepsis", NHS, 2024, "https://www.nhs.uk/conditions/sepsis/")
NHS_SWOLLEN_GLANDS = Source("Swollen glands", NHS, 2024, "https://www.nhs.uk/conditions/swollen-glands/")

NIHR_BE_PART_OF_RESEARCH = Source(
    "Be Part of Research",
    "National Institute for Health and Care Research",
    2024,
    "https://bepartofresearch.nihr.ac.uk/",
)

NCI_DICTIONARY = Source(
    "NCI Dictionary of Cancer Terms", NCI, 2024, "https://www.cancer.gov/publications/dictionaries/cancer-terms"
)
NCI_WHAT_IS_CANCER = Source(
    "What is cancer?", NCI, 2024, "https://www.cancer.gov/about-cancer/understanding/what-is-cancer"
)
NCI_STAGING = Source("Cancer staging", NCI, 2024, "https://www.cancer.gov/about-cancer/diagnosis-staging/staging")
NCI_TUMOR_GRADE = Source(
    "Tumor grade", NCI, 2022, "https://www.cancer.gov/about-cancer/diagnosis-staging/diagnosis/tumor-grade"
)
NCI_PROGNOSIS = Source(
    "Understanding cancer prognosis", NCI, 2024, "https://www.cancer.gov/about-cancer/diagnosis-staging/prognosis"
)
NCI_METASTATIC_CANCER = Source(
    "Metastatic cancer: when cancer spreads", NCI, 2024, "https://www.cancer.gov/types/metastatic-cancer"
)
NCI_CHEMOTHERAPY = Source(
    "Chemotherapy to treat cancer", NCI, 2024, "https://www.cancer.gov/about-cancer/treatment/types/chemotherapy"
)
NCI_RADIATION_THERAPY = Source(
    "Radiation therapy to treat cancer",
    NCI,
    2024,
    "https://www.cancer.gov/about-cancer/treatment/types/radiation-therapy",
)
NCI_IMMUNOTHERAPY = Source(
    "Immunotherapy to treat cancer", NCI, 2024, "https://www.cancer.gov/about-cancer/treatment/types/immunotherapy"
)
NCI_SIDE_EFFECTS = Source(
    "Side effects of cancer treatment", NCI, 2024, "https://www.cancer.gov/about-cancer/treatment/side-effects"
)
NCI_PALLIATIVE_CARE = Source(
    "Palliative care in cancer",
    NCI,
    2024,
    "https://www.cancer.gov/about-cancer/advanced-cancer/care-choices/palliative-care-fact-sheet",
)
