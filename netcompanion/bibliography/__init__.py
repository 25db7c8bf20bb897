"""The bibliography: every source that a guide page, rule table or explainer text cites, by a stable id.

The data is sources.toml, one table per source. Code cites a source by its id (a rule row's `sources`,
a guide page's `sources:` list, an explainer text's `sources`), and what a person sees is built from
here: title, publisher, year and a link they can follow. No Django import, so the clinical engines
and the guide loader can use it on their own.

Rule rows in every engine, texts and pages cite a tuple of ids (`sources`); a result lists the ids of
the rows that made it, each once.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

SOURCES_FILE = Path(__file__).resolve().parent / "sources.toml"
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    checked: date
    authors: str = ""
    year: int | None = None
    doi: str = ""

    def label(self) -> str:
        """The citation as plain text a person can read: "Authors. Title. Publisher, 2020." """
        parts = [_sentence(self.authors)] if self.authors else []
        parts += [_sentence(self.title), _sentence(f"{self.publisher}, {self.year}" if self.year else self.publisher)]
        return " ".join(parts)

    def link(self) -> str:
        """Where a reader checks it: the DOI when there is one (it outlives a publisher's site), else the URL."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url


class UnknownSource(KeyError):
    """A citation names an id the bibliography does not have."""


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def load(path: Path = SOURCES_FILE) -> dict[str, Source]:
    """Every source by id; a table with a field Source does not know fails here, at import."""
    with path.open("rb") as f:
        tables = tomllib.load(f)
    return {key: Source(id=key, **fields) for key, fields in tables.items()}


SOURCES: dict[str, Source] = load()


def cite(source_id: str) -> Source:
    try:
        return SOURCES[source_id]
    except KeyError:
        raise UnknownSource(f"no source {source_id!r} in the bibliography ({SOURCES_FILE.name})") from None


def citations(ids: Iterable[str]) -> list[Source]:
    """The sources of `ids` in the order first cited, each once."""
    return [cite(source_id) for source_id in dict.fromkeys(ids)]
