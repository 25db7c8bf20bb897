"""The OpenAPI document may only grow: every path, operation, parameter, response and schema that apps were
built against is still there and unchanged. ``openapi_v1.json`` is the document as released; after a deliberate
addition, record it with ``.venv/bin/python tests/test_openapi_growth.py``."""

import json
from pathlib import Path

SNAPSHOT = Path(__file__).with_name("openapi_v1.json")


def removed_or_changed(old, new, where="document") -> list[str]:
    """Where ``new`` lost or changed something of ``old``. A mapping may gain keys and an operation may gain
    parameters; any other list (``required``, ``enum``, ``anyOf``...) must stay as it was."""
    if isinstance(old, dict) and isinstance(new, dict):
        return [problem for key, value in old.items()
                for problem in (removed_or_changed(value, new[key], f"{where} > {key}") if key in new
                                else [f"{where} > {key} is gone"])]
    if where.endswith(" > parameters") and isinstance(old, list) and isinstance(new, list):
        by_name = {(p["in"], p["name"]): p for p in new}
        return [problem for p in old
                for problem in (removed_or_changed(p, by_name[p["in"], p["name"]], f"{where} > {p['name']}")
                                if (p["in"], p["name"]) in by_name else [f"{where} > {p['name']} is gone"])]
    return [] if old == new else [f"{where} was {old!r}, is now {new!r}"]


def document() -> dict:
    from netcompanion.api import api  # the routers import models: only once Django is set up

    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))


def test_the_openapi_document_only_grows():
    assert removed_or_changed(json.loads(SNAPSHOT.read_text()), document()) == []


def test_the_check_finds_a_removal_a_change_and_lets_additions_through():
    old = {"paths": {"/a": {"get": {"parameters": [{"in": "query", "name": "q", "required": False}],
                                    "summary": "A"}}}}
    grown = {"paths": {"/a": {"get": {"parameters": [{"in": "query", "name": "q", "required": False},
                                                     {"in": "query", "name": "limit"}],
                                      "summary": "A", "description": "more"}}, "/b": {}}}
    assert removed_or_changed(old, grown) == []
    assert removed_or_changed(old, {"paths": {"/a": {"get": {"parameters": [], "summary": "A"}}}}) == [
        "document > paths > /a > get > parameters > q is gone"]
    assert removed_or_changed(old, {"paths": {"/a": {"get": {"parameters": [{"in": "query", "name": "q",
                                                                             "required": True}],
                                                             "summary": "B"}}}}) == [
        "document > paths > /a > get > parameters > q > required was False, is now True",
        "document > paths > /a > get > summary was 'A', is now 'B'"]


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netcompanion.settings_test")
    django.setup()
    SNAPSHOT.write_text(json.dumps(document(), indent=1, sort_keys=True) + "\n")
