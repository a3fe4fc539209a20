"""Who acted: armed groups by name, forces by demonym ("Russian drones"), states named as acting, police, gunmen."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from geomap.alternation import WordAlternation
from geomap.events.fatalities import AVENGING
from geomap.events.forces import COUNTRY_FORCE, DEMONYM_FORCE, FORCE_COUNTRY, SHARED_HOMES, STATE_ALIASES
from geomap.events.groups import ACTOR_GROUPS, NAMED_GROUP, UNIDENTIFIED, named_groups
from geomap.events.triggers import BATTLE, EXPL, PROTEST, RIOT, STRAT, VIOLENT
from geomap.lexicon import ACTOR_COUNTRY, common_words
from geomap.models import Event, Place
from geomap.patterns import Pattern, lower_regex, lowered_text

_ACTOR_GROUP_RE = re.compile(r"\b(?:" + "|".join(f"(?P<g{i}>{p})" for i, p in enumerate(ACTOR_GROUPS)) + r")\b",
                             re.I)
#: The same over lower-cased text without re.I (about twice as fast: `patterns.lower_regex`), each name tried only
#: at words it can start (`alternation.WordAlternation`: 45 -> 12 µs a sentence).
_ACTOR_GROUP_LOW = WordAlternation([lower_regex(p) for p in ACTOR_GROUPS], tail=r"\b", start=r"\b")
_GROUP_NAMES = list(ACTOR_GROUPS.values())




#: A group named only as the one another is tied to.
LINKED_AFTER = Pattern("tied to the group, after its name", r"-(?:linked|affiliated|allied|aligned|inspired)\b",
                       "An [al Qaeda]-linked group seized the town.", "[Al Qaeda] fighters seized the town.", "after")
OWNER_AFTER = Pattern("the group runs or holds it", r"-(?:run|controlled|held|owned|appointed)\b",
                      "The [Hamas]-run health ministry said 20 were killed.", "[Hamas] fighters killed 20.", "after")
#: A group's people (or forces: `acting_first`) named as whom the act killed or hit: "a strike killed a senior
#: [Hezbollah] commander", "a roadside bomb killed four soldiers" -- the victims, not the side that struck.
VICTIM_BEFORE = Pattern(
    "a group's people killed", r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|targeted|targeting|"
    r"assassinated|eliminated|abducted|abducting|kidnapped|kidnapping|captured|capturing)\s+"
    r"(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+)?"
    r"(?:(?:senior|top|local|prominent|veteran|key|high-ranking)\s+)?$",
    "A strike in Beirut killed a senior [Hezbollah] commander.",
    "A strike in Beirut by [Hezbollah] killed a senior officer.", "before")
VICTIM_AFTER = Pattern("a group's people", r"^\s+(?:commanders?|leaders?|members?|fighters?|militants?|officials?|"
                       r"operatives?|chiefs?)\b", "The strike killed three [Hamas] fighters.",
                       "[Hamas] said the strike killed three.", "after")
#: A group's emblem, not the group acting: "the driver had an Islamic State flag in the vehicle".
EMBLEM_AFTER = Pattern("the group's emblem", r"^\s+(?:flags?|banners?|insignia|emblems?|logos?|propaganda|videos?|"
                       r"literature|ideology|symbols?|slogans?)\b",
                       "The driver had an [Islamic State] flag in his truck.",
                       "[Islamic State] fighters drove the truck.", "after")
#: The group as the owner or user of what was hit: "Pagers used by Hezbollah members exploded", "a base used by the
#: Iran-backed Popular Mobilisation Forces".
USED_BY = Pattern("used or owned by the group", r"\b(?:used|owned|carried|belonging|run|operated|manned)\s+(?:by|to)\s+"
                  r"(?:the\s+)?(?:[\w-]+-(?:backed|allied|aligned|linked|led)\s+)?(?:members\s+of\s+(?:the\s+)?)?$",
                  "Pagers used by [Hezbollah] members exploded.", "Pagers planted by [Mossad] agents exploded.",
                  "before")
LINKED_BEFORE = Pattern("tied to the group, before its name",
                        r"\b(?:linked|tied|affiliated|allied|aligned)\s+(?:to|with)\s+(?:the\s+)?$",
                        "Fighters linked to [al Qaeda] seized the town.", "[Al Qaeda] fighters seized the town.",
                        "before")


#: The verbs of a report, whose subject is its source ("the U.S. military said").
_REPORTED = r"(?:said|says|reported|announced|stated|told|added|confirmed|denied)\b"
#: A group named as the source of a report, not a side: "the Sudanese army and aid groups said on Tuesday" (but "the
#: RSF said on Sunday it had captured the base" tells of its own act).
GROUP_SOURCE = Pattern(
    "the group tells of others",
    r"^(?:\s+(?:rebels|fighters|militants|militia|group|forces|spokes(?:man|woman|person)|officials?))?"
    r"(?:\s+and\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+" + _REPORTED
    + r"(?!,?\s+(?:on\s+\w+\s+|in\s+a\s+statement\s+)?(?:that\s+)?(?:it|its|they|their)\b)",
    "The [Sudanese army] and aid groups said hundreds of civilians were killed.",
    "The [RSF] said on Sunday it had captured the base.", "after")


def names_group(name: str) -> bool:
    """Is `name` an armed group's or agent's name ("FARC", "Hamas", "Comando Vermelho"), so no place?"""
    return _ACTOR_GROUP_RE.fullmatch(name) is not None or NAMED_GROUP.compiled.fullmatch(name) is not None


#: Forces named as the source of a report ("the U.S. military said"), unless they tell of their own act ("the army
#: said it struck").
_SOURCE = r"\s+" + _REPORTED + r"(?!\s+(?:that\s+)?(?:it|its|they|their)\b)"
#: A demonym before these names a non-state side of that country, not its forces.
_NON_STATE_NOUNS = frozenset({"rebels", "militants"})
#: "Russia fired", "Moscow launched", "Azerbaijan's military said it had taken": a state (or its capital) named as
#: the one acting. Not "Russia said Ukraine attacked": the words between are not a report; nor "Russia was hit": a
#: passive; nor "a rocket fired from Lebanon struck": an origin.
_STATE_ATTACKS = re.compile(r"\b(?P<c>" + "|".join(map(re.escape, [*COUNTRY_FORCE, *STATE_ALIASES])) + r")"
                            r"(?:['’]s\s+(?:forces|army|military|troops))?"
                            r"(?:\s+said\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:its\s+(?:forces|army|military|troops|jets|"
                            r"warplanes|navy|drones|air\s+force)|it(?:\s+(?:had|has))?))?"
                            r"\s+(?:(?!said\b|was\b|were\b|is\b|are\b|been\b|being\b|came\b|comes\b)\w+\s+){0,2}?"
                            r"(?:launched|fired|attacked|struck|shelled|bombed|hit|"
                            r"pounded|targeted|invaded|shot down|captured|seized|retook|taken|took|carried out|"
                            r"conducted|mounted|staged|began|begun|started|raided|entered|advanced|responded|"
                            r"retaliated|broke|broken|recaptured|regained|retaken|sent|deployed|dispatched)\b")
#: What a state does from afar, among `_STATE_ATTACKS`' verbs.
_REMOTE_VERBS = frozenset({"struck", "shelled", "bombed", "hit", "pounded", "targeted", "fired", "launched"})


def state_struck(text: str) -> bool:
    """Does the sentence tell of a state striking ("Israel had struck the defence ministry in Damascus")?"""
    return any(m.group().split()[-1] in _REMOTE_VERBS for m in _STATE_ATTACKS.finditer(text))


#: Words before a state named as where something came from or where its subject is ("an armed group in Myanmar said
#: it had captured"), not as the one acting.
_ORIGIN_WORDS = ("from ", "into ", "in ", "inside ", "across ")
#: A state's army as a side of the fighting: "fighting between Sudan's army and the RSF", "clashed with Mali's army";
#: or as the hand of a happening: "an air strike by Myanmar's military".
_STATE_OWN = re.compile(r"\b(?:between|with|against|by)\s+(?P<c>" + "|".join(COUNTRY_FORCE)
                        + r")['’]s\s+(?:army|armed\s+forces|military|troops)\b")

_ACTOR_FORCES = re.compile(
    r"(?<!\w)(?P<d>(?:U\.S\.|U\.K\.|US|UK|[A-Z][a-z]+) and [A-Z][a-z]+|U\.S\.|U\.K\.|US|UK|" + "|".join(
        re.escape(d) for d in DEMONYM_FORCE if " " in d) + r"|"  # "South Sudanese", "Central African"
    r"[A-Z][a-z]+(?:-backed|-led)?)\s+(?:(?:ballistic|cruise|guided|hypersonic|kamikaze|attack|combat|suicide|"
    r"long-range|short-range|glide|aerial|guided\s+aerial)\s+)?"
    r"(?P<q>(?:security|government|special|federal|regular|armed|ground)\s+)?"
    r"(?P<n>forces|troops|army|military|soldiers|tanks|armou?red\s+vehicles|warships?|helicopters?|gunships?|"
    r"paratroopers|marines|commandos|infantry|"
    r"drones?|missiles?|rockets?|air raids?|air strikes?|airstrikes?|strikes?|warplanes?|(?:fighter\s+)?planes|"
    r"jets?|artillery|navy|aircraft|shelling|bombs?|bombing|bombardment|offensive|assault|attacks?|militants|"
    r"fighters|rebels|units|gunfire|snipers?|border\s+guards|"
    r"fire(?!\s*(?:crackers|works|fighters|brigades?|departments?|services?|stations?|trucks?|engines?)))\b")


def actors(text: str) -> list[str]:
    """The actors a sentence names, in the order written, without repeats; not those told only as having stopped
    the attacker (`ATTACKER_STOPPED`)."""
    stopped = ATTACKER_STOPPED.search(text) if " by " in text else None
    if stopped is not None:  # blanked, so that offsets hold
        text = text[:stopped.start()] + " " * (stopped.end() - stopped.start()) + text[stopped.end():]
    found: list[tuple[int, str]] = []
    for m in _ACTOR_FORCES.finditer(text):
        if GROUP_SOURCE.match_at(text[m.end():m.end() + 90]):
            continue  # "the U.S. military said": a source of the report, not a side
        d = m.group("d")
        parts = d.split(" and ") if " and " in d else [d]
        noun = m.group("n")
        for k, part in enumerate(parts):
            if part.endswith("-backed"):
                continue  # "Rwandan-backed fighters" are the backer's proxies, not its forces
            name = DEMONYM_FORCE.get(part.split("-")[0])
            if name and noun in _NON_STATE_NOUNS:
                name = f"{part} {noun}"  # "Syrian rebels" fight the Syrian state; they are not its forces
            elif name and m.group("q") and name not in FORCE_COUNTRY:
                continue  # "Palestinian security forces" are no militants
            if name:
                found.append((m.start() + k, name))  # "U.S. and British": in the order written
    found += _groups(text)
    for m in _STATE_ATTACKS.finditer(text):  # "Russia fired 122 missiles": the state's forces acted
        if not text.endswith(_ORIGIN_WORDS, 0, m.start()):  # not "a rocket fired from Lebanon struck"
            found.append((m.start(), COUNTRY_FORCE[STATE_ALIASES.get(m.group("c"), m.group("c"))]))
    for m in _STATE_OWN.finditer(text) if "s army" in text or "s military" in text or "s troops" in text \
            or "s armed" in text else ():  # "fighting between Sudan's army and the RSF"
        found.append((m.start("c"), COUNTRY_FORCE[m.group("c")]))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    claim = CLAIMED_BY.compiled.search(text) if UNIDENTIFIED in out and " by " in text else None
    claimant = next((a for a in actors(text[claim.end():]) if a not in FORCE_COUNTRY), None) if claim else None
    if claimant is not None:  # "a suicide bomber killed 13 ..., in an attack claimed by al Shabaab": the group's
        out = [claimant, *(a for a in out if a not in (UNIDENTIFIED, claimant))]
    return out


#: The attacker's end, told after the attack: the police who shot him were no side of what he did ("A man drove a
#: truck into a crowd, killing 14, before he was shot dead by police").
ATTACKER_STOPPED = Pattern(
    "the attacker stopped", r"\b(?:he|she|the\s+(?:attacker|assailant|gunman|driver|suspect|bomber|knifeman))\s+"
    r"(?:was|had\s+been)\s+(?:later\s+|then\s+|eventually\s+)?(?:shot\s+dead|shot|killed|arrested|detained|"
    r"overpowered|subdued|wounded)\s+by\s+(?:the\s+|local\s+)?(?:police|officers|policemen|security\s+forces)\b",
    "A man stabbed three shoppers in the mall before he was shot dead by police.",
    "A man was shot dead by police at a protest in the square.")
#: A happening said to be a group's: "in an attack claimed by al Shabaab".
CLAIMED_BY = Pattern("a happening claimed by a group", r"\b(?:claimed|carried\s+out|perpetrated)\s+by\b",
                     "A bomber killed 13 soldiers, in an attack claimed by al Shabaab.",
                     "A bomber killed 13 soldiers; al Shabaab denied any role.")


#: A demonym right before a group's name: "Iraqi security forces".
_DEMONYM_BEFORE = re.compile(r"\b(" + "|".join(re.escape(d) for d in sorted(DEMONYM_FORCE, key=len, reverse=True))
                             + r")\s+$")


def _groups(text: str) -> list[tuple[int, str]]:
    """The named groups and agents of a sentence with where each starts (`_group_spans`)."""
    return [(start, name) for start, _, name in _group_spans(text)]


def _group_spans(text: str) -> list[tuple[int, int, str]]:
    """The named groups and agents of a sentence (`ACTOR_GROUPS`, and groups by their own names) with where each
    starts and ends; not a group's own gunmen as a second actor ("Islamic State gunmen"), nor a group named only as
    the one a named group is tied to."""
    lowered = lowered_text(text)
    groups = list(_ACTOR_GROUP_LOW.finditer(lowered)) if lowered is not None else [
        (m.start(), m.end(), int(m.lastgroup[1:])) for m in _ACTOR_GROUP_RE.finditer(text)]  # type: ignore[index]
    found, linked = [], []
    for k, (start, end, i) in enumerate(groups):
        name = _GROUP_NAMES[i]
        if name == UNIDENTIFIED and k and text[groups[k - 1][1]:start].isspace():
            continue
        if name == "Police forces" and text.startswith(("security", "Security"), start) and (
                (d := _DEMONYM_BEFORE.search(text, max(0, start - 20), start)) is not None
                and DEMONYM_FORCE.get(d.group(1)) in FORCE_COUNTRY):
            continue  # "Iraqi security forces killed ...": the state's forces, named by `_ACTOR_FORCES`
        if OWNER_AFTER.match_at(text[end:end + 14]) or EMBLEM_AFTER.match_at(text[end:end + 16]) \
                or GROUP_SOURCE.match_at(text[end:end + 90]) or USED_BY.search(text, max(0, start - 30), start):
            continue  # "the Hamas-run health ministry said", "Houthi-held areas", "an Islamic State flag": no side
        tied = LINKED_AFTER.match_at(text[end:end + 14]) or LINKED_BEFORE.search(text, max(0, start - 20), start)
        (linked if tied else found).append((start, end, name))
    for start, name in named_groups(text):  # a group the table lacks: "the Kachin Independence Army"
        end = start + len(name)
        if not any(start <= s < end for s, _, _ in groups) and not GROUP_SOURCE.match_at(text[end:end + 90]):
            found.append((start, end, name))
    # "JNIM fighters linked to al Qaeda": the group named, not its kin; but "Islamic State-linked insurgents", with
    # no other group named, are that group's
    return found if any(n != UNIDENTIFIED for _, _, n in found) else sorted(found + linked)


#: A state's forces named without the state: "the army", "troops", "soldiers" (not "the Arakan Army", "Syrian
#: troops": a capitalised word before names whose they are).
UNNAMED_FORCE = Pattern(
    "forces named without their state",
    r"\b(?:(?:the\s+)?army(?!\s+(?:bases?|camps?|posts?|positions?|targets?|officers?|chief|headquarters))|"
    r"the\s+military|troops|soldiers|the\s+armed\s+forces|security\s+forces|government\s+(?:forces|troops)|"
    r"the\s+junta|junta\s+(?:air\s*strikes?|airstrikes?|jets?|warplanes?|aircraft|troops|soldiers|forces)|"  # "the
    # junta responded with air strikes", "junta air strikes": the state's where it happened
    r"military\s+(?:air\s*strikes?|airstrikes?|jets?|warplanes?|aircraft|helicopters?|drones?))\b"
    r"(?![-‑])"  # a compound's modifier, no agent: "the army-backed government's capital"
    r"(?!" + _SOURCE + ")",  # a source, no agent; but "the army said it killed" acted
    "Troops killed two militants in a firefight.", "Police killed two militants in a firefight.")
#: Words before "troops" or "soldiers" that make them someone else's than the state's where they are.
_NOT_OWN = frozenset({"peacekeeping", "foreign", "allied", "coalition", "international", "rebel", "enemy",
                      "opposition", "mercenary", "militia"})
_STATE_OF = {cc: name for name, cc in FORCE_COUNTRY.items()} | {cc: name for name, cc in SHARED_HOMES}
#: Before "by": forces named as guarding what was attacked, not as agents.
_GUARDING = frozenset({"escorted", "guarded", "protected", "accompanied", "manned", "staffed"})


def unnamed_force(text: str, named: list[str], story_forces: Callable[[], list[str]], country: str) -> str | None:
    """Whose are "the army" or "troops" in a sentence that names no state's forces: those of the country where the
    event happened ("army drones struck RSF positions" in Omdurman: Sudan's), when the story names no other state's
    forces (in a story of Israeli strikes in Lebanon, "the army" is Israel's; of French help to Niger, "soldiers"
    may be either's), except "government forces", which are that state's in any story. None when unsure, when the
    sentence names a state's forces, or has no such words.
    `story_forces` is asked only when the sentence has such words (it reads every sentence's actors)."""
    own = _STATE_OF.get(country)
    at = -1 if own is None or any(a in FORCE_COUNTRY for a in named) else unnamed_force_at(text)
    if at < 0:
        return None
    if text.startswith(("government", "Government"), at):
        return own  # "government forces" are the state's where it happened, whoever else fights there
    return None if any(a != own for a in story_forces()) else own  # a foreign force: "troops" may be its


#: A passive verb between forces and the event word: they suffered it ("Nine soldiers were killed when ...").
PASSIVE = Pattern("a passive verb", r"\b(?:was|were|been|being|is|are)\b", "Nine soldiers were killed.",
                  "Soldiers killed nine rebels.")


def acting_first(force: str, named: list[str], text: str, event_at: int) -> list[str]:
    """The sentence's actors with its unnamed force (`unnamed_force`) in ACLED's order: first when it is told before
    the event word in the active voice and no named actor is ("army warplanes bombed an RSF convoy"), else after the
    named ones ("RSF fighters ambushed troops", "Nine soldiers were killed when RSF fighters attacked"); after an
    unnamed agent when they are its victims and no one is named ("a roadside bomb killed four soldiers")."""
    at = unnamed_force_at(text)
    if 0 <= at < event_at and not PASSIVE.compiled.search(text, at, event_at) and not actors(text[:event_at]):
        return [force, *named]
    if not named and at > event_at and VICTIM_BEFORE.search(text, max(0, at - 50), at):
        return [UNIDENTIFIED, force]  # "a roadside bomb killed four soldiers": someone no one names set it
    return [*named, force]


#: A dateline's dash, after which a sentence's first word stands: "YANGON (AFP) — A military air strike".
_DASHES = frozenset({"—", "-", "--"})


@lru_cache(maxsize=256)
def unnamed_force_at(text: str) -> int:
    """Where the sentence first names forces without their state (`UNNAMED_FORCE`) as agents, else -1. (Asked once
    per sentence, not per event place.)"""
    for m in UNNAMED_FORCE.finditer(text):
        prev = text[:m.start()].split()
        word = prev[-1] if prev else ""
        opener = (len(prev) == 1 or len(prev) > 1 and prev[-2] in _DASHES) and word.lower() in common_words()
        # "Nine soldiers were killed", "YANGON (AFP) — A military air strike killed"
        if word[:1].isupper() and not opener and word[-1] not in ",;:" or word.lower() in _NOT_OWN:
            continue  # "the Arakan Army", "Syrian troops", "Russia's army", "foreign troops"
        if word == "by" and len(prev) > 1 and prev[-2].lower() in _GUARDING:
            continue  # "a convoy escorted by soldiers": the soldiers were guarding, the ones attacked
        return m.start()
    return -1


#: A group owning a happening told before: "A faction of the Pakistani Taliban claimed the attack".
CLAIMED = Pattern(
    "a claim of a happening",
    r"\b(?:claimed|claims|claiming|took|takes|has\s+taken)\s+(?:(?:full\s+|sole\s+)?responsibility\b|"
    r"(?:the|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's|that|this|both)\s+"
    r"(?:[\w-]+\s+)?(?:attacks?|bombings?|blasts?|assaults?|raids?|killings?|ambush|explosions?)\b)|"
    r"\bsaid\s+(?:in\s+a\s+statement\s+)?(?:that\s+)?it\s+had\s+(?:carried\s+out|seized|captured|attacked|"
    r"struck|targeted|overrun|taken\s+(?:full\s+)?control|taken\s+over)\b",  # "JNIM said in a statement it had
    # seized the base", "... that it had taken control of the base"
    "A faction of the Pakistani Taliban claimed the attack.", "The Pakistani Taliban denied any role in the attack.")
#: No claim made: "No group claimed responsibility, but separatists have carried out similar attacks".
NO_CLAIM = Pattern("no claim", r"\b(?:no\s+(?:one|group)|nobody|not|never|yet\s+to)\s+(?:\w+\s+)?(?:claimed|claim|"
                   r"taken|take)\b", "No group claimed responsibility for the attack.",
                   "A splinter group claimed responsibility for the attack.")


def credit_claim(text: str, told: list[Event]) -> None:
    """A sentence that names no place and has a group claim a happening ("The TTP claimed the attack"): the groups
    it names are the first actors of the violent events told last (`told`), ahead of their victims."""
    claim = CLAIMED.search(text) if "claim" in text or "responsib" in text or " it had " in text else None
    if claim is None or NO_CLAIM.search(text):
        return
    said = claim.group().startswith("said")  # "JNIM said it had seized the base": the group saying it, not its target
    claimants = [a for a in actors(text[:claim.start()] if said else text)
                 if a != UNIDENTIFIED and a not in FORCE_COUNTRY and a != "Protesters"]
    for ev in told if claimants else ():
        if ev.event_type in VIOLENT:
            ev.actors = claimants + [a for a in ev.actors if a not in claimants and a != UNIDENTIFIED]


#: Actors whose name depends on where it happened: (actor, ISO-2) -> the name there. Settlers in the West Bank or
#: Israel are Israeli settlers; elsewhere ("settlers" in a land dispute) they stay unnamed settlers.
LOCAL_ACTORS = {("Settlers", "PS"): "Israeli settlers", ("Settlers", "IL"): "Israeli settlers"}


def agents(own: list[str], who: list[str], etype: str, sub: str, country: str = "") -> list[str]:
    """Actors in ACLED's order: the one who acted first. Protesters are the victims of excessive force. `own`: the
    sentence's actors, `who`: those or else the story's. A protest or riot whose sentence names no one was held by
    protesters or rioters, not by the story's armed actors; nor is a foreign state's force (`country`: where it
    happened) a side of one, nor the story's unnamed gunmen a party to a strategic development told without sides."""
    own, who = ([LOCAL_ACTORS.get((a, country), a) for a in x] for x in (own, who))
    if not own and etype in (PROTEST, RIOT):
        return ["Protesters" if etype == PROTEST else "Rioters"]
    if not own and etype == STRAT:  # "authorities declared a ceasefire": the story's unnamed gunmen are no party
        who = [a for a in who if a != UNIDENTIFIED]
    if etype in (PROTEST, RIOT):  # "protesters denounced Indian strikes": what a crowd is against is no side of it
        who = [a for a in who if FORCE_COUNTRY.get(a) in (None, country)]
    if sub == "Violent demonstration":  # "burned tyres, demanding the arrest of the attackers": no gunmen's part
        who = [a for a in who if a != UNIDENTIFIED]
    if sub == "Peaceful protest":  # no force met it: gunmen or troops named are what it is about ("demanding the
        who = [a for a in who if a != UNIDENTIFIED and a != "Police forces" and a not in FORCE_COUNTRY]  # arrest")
    if etype == PROTEST and "Protesters" not in who:  # "police fired tear gas at garment workers": they protested
        who = ["Protesters", *who]
    if etype == RIOT:  # ACLED names the people of a violent demonstration rioters, whatever the text calls them
        who = list(dict.fromkeys(["Rioters"] * (sub in ("Violent demonstration", "Mob violence"))
                                 + ["Rioters" if a == "Protesters" else a for a in who]))
    if sub == "Excessive force against protesters":  # the protesters are its victims, named or not
        return [a for a in who if a != "Protesters"] + ["Protesters"]
    if sub == "Attack" and who == ["Protesters"]:
        return [UNIDENTIFIED, *who]  # "a man drove into a crowd of demonstrators": they are the victims
    if not who and etype in VIOLENT:
        return [UNIDENTIFIED]  # ACLED's name for a violent side no one names ("heavy clashes erupted in Tripoli")
    return list(who)


#: Right before an event word: the happening avenged, not the avengers' own ("the Taliban attacked border posts in
#: retaliation for air strikes in Kabul", "in what it called retaliation for last month's killing of tourists").
AVENGED = Pattern(
    "a happening avenged", r"\b" + AVENGING + r"\s+(?:the\s+|an?\s+|last\s+\w+'s\s+)?(?:[\w-]+\s+){0,3}$",
    "The Taliban attacked border posts in retaliation for air [strikes] in Kabul.",
    "The Taliban attacked border posts after air [strikes] in Kabul.", "before")


def avengers(text: str, event_at: int) -> set[str]:
    """Who avenged the happening whose event word starts at `event_at` (`AVENGED`: the actors named before "in
    retaliation for"), none of whom did it: whoever struck Kabul, not the Taliban; but not a side the avenged happening
    names too ("killed 58 Pakistani soldiers in retaliation for Pakistani air strikes"). Empty when nothing is
    avenged."""
    m = AVENGED.compiled.search(text, max(0, event_at - 60), event_at)
    return set(actors(text[:m.start()])) - set(actors(text[m.start():])) if m is not None else set()


#: Actors who strike no one from afar.
_CROWDS = frozenset({"Protesters", "Rioters"})
#: Sub-types whose unnamed hand, in a story of a state's forces and an armed group of its own country, is the
#: state's: it has the aircraft ("A drone strike near Bahir Dar killed 11", in a story of the army fighting Fano
#: militiamen). A group from abroad may still be the hand (Hezbollah's drones over Israel).
FROM_THE_AIR = frozenset({"Air/drone strike"})


def _home(actor: str) -> str | None:
    """The country a named non-state group fights in (`ACTOR_COUNTRY`: "Fano militia" -> ET), if known."""
    low = actor.lower()
    return next((code for word, code in ACTOR_COUNTRY.items() if word in low), None)


def victim_groups(text: str) -> set[str]:
    """The groups a sentence names only as the victims of its act (`VICTIM_BEFORE`, `VICTIM_AFTER`)."""
    out, sides = set(), set()
    for start, end, name in _group_spans(text):
        victim = VICTIM_BEFORE.search(text, max(0, start - 50), start) and VICTIM_AFTER.match_at(text[end:end + 14])
        (out if victim else sides).add(name)
    return out - sides


def strikers(who: list[str], kind: tuple[str, str], place: Place, story_actors: Callable[[], list[str]],
             own: list[str], text: str = "") -> list[str]:
    """The sentence's own actors (`own`), with the story's non-state actor ahead of them when they are only states'
    forces that lost territory to it ("a general was killed when a militia overran a base in Nasir", beside "the
    White Army attacked the garrison"). Else the story's actors for a strike whose sentence names none, without the
    struck country's own forces when the story names another armed side ("Explosions were heard across Tehran"
    after "Israel struck Natanz": Israel's, even if Iran's forces are named more often; "a sailor was killed near
    Acre" in a story of Hezbollah's rockets: Hezbollah's). A state rarely bombs its own towns in a story of a foreign
    one's raids; but in a civil war the aircraft are the state's, not its rebels' (`FROM_THE_AIR`). Nor does a crowd
    fire shells or fight a battle: the story's protesters are no side of an explosion ("An explosion at the hospital
    killed 471", in a story of the protests that followed, was by an armed group no one names) or of an armed clash
    ("rival armed factions clashed in Tripoli" beside protests in another Tripoli). Territory a non-state actor took
    is the story's non-state actor's ("The rebels had seized Aleppo a week earlier", beside "Russian and Syrian
    jets"). A strike whose sentence names a group only as its victims ("killed a senior Hezbollah commander") was
    the story's other side's."""
    etype, sub = kind
    if sub == "Non-state actor overtakes territory":
        taker = [a for a in story_actors() if a not in FORCE_COUNTRY and a not in _CROWDS][:1]
        lost = all(FORCE_COUNTRY.get(a) == place.country_code for a in own)  # not "Turkish troops pushed into" Iraq
        return (taker + own if lost else own) if own else taker or who
    if own and etype == EXPL and set(own) <= (victims := victim_groups(text)):  # "a strike killed a Hezbollah
        return [a for a in story_actors() if a not in victims and a not in _CROWDS][:1] + own  # commander"
    if own:
        return own
    if etype in (EXPL, BATTLE):
        who = [a for a in who if a not in _CROWDS]
    if etype != EXPL or not any(FORCE_COUNTRY.get(a) == place.country_code for a in who):
        return who
    foreign = [a for a in who if FORCE_COUNTRY.get(a) != place.country_code]
    if foreign:
        return foreign
    rivals = [a for a in story_actors() if FORCE_COUNTRY.get(a) != place.country_code and a not in _CROWDS]
    if sub in FROM_THE_AIR:  # the state's own aircraft over a civil war: not its rebels', but a foreign group's
        rivals = [a for a in rivals if a in FORCE_COUNTRY or _home(a) not in (None, place.country_code)]
    return rivals[:1] or who
