"""Pure parts of the partner page: choosing the language, cleaning names and addresses, CSRF tokens, the limiter."""

from __future__ import annotations

import pytest

from bot.web.language import choose_language
from bot.web.security import Csrf, RateLimiter
from core.language import Language
from workflows.links.errors import InvalidEmail, InvalidName
from workflows.links.names import LABEL_MAX, clean_email, clean_name, link_label
from workflows.links.tokens import same_hash, token_hash


@pytest.mark.parametrize(
    ("choice", "header", "expected"),
    [
        (None, "nb-NO,nb;q=0.9,en;q=0.8", Language.NB),
        (None, "nn", Language.NB),
        (None, "de-DE,en;q=0.5,nb;q=0.4", Language.EN),
        (None, "en;q=0.2,no;q=0.7", Language.NB),
        (None, "pt-PT", Language.EN),
        (None, "nb;q=0, en;q=0", Language.EN),
        (None, None, Language.EN),
        ("nb", "en-GB", Language.NB),
        ("xx", "nb", Language.NB),
    ],
)
def test_the_language_comes_from_the_switch_else_accept_language_else_english(
    choice: str | None, header: str | None, expected: Language
) -> None:
    assert choose_language(choice, header) is expected


def test_names_keep_letters_digits_and_simple_punctuation_only() -> None:
    assert clean_name("  Åse   Ødegård-Lund ") == "Åse Ødegård-Lund"
    assert clean_name("<@U123> @channel [x](http://e.vil)") == "U123 channel xhttpe.vil"
    assert clean_name("José O’Neil") == "José O’Neil"
    assert len(clean_name("a" * 500)) == 60
    with pytest.raises(InvalidName):
        clean_name("<<>>!!")


def test_the_audit_label_fits_the_user_id_column() -> None:
    assert link_label("Ana", "Escola Azul") == "Ana (via link for Escola Azul)"
    long = link_label("A" * 60, "P" * 300)
    assert len(long) <= LABEL_MAX and long.startswith("A" * 60 + " (via link for PPP") and long.endswith("…)")


def test_e_mail_addresses_must_be_one_plain_address() -> None:
    assert clean_email(" <ana@escola.example> ") == "ana@escola.example"
    for bad in ("ana", "a@b", "a@b.example, c@d.example", "Ana <a@b.example>", "a@@b.example"):
        with pytest.raises(InvalidEmail):
            clean_email(bad)


def test_csrf_tokens_belong_to_one_cookie_and_one_key() -> None:
    csrf, other = Csrf(b"k1"), Csrf(b"k2")
    cookie = Csrf.new_cookie()
    token = csrf.token_for(cookie)
    assert csrf.valid(cookie=cookie, token=token)
    assert not csrf.valid(cookie=Csrf.new_cookie(), token=token)
    assert not other.valid(cookie=cookie, token=token)
    assert not csrf.valid(cookie=None, token=token) and not csrf.valid(cookie=cookie, token="ø")


def test_the_limiter_counts_per_address_in_a_sliding_window() -> None:
    now = [0.0]
    limiter = RateLimiter(limit=2, window_seconds=60, clock=lambda: now[0])
    assert [limiter.allow("a"), limiter.allow("a"), limiter.allow("a"), limiter.allow("b")] == [
        True,
        True,
        False,
        True,
    ]
    now[0] = 60.5
    assert limiter.allow("a")


def test_hashes_are_compared_whole() -> None:
    assert same_hash(token_hash("x"), token_hash("x"))
    assert not same_hash(token_hash("x"), token_hash("y"))
