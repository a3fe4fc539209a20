"""Armed groups and agents by name: the table of names the news uses for them (data: pattern -> ACLED-style actor
name), and groups the table lacks, named in the way armed groups name themselves ("the Kachin Independence Army")."""

from __future__ import annotations

from geomap.patterns import Pattern

#: ACLED's name for armed people no one names.
UNIDENTIFIED = "Unidentified armed group"
#: Named groups and agents: pattern (case-insensitive) -> actor name.
ACTOR_GROUPS = {
    r"wagner": "Wagner Group", r"houthis?|ansar allah": "Houthis", r"rsf|rapid support forces": "RSF",
    r"(?:islamist|jihadist) (?:militants|insurgents|fighters|rebels|gunmen)": "Islamist militants",
    r"kata'?ib hezbollah|kata'?ib hizbollah": "Kataib Hezbollah",
    r"asa'?ib ahl al-haq": "Asaib Ahl al-Haq",
    r"popular mobili[sz]ation forces|pmf|hashd al-shaabi": "Popular Mobilization Forces",
    r"dawlah islamiyah": "Dawlah Islamiyah",
    r"(?:ambazonian?|anglophone) (?:separatists|fighters|rebels|militias?)|amba boys": "Ambazonian separatists",
    r"hamas": "Hamas", r"hezbollah": "Hezbollah", r"islamic jihad": "Palestinian Islamic Jihad",
    r"idf|israel defen[cs]e forces": "Israeli forces",
    r"saf|(?<!south )sudanese (?:armed forces|army)": "Sudanese army",  # not "a South Sudanese army general"
    r"al-shabaab|al shabaab": "al-Shabaab", r"jnim|jama'?at nusrat al-islam wal-muslimin": "JNIM",
    r"islamic state|isis|isil": "Islamic State",
    r"m23": "M23", r"taliban": "Taliban", r"boko haram": "Boko Haram",
    r"syrian democratic forces|sdf": "SDF", r"arakan army": "Arakan Army", r"pkk|kurdistan workers'? party": "PKK",
    r"allied democratic forces|adf": "ADF", r"iswap|islamic state west africa province": "Islamic State",
    r"codeco": "CODECO", r"farc": "FARC", r"eln": "ELN", r"oromo liberation army": "Oromo Liberation Army",
    r"fano (?:militias?|militiamen|fighters)": "Fano militia", r"white army": "White Army",
    r"arakan rohingya salvation army|arsa": "ARSA", r"rohingya solidarity organi[sz]ation|rso": "RSO",
    r"hts|hayat tahrir al-sham": "HTS", r"ta'ang national liberation army|tnla": "TNLA",
    r"myanmar national democratic alliance army|mndaa": "MNDAA", r"jihadists|islamists": "Islamist militants",
    r"baloch liberation army|bla": "Baloch Liberation Army",
    r"baloch (?:separatists|militants|insurgents|rebels)": "Baloch separatists",
    r"the resistance front|trf": "The Resistance Front",
    r"lashkar-e-tayy?[ai]ba": "Lashkar-e-Taiba", r"jaish-e-mohamm[ae]d|jem": "Jaish-e-Mohammed",
    r"tehr[ei]e?k-e-taliban pakistan|ttp|pakistani taliban": "TTP", r"comando vermelho": "Comando Vermelho",
    r"sinaloa cartel|jalisco new generation cartel|cjng": "Drug cartel", r"tren de aragua": "Tren de Aragua",
    r"al-qaeda|al qaeda|aqap": "al-Qaeda", r"abu sayyaf": "Abu Sayyaf",
    r"gulf clan|clan del golfo": "Gulf Clan",
    # identity militias named by their community: "clashes between Druze militias and Sunni Bedouin tribes"
    r"druze (?:militias?|militiamen|fighters|gunmen|factions)": "Druze militia",
    r"(?:sunni )?bedouin (?:tribes|tribesmen|fighters|gunmen|militias?|clans)": "Bedouin militia",
    r"(?:clan|tribal) (?:militias?|militiamen|fighters|gunmen)|armed tribesmen": "Clan militia",
    r"new people'?s army|npa|communist (?:rebels|insurgents|guerrillas)": "NPA",
    r"maoists|maoist (?:rebels|insurgents|guerrillas|militants)|naxals|naxalites": "Maoist rebels",
    r"(?:armed |criminal |rival )?gangs|gang members|gangsters": "Gangs",
    r"people'?s defen[cs]e forces?|pdfs?|(?:anti-junta |anti-coup )?resistance fighters": "Resistance fighters",
    r"protesters|demonstrators": "Protesters",
    r"rioters|(?:angry\s+)?(?:crowds?|mobs?)(?=\s+(?:\w+\s+)?(?:attacked|stormed|ransacked|torched|set\s+fire|"
    r"burned|burnt|looted|lynched))": "Rioters",
    r"(?:israeli|jewish) settlers": "Israeli settlers",
    # settlers who act, or by whom something was done (not "troops guarding settlers"); whose they are is where it
    # happened (`actors.LOCAL_ACTORS`)
    r"(?:(?<=by\s)|(?<!guarding\s)(?<!protecting\s)(?<!escorting\s)(?:armed\s+|extremist\s+|radical\s+)?)"
    r"settlers(?:(?<=by\ssettlers)|(?=\s+(?:\w+\s+){0,3}?"
    r"(?:attacked|stormed|raided|torched|set\s+fire|burned|burnt|looted|rampaged|shot|killed|opened\s+fire|fired|"
    r"beat|threw|hurled|vandali[sz]ed|uprooted|destroyed|assaulted|stabbed|ran\s+over)))": "Settlers",
    r"(?:(?:riot |anti-riot )?police(?:men)?|security forces|gendarmes)"
    r"(?=(?:\s+and\s+(?:[\w-]+\s+)?(?:officers|soldiers|troops|forces))?"  # "police and Kenyan officers fought"
    r"\s+(?:in\s+(?:(?!(?:said|says|say|told|reported|reports|confirmed|believed?|added|stated)\b)[\w'’-]+\s+)"
    r"{1,6}?|\w+\s+)?"  # "Police in Kenya's coastal city of X arrested", not "Police in the city say gunmen killed"
    r"(?:fired|used|dispersed|clashed|fought|battled|arrested|beat|shot|killed|opened|charged|raided|detained|"
    r"stormed|attacked|"
    r"broke up|cracked down|(?:launched|conducted|carried out|mounted)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:raids?|"
    r"operations?|assaults?|crackdowns?)))":
    "Police forces",
    # the police as the other side of a fight: "students clashed with riot police", "clashes between youths and police"
    r"(?:clash(?:ed|es)?|fought|battled|scuffled|skirmished)\s+with\s+(?:the\s+)?(?:riot\s+|anti-riot\s+)?"
    r"(?:police(?:men)?|gendarmes)|between\s+(?:[\w-]+\s+){1,2}?and\s+(?:the\s+)?"
    r"(?:riot\s+|anti-riot\s+)?(?:police(?:men)?|gendarmes)|"
    r"between\s+(?:the\s+)?(?:riot\s+|anti-riot\s+)?(?:police(?:men)?|gendarmes)\s+and\s|"  # "police and protesters"
    # ... or as the agent of a passive act: "two protesters were shot dead by police"
    r"(?:shot|killed|wounded|injured|beaten|arrested|detained|dispersed)(?:\s+dead)?\s+by\s+(?:the\s+)?"
    r"(?:riot\s+|anti-riot\s+)?(?:police(?:men)?|gendarmes)": "Police forces",  # security forces: the state's
    r"(?:unidentified |unknown |masked |armed |lone )?(?:gunm[ae]n|assailants?|attackers?|shooters?)|bandits|"
    r"armed (?:men|youths?)|(?:suspected|unidentified|unknown) (?:militants|insurgents|rebels)|suicide bombers?":
    UNIDENTIFIED,
}

#: A group the table lacks, named as armed groups name themselves: a word of their cause, then what they are ("the
#: Kachin Independence Army", "the Lord's Resistance Army"); not a state's forces named by its demonym ("the Israeli
#: Army": no cause word) nor a body ("the National Security Council").
NAMED_GROUP = Pattern(
    "an armed group's own name",
    r"\b(?:(?!The\s)[A-Z][\w'’-]+\s+){0,3}(?:Independence|Liberation|Resistance|Revolutionary|Salvation|"
    r"Patriotic|Popular|People['’]?s|Democratic|Islamic|Free|National)\s+(?:[A-Z][\w'’-]+\s+){0,2}(?:Army|Front|"
    r"Movement|Brigades?|Militias?)\b",
    "The [Kachin Independence Army] said it had captured a border post.",
    "The Israeli Army said it had struck a border post.", flags=0)


#: The words that end such a name: a sentence without one names no such group (read before the pattern).
_GROUP_TAILS = ("Army", "Front", "Movement", "Brigade", "Militia")


def named_groups(text: str) -> list[tuple[int, str]]:
    """The groups `text` names by their own names (`NAMED_GROUP`), with where each starts."""
    if not any(w in text for w in _GROUP_TAILS):
        return []
    return [(m.start(), m.group()) for m in NAMED_GROUP.compiled.finditer(text)]
