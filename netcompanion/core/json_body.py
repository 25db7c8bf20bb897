"""Reading a JSON body someone sent, refusing what no field of ours can hold before any field is read: text that is
not JSON, nesting deeper than any of our documents (the parser would otherwise recurse until Python gives up), and
lone UTF-16 surrogates ("\\ud800"), which JSON's escapes allow but no database, page or export can encode. Plain
Python, so the API and the command line refuse the same things in the same words."""

from __future__ import annotations

import json
from typing import Any

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


def parse_json(body: bytes | str) -> Any:
    """The decoded body, or BodyRefused naming what is wrong and where."""
    try:
        data = json.loads(body)
    except RecursionError:
        raise BodyRefused(f"the request body is nested more than {MAX_DEPTH} levels deep") from None
    except (ValueError, UnicodeDecodeError):
        raise BodyRefused("the request body is not valid JSON") from None
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > MAX_DEPTH:
            raise BodyRefused(f"the request body is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, str) and _has_surrogate(value):
            raise BodyRefused("this text holds a lone surrogate (such as \\ud800), which is not a character: "
                              "send text as valid Unicode", where)
        if isinstance(value, dict):
            for key, item in value.items():
                if _has_surrogate(key):
                    raise BodyRefused("a field name holds a lone surrogate (such as \\ud800): send valid Unicode",
                                      where)
                stack.append((item, (*where, key)))
        elif isinstance(value, list):
            stack.extend((item, (*where, i)) for i, item in enumerate(value))
    return data
