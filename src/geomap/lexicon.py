"""Word lists the language steps share: titles, demonyms, generic place words, common English words.

Kept apart from the steps so each list is written once and can be extended without touching logic.
"""

from __future__ import annotations

from functools import lru_cache

#: Words that introduce a person ("Governor Oleskiy Kuleba", "Mayor Vitali Klitschko").
TITLES = frozenset(
    """president presidents prime minister ministers mayor governor governors gen general lt col colonel major
    captain commander spokesman spokeswoman spokesperson chief head leader king queen prince princess sheikh emir
    sultan ambassador envoy secretary senator rep representative mr mrs ms dr prof pope patriarch bishop
    chancellor premier deputy aide adviser advisor administrator sergeant sgt lieutenant admiral marshal
    officer official officials foreign defence defense interior judge prosecutor lawyer""".split()
)

#: Nationality adjectives and collective nouns: actors ("Russian drones"), not places.
DEMONYMS = frozenset(
    """afghan african albanian algerian american armenian asian australian austrian azerbaijani azeri bahraini
    belarusian belarussian belgian bolivian bosnian brazilian british bulgarian burkinabe burmese cambodian
    cameroonian canadian chadian chechen chilean chinese colombian congolese croatian cuban cypriot czech danish
    dutch egyptian emirati english eritrean estonian ethiopian european filipino finnish french georgian german
    ghanaian greek haitian hungarian indian indonesian iranian iraqi irish israeli italian ivorian japanese
    jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz latvian lebanese libyan lithuanian malian
    malaysian mauritanian mexican moldovan mongolian moroccan mozambican nepali nigerian nigerien norwegian omani
    pakistani palestinian polish portuguese qatari romanian russian rwandan saudi scottish serbian slovak slovenian
    somali sudanese spanish swedish swiss syrian taiwanese tajik tanzanian thai tunisian turkish turkmen
    ugandan ukrainian uzbek venezuelan vietnamese welsh western eastern yemeni zambian zimbabwean soviet
    ukrainians russians israelis palestinians americans syrians iranians houthi houthis kremlin pentagon""".split()
)

#: Words after a name that say what kind of place it is.
REGION_WORDS = frozenset("region regions oblast oblasts province provinces governorate governorates state "
                         "states county counties krai oblast' territory territories".split())
CITY_WORDS = frozenset("city town village villages towns cities settlement hamlet port suburb".split())
DISTRICT_WORDS = frozenset("district districts neighbourhood neighborhood quarter raion".split())

#: Capitalised words that are never places on their own, whatever a gazetteer says.
NEVER_PLACES = frozenset(
    """the a an and or but of in on at to for with from by as it he she they we i you this that these those there
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december god mr mrs ms said says according however meanwhile also after before
    north south east west northern southern eastern western central army navy air force forces police
    parliament government ministry council court military war world union church""".split()
)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent lower-case English dictionary words ("nice", "reading", "split"), from two PyPI word lists.

    A capitalised token that is one of these is only taken as a place with more evidence than its capital letter:
    at the start of a sentence the capital says nothing.
    """
    import wordfreq
    from english_words import get_english_words_set

    dictionary = get_english_words_set(["gcide"], lower=True, alpha=True)
    return frozenset(dictionary & set(wordfreq.top_n_list("en", 60000)))
