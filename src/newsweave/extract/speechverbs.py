"""Verbs of saying, in all their English inflections, and the common French forms.

The shared spaCy pipeline runs without its lemmatizer (see :mod:`newsweave.nlp`), so the
inflected forms are listed here: a short rule for regular English verbs plus the irregular ones;
French forms (present, past participle and simple past of the verbs news French reports speech
with: « ... », a déclaré X) are listed whole.
"""

from __future__ import annotations

from .wordlists import words

#: Verbs that introduce direct or reported speech.
SPEECH_VERBS: frozenset[str] = (
    words("""say tell add note stress insist warn charge concede claim state declare announce
    explain argue assert acknowledge admit deny allege suggest confirm promise vow pledge
    predict recall report reply respond answer ask write tweet post comment remark observe
    point continue conclude complain lament contend caution urge demand threaten boast joke
    quip muse reiterate emphasize emphasise underline testify disclose reveal recount
    estimate maintain counter retort shout yell cry scream whisper agree disagree accuse
    blast slam criticize criticise praise describe mention acknowledge concur
    wonder speak tout assure inform told mutter sigh snap declare proclaim indicate call elaborate
    interject plead beg scoff read exclaim fume gush rant thunder summarize summarise
    chime advise instruct order text email message predict""")
)
#: The subset that also introduces indirect speech ("X said that ...") reliably.
REPORTING_VERBS: frozenset[str] = (
    words("""say tell add note stress insist warn charge concede claim state declare announce
    explain argue assert acknowledge admit deny allege suggest confirm promise vow pledge
    predict report reply respond write tweet comment remark observe conclude complain contend
    caution reiterate emphasize emphasise testify disclose reveal maintain counter retort
    agree accuse assure inform indicate""")
)
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
    "cry": ("cried",),
    "reply": ("replied",),
    "deny": ("denied",),
    "testify": ("testified",),
    "criticize": (),
    "quip": ("quipped", "quipping"),
    "admit": ("admitted", "admitting"),
    "snap": ("snapped", "snapping"),
    "object": (),
}


def inflections(verb: str) -> set[str]:
    """Base form, -s, -ed and -ing forms of a verb (regular spelling rules + irregulars)."""
    forms = {verb, *_IRREGULAR.get(verb, ())}
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(verb + "es")
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb not in {"say", "tell", "write", "speak"}:
        if verb.endswith("e"):
            forms.add(verb + "d")
        elif verb.endswith("y") and verb[-2] not in "aeiou":
            forms.add(verb[:-1] + "ied")
        else:
            forms.add(verb + "ed")
    if verb.endswith("e") and not verb.endswith("ee"):
        forms.add(verb[:-1] + "ing")
    else:
        forms.add(verb + "ing")
    return forms


def _all(verbs: frozenset[str]) -> frozenset[str]:
    return frozenset(f for v in verbs for f in inflections(v))


#: French reporting verbs: 3rd person present (singular, plural), past participle, simple past.
FRENCH_FORMS: frozenset[str] = words("""dit disent déclare déclarent déclaré déclara affirme
    affirment affirmé affirma ajoute ajoutent ajouté ajouta explique expliquent expliqué expliqua
    estime estiment estimé estima souligne soulignent souligné souligna annonce annoncent annoncé
    annonça indique indiquent indiqué indiqua précise précisent précisé précisa assure assurent
    assuré assura confie confient confié confia lance lancent lancé lança répond répondent répondu
    répondit martèle martèlent martelé martela prévient préviennent prévenu prévint insiste
    insistent insisté insista reconnaît reconnaissent reconnu reconnut avertit avertissent averti
    rappelle rappellent rappelé rappela dénonce dénoncent dénoncé dénonça promet promettent promis
    promit écrit écrivent écrivit raconte racontent raconté raconta poursuit poursuivent poursuivi
    poursuivit conclut concluent conclu juge jugent jugé jugea regrette regrettent regretté regretta
    déplore déplorent déploré déplora commente commentent commenté commenta tweeté confirme
    confirment confirmé confirma nie nient nié nia admet admettent admis admit""")

SPEECH_FORMS: frozenset[str] = _all(SPEECH_VERBS) | FRENCH_FORMS
REPORTING_FORMS: frozenset[str] = _all(REPORTING_VERBS) | FRENCH_FORMS
