"""Citations anyone can follow: every id a rule table, text or page cites is in the bibliography, and no
file in the repository points at a reference document or a folder on someone's machine instead.

To cover another engine, add a (name, ids) pair to CITED.
"""

import re
import subprocess
from pathlib import Path

import pytest

from netcompanion.alertrules.rules import ALERT_RULES
from netcompanion.bibliography import SOURCES
from netcompanion.diary.checks import TRIGGERS
from netcompanion.explainer.texts import all_texts
from netcompanion.followup.rules import ITEMS, NOTES, SCHEDULES
from netcompanion.grading.rules import RULES as GRADE_RULES
from netcompanion.grading.rules import WHO2022_SYNONYM
from netcompanion.guide.pages import load_guide
from netcompanion.labs import catalogue, content
from netcompanion.staging.tables import GENERAL_ROWS, SITES, WARNINGS
from netcompanion.triage.rules import ADVICE, ZEBRA
from netcompanion.triage.rules import RULES as TRIAGE_RULES

ROOT = Path(__file__).resolve().parents[1]
TEXT_FILES = (".py", ".html", ".md", ".yaml", ".yml", ".toml", ".txt")
# Spelt in pieces so that this file does not name them itself.
FORBIDDEN = ("clinical" ".md", "shared/" "reference", "/" "work/")
# Files that may not change here; each still names a forbidden string until its owner rewords it.
PENDING: dict[str, str] = {}
LABS_TEMPLATE_CITES = re.compile(r'{%\s*cite\s+([^%]+?)\s*%}')


def _staging_ids() -> list[str]:
    rows = [r for t in SITES.values() for r in (*t.t_rows, *t.t_subcategories, *t.n_rows, *t.m_rows, *t.stage_rows)]
    return [s for r in (*rows, *GENERAL_ROWS) for s in r.sources] + [s for _, ss in WARNINGS.values() for s in ss]


def _labs_ids() -> list[str]:
    in_templates = [quoted.strip('"') for path in (ROOT / "netcompanion/labs/templates").rglob("*.html")
                    for group in LABS_TEMPLATE_CITES.findall(path.read_text(encoding="utf-8"))
                    for quoted in group.split() if quoted.startswith('"')]
    codes = [s for test in catalogue.KNOWN_TESTS.values() for code in test.codes for s in code.sources]
    foods = [source for food in content.HIAA_FOODS for source in food.sources]
    return [*content.HIAA_SOURCES, *content.CGA_SOURCES, *foods, *codes, *in_templates]


CITED: list[tuple[str, list[str]]] = [
    ("triage", [s for r in (*TRIAGE_RULES, *ZEBRA, *ADVICE) for s in r.sources]),
    ("grading", [s for r in GRADE_RULES for s in r.sources] + [*WHO2022_SYNONYM]),
    ("staging", _staging_ids()),
    ("followup", [s for r in (*ITEMS.values(), *SCHEDULES, *NOTES) for s in r.sources]),
    ("explainer", [source for text in all_texts() for source in text.sources]),
    ("alertrules", [s for r in ALERT_RULES for s in r.sources]),
    ("diary", [s for t in TRIGGERS for s in t.sources]),
    ("labs", _labs_ids()),
    *((f"guide:{slug}", [s.id for s in page.sources]) for slug, page in sorted(load_guide().items())),
]


@pytest.mark.parametrize("name, ids", CITED, ids=[name for name, _ in CITED])
def test_every_cited_id_is_in_the_bibliography(name, ids):
    assert ids, f"{name} cites nothing"
    assert sorted(set(ids) - set(SOURCES)) == [], f"{name} cites ids the bibliography does not have"


def _tracked_text_files() -> list[str]:
    try:
        listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [p for p in listed.splitlines() if p.endswith(TEXT_FILES) and (ROOT / p).is_file()]


def test_no_tracked_file_names_a_reference_file_or_a_machine_path():
    named = {path: [w for w in FORBIDDEN if w in (ROOT / path).read_text(encoding="utf-8", errors="replace")]
             for path in _tracked_text_files() if path not in PENDING}
    assert {path: words for path, words in named.items() if words} == {}


@pytest.mark.parametrize("path", PENDING)
def test_a_pending_file_still_needs_its_fix(path):
    """Once the file is clean, take it off PENDING so the scan covers it again."""
    text = (ROOT / path).read_text(encoding="utf-8")
    assert any(word in text for word in FORBIDDEN), f"{path} is clean now: remove it from PENDING"
