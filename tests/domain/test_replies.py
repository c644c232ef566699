"""The STOP-word table: what a texted reply means, read as the desk reads it."""

from __future__ import annotations

import pytest

from contact_desk.domain.consent import ConsentState, Purpose
from contact_desk.domain.replies import KEYWORDS, RECORDED, ReplyMeaning, read_reply

OPT_OUT_WORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]
OPT_IN_WORDS = ["START", "UNSTOP", "YES"]
HELP_WORDS = ["HELP", "INFO"]


def test_the_table_holds_every_keyword_and_nothing_else():
    assert KEYWORDS == {**dict.fromkeys(OPT_OUT_WORDS, ReplyMeaning.OPT_OUT),
                        **dict.fromkeys(OPT_IN_WORDS, ReplyMeaning.OPT_IN),
                        **dict.fromkeys(HELP_WORDS, ReplyMeaning.HELP)}


def test_an_opt_out_is_of_every_text_and_an_opt_in_of_transactional_texts_only():
    assert RECORDED[ReplyMeaning.OPT_OUT] == (ConsentState.OPTED_OUT, tuple(Purpose))
    assert RECORDED[ReplyMeaning.OPT_IN] == (ConsentState.OPTED_IN, (Purpose.TRANSACTIONAL,))
    assert ReplyMeaning.HELP not in RECORDED and ReplyMeaning.NOT_A_KEYWORD not in RECORDED


def casings(word: str) -> list[str]:
    return [word, word.lower(), word.capitalize(), word[0].lower() + word[1:]]


@pytest.mark.parametrize("word", OPT_OUT_WORDS + OPT_IN_WORDS + HELP_WORDS)
def test_every_keyword_in_any_case_with_spaces_and_punctuation_around_it(word):
    for said in casings(word):
        for text in (said, f"  {said}  ", f"{said}.", f"{said}!", f" {said}?! ", f'"{said}"',
                     f"\t{said}\n", f"🛑{said}🛑"):
            assert read_reply(text).meaning is KEYWORDS[word], text
            assert read_reply(text).keyword == word


@pytest.mark.parametrize("word", OPT_OUT_WORDS + HELP_WORDS)
def test_an_opt_out_or_help_word_first_counts_whatever_follows_it(word):
    for text in (f"{word} please", f"{word.capitalize()}. Thanks", f"{word.lower()}, now!",
                 f"{word}\nsent from my phone"):
        assert read_reply(text).meaning is KEYWORDS[word], text


@pytest.mark.parametrize("word", OPT_IN_WORDS)
def test_an_opt_in_counts_only_said_alone(word):
    for text in (f"{word} please", f"{word}, but stop texting me", f"{word.lower()} ok"):
        reading = read_reply(text)
        assert reading.meaning is ReplyMeaning.NOT_A_KEYWORD, text
        assert reading.worth_reading  # a person sees it, and may record what it means


@pytest.mark.parametrize("text", ["OPT OUT", "opt-out", "Opt out please", "OPTOUT"])
def test_opt_out_is_one_keyword_in_any_of_its_spellings(text):
    assert read_reply(text).keyword == "OPTOUT"


@pytest.mark.parametrize("text", ["please stop", "I want to opt out", "Can you stop texting",
                                  "Don't STOP", "ok. STOP"])
def test_a_keyword_further_in_is_no_keyword_but_is_worth_a_person_s_reading(text):
    reading = read_reply(text)
    assert reading.meaning is ReplyMeaning.NOT_A_KEYWORD and reading.keyword == ""
    assert reading.worth_reading


@pytest.mark.parametrize("text", ["", "   ", "...", "Thanks!", "stopped", "STOP123", "STOPS",
                                  "Ending soon?", "adopt outside", "S T O P", "yesterday"])
def test_anything_else_is_not_a_keyword(text):
    reading = read_reply(text)
    assert reading.meaning is ReplyMeaning.NOT_A_KEYWORD and not reading.worth_reading


def test_full_width_letters_are_the_letters_they_look_like():
    assert read_reply("ＳＴＯＰ").keyword == "STOP"
