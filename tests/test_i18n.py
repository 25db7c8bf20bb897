"""Every word a person can see is marked for translation, and every language we offer has all of them."""

import pytest
from django.conf import settings

from netcompanion.core import i18n_checks

TRANSLATIONS = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def test_no_template_shows_a_word_that_is_not_marked_for_translation():
    unmarked = [finding for template in i18n_checks.templates() for finding in i18n_checks.unmarked_in(template)]
    assert not unmarked, (f"{len(unmarked)} unmarked texts; wrap them in {{% translate %}} or {{% blocktranslate %}}:\n"
                          + "\n".join(map(str, unmarked)))


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_marked_message_is_translated_and_none_is_fuzzy(language):
    states = i18n_checks.regathered(language)
    assert states, f"no {language} catalogue"
    incomplete = [state for state in states if not state.complete]
    listing = "\n".join(f"{state.catalogue.relative_to(state.catalogue.parents[4])}: {state.untranslated} missing, "
                        f"{state.fuzzy} fuzzy" for state in incomplete)
    assert not incomplete, f"run `make catalogues LANG_CODE={language}`, then translate:\n{listing}"
