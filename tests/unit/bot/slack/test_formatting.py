"""Plain text into safe Slack mrkdwn: escaping, defused broadcasts, links, mentions, clipping and chunking."""

import pytest

from bot.slack.blocks import fallback_text_of
from bot.slack.formatting import SECTION_LIMIT, chunks, clip, escape, link, mention, mrkdwn
from workflows.display import person

WJ = "\u2060"  # the word joiner escape() puts after "@"


def test_escape_replaces_the_three_control_characters():
    assert escape("Tom & Jerry <b> 1 > 0") == "Tom &amp; Jerry &lt;b&gt; 1 &gt; 0"


def test_escape_does_not_double_escape_its_own_output_characters():
    assert escape("&amp;") == "&amp;amp;"  # user text that looks escaped is shown as typed


@pytest.mark.parametrize("word", ["channel", "here", "everyone", "Channel", "HERE", "EveryOne"])
def test_broadcasts_in_any_case_are_defused_with_a_word_joiner(word):
    assert escape(f"Hei @{word}!") == f"Hei @{WJ}{word}!"


def test_a_typed_special_mention_becomes_visible_text():
    assert escape("<!channel> and <!here>") == "&lt;!channel&gt; and &lt;!here&gt;"


def test_words_that_only_start_like_a_broadcast_are_left_alone():
    assert escape("@channels @heretic @everyones") == "@channels @heretic @everyones"


def test_mrkdwn_turns_double_stars_into_slack_bold_and_escapes():
    assert mrkdwn("**Frist** er <snart> & **viktig**") == "*Frist* er &lt;snart&gt; &amp; *viktig*"


def test_mrkdwn_leaves_single_stars_alone():
    assert mrkdwn("*already* bold") == "*already* bold"


def test_link_wraps_url_and_label():
    assert link("https://erasmuspluss.no/a", "Sluttrapport") == "<https://erasmuspluss.no/a|Sluttrapport>"


def test_link_url_cannot_close_the_link_or_start_a_label():
    assert link("https://x.no/a>b|c", "ok") == "<https://x.no/a%3Eb%7Cc|ok>"


def test_link_label_is_escaped_and_cannot_close_the_link():
    result = link("https://x.no", "a | b > c & @here")
    assert result == f"<https://x.no|a ¦ b &gt; c &amp; @{WJ}here>"
    assert result.count("|") == 1 and result.count(">") == 1


@pytest.mark.parametrize("user_id", ["U123ABC", "W0XYZ9", "UBOT"])
def test_mention_of_a_slack_shaped_id(user_id):
    assert mention(user_id) == f"<@{user_id}>"


@pytest.mark.parametrize(
    ("user_id", "shown"),
    [
        ("u123", "u123"),  # lower case is not a Slack id
        ("B123", "B123"),  # bots and other prefixes are not people
        ("U1", "U1"),  # too short
        ("U123>|<!channel", "U123&gt;|&lt;!channel"),
        ("29:1abc-teams-id", "29:1abc-teams-id"),
        ("@here", f"@{WJ}here"),
    ],
)
def test_mention_of_anything_else_is_plain_escaped_text(user_id, shown):
    assert mention(user_id) == shown
    assert "<@" not in mention(user_id)


def test_clip_leaves_short_text_alone():
    assert clip("short", 10) == "short"
    assert clip("x" * 10, 10) == "x" * 10


def test_clip_shortens_to_the_limit_and_ends_with_an_ellipsis():
    clipped = clip("word " * 100, 50)
    assert len(clipped) <= 50 and clipped.endswith("…")
    assert clipped.startswith("word word")


def test_clip_never_cuts_an_entity_in_half():
    text = "a" * 8 + "&amp;" + "b" * 20
    for limit in range(9, 14):  # every cut that would land inside "&amp;"
        clipped = clip(text, limit)
        assert clipped == "a" * 8 + "…", limit
    assert clip(text, 15) == "a" * 8 + "&amp;b…"  # a whole entity stays


def test_clip_never_cuts_a_link_in_half():
    text = (
        "See " + link("https://erasmuspluss.no/skoleutvekslingspartnerskap", "HK-dir") + " for more text here"
    )
    for limit in range(6, len(text)):
        clipped = clip(text, limit)
        assert len(clipped) <= limit and clipped.endswith("…")
        assert clipped.count("<") == clipped.count(">"), clipped
    assert clip(text, 40) == "See…"


def test_clip_keeps_a_complete_link_before_the_cut():
    whole = "<https://x.no|x>"
    assert clip(whole + " tail" * 20, 27) == whole + " tail tail…"


def test_chunks_keep_short_text_as_one_piece():
    assert chunks("one\ntwo") == ["one\ntwo"]
    assert chunks("") == [""]


def test_chunks_split_at_line_ends_within_the_limit_and_keep_every_line():
    lines = [f"line {i}: " + "x" * 90 for i in range(100)]  # ~10 000 characters
    pieces = chunks("\n".join(lines))
    assert len(pieces) >= 4
    assert all(len(piece) <= SECTION_LIMIT for piece in pieces)
    assert [line for piece in pieces for line in piece.split("\n")] == lines


def test_chunks_respect_a_smaller_limit():
    pieces = chunks("aaaa\nbbbb\ncccc", limit=9)
    assert pieces == ["aaaa\nbbbb", "cccc"]


def test_chunks_clip_a_single_line_longer_than_the_limit():
    pieces = chunks("intro\n" + "y" * 50 + "\nend", limit=20)
    assert pieces[0] == "intro"
    assert len(pieces[1]) <= 20 and pieces[1].endswith("…")
    assert pieces[-1] == "end"


def test_clip_keeps_a_complete_link_whose_url_has_an_ampersand():
    whole = link("https://x.no/?a=1&b=2", "Kilde")
    assert clip(whole + " " + "x" * 100, 50).startswith(whole)


def test_a_person_in_a_reply_is_drawn_as_a_mention_and_typed_text_never_becomes_one():
    added = f"{person('UANAC62D26C4')} er lagt til som partner i <@UBOSS> & @channel."
    drawn = mrkdwn(added)
    assert drawn == f"<@UANAC62D26C4> er lagt til som partner i &lt;@UBOSS&gt; &amp; @{WJ}channel."
    assert fallback_text_of(added).startswith("<@UANAC62D26C4> er lagt til")  # the notification names her too
    assert mrkdwn(f"Folk: {person('web:ana@x.pt')}") == "Folk: web:ana@x.pt"  # not a Slack user: plain text
    assert mrkdwn(f"{person('<!channel>')}") == "&lt;!channel&gt;"
