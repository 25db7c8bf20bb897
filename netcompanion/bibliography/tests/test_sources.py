"""The bibliography's own rules: stable ids, complete entries, links a person can follow."""

import subprocess
import sys
import tomllib
from datetime import date

import pytest

from netcompanion.bibliography import ID, SOURCES, SOURCES_FILE, Source, UnknownSource, citations, cite


def test_every_id_is_a_lower_case_slug_and_unique():
    assert all(ID.fullmatch(source_id) for source_id in SOURCES), [i for i in SOURCES if not ID.fullmatch(i)]
    with SOURCES_FILE.open("rb") as f:
        assert len(tomllib.load(f)) == len(SOURCES)
    text = SOURCES_FILE.read_text(encoding="utf-8")
    headers = [line for line in text.splitlines() if line.startswith("[")]
    assert len(headers) == len(set(headers)), "an id is defined twice"


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES)
def test_every_entry_has_a_title_publisher_link_and_check_date(source: Source):
    assert source.title.strip() and source.publisher.strip()
    assert source.url.startswith(("https://", "http://")) and " " not in source.url
    assert isinstance(source.checked, date) and source.checked.year >= 2025
    assert source.year is None or 1900 < source.year <= source.checked.year
    assert not source.doi or source.doi.startswith("10.")


def test_no_entry_names_an_internal_reference_file():
    text = SOURCES_FILE.read_text(encoding="utf-8").lower()
    assert "clinical" ".md" not in text and "shared/" "reference" not in text


def test_a_label_reads_as_a_citation_and_the_link_prefers_the_doi():
    source = Source("x", "A title", "A journal 1(2):3-4", "https://example.org/a", date(2026, 12, 7),
                    authors="Doe J, et al.", year=2020, doi="10.1000/xyz")
    assert source.label() == "Doe J, et al. A title. A journal 1(2):3-4, 2020."
    assert source.link() == "https://doi.org/10.1000/xyz"
    page = Source("y", "What is it?", "A charity", "https://example.org/b", date(2026, 12, 7))
    assert page.label() == "What is it? A charity." and page.link() == "https://example.org/b"


def test_an_unknown_id_is_refused_by_name():
    with pytest.raises(UnknownSource, match="no-such-source"):
        cite("no-such-source")
    with pytest.raises(KeyError):
        citations(["nci-pdq-gi-net-hp", "no-such-source"])


def test_citations_keep_the_first_order_and_drop_repeats():
    ids = ["nice-ng51", "nci-pdq-gi-net-hp", "nice-ng51"]
    assert [s.id for s in citations(ids)] == ["nice-ng51", "nci-pdq-gi-net-hp"]


def test_the_package_runs_without_django():
    code = "import sys, netcompanion.bibliography; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0, "netcompanion.bibliography imports Django"
