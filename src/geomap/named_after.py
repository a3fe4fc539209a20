"""What a name of a place names when the words around it say it is something else: a street or square named after
the place, a criminal group named after its home, a saint's building, a people, a ship. Each is a named pattern
(`geomap.patterns`), read by recognition (`toponyms`) and by the event step's unknown names (`events.candidates`).
"""

from __future__ import annotations

from geomap.patterns import Pattern

#: A street or square named after a place lies elsewhere: "Palestine Square" is in Tehran, "Kyiv Avenue" in any city.
STREET_AFTER = Pattern(
    "a street named after the place",
    r" (?:Square|Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|Lane|Highway|Expressway)\b",
    "Crowds gathered in [Palestine] Square to celebrate.", "Crowds gathered in [Palestine] on Sunday.", "after",
    flags=0)
#: A criminal group named after its home: "the Sinaloa Cartel" fights in any city, "the Gulf Clan" is no gulf, nor is
#: "the Jalisco New Generation Cartel" in Jalisco.
GROUP_NAMED_AFTER = Pattern(
    "a criminal group named after the place", r" (?:[A-Z][\w-]+ ){0,3}?(?:[Dd]rug )?(?:Cartel|cartel|Clan)\b",
    "Rival factions of the [Sinaloa] Cartel fought in the city.", "Rival factions fought in [Sinaloa] state.",
    "after", flags=0)
#: A saint's possessive before a building's or a square's kind word names that building, not the town called after
#: the saint: "St. Peter's Square" is in Rome, "St. Michael's Hospital" in Toronto, neither in Saint Peter or Saint
#: Michael, Minnesota. A church adjective may stand between ("St. Mark's Coptic Cathedral"). A city's possessive
#: before another name stays the city ("St. Petersburg's Palace Square").
SAINT_BUILDING = Pattern(
    "a saint's building",
    r"(?:St|Saint|Ste)\.? [A-Z][a-z]+['’]s (?:(?:Coptic|Catholic|Anglican|Orthodox|Episcopal|Parish|Children['’]s|"
    r"General|Memorial) )?(?:Square|Hospital|Cathedral|Church|Basilica|Abbey|Chapel|College|School|University|"
    r"Hall|Infirmary|Academy)\b",
    "Pilgrims filled St. Peter's Square for the blessing.", "Police sealed off St. Petersburg's Palace Square.",
    flags=0)
#: A saint's name between the title and a church word names the church, not the town called after the saint: "the
#: Mar Elias church" in Damascus is no Elías in Colombia, "the San Marco basilica" no San Marco in Italy.
SAINT_CHURCH = Pattern(
    "a saint's church",
    r"(?:Mar|Mor|St\.?|Saint|Ste\.?|San|Santa|Sveti|Sfantul) (?:[A-Z][\w'’-]+ ){1,2}(?:[Cc]hurch|[Cc]athedral|"
    r"[Mm]onastery|[Cc]hapel|[Bb]asilica|[Cc]onvent|[Aa]bbey)\b",  # not "Parish": "St. Bernard Parish" is a county
    "A bomber struck the Mar Elias church in the capital.", "A bomber struck a church in Elias on Sunday.", flags=0)
#: A name before a word for a people names the people: "the Meitei and Kuki communities", "Anuak tribesmen" (Kuki
#: is also a Japanese city). A country's or region's name keeps its place ("Anbar tribesmen"), and a town's community
#: is its people ("the entire Buffalo community").
PEOPLE_AFTER = Pattern(
    "a people named before its word",
    r"\s+(?:communities|tribes?|tribesm[ae]n|clans?|ethnic\s+groups?|herders|herdsmen)\b",
    "Clashes between the Meitei and [Kuki] communities killed 54.",
    "The entire [Buffalo] community mourned the boy.", "after")
#: A day named after a town or a person is a holiday or a festival, no place: "a Lapu-Lapu Day street festival in
#: Vancouver" (Lapu-Lapu is also a Philippine city). A country's or region's day keeps its place ("Australia Day").
HOLIDAY_AFTER = Pattern("a holiday named after the name", r"\s+Day\b(?!\s+(?:After|Before|Of|Later|One|Two|Three))",
                        "A gunman opened fire at a [Lapu-Lapu] Day festival in Vancouver.",
                        "A gunman opened fire in [Lapu-Lapu] on Saturday.", "after", flags=0)
#: A weapon or aircraft named after a town or a people: "an Apache helicopter", "Black Hawk helicopters" (for a small
#: place only; not missiles and drones: "the Sumy missile strike", "the Kyiv drone attack" name the place struck).
WEAPON_AFTER = Pattern("a weapon named after the name", r"\s+(?:attack\s+|transport\s+)?(?:helicopters?|"
                       r"gunships?|choppers?|aircraft|jets?|rifles?|launchers?)\b"
                       r"(?!\s+(?:strikes?|attacks?|raids?|barrages?|crash(?:ed|es)?)\b)",
                       "Two [Apache] helicopters fired on the convoy.", "Gunmen fired on a convoy in [Apache] today.",
                       "after")
#: A ship named before what it is: "the Magic Seas, a Greek-operated vessel" sails no sea of that name.
VESSEL_AFTER = Pattern(
    "a ship described after the name",
    r"^\s*,\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:vessel|ship|tanker|freighter|carrier|trawler|ferry|yacht|"
    r"dhow|steamer|warship|destroyer|frigate)\b|(?:which|that)\s+(?:later\s+|then\s+|eventually\s+)?"
    r"(?:sank|capsized|ran\s+aground|was\s+(?:sunk|hijacked|boarded)))",  # "the Magic Seas, which sank on Monday"
    "Rebels struck the [Magic Seas], a Greek-operated vessel, on Sunday.",
    "Rebels struck [Bir Ali], a port on the coast, on Sunday.", "after")
#: ... or after its kind: "the bulk carrier Eternity C", "the tanker Sounion" (no Greek cape).
VESSEL_BEFORE = Pattern(
    "a ship named after its kind",
    r"\b(?:vessel|ship|tanker|freighter|carrier|trawler|ferry|yacht|warship|destroyer|frigate|MV|M/V)\s+$",
    "Missiles set the tanker [Sounion] ablaze.", "Missiles set a tanker ablaze near [Sounion].", "before")
#: A name with an age after it is a person's: "a police sergeant shot Jordan, 23, near the checkpoint".
AGE_AFTER = Pattern(
    "a person's age after the name", r"^,\s+\d{1,2},\s",
    "A police officer shot [Jordan], 23, outside the bar.",
    "Gunmen attacked [Jordan], 23 km from the border, on Sunday.", "after")
