"""Marks an engine's words for translation without importing Django.

The clinical engines stay Django-free, so they cannot call Django's gettext. They mark each sentence a person
will read with `gettext_noop` (a name that makemessages already gathers), keep it in English in their rule rows,
and the page, e-mail, PDF or API answer that shows it translates it then, in the reader's language, with Django's
gettext. A sentence with a value in it is kept as a template with named placeholders ("%(value)s") and filled in
after translation, so the translator sees the whole sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict


def gettext_noop(message: str) -> str:
    """Return the message unchanged; its only job is to be found by makemessages."""
    return message


class Wording(BaseModel):
    """A sentence that carries values, as an engine's answer keeps it: the English template (marked with
    gettext_noop, named "%(value)s" placeholders) and its values, so a page can say it in the reader's language.
    A value that is itself a Wording (a list joined by a translated "or", say) is said in the same language; a list
    of values is said item by item, joined by semicolons."""

    model_config = ConfigDict(frozen=True)

    text: str
    params: dict[str, str | Wording | list[Wording]] = {}

    def in_language(self, gettext: Callable[[str], str] = str) -> str:
        """The sentence in the language ``gettext`` translates to (English without one)."""
        values = {name: _said(value, gettext) for name, value in self.params.items()}
        return gettext(self.text) % values if values else gettext(self.text)


def _said(value: str | Wording | list[Wording], gettext: Callable[[str], str]) -> str:
    if isinstance(value, list):
        return "; ".join(item.in_language(gettext) for item in value)
    return value.in_language(gettext) if isinstance(value, Wording) else value
