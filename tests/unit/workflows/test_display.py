"""What replies show of people and names: a person is a reference each platform draws, a typed name stays text."""

from workflows.display import draw_people, person, typed_text

MARKS = "\ue000\ue001"


def test_a_person_reference_is_drawn_by_the_platform_and_as_the_plain_id_by_default():
    text = f"{person('UANA1')} er lagt til som partner i Escola Azul."
    assert draw_people(text) == "UANA1 er lagt til som partner i Escola Azul."
    assert draw_people(text, lambda user: f"<@{user}>") == "<@UANA1> er lagt til som partner i Escola Azul."
    waiting = f"Venter på koordinator ({person('UKARI')}, {person('UOLA')})"
    assert draw_people(waiting, str.lower) == "Venter på koordinator (ukari, uola)"


def test_text_people_type_can_never_hold_a_person_reference():
    forged = f"Escola {person('UBOSS')} Azul"
    assert typed_text(forged) == "Escola UBOSS Azul"
    assert not set(MARKS) & set(typed_text(forged))
    assert draw_people(f"stray {MARKS[0]}marks{MARKS[1]}{MARKS[1]}", lambda user: "!") == "stray !"
    assert draw_people(f"half {MARKS[0]}open", lambda user: "!") == "half open"
