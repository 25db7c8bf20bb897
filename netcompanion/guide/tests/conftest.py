import functools
import shutil

import pytest

from netcompanion.guide import pages, views


@pytest.fixture
def guide_without_translations(tmp_path, monkeypatch):
    """The guide's views read the English pages and an empty Swedish folder, as on the day a language starts."""
    for path in pages.CONTENT_DIR.glob("*.md"):
        shutil.copy(path, tmp_path)
    (tmp_path / "sv").mkdir()
    monkeypatch.setattr(views, "get_page", functools.partial(pages.get_page, content_dir=tmp_path))
