"""Guide pages: Markdown files with YAML front matter, parsed once into plain data.

A page's `sources:` list names bibliography ids; the nth id is the source the body cites as [n].
English pages live in `content/<slug>.md`; a translation lives in `content/<lang>/<slug>.md`, has no
`sources:` of its own (its [n] mean the English page's sources) and records in `translated_from` the
revision of the English file it follows (`source_revision`), so a test can tell when it has gone stale.
No Django import, so the search index, the readability check and the CLI can
load the guide without a configured project.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import frontmatter
import markdown

from netcompanion.bibliography import Source, UnknownSource, cite

CONTENT_DIR = Path(__file__).resolve().parent / "content"

CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)])")
REQUIRED_FIELDS = ("title", "slug", "summary", "reviewed", "sources")
TRANSLATION_FIELDS = ("title", "slug", "summary", "reviewed", "translated_from")
DEFAULT_LANGUAGE = "en"
REVISION = re.compile(r"[0-9a-f]{12}")
TEXT_BLOCKS = {"p", "li", "h2", "h3", "h4", "td", "th", "dt", "dd"}


class GuideContentError(ValueError):
    """A guide file breaks the content rules; raised at load time, never at request time."""


@dataclass(frozen=True)
class Passage:
    """One paragraph or list item with the heading it sits under: the unit search returns."""

    heading: str
    anchor: str
    text: str


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    summary: str
    reviewed: dt.date
    sources: tuple[Source, ...]
    html: str
    toc: tuple[tuple[str, str], ...]
    passages: tuple[Passage, ...]
    cited_numbers: frozenset[int]
    keywords: tuple[str, ...] = ()
    lang: str = DEFAULT_LANGUAGE
    translated_from: str = ""


class _BlockCollector(HTMLParser):
    """Collects text blocks with their nearest heading, dropping citation links."""

    def __init__(self) -> None:
        super().__init__()
        self.passages: list[Passage] = []
        self._stack: list[str] = []
        self._buffer: list[str] = []
        self._heading = ""
        self._anchor = ""
        self._pending_anchor = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in TEXT_BLOCKS:
            if tag in {"h2", "h3", "h4"}:
                self._pending_anchor = dict(attrs).get("id") or ""
            self._flush()
            self._stack.append(tag)
        elif tag == "sup":
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in TEXT_BLOCKS or tag == "sup":
            if tag in {"h2", "h3", "h4"}:
                self._heading = " ".join("".join(self._buffer).split())
                self._anchor = self._pending_anchor
                self._buffer = []
            elif tag in TEXT_BLOCKS:
                self._flush()
            if self._stack and self._stack[-1] == tag:
                self._stack.pop()

    def handle_data(self, data: str) -> None:
        if "sup" not in self._stack and self._stack:
            self._buffer.append(data)

    def _flush(self) -> None:
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join("".join(self._buffer).split()))
        self._buffer = []
        if text:
            self.passages.append(Passage(self._heading, self._anchor, text))


def _cite(match: re.Match[str]) -> str:
    numbers = [n.strip() for n in match.group(1).split(",")]
    links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
    return f'<sup class="cite">[{links}]</sup>'


def _sources(path: Path, ids: object) -> tuple[Source, ...]:
    """The page's sources in citation order; an id missing from the bibliography stops the load."""
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise GuideContentError(f"{path.name}: sources must be a list of bibliography ids")
    if len(set(ids)) != len(ids):
        raise GuideContentError(f"{path.name}: a source is listed twice")
    try:
        return tuple(cite(source_id) for source_id in ids)
    except UnknownSource as unknown:
        raise GuideContentError(f"{path.name}: {unknown.args[0]}") from None


def _render(path: Path, meta: dict[str, Any], content: str, sources: tuple[Source, ...], **extra: Any) -> Page:
    """The page as data; a citation number beyond its sources stops the load."""
    if meta["slug"] != path.stem:
        raise GuideContentError(f"{path.name}: slug {meta['slug']!r} differs from the file name")
    md = markdown.Markdown(extensions=["toc", "tables", "sane_lists", "attr_list"])
    body = md.convert(content)
    html = CITATION.sub(_cite, body)
    # toc_tokens is set by the "toc" extension, which the stubs of Markdown cannot know of.
    toc = tuple((t["id"], t["name"]) for t in md.toc_tokens)  # type: ignore[attr-defined]
    collector = _BlockCollector()
    collector.feed(html)
    collector.close()
    reviewed = meta["reviewed"]
    if isinstance(reviewed, str):
        reviewed = dt.date.fromisoformat(reviewed)
    page = Page(
        slug=meta["slug"],
        title=meta["title"],
        summary=meta["summary"],
        reviewed=reviewed,
        sources=sources,
        html=html,
        toc=toc,
        passages=tuple(collector.passages),
        cited_numbers=frozenset(int(n) for group in CITATION.findall(body) for n in group.split(",")),
        keywords=tuple(meta.get("keywords", ())),
        **extra,
    )
    unknown = sorted(page.cited_numbers - set(range(1, len(sources) + 1)))
    if unknown:
        raise GuideContentError(f"{path.name}: cites sources {unknown} that are not listed")
    return page


def _front_matter(path: Path, required: tuple[str, ...]) -> frontmatter.Post:
    post = frontmatter.load(path)
    missing = [f for f in required if not post.metadata.get(f)]
    if missing:
        raise GuideContentError(f"{path.name}: missing front matter {', '.join(missing)}")
    return post


def parse_page(path: Path) -> Page:
    post = _front_matter(path, REQUIRED_FIELDS)
    return _render(path, post.metadata, post.content, _sources(path, post.metadata["sources"]))


def parse_translation(path: Path, lang: str, english: dict[str, Page]) -> Page:
    """A translated page, cited against the English page of the same slug, whose sources it shares."""
    post = _front_matter(path, TRANSLATION_FIELDS)
    meta: dict[str, Any] = post.metadata
    where = f"{lang}/{path.name}"
    if "sources" in meta:
        raise GuideContentError(f"{where}: a translation uses the English page's sources; remove its sources list")
    if path.stem not in english:
        raise GuideContentError(f"{where}: there is no English page {path.stem}.md to translate")
    revision = str(meta["translated_from"])
    if not REVISION.fullmatch(revision):
        raise GuideContentError(f"{where}: translated_from must be 12 hex digits, from source_revision()")
    try:
        return _render(path, meta, post.content, english[path.stem].sources, lang=lang, translated_from=revision)
    except GuideContentError as error:
        raise GuideContentError(f"{lang}/{error}") from None


def source_revision(slug: str, content_dir: Path = CONTENT_DIR) -> str:
    """The English file's revision a translation records: the first 12 hex digits of its bytes' SHA-256."""
    return hashlib.sha256((content_dir / f"{slug}.md").read_bytes()).hexdigest()[:12]


def content_language(language_code: str) -> str:
    """The guide's language for a language code: "sv-se" and "sv" read content/sv; every English code reads the
    English pages."""
    return language_code.split("-")[0].lower() or DEFAULT_LANGUAGE


def load_guide(content_dir: Path = CONTENT_DIR) -> dict[str, Page]:
    """All English pages by slug, parsed once per process."""
    return load_pages(DEFAULT_LANGUAGE, content_dir)


def load_pages(lang: str = DEFAULT_LANGUAGE, content_dir: Path = CONTENT_DIR) -> dict[str, Page]:
    """The pages written in one language, by English slug, parsed once per process; a language with no folder
    has none. English is the whole guide."""
    return _parse_folder(content_language(lang), content_dir)


@cache
def _parse_folder(lang: str, content_dir: Path) -> dict[str, Page]:
    if lang == DEFAULT_LANGUAGE:
        pages = [parse_page(p) for p in sorted(content_dir.glob("*.md"))]
    else:
        english = _parse_folder(DEFAULT_LANGUAGE, content_dir)
        pages = [parse_translation(p, lang, english) for p in sorted((content_dir / lang).glob("*.md"))]
    return {page.slug: page for page in pages}


def get_page(slug: str, lang: str = DEFAULT_LANGUAGE, content_dir: Path = CONTENT_DIR) -> Page:
    """The page in the language asked for, or the English page while it has no translation (its `lang` says
    which); KeyError if the guide has no such page."""
    return load_pages(lang, content_dir).get(slug) or load_guide(content_dir)[slug]


def plain_text(page: Page) -> str:
    """The page as sentences, for readability scoring: each block ends with a full stop."""
    blocks = [p.text if p.text[-1] in ".?!:" else p.text + "." for p in page.passages]
    return "\n".join(blocks)
