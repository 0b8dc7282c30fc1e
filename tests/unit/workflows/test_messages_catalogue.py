import pytest

from bot.messages import say as chat_say
from core.catalogue import Catalogue
from core.language import Language
from workflows.messages import say


def test_a_key_defined_in_two_parts_of_the_catalogue_is_refused():
    with pytest.raises(ValueError, match=r"role\.partner"):
        Catalogue(
            {"role.partner": ("partner i {partner}", "partner at {partner}")}, {"role.partner": ("p", "p")}
        )


def test_every_part_of_the_catalogue_is_reachable_in_both_languages():
    assert say("help.title", Language.NB) != say("help.title", Language.EN)
    assert say("remind.empty", Language.EN) == "No reminders planned."
    assert chat_say("chat.helpful", Language.NB) == "👍 Nyttig"
    assert chat_say("help.title", Language.EN) == say("help.title", Language.EN)
