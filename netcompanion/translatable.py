"""Marks an engine's words for translation without importing Django.

The clinical engines stay Django-free, so they cannot call Django's gettext. They mark each sentence a person
will read with `gettext_noop` (a name that makemessages already gathers), keep it in English in their rule rows,
and the page, e-mail, PDF or API answer that shows it translates it then, in the reader's language, with Django's
gettext. A sentence with a value in it is kept as a template with named placeholders ("%(value)s") and filled in
after translation, so the translator sees the whole sentence.
"""


def gettext_noop(message: str) -> str:
    """Return the message unchanged; its only job is to be found by makemessages."""
    return message
