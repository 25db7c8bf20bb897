"""Test helpers every app's tests share. Used by tests only."""

import html
import re


def text(response) -> str:
    """The page as a person reads it: tags dropped, entities decoded, white space squashed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())
