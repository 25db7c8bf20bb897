"""Every write that can raise an alert goes through its action: the record services raise nothing themselves, so a
view, API route or command that called a service directly would skip the alert check."""

import ast
from pathlib import Path

import netcompanion

PACKAGE = Path(netcompanion.__file__).parent
RECORD_SERVICES = ("diary", "labs", "navigator", "medicines")
# The service writes whose action assesses them, by module.
ASSESSED = {
    "netcompanion.diary.services": {"record_entries", "record_entry", "change_entry", "delete_entry", "record_episode",
                                    "delete_episode"},
    "netcompanion.labs.services": {"record_result", "change_result"},
    "netcompanion.navigator.services": {"run_navigator"},
    "netcompanion.relatives.services": {"add_entry"},
}
# relatives.services.add_entry writes the relative's diary day; relatives.actions.add_entry assesses it.
CALLERS_ALLOWED = {"netcompanion/relatives/services.py"}


def _calls_to_assessed_writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    modules, names = {}, {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in ASSESSED:
                    modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                elif alias.name in ASSESSED.get(node.module, ()):
                    names[alias.asname or alias.name] = alias.name
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.attr in ASSESSED.get(
                modules.get(func.value.id, ""), ()):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {func.value.id}.{func.attr}")
        elif isinstance(func, ast.Name) and func.id in names:
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {func.id}")
    return found


def test_the_record_services_do_not_raise_alerts_themselves():
    for app in RECORD_SERVICES:
        assert "netcompanion.alerts" not in (PACKAGE / app / "services.py").read_text(), app


def test_only_actions_call_the_writes_that_raise_alerts():
    callers = []
    for path in PACKAGE.rglob("*.py"):
        relative = str(path.relative_to(PACKAGE.parent))
        if "tests" in path.parts or path.name == "actions.py" or relative in CALLERS_ALLOWED:
            continue
        callers += _calls_to_assessed_writes(path)
    assert callers == [], "call the app's action (actions.py), which checks the alert rules"
