"""The sentence splitter on the cases wire copy throws at it."""

from __future__ import annotations

from geomap.text import split_sentences


def _texts(text: str) -> list[str]:
    sents = split_sentences(text)
    for s in sents:
        assert text[s.start:s.end] == s.text  # offsets always point into the article
    return [s.text for s in sents]


def test_abbreviations_dates_and_fractions_do_not_split():
    text = ("Drills run between Dec. 21 and Dec. 27 near the U.S. base. It was his first visit in 3-1/2 years. "
            "Gen. Valery Gerasimov was there.")
    assert _texts(text) == [
        "Drills run between Dec. 21 and Dec. 27 near the U.S. base.",
        "It was his first visit in 3-1/2 years.",
        "Gen. Valery Gerasimov was there.",
    ]


def test_initialism_ends_a_sentence_before_a_usual_opener():
    assert _texts("Troops came from the U.S. The base is new.") == ["Troops came from the U.S.", "The base is new."]


def test_quotes_close_after_the_full_stop():
    text = '"We control the town." He said it twice. "Is it safe?" she asked.'
    assert _texts(text) == ['"We control the town."', "He said it twice.", '"Is it safe?" she asked.']


def test_run_in_capital_subhead_is_a_heading_not_text():
    text = "It was not clear when the exercises will start. AIR RAIDS\n\nOn Monday, air raids hit Kyiv."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["It was not clear when the exercises will start.",
                                      "On Monday, air raids hit Kyiv."]
    assert [s.paragraph for s in sents] == [0, 1]


def test_standalone_heading_line_is_dropped():
    assert _texts("KISSINGER CALLS FOR NEGOTIATION\n\nHenry Kissinger said so.") == ["Henry Kissinger said so."]


def test_lines_are_paragraphs_when_the_lines_end_sentences():
    # wire copy pasted one paragraph a line (the headline's line may end without a stop)
    one_a_line = ("Gunmen kill 12 in Zamfara\nGunmen killed 12 villagers on Monday.\nPolice said they fled.\n"
                  "A curfew began.")
    assert [s.paragraph for s in split_sentences(one_a_line)] == [0, 1, 2, 3]
    # hard-wrapped text ends most lines mid-sentence: its line breaks are spaces, blank lines still part paragraphs
    wrapped = ("Gunmen killed 12 villagers in the north on\nMonday, police said. They fled on motorbikes\n"
               "towards the forest.\n\nA curfew began.")
    assert [s.paragraph for s in split_sentences(wrapped)] == [0, 0, 1]
    assert split_sentences(wrapped)[0].text == "Gunmen killed 12 villagers in the north on\nMonday, police said."
