"""Who acted: armed groups by name, forces by demonym ("Russian drones"), states named as acting, police, gunmen."""

from __future__ import annotations

import re

from geomap.patterns import lower_regex, lowered_text

#: Named groups and agents: pattern (case-insensitive) -> actor name.
ACTOR_GROUPS = {
    r"wagner": "Wagner Group", r"houthis?|ansar allah": "Houthis", r"rsf|rapid support forces": "RSF",
    r"hamas": "Hamas", r"hezbollah": "Hezbollah", r"islamic jihad": "Palestinian Islamic Jihad",
    r"idf|israel defen[cs]e forces": "Israeli forces", r"saf|sudanese armed forces|sudanese army": "Sudanese army",
    r"al-shabaab|al shabaab": "al-Shabaab", r"jnim": "JNIM", r"islamic state|isis|isil": "Islamic State",
    r"m23": "M23", r"taliban": "Taliban", r"boko haram": "Boko Haram",
    r"syrian democratic forces|sdf": "SDF", r"arakan army": "Arakan Army", r"pkk|kurdistan workers'? party": "PKK",
    r"allied democratic forces": "ADF", r"iswap|islamic state west africa province": "Islamic State",
    r"codeco": "CODECO", r"farc": "FARC", r"eln": "ELN", r"oromo liberation army": "Oromo Liberation Army",
    r"fano (?:militias?|militiamen|fighters)": "Fano militia", r"hts|hayat tahrir al-sham": "HTS",
    r"protesters|demonstrators": "Protesters", r"rioters": "Rioters",
    r"(?:(?:riot |anti-riot )?police(?:men)?|security forces|gendarmes)(?=\s+(?:\w+\s+)?(?:fired|used|dispersed|"
    r"clashed|arrested|beat|shot|killed|opened|charged|raided|detained|stormed|attacked|broke up|cracked down))":
    "Police forces",
    r"(?:unidentified |unknown |masked |armed )?(?:gunmen|assailants|attackers)|bandits|armed men":
    "Unidentified armed group",
}
_ACTOR_GROUP_RE = re.compile(r"\b(?:" + "|".join(f"(?P<g{i}>{p})" for i, p in enumerate(ACTOR_GROUPS)) + r")\b",
                             re.I)
#: The same over lower-cased text without re.I: about twice as fast (see `patterns.lower_regex`).
_ACTOR_GROUP_LOW = re.compile(lower_regex(_ACTOR_GROUP_RE.pattern))
_GROUP_NAMES = list(ACTOR_GROUPS.values())
_ACTOR_FORCES = re.compile(
    r"(?<!\w)(?P<d>(?:U\.S\.|U\.K\.|US|UK|[A-Z][a-z]+) and [A-Z][a-z]+|U\.S\.|U\.K\.|US|UK|"
    r"[A-Z][a-z]+(?:-backed|-led)?)\s+"
    r"(?:forces|troops|army|military|soldiers|"
    r"drones|missiles|air raids|air strikes|airstrikes|strikes|warplanes|jets|artillery|navy|aircraft|shelling|"
    r"attacks?|militants|fighters|rebels|units)\b")
#: States that news names as the one acting ("Russia fired 122 missiles") -> their forces.
COUNTRY_FORCE = {"Russia": "Russian forces", "Ukraine": "Ukrainian forces", "Israel": "Israeli forces",
                 "Iran": "Iranian forces", "Azerbaijan": "Azerbaijani forces", "Armenia": "Armenian forces",
                 "Belarus": "Belarusian forces", "Syria": "Syrian forces", "Turkey": "Turkish forces",
                 "Sudan": "Sudanese army", "Mali": "Malian forces", "Myanmar": "Myanmar military",
                 "China": "Chinese forces", "Poland": "Polish forces", "Lebanon": "Lebanese forces"}
_STATE_ATTACKS = re.compile(r"\b(?P<c>" + "|".join(COUNTRY_FORCE) + r")(?:['’]s\s+(?:forces|army|military|troops)|"
                            r"\s+said\s+(?:that\s+)?its\s+(?:forces|army|military|troops|jets|warplanes|navy|drones|"
                            r"air\s+force))?"
                            r"\s+(?:\w+\s+){0,2}?(?:launched|fired|attacked|struck|shelled|bombed|hit|pounded|targeted|"
                            r"invaded|shot down|captured|seized|retook|carried out|conducted|mounted|staged|began|"
                            r"begun|started|raided|entered|advanced)\b")
DEMONYM_FORCE = {"Russian": "Russian forces", "Ukrainian": "Ukrainian forces", "Israeli": "Israeli forces",
                 "Chinese": "Chinese forces", "Belarusian": "Belarusian forces", "Iranian": "Iranian forces",
                 "Syrian": "Syrian forces", "Sudanese": "Sudanese army", "Azerbaijani": "Azerbaijani forces",
                 "Armenian": "Armenian forces", "Malian": "Malian forces", "American": "US forces",
                 "U.S.": "US forces", "U.K.": "British forces", "Turkish": "Turkish forces",
                 "Lebanese": "Lebanese forces", "Palestinian": "Palestinian militants", "Yemeni": "Yemeni forces",
                 "Burkinabe": "Burkinabe forces", "Nigerien": "Nigerien forces", "Georgian": "Georgian forces",
                 "British": "British forces", "Nigerian": "Nigerian forces", "Kenyan": "Kenyan forces",
                 "Somali": "Somali forces", "Afghan": "Afghan forces", "Iraqi": "Iraqi forces",
                 "Pakistani": "Pakistani forces", "Indian": "Indian forces", "Congolese": "Congolese forces",
                 "US": "US forces", "UK": "British forces", "Saudi": "Saudi forces", "Emirati": "Emirati forces",
                 "Egyptian": "Egyptian forces", "Jordanian": "Jordanian forces", "Ethiopian": "Ethiopian forces",
                 "Eritrean": "Eritrean forces", "Rwandan": "Rwandan forces", "Ugandan": "Ugandan forces",
                 "Chadian": "Chadian forces", "Cameroonian": "Cameroonian forces", "French": "French forces",
                 "Colombian": "Colombian forces", "Mexican": "Mexican forces", "Haitian": "Haitian forces",
                 "Philippine": "Philippine forces", "Thai": "Thai forces", "Mozambican": "Mozambican forces"}

#: The state whose forces each force actor is (ISO-2), for ACLED's actor types (home: state forces, abroad:
#: external forces). "Congolese forces" is left out: the word names two states.
FORCE_COUNTRY = {
    "Russian forces": "RU", "Ukrainian forces": "UA", "Israeli forces": "IL", "Chinese forces": "CN",
    "Belarusian forces": "BY", "Iranian forces": "IR", "Syrian forces": "SY", "Sudanese army": "SD",
    "Azerbaijani forces": "AZ", "Armenian forces": "AM", "Malian forces": "ML", "US forces": "US",
    "British forces": "GB", "Turkish forces": "TR", "Lebanese forces": "LB", "Yemeni forces": "YE",
    "Burkinabe forces": "BF", "Nigerien forces": "NE", "Georgian forces": "GE", "Nigerian forces": "NG",
    "Kenyan forces": "KE", "Somali forces": "SO", "Afghan forces": "AF", "Iraqi forces": "IQ",
    "Pakistani forces": "PK", "Indian forces": "IN", "Myanmar military": "MM", "Polish forces": "PL",
    "Saudi forces": "SA", "Emirati forces": "AE", "Egyptian forces": "EG", "Jordanian forces": "JO",
    "Ethiopian forces": "ET", "Eritrean forces": "ER", "Rwandan forces": "RW", "Ugandan forces": "UG",
    "Chadian forces": "TD", "Cameroonian forces": "CM", "French forces": "FR", "Colombian forces": "CO",
    "Mexican forces": "MX", "Haitian forces": "HT", "Philippine forces": "PH", "Thai forces": "TH",
    "Mozambican forces": "MZ",
}

def actors(text: str) -> list[str]:
    """The actors a sentence names, in the order written, without repeats."""
    found: list[tuple[int, str]] = []
    for m in _ACTOR_FORCES.finditer(text):
        d = m.group("d")
        parts = d.split(" and ") if " and " in d else [d]
        for k, part in enumerate(parts):
            name = DEMONYM_FORCE.get(part.split("-")[0])
            if name:
                found.append((m.start() + k, name))  # "U.S. and British": in the order written
    lowered = lowered_text(text)
    groups = _ACTOR_GROUP_LOW.finditer(lowered) if lowered is not None else _ACTOR_GROUP_RE.finditer(text)
    for m in groups:
        found.append((m.start(), _GROUP_NAMES[int(m.lastgroup[1:])]))
    for m in _STATE_ATTACKS.finditer(text):  # "Russia fired 122 missiles": the state's forces acted
        found.append((m.start(), COUNTRY_FORCE[m.group("c")]))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out
