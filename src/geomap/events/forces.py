"""The states whose forces the news names, and how: by the state acting ("Russia fired"), by another name for it
(mostly its capital: "Moscow launched"), by its demonym ("Russian troops"); and the state each force actor is the
force of, for ACLED's actor types. Data, read by `events.actors`."""

from __future__ import annotations

from geomap.lexicon import DEMONYM_COUNTRY

#: States that news names as the one acting ("Russia fired 122 missiles") -> their forces.
COUNTRY_FORCE = {"Russia": "Russian forces", "Ukraine": "Ukrainian forces", "Israel": "Israeli forces",
                 "Iran": "Iranian forces", "Azerbaijan": "Azerbaijani forces", "Armenia": "Armenian forces",
                 "Belarus": "Belarusian forces", "Syria": "Syrian forces", "Turkey": "Turkish forces",
                 "Sudan": "Sudanese army", "Mali": "Malian forces", "Myanmar": "Myanmar military",
                 "China": "Chinese forces", "Poland": "Polish forces", "Lebanon": "Lebanese forces",
                 "South Sudan": "South Sudanese forces", "Central African Republic": "Central African forces",
                 "India": "Indian forces", "Pakistan": "Pakistani forces",
                 "Afghanistan": "Afghan forces", "Iraq": "Iraqi forces", "Yemen": "Yemeni forces",
                 "Saudi Arabia": "Saudi forces", "Egypt": "Egyptian forces", "Ethiopia": "Ethiopian forces",
                 "Eritrea": "Eritrean forces", "Rwanda": "Rwandan forces", "Uganda": "Ugandan forces",
                 "Nigeria": "Nigerian forces", "Burkina Faso": "Burkinabe forces", "Somalia": "Somali forces",
                 "Kenya": "Kenyan forces", "Thailand": "Thai forces", "Cambodia": "Cambodian forces",
                 "Britain": "British forces", "France": "French forces", "the United States": "US forces",
                 "Colombia": "Colombian forces"}
#: (Not "Jordan", "Chad" or "Georgia": as often a person's name or a US state before such a verb.)
#: Other names the news gives a state acting, mostly its capital ("Moscow launched 400 drones", "Islamabad carried out
#: air strikes", "The U.S. struck") -> the state (a key of `COUNTRY_FORCE`). Not Jerusalem (contested) nor capitals
#: whose state seldom strikes.
STATE_ALIASES = {"The United States": "the United States", "The U.S.": "the United States",
                 "the U.S.": "the United States", "Moscow": "Russia", "Kyiv": "Ukraine", "Kiev": "Ukraine",
                 "Tehran": "Iran", "Islamabad": "Pakistan", "New Delhi": "India", "Beijing": "China",
                 "Washington": "the United States", "Ankara": "Turkey",
                 "Baku": "Azerbaijan", "Yerevan": "Armenia", "Minsk": "Belarus", "Damascus": "Syria",
                 "Bamako": "Mali", "Naypyidaw": "Myanmar", "Kabul": "Afghanistan", "Baghdad": "Iraq",
                 "Riyadh": "Saudi Arabia", "Cairo": "Egypt", "Addis Ababa": "Ethiopia", "Asmara": "Eritrea",
                 "Kigali": "Rwanda", "Kampala": "Uganda", "Abuja": "Nigeria", "Ouagadougou": "Burkina Faso",
                 "Mogadishu": "Somalia", "Nairobi": "Kenya", "Bangkok": "Thailand", "Phnom Penh": "Cambodia",
                 "London": "Britain", "Paris": "France", "Bogota": "Colombia", "Warsaw": "Poland",
                 "Juba": "South Sudan"}

DEMONYM_FORCE = {"Myanmar": "Myanmar military", "Burmese": "Myanmar military",
                 "Russian": "Russian forces", "Ukrainian": "Ukrainian forces", "Israeli": "Israeli forces",
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
                 "Philippine": "Philippine forces", "Thai": "Thai forces", "Mozambican": "Mozambican forces",
                 "Burundian": "Burundian forces", "South Sudanese": "South Sudanese forces",
                 "Central African": "Central African forces"}

#: The state whose forces each force actor is (ISO-2), for ACLED's actor types (home: state forces, abroad:
#: external forces). "Congolese" names two states; conflict news means the DR Congo's far more often, and the Republic
#: of the Congo's forces are at home there too (`SHARED_HOMES`).
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
    "Mozambican forces": "MZ", "Burundian forces": "BI", "South Sudanese forces": "SS",
    "Central African forces": "CF", "Congolese forces": "CD",
}
#: A force at home in more than one state (its demonym names both): (actor, ISO-2) pairs beside `FORCE_COUNTRY`'s.
SHARED_HOMES = frozenset({("Congolese forces", "CG")})

#: More states whose forces news names by a plain demonym ("Brazilian police and soldiers"); their ISO-2 codes are the
#: lexicon's (`DEMONYM_COUNTRY`).
_PLAIN_DEMONYMS = (
    "Brazilian Venezuelan Ecuadorian Peruvian Bolivian Nepali Nepalese Bangladeshi Cambodian Indonesian Tanzanian "
    "Beninese Togolese Libyan Algerian Moroccan Tunisian Serbian Salvadoran Honduran Guatemalan Tajik Kyrgyz Malaysian "
    "Vietnamese Japanese Taiwanese Qatari Senegalese Ivorian Ghanaian Zimbabwean Angolan German Italian Spanish Dutch "
    "Belgian Canadian Australian Norwegian Estonian Latvian Lithuanian Romanian Moldovan Hungarian Greek Cypriot "
    "Albanian Bosnian Croatian Bulgarian Polish").split()
for _demonym in _PLAIN_DEMONYMS:
    DEMONYM_FORCE.setdefault(_demonym, f"{_demonym} forces")
    FORCE_COUNTRY.setdefault(DEMONYM_FORCE[_demonym], DEMONYM_COUNTRY[_demonym.lower()])
