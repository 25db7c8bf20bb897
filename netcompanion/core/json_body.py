"""Reading a JSON body someone sent, refusing what no field of ours can hold before any field is read: text that is
not JSON, nesting deeper than any of our documents (the parser would otherwise recurse until Python gives up), and
lone UTF-16 surrogates ("\\ud800"), which JSON's escapes allow but no database, page or export can encode. Text
that is kept has the characters that disguise it taken out (core.text), as the web forms' text has. Plain Python,
so the API and the command line read bodies the same way."""

from __future__ import annotations

import json
from typing import Any

from netcompanion.core.text import plain

# Our deepest document (a batch of diary days with their episodes, or an engine case) nests about 5 levels.
MAX_DEPTH = 32


class BodyRefused(ValueError):
    """The body as a whole is refused. ``where`` is the path to the offending value (keys and list indexes), empty
    when the body as a whole is at fault."""

    def __init__(self, message: str, where: tuple[str | int, ...] = ()):
        super().__init__(message)
        self.message, self.where = message, where


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _kept(text: str, where: tuple[str | int, ...]) -> str:
    if _has_surrogate(text):
        raise BodyRefused("this text holds a lone surrogate (such as \\ud800), which is not a character: "
                          "send text as valid Unicode", where)
    return plain(text)


def parse_json(body: bytes | str) -> Any:
    """The decoded body with its text made plain, or BodyRefused naming what is wrong and where."""
    try:
        data = json.loads(body)
    except RecursionError:
        raise BodyRefused(f"the request body is nested more than {MAX_DEPTH} levels deep") from None
    except (ValueError, UnicodeDecodeError):
        raise BodyRefused("the request body is not valid JSON") from None
    if isinstance(data, str):
        return _kept(data, ())
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        container, where = stack.pop()
        if len(where) >= MAX_DEPTH:
            raise BodyRefused(f"the request body is nested more than {MAX_DEPTH} levels deep")
        if isinstance(container, dict):
            items = list(container.items())
            container.clear()
            for key, value in items:
                container[_kept(key, where)] = value
            pairs: list[tuple[str | int, Any]] = list(container.items())
        elif isinstance(container, list):
            pairs = list(enumerate(container))
        else:
            continue
        for key, value in pairs:
            if isinstance(value, str):
                container[key] = _kept(value, (*where, key))
            elif isinstance(value, dict | list):
                stack.append((value, (*where, key)))
    return data
