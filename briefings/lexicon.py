"""Word lists of English news grammar that the rules are built on, kept apart from the rules.

Everything here is general: reporting verbs, hedges, denial cues, role and source nouns.
Nothing is keyed to a particular report, name or outlet, because the same engine is scored
on reports it has never seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import AnyStr, Final


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Reporting verbs that introduce what a source says, in every inflection we match. A cue
# needs a speaker beside it (found by ``speakers``) before anything becomes a claim.
SAY_VERBS: Final = _words(
    """
    said says say saying told tells telling tell stated states stating added adds adding
    allege argue insist warn maintain contend assert
    claimed claims claiming claim asserted asserts asserting insisted insists insisting
    argued argues arguing alleged alleges alleging warned warns warning cautioned cautions
    cautioning urged urges urging described describes describing indicated indicates
    indicating signaled signalled signals signaling signalling suggested suggests suggesting
    believes believed believe expects expected expect expecting announced announces
    announcing confirmed confirms confirming confirm tweeted tweets tweeting wrote writes
    writing posted noted notes noting explained explains explaining stressed stresses
    stressing emphasized emphasised emphasizes emphasises emphasizing predicted predicts
    predicting reiterated reiterates reiterating maintained maintains contended contends
    complained complains complaining acknowledged acknowledges admitted admits conceded
    concedes accused accuses accusing criticized criticised criticizes criticises
    criticizing criticising vowed vows vowing pledged pledges pledging promised promises
    demanded demands demanding vow suspect suspects suspected
    declared declares declaring testified recalled observed replied responded countered thinks
    found finds concluded concludes showed shows think
    feared fears hoped hopes reported reporting revealed disclosed estimated mentioned
    restated restates reaffirmed reaffirms reasserted reasserts repeated underlined
    underscored assured assures reminded reminds informed informs notified notifies
    advised advises remarked remarks commented recounted recounts speculated speculates
    affirmed affirms proclaimed proclaims lamented laments boasted boasts joked jokes
    quipped hinted hints hinting forecast forecasts projected projects worried charged charge
    charges
    agreed retorted answered fear hope worry worries predict suggest acknowledge admit concede
    accuse criticize criticise complain explain emphasize emphasise reiterate declare
    estimate estimates reveal reveals disclose discloses show showing note verify verifies
    verified agree agrees understood thought ruled proposed proposes charging swore sworn
    swears report
    """
) | frozenset(
    {"pointed out", "points out", "pointing out", "point out"}
    | {"made clear", "makes clear", "making clear", "made it clear", "makes it clear"}
    # "The Pakistani Taliban took credit for plotting the attack": a claim of one's own act.
    | {
        f"{verb} credit"
        for verb in ("took", "takes", "taking", "take", "claimed", "claims", "claiming")
    }
    # "Vietnam and China traded accusations that each had rammed …": both sides accuse.
    | {
        f"{verb} {noun}"
        for verb in ("traded", "trade", "trading", "exchanged", "exchange", "exchanging")
        for noun in ("accusations", "charges", "allegations", "blame")
    }
)

# Verbs that only report when followed by a that-clause ("acknowledged that ...").
NEEDS_THAT: Final = _words(
    "acknowledged acknowledges admitted admits conceded concedes hoped hopes reported reporting "
    "reports "
    "revealed disclosed estimated mentioned observed recalled feared fears noted notes testified "
    "found finds concluded concludes showed shows restated restates reaffirmed reaffirms "
    "reasserted reasserts repeated underlined underscored posted maintained maintains maintain "
    "assured assures reminded reminds informed informs notified notifies advised advises "
    "remarked remarks commented recounted recounts speculated speculates affirmed affirms "
    "proclaimed proclaims lamented laments boasted boasts joked jokes quipped hinted hints "
    "hinting "
    "forecast forecasts projected projects worried charged charge charges agreed retorted answered "
    "fear hope worry worries acknowledge admit concede estimate estimates reveal reveals disclose "
    "discloses show showing note verify verifies verified agree agrees understood thought ruled "
    "proposed proposes charging swore sworn swears report suspected"
) | frozenset(
    {"pointed out", "points out", "pointing out", "point out"}
    | {"made clear", "makes clear", "making clear", "made it clear", "makes it clear"}
)

# Verbs that report only when a document is their subject ("The report highlighted the
# crackdown", "the audit identified": the document speaks; "the storm highlighted" does not).
DOCUMENT_VERBS: Final = _words(
    """
    highlighted highlights implicated implicates documented documents detailed details
    outlined outlines identified identifies recommended recommends read reads
    """
)

# Nouns for a document that can speak as its source ("the indictment says", "a commission
# report implicated ...").
DOCUMENT_NOUNS: Final = _words(
    """
    report reports indictment indictments study studies survey surveys review audit
    assessment findings investigation inquiry ruling verdict judgment judgement complaint
    lawsuit filing resolution communique communiqué statement statements letter memo
    analysis paper dossier charge-sheet affidavit testimony document documents article
    articles editorial commentary bulletin notice decision draft
    """
)

# Verbs of open reproach that report their object's fault ("berated the agency for ...").
REPROACH_VERBS: Final = _words(
    """
    berated berates berating rebuked rebukes rebuking chided chides chiding scolded scolds
    scolding lambasted lambasts lambasting castigated castigates castigating faulted faults
    faulting slammed slams blasted blasts reproached reproaches upbraided blamed blames
    blaming blame
    """
)

# Verbs that report an evaluation of their object in the frame "condemned X as Y".
AS_VERBS: Final = _words(
    """
    condemn condemned condemns condemning denounce denounced denounces denouncing hail
    hailed hails hailing praise praised praises praising decry decried decries decrying
    label labelled labeled labels labelling labeling dismissed dismisses dismissing identified
    identifies identifying
    """
)

# Verbs of a public stance toward something, said aloud: "condemned the airstrike",
# "apologized for the recall", "praised the poll". Reported like verbs of saying; what they
# are about is their object.
STANCE_VERBS: Final = _words(
    """
    condemn condemned condemns condemning denounced denounces deplored deplores praised
    praises apologized apologised apologizes apologises apologizing apologising
    """
)

# Verbs of a stance that report only with an outcome or act as their object: "welcomed the
# ruling", "defended its decision"; "welcomed the delegation", "defended the city" do not.
STANCE_OBJECT_VERBS: Final = _words(
    "welcomed welcomes defended defends hailed hails lauded lauds applauded applauds "
    # ("are applauding a statement by …", "welcoming the ruling": the progressive too.)
    "welcoming defending hailing lauding applauding"
)
STANCE_OBJECTS: Final = _words(
    """
    decision decisions ruling rulings move moves apology announcement agreement agreements
    deal news release step steps report verdict proposal proposals plan plans initiative
    talks ceasefire truce election elections vote poll result results outcome progress
    commitment offer statement efforts resolution law bill measure measures reform reforms
    changes appointment investigation inquiry findings development developments role record
    actions action policy policies handling response conduct choice approach program
    programme strategy tactics position stance use work treatment legislation budget
    crackdown operation operations practice practices comments remarks sentence sentences
    judgment judgement accord pact settlement coverage reporting story stories article articles
    """
)

# The stances of approval among them: no account that a denial could reject.
APPROVAL_VERBS: Final = _words(
    """
    praised praises apologized apologised apologizes apologises apologizing apologising
    welcomed welcomes hailed hails lauded lauds applauded applauds welcoming hailing lauding
    applauding
    """
)

# Nouns of saying that a light verb reports with ("made unsubstantiated claims about").
SAYING_NOUNS: Final = _words(
    "claims allegations accusations assertions statements charges comments remarks predictions "
    # ("repeated the accusation that …", "made the claim that …": one is said as well.)
    "claim allegation accusation assertion statement charge comment remark prediction"
)

# Light verbs that report together with their object noun ("voiced hope", "raised concerns").
LIGHT_VERBS: Final = _words("voiced voices voicing expressed expresses expressing raised raises")
LIGHT_OBJECTS: Final = _words(
    "hope hopes concern concerns confidence doubt doubts fears fear optimism skepticism "
    "scepticism frustration support opposition worries worry alarm regret outrage anger dismay "
    "disappointment"
)

# Nouns that report when a named possessor precedes them ("Zelensky's assertion that ...").
CLAIM_NOUNS: Final = _words(
    """
    assertion assertions claim claims statement statements allegation allegations accusation
    accusations revelation revelations insistence contention argument warning warnings
    announcement suggestion testimony charge charges account
    """
)

# Nouns for an account that a denial can reject ("denied the reports", "rejected that claim").
REJECTABLE_NOUNS: Final = _words(
    """
    claim claims report reports reporting allegation allegations accusation accusations
    assertion assertions charge charges story stories suggestion suggestions notion
    rumor rumors rumour rumours speculation news article articles account accounts
    characterization characterisation contention findings finding assessment figure
    figures estimate estimates numbers version explanation description portrayal
    interpretation conclusion conclusions study studies research survey poll data remarks
    testimony concerns fears statement statements argument arguments information comment
    comments
    insinuation insinuations conjecture conjectures advisory advisories warning warnings
    forecast forecasts prediction predictions projection projections quotes quotations
    number toll
    """
)

# Denial verbs: deny always rejects; the others only when their object is an account.
DENY_VERBS: Final = _words("deny denies denied denying")
REJECT_VERBS: Final = _words(
    """
    reject rejects rejected rejecting dismiss dismisses dismissed dismissing refute refutes
    refuted refuting rebut rebuts rebutted rebutting debunk debunks debunked debunking
    dispute disputes disputed disputing dispel dispels dispelled dispelling
    retract retracts retracted retracting withdrew withdraws withdrawn recant recants
    recanted recanting
    """
)
DENIAL_NOUNS: Final = _words("denial denials rejection debunking refutation dismissal rebuttal")

# Predicates that call an account false ("was categorically untrue").
FALSE_WORDS: Final = _words(
    """
    untrue false baseless unfounded groundless fabricated nonsense inaccurate incorrect
    wrong fabrication lie lies fake misleading ridiculous absurd flawed fiction fantasy
    disinformation propaganda slanderous defamatory exaggerated overblown overstated
    distorted inflated smear hoax hatchet sham rubbish garbage dishonest hype
    preposterous ludicrous laughable bogus spurious concocted trumped-up ill-founded
    libelous libellous plot conspiracy slander libel defamation falsehood falsehoods
    fabrications canard unsubstantiated fictitious made-up erroneous imagination figment
    rumor rumour
    """
)

# Predicates that call an account partial rather than false ("called the report biased"):
# a denial only when what is so called is an account, unlike "called the new tax unfair".
PARTIAL_WORDS: Final = _words(
    "biased one-sided unbalanced unfair prejudiced slanted hollow politically-motivated partisan "
    "irresponsible unscientific"
)

# Common nouns that describe a company or body before its name ("gas giant Gazprom", "the
# carmaker Toyota"): a description, like a title, not part of the name.
ORG_DESCRIPTORS: Final = _words(
    """
    company firm giant group maker carmaker automaker carrier airline operator producer
    monopoly broadcaster retailer manufacturer bank lender insurer network website newspaper
    daily outlet watchdog regulator utility supplier developer conglomerate miner exporter
    importer chain platform startup start-up agency organization organisation charity
    """
)

# Forms of address before a surname ("Mr. Uribe"): not part of the name.
HONORIFICS: Final = _words("mr mrs ms miss dr sir dame madame monsieur")

# Nouns whose NP points at no identifiable source.
ANONYMOUS_HEADS: Final = _words(
    """
    source sources people person individuals individual insiders insider reports report
    economists economist
    reporting article articles media experts expert analysts analyst witnesses witness
    assessments assessment documents document observers residents someone critics
    accounts account rumors rumours speculation memo e-mails emails groups activists
    campaigners villagers family families relatives protesters opponents supporters
    demonstrators marchers organisers organizers strikers survivors victims passengers
    allegations accusations
    """
)

# Nouns for an unnamed role of a body ("a White House spokesperson", "Ukrainian officials").
ROLE_HEADS: Final = _words(
    """
    official officials spokesperson spokesman spokeswoman spokespeople representative
    representatives diplomat diplomats aide aides adviser advisers advisor advisors envoy
    envoys negotiator negotiators executive executives lawmakers lawmaker legislators
    legislator colleagues leaders leader authorities officers officer commander commanders
    members member staff secretary minister ministers authors author delegation
    delegates investigators prosecutors prosecutor police military army government
    administration ministry department committee board embassy agency general generals
    president chancellor governor mayor senator ambassador judge chairman chairwoman chair
    director chief premier commission council regulator watchdog parliament office
    agencies ministries departments figures allies king queen monarch pope emir sultan
    auditor auditors inspector inspectors ombudsman comptroller rapporteur rapporteurs
    secretary-general
    coordinator coordinators commissioner commissioners administrator administrators mediator
    mediators
    """
)

# Common nouns for a single person: a "he"/"she" may point back to them.
PERSON_NOUNS: Final = _words(
    """
    man woman boy girl neighbor neighbour resident witness farmer engineer doctor nurse
    teacher worker driver mother father son daughter wife husband brother sister owner
    survivor victim student pilot soldier officer lawyer activist analyst expert economist
    medic paramedic rescuer volunteer parent employee customer shopper fan local passenger
    researcher scientist journalist reporter correspondent official spokesman spokeswoman
    spokesperson minister president secretary envoy aide adviser advisor diplomat negotiator
    executive lawmaker legislator leader commander general governor mayor senator ambassador
    judge chairman chairwoman chair director chief premier prosecutor investigator member
    coach captain manager referee founder professor specialist physician surgeon epidemiologist
    virologist historian consultant pharmacist psychologist psychiatrist criminologist lecturer
    rapporteur coordinator commissioner administrator mediator ombudsman inspector editor
    laureate dissident blogger campaigner novelist poet artist singer actor cleric
    businessman businesswoman tycoon secretary-general sheriff marshal constable king queen
    prince princess monarch emir sultan admiral colonel brigadier commodore lieutenant sergeant
    representative delegate politician candidate chancellor attorney counsel banker trader
    investor strategist organizer organiser villager protester demonstrator refugee monk priest
    imam bishop archbishop pastor rabbi
    """
)

# Lower-case words inside and around names. ``name_runs`` keeps them when it cuts a text into
# runs of capitalized words, and the rules in ``entities`` read them, so both take them here.

# Lower-case particles inside personal names ("Luuk de Graaf", "Mohammed bin Salman").
NAME_PARTICLES: Final = frozenset("de du da van von bin ibn el al dos das del di der wa".split())
# Lower-case words that may join the capitalized words of one name ("Bank of England",
# "Banco de Portugal", "Mohammed bin Salman"), when a capitalized word follows them: the
# particles of personal names and the links of bodies' names.
NAME_CONNECTORS: Final = NAME_PARTICLES | frozenset({"of", "for", "the", "and", "la", "on"})
# Prepositions after which a name is a place ("shelling in Port Arvel", "a market near Lucar").
PLACE_PREPS: Final = frozenset({"in", "at", "near", "outside"})
# Nouns for a settlement, before its name or its "of" ("the port Odesa", "the city of Aleppo").
PLACE_NOUNS: Final = frozenset({"city", "town", "village", "region", "province", "capital", "port"})
# Titles written in lower case before a name ("spokesman Ivan Petrov"): a person's name.
LOWER_TITLES: Final = frozenset(
    """
    spokesman spokeswoman spokesperson negotiator envoy adviser advisor aide minister
    secretary president leader counterpart director chairman chair official ambassador
    correspondent commander senator governor mayor colleague deputy chief reporter analyst
    prosecutor judge general
    """.split()
)
# Role nouns after a name ("Skyhaul executives", "Rosneft officials"): a body's name.
ROLE_AFTER_ORG: Final = frozenset(
    """
    executives employees officials spokesman spokeswoman spokesperson lawmakers staff
    investigators engineers workers representatives shareholders board officers
    """.split()
)

# Institutional nouns: capitalized they name the body itself ("The State Department says").
BODY_HEADS: Final = _words(
    "government administration ministry department committee board embassy agency military "
    "army police delegation commission council regulator watchdog parliament office"
)

# Heads of a body that a relative clause may describe rather than name ("the body that
# represents garment exporters", "the group that organised the march").
GROUP_HEADS: Final = _words(
    "body group organization organisation association union federation coalition alliance "
    "network institute firm company"
)

PRONOUNS: Final = _words("he she they it we i who which that this these those")
PERSON_PRONOUNS: Final = _words("he she")
# The pronouns that stand as a clause's subject.
SUBJECT_PRONOUNS: Final = _words("he she it they we i")
PLURAL_PRONOUNS: Final = _words("they")

# Modal and evidential hedges (SCHEMA.md "hedged").
HEDGE_WORDS: Final = _words(
    """
    reportedly allegedly alleged alleging purportedly apparently likely unlikely possibly
    probably perhaps maybe hopefully could may might believed believe believes expects
    expect expected expecting signaled signalled signaling signalling indicated indicates
    indicating suggested suggests unconfirmed rumored rumoured unverified unsubstantiated
    hinted hints hinting purported think thinks indicate suggest suspect suspects
    """
)

# What an office is over, in a title before a name ("Minister of Information", "Director of
# National Intelligence", "Special Envoy for Reconstruction"): never a word of the name.
OFFICE_REMITS: Final = _words(
    """
    foreign affairs information health justice defense defence interior state finance
    trade industry education agriculture energy mines mining labor labour transport home
    economy planning environment culture communications security public works internal
    external commerce tourism fisheries water lands youth sport sports women welfare
    treasury development national intelligence
    oil gas civil political military legal consular human rights refugees migration
    immigration narcotics population global international regional democracy
    disarmament arms control reconstruction relief emergency
    """
)

# Small numbers that name a group the report counted ("The ten withdrew …", "the two said").
SMALL_NUMBERS: Final = _words("two three four five six seven eight nine ten eleven twelve")

# Words that open a noun phrase without being its head: articles, possessives,
# demonstratives, quantifiers and small numbers ("the", "their", "several", "two").
DETERMINERS: Final = _words(
    """
    the a an another some several many most few both all each his her its their our my your
    this these those one two three four five six seven eight nine ten other any such
    """
)

PREPOSITIONS: Final = _words(
    "in at on by with from for of to into over under during after before since until about "
    "within among inside outside across near behind against amid around toward towards via "
    "throughout beyond"
)

# Endings of plural nouns for kinds of people ("farmers", "doctors", "residents", "nurses").
AGENT_PLURALS: Final = ("ers", "ors", "ists", "ants", "ents", "ians", "ees", "ses")

# Plural nouns for armed or uniformed people whose endings say nothing of people.
FORCE_PLURALS: Final = _words("guards troops forces militants rebels fighters gunmen crews")

# Plural nouns for bodies that speak ("opposition parties accused …", "rights groups say").
BODY_PLURALS: Final = _words(
    "parties groups unions organizations organisations companies governments agencies "
    "countries nations states ministries authorities watchdogs regulators charities"
)

# Titles that precede a personal name; stripped off when the title is long.
TITLE_WORDS: Final = _words(
    """
    president vice prime minister secretary secretary-general spokesperson spokesman
    spokeswoman chancellor king queen prince princess sheikh emir governor mayor senator sen.
    rep. representative
    congressman congresswoman speaker chair chairman chairwoman director general gen. gen
    admiral adm. colonel col. lt. lieutenant major maj. captain capt. sergeant sgt. ambassador
    envoy special deputy chief foreign defense defence interior finance justice state
    minister's negotiator adviser advisor aide commander judge justice pope cardinal bishop
    rabbi imam dr. dr mr. mr mrs. mrs ms. ms prof. professor leader ceo founder head
    national security senior top former acting premier
    """
)

# Titles written short with a period ("Maj. Gen. Asif Ghafoor", "Sen. Ana Ruiz"): the
# period ends neither a sentence nor a speaker's name.
TITLE_ABBREVIATIONS: Final = _words(
    "mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr cdr brig sen rep gov pres amb rev "
    "hon fr st"
)

# Function words that never start or end a speaker noun phrase.
LEADING_ADVERBIALS: Final = _words(
    """
    but and so yet still meanwhile however also then now later afterward afterwards
    earlier separately elsewhere instead indeed moreover furthermore while as though although
    because since when if after before whereas unless until despite even
    actually previously ultimately finally additionally initially originally frankly
    clearly obviously notably similarly consequently subsequently eventually
    unfortunately fortunately apparently evidently
    """
)

AUXILIARIES: Final = _words(
    """
    has have had is are was were be been being will would shall should can could may might
    must do does did not never also later previously again repeatedly consistently
    vigorously categorically firmly publicly privately reportedly allegedly recently
    already once himself herself itself themselves themself first last just then now
    barely openly strongly flatly sharply quickly immediately subsequently further
    always long still often sometimes usually ever even
    attempts attempted tried tries sought seeks continues continued appeared appears to
    went goes quick swift moved moves rushed hastened hurried
    """
)

WEEKDAYS: Final = _words("monday tuesday wednesday thursday friday saturday sunday")
# Nouns that end in "-ly" like an adverb ("The family said", "a close ally"): never
# stripped from a speaker phrase as "reportedly" or "also" would be.
LY_NOUNS: Final = _words("family ally assembly daily rally monopoly anomaly supply")

TIME_WORDS: Final = WEEKDAYS | _words(
    """
    today yesterday tonight tomorrow morning afternoon evening week month year earlier
    """
)

# Verbs that end a noun phrase when scanning back from a cue ("heard the Secretary confirm").
CLAUSE_VERBS: Final = _words(
    """
    heard saw met made came went took gave cited quoted asked got left held found kept
    brought sent told said is are was were has have had will would can could should may
    might must does did
    """
)

# Adjectival -ed words that can sit inside a speaker noun phrase.
ED_ADJECTIVES: Final = _words(
    "unnamed unidentified informed elected retired armed detailed alleged so-called united "
    "concerned interested involved senior-ranked appointed polled surveyed briefed quoted "
    "cited interviewed based contacted consulted published released conducted commissioned "
    "led "
    # ("Sources connected to the NUG say", "militants linked to the group claimed").
    "connected linked affiliated associated allied aligned"
)

# Pending outcomes: what awaits, is hoped for, left undecided, under way or still to come.
# ``questions`` looks ahead for the letters these patterns start with: a pattern starting
# with a new letter must add it there.
PENDING_PATTERNS: Final = (
    r"await\w*",
    r"hop(?:e|es|ed|ing) to\b",
    r"hopes? (?:of|for|that)\b",
    r"left without",
    r"without (?:any )?(?:signs? of )?(?:an? |any )?"
    r"(?:agreement|deal|breakthrough|decision|progress)",
    r"(?:set|scheduled|due|poised|slated) to\b",
    r"to (?:continue|resume)\b",
    # ("will continue broadcasting" states an intention; nothing is awaited.)
    r"(?:will|would) (?:continue|resume)\b(?! \w+ing\b)",
    r"continue to (?:negotiate|talk|meet|discuss)",
    r"explor\w+ (?:options|ways|possibilities)",
    r"(?:not|yet to) (?:been |be )?"
    r"(?:disclosed|decided|announced|finalized|finalised|signed|agreed|confirmed|verified|set|"
    r"fixed|scheduled|released|published|made public)\b",
    r"postpone[sd]?|postponing|pending|undecided|unresolved|unclear|uncertain",
    # "the teams argued over whether he should be freed": a matter still being decided.
    r"(?:over|about|on) whether\b",
    # "his panel was to meet soon": arranged, not yet held.
    r"(?:is|are|was|were) to (?:meet|decide|rule|vote|announce|consider|hold|resume|begin)\b",
    # "we will study the report", "said it would look into the matter": a decision to come.
    r"(?:will|would|going to|plans? to|promised to|pledged to) (?:(?!not |never )\w+ )?"
    r"(?:study|review|examine|consider|look into|assess|weigh)\b",
    r"hopefully",
    # "the shortage is likely to ease", "a vote on the plan is due next month": a forecast
    # or a date, the outcome still to come.
    r"(?:is|are|was|were) (?:\w+ )?(?:un)?likely to\b",
    r"(?:is|are|was|were) due (?:on|in|by|next|this|later|before|within)\b",
    # "the inquiry is still under way", "the hearing was adjourned until May", "the court
    # will rule next week", "a verdict is expected on Friday", "no decision has been made",
    # "divers are still searching for …", "remains under investigation".
    r"(?:investigation|inquiry|probe|search|review|talks|negotiations|hearing|trial|count|"
    r"counting)s?(?: [\w-]+){0,5}? (?:is|are|was|were|remains?) (?:still )?"
    r"(?:ongoing|under ?way|continuing)\b",
    r"adjourned (?:until|till|to)\b|(?:case|hearing|trial|proceedings) "
    r"(?:was|were|has been|had been|is) adjourned\b",
    r"(?:will|would) rule\b",
    # (A decision, not a visitor: "the president is expected in Paris" is a schedule.)
    r"(?:decision|verdict|ruling|result|outcome|announcement|findings|judg[e]?ment|response)s?"
    r"(?: [\w-]+){0,6}? (?:is|are|was|were) expected\b",
    r"no decision (?:has|had|was|is) (?:yet )?(?:been )?(?:made|taken|reached)|no decision yet",
    r"(?:is|are|was|were) (?:still )?searching for\b",
    r"remains? under (?:investigation|review|consideration)",
    # "Four clubs are under investigation", "They are being investigated for fraud": the
    # outcome of an inquiry still to come.
    r"under (?:criminal |formal |official )?investigation\b",
    r"(?:is|are|was|were) (?:\w+ )?being investigated\b",
    # "There was no information on what happened to the crew", "the government has no
    # information on his whereabouts": what became of it is not yet known.
    r"(?:has|had|have|there (?:is|was|has been)) (?:still )?no (?:new |further |official )?"
    r"information (?:on|about|as to)\b",
    # "has shared few details of the plan": what it holds is not yet known.
    r"(?:shared|gave|given|offered|provided|released|disclosed|revealed) "
    r"(?:few|no|little|scant) (?:further |more )?details\b",
    # "might challenge the results in court", "will decide next week whether to …",
    # "will determine where …", "would need the approval of …", "are reviewing the case",
    # "will be certified on Friday": each leaves an outcome to come.
    # ("may appeal to young voters" attracts them: no appeal is lodged.)
    r"(?:could|may|might) (?:\w+ )?"
    r"(?:challenge|appeal(?! to\b)|sue|go to court|take legal action)\b",
    r"decid(?:e|es|ing) (?:\w+ ){0,3}?(?:whether|if)\b",
    r"(?:will|would|to) determine (?:where|whether|how|who|what|if|when|why)\b",
    r"(?:would|will) (?:need|require) (?:the )?"
    r"(?:approval|consent|sign-off|backing|ratification)\b",
    # "the deal still needs approval from parliament", "must still be ratified by …".
    # ("The drug requires approval before sale" is a standing rule: "still" or a
    # ratification marks a step to come.)
    r"still (?:needs|requires) (?:the |final |formal )?(?:approval|consent|sign-off|"
    r"ratification)\b|(?:needs|requires) (?:the )?ratification\b"
    r"|must (?:still |first )?be (?:approved|ratified|endorsed)\b",
    r"(?:is|are|was|were) (?:still )?(?:reviewing|examining|studying|considering|assessing|"
    r"weighing)\b",
    r"will be (?:certified|announced|published|released|decided|finalized|finalised|signed|"
    r"ratified)\b",
    # "he is the only one still being detained": whether he is freed is still open.
    r"still (?:being (?:detained|held)|detained|missing|in custody)\b"
    r"|remains? (?:in custody|detained|missing|jailed|behind bars)\b",
    # "asked the bank to stop funding the dam": a request awaiting its answer.
    r"(?:asked|urged|called on|appealed to|pressed) (?:\w+ ){1,6}?to "
    r"(?:stop|halt|suspend|withdraw|reconsider|cancel|drop|reverse)\b",
    r"nearing (?:an? )?(?:agreement|deal)",
    r"closer to (?:an? )?(?:agreement|deal)",
    r"called for|calls for|calling for",
    r"we will see|remains? to be seen|(?:eager|curious|waiting) to see",
    r"no (?:signs? of (?:a )?)?breakthrough",
    r"(?:refused|declined) to comment|cannot comment|would not comment",
    # The wire's "did not respond to a request for comment": that side is still unheard.
    r"(?:did not|didn[’']t) (?:immediately )?(?:respond|reply) to (?:a |repeated |multiple )?"
    r"requests? for comment|could not be reached for comment"
    r"|(?:was|were) not (?:immediately )?available for comment",
    r"(?:refused|refuses|declined|declines) to (?:confirm|verify)|neither confirm\w* nor den\w*",
    r"(?:could|may|might) (?:take place|meet|resume|sign|be signed|soon)",
    r"(?:is|are|was|were) investigating|investigation into",
    r"expects? (?:\w+ ){0,3}?(?:to|will)\b",
    r"going to sign|will sign",
    r"no date (?:has been|had been|was|is) (?:set|fixed|announced)",
    r"(?:has|have|had) yet to\b|yet to be\b",
    r"(?:is|are|was|were) expected to\b",
    r"(?:is|are|was|were) preparing to\b",
    r"not (?:yet |immediately )?(?:clear|known)\b|not yet\b",
    r"(?:not|yet to) (?:been |be )?\w+ly (?:confirmed|verified)",
    r"no (?:independent |immediate |official )?(?:confirmation|verification)",
    r"(?:set|scheduled|planned) for\b",
    r"(?:has|have|had) not (?:yet )?(?:said|decided|announced|indicated|disclosed) "
    r"(?:whether|if|when)\b",
    # "The two leaders did not say when they would meet again", "would not say whether …".
    r"(?:did|would|could|does|do) not (?:say|specify|disclose|indicate|reveal) "
    r"(?:whether|if|when|where|how)\b",
    r"will go ahead|unless\b|threaten(?:s|ed|ing)? to\b",
    # "the trial will get under way next week", "will now face 16 charges", "faces trial":
    # a case still to be heard, its outcome to come.
    r"trials? (?:\w+ ){0,5}?(?:will|is set to) (?:open|begin|start|get under ?way|resume)\b",
    r"(?:(?:will|to|could|would) (?:now |still )?(?:face|stand)|faces?) (?:trial|"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|new|fresh|further|criminal) )*"
    r"charges)\b",
    # "demanded a new election", "are demanding an independent inquiry": a demand not yet met.
    r"demand(?:ed|s|ing)? (?:a |an |the )?(?:new |fresh |full |independent |public )?"
    r"(?:election|vote|re-?run|recount|inquiry|investigation|probe|apology|resignation|refund|"
    r"compensation)\b",
    # "At issue is why the firm waited": the report names what is still unexplained.
    r"at issue is (?:why|whether|how|what|who)\b",
    r"(?:do|does|did) not (?:yet )?know|(?:don't|don’t) (?:yet )?know|(?:is|are|was|were|remains?) "
    r"(?:not |still )?(?:yet )?unknown",
    # "There has been no immediate reaction from the governments": that side is unheard.
    # "There was no Indian or U.S. official reaction to the report": who has not answered
    # may stand before the noun, and what they have not answered after it.
    r"no (?:immediate |official )?(?:reaction|response|comment)s? (?:from|by)\b",
    r"there (?:was|is|has been|have been) no (?:[\w.\-]+ ){0,5}?(?:reaction|response|comment)s? "
    r"(?:to|from|by|on)\b",
    # "organizers are racing against time to get the venues ready": done in time or not.
    r"racing against (?:time|the clock)",
    # "the government will probe all charges", "vowed to investigate": an inquiry whose
    # findings are to come.
    r"(?:will|would|vowed to|pledged to|promised to) (?:probe|investigate)\b",
    # "lawmakers have demanded that the government sack the head": a demand not yet met.
    r"demand(?:ed|s|ing)? that\b",
    # "Scores of others have been reported missing", "an effort to resolve the dispute".
    r"reported missing\b|efforts? to (?:resolve|end|settle|defuse)\b",
    # "Fighting continues in the district", "talks continue on Monday": still going on.
    r"(?:fighting|clashes|talks|negotiations|search|protests|strike|standoff)"
    r"(?: \w+)? continues?\b",
    # "says it is prepared to discuss the matter bilaterally", "his lawyers are working on
    # the case": what is offered or prepared, not yet done.
    r"(?:is|are) (?:also )?prepared to (?:discuss|negotiate|talk|meet|consider)\b",
    r"(?:is|are) working on (?:the|a|an) (?:case|appeal|lawsuit|deal|agreement|plan)\b",
    # "Seoul will take resolute counter-measures", "promised to respond to any retaliation":
    # a threat whose outcome is to come.
    r"(?:vowed|promised|pledged) to (?:respond|retaliate)\b"
    r"|will take (?:\w+ ){0,2}?(?:counter-?measures|measures|action|steps)\b",
    # "Laos is facing increasing pressure to delay the dam": whether it yields is open.
    r"(?:faces|facing|faced|under) (?:\w+ ){0,2}pressure to\b",
    # "The court is expected, as per the constitution, to take 14 days": an aside inside.
    r"expected, [^,]{1,80}, to\b",
    # "is launching a formal challenge at the WTO", "filed a lawsuit": a case to be heard.
    r"(?:launch|launches|launched|launching|file|files|filed|filing|lodge|lodged|lodging) "
    r"(?:a |an )?(?:formal |legal )?(?:challenge|complaint|appeal|lawsuit)\b",
    # "Poland has threatened Belarus with further sanctions".
    r"threaten(?:s|ed|ing)? (?:\w+ ){0,3}?with\b",
    # "The journalists were charged in absentia": their case is still to be tried.
    r"(?:was|were|has been|have been|had been) charged (?:with|in)\b",
)

# Narration that hedges its own statement ("are believed to have", "reportedly"): with no
# source, nothing in the report confirms it.
# As with PENDING_PATTERNS, ``questions`` looks ahead for the letters these start with.
NARRATION_HEDGES: Final = (
    r"(?:is|are|was|were) (?:widely )?(?:believed|said|thought|understood|reported|alleged|"
    r"rumou?red|suspected) to\b",
    r"reportedly|allegedly|purportedly",
    # "pet food that is suspected of causing the deaths".
    r"(?:is|are|was|were) (?:\w+ )?suspected of\b",
    # "… and there are reports the hackers took salary data": nobody named stands behind it.
    r"there (?:are|were|have been) (?:\w+ )?reports\b",
)

# Chat cues, matched on a sentence with its quoted text blanked out and curly apostrophes
# made straight (``briefings/chat.py``). A disagreement is a judgement on what someone said:
# "that's outdated", "I don't think that's right", or a reply that opens with "no"/"nope"
# and goes on; "no worries" and a story's "the delegations disagree" are not.
CHAT_DISAGREE: Final = (
    r"\b(?:that|this|it)(?:'s| is| was) not (?:true|right|correct|accurate|what|how|quite)\b",
    r"\b(?:that|this|it)(?:'s| is| was) (?:wrong|incorrect|outdated|old|false|inaccurate|"
    r"misleading|not the case)\b",
    r"\bnot true\b",
    r"^(?:absolutely|definitely|certainly|of course) not\b",
    # A counter-proposal: "I'd rather lead with the numbers".
    r"^(?:hmm,?\s+)?(?:i'?d|i would) rather\b",
    r"^(?:no|nope|nah|wrong|incorrect)\b(?!\s+(?:worries|problem|problems|prob|one|objections?|"
    r"idea|rush|need|doubt|thanks|clue|news|comment|word|change|update|response|reply)\b)",
    r"^not (?:quite|really|so sure|exactly|true)\b",
    r"\b(?:i|we) (?:disagree|don'?t agree)\b",
    r"\bdisagree with (?:you|that|this|him|her|them)\b",
    r"\b(?:i )?don'?t think (?:so|that'?s|that is|it'?s|it is|this is|they|he|she)\b",
    r"\bnot sure (?:about that|that'?s|that is|it'?s|this is)\b",
    r"\b(?:i'?d|i would|let me) push back\b",
    r"\b(?:has|have|had|says|said|reports?|reported) it differently\b",
    r"\bthat doesn'?t (?:match|add up|square)\b",
)
# A decision commits the team to what it does: "let's lead with …", "we're holding …",
# "decision: …". A short marker ("agreed", "going with that") decides what was proposed
# just before it.
CHAT_DECISION: Final = (
    r"^(?:decision|decided)\s*[:\-\u2014]",
    r"\bdecision(?: is|:)",
    # Assent that goes on to say what is done: "agree, keep it as 'signals challenge'".
    r"^(?:ok(?:ay)?[,.]?\s+)?(?:agree|agreed|fine|deal)[,.]?\s+(?:keep|go with|use|run|lead with|"
    r"let'?s|we)\b",
    r"^(?:ok(?:ay)?[,.]?\s+)?(?:so[,:]?\s+|then\s+)?we (?:run|hold|lead with|go with|attribute|"
    r"keep|use|publish|drop|wait for|stick with|call it|cut|kill|spike|file)\b",
    r"\b(?:let'?s|we(?:'ll| will|'re| are| shall)(?: going to)?)\s+(?:go with|going with|"
    r"lead with|leading with|run|running|hold|holding|keep|keeping|use|using|publish|"
    r"publishing|drop|dropping|wait|waiting|stick with|sticking with|attribute|attributing|"
    r"hold off|not run|frame|framing|call it|put|putting|cut|cutting|change|changing|"
    r"push|pushing|move|moving|kill|killing|spike|spiking|file|filing|wait for)\b",
    r"\bwe agreed\b",
    r"\bgoing with\b",
    r"\bsettled on\b",
    r"\bfinal answer\b",
    r"\bwe(?:'ve| have) decided\b",
)
# What closes a proposal made just before it, in a short message of its own.
CHAT_ASSENT: Final = (
    r"^(?:ok(?:ay)?[,.]?\s+)?(?:agreed|decided|deal|sounds good|done deal|go with (?:that|it)|"
    r"going with (?:that|it)|let'?s do (?:that|it)|makes sense,? let'?s do it|approved|"
    r"ship it|fine by me|settled)\b",
)
# An action item: someone takes on work ("I'll …", "on it"), is asked to ("@dana can you
# …", "dana, call the ministry"), or a "TODO". "I can't believe" and "can you imagine" are
# not work.
CHAT_ACTION: Final = (
    r"\bi(?:'ll| will| can| am going to|'m going to|'m gonna| am gonna)\s+(?!not\b|never\b|"
    r"believe\b|imagine\b|see why\b|understand\b|guess\b|bet\b|tell you\b|say\b)\w+",
    r"\bwill (?:send|check|call|update|ask|write|draft|follow up|look into|ping|email|file)\b",
    r"\bi(?:'ll| will)(?: do it)?(?=\s*(?:[,.!]|$))",
    r"\btodo\b",
    r"\baction item\b",
    r"\b(?:can|could|would|will) you (?:please |pls )?(?!believe\b|imagine\b|tell\b|"
    r"see\b|stop\b)\w+",
    r"^(?:on it|i'?m on it|will do|calling (?:now|them|him|her)|checking(?: now| it| that)?|"
    r"fixing(?: it| that| now)?|looking into it|on my way)\b",
    # A bare name needs its comma ("dana, call …"): "analysts call it a win" is no request.
    r"^(?:(?:@\S+|<@\w+>),?\s+|(?!(?:i|we|you|they|he|she|it|who|people|ok|okay|so|and|but|"
    r"also|then|just)\b)[a-z]+,\s+)?(?:please |pls )?(?:call|ask|check|verify|confirm|pull|"
    r"send|draft|ping|email|chase|contact|update|find|get|grab|look into|reach out to|fix|"
    r"add|file|follow up|write|translate|cover|handle|take)\b",
    r"^(?:sending|pulling|drafting|writing up|filing|asking|emailing|pinging|translating)\b",
    r"\bwe (?:should|need to|must|have to) (?:also )?(?:ask|call|check|confirm|verify|"
    r"find out|get|chase|update|reach)\b",
)


_Trie = dict[str, "_Trie"]


def gated_search(pattern: re.Pattern[str], text: str, keys: tuple[str, ...]) -> bool:
    """``pattern.search(text)``, skipped when ASCII ``text`` holds none of ``keys``.

    ``keys`` are lower-case words every match of the case-insensitive ``pattern`` contains.
    For ASCII text, ignoring case is comparing lower-cased letters, so a text whose lower-case
    form lacks them all cannot match; most texts are such, and substring tests are far cheaper
    than ``re``. Non-ASCII text always gets the full search (case folding may differ there).
    """
    if text.isascii():
        low = text.lower()
        if not any(key in low for key in keys):
            return False
    return pattern.search(text) is not None


def lower_aligned(text: str) -> str:
    """``text.lower()`` with every character still at its index in ``text``.

    One character lower-cases to two in Python, "İ" (dotted capital I, as in Turkish names):
    a position found in ``text.lower()`` would point past it in the original, and a rule that
    cuts the original there would cut the wrong words or run off its end. It becomes "i".
    """
    low = text.lower()
    return low if len(low) == len(text) else text.replace("\u0130", "i").lower()


def word_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as a prefix trie, so matching does not retry each word.

    ``re`` tries the branches of ``a|b|c`` one after another at every position; a trie
    (``sa(?:id|ys|y)``) shares the prefixes and fails after a character or two.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: _Trie) -> str:
    branches = [re.escape(ch) + _trie_regex(node[ch]) for ch in sorted(k for k in node if k)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        body = f"(?:{body})?"
    return body


# Marks that may touch a word in running text ("said,", "“We", "(reportedly)", "U.S.-led");
# none of them is a regex word character.
_MARKS = tuple(".,’\"-'”“‘$—–:;[]()%?!/&…*#@+=\n\t")
# The marks outside ASCII, replaced one by one; the ASCII ones go in one ``bytes.translate``.
_WIDE_MARKS = tuple(m for m in _MARKS if not m.isascii())
_ASCII_MARKS = "".join(m for m in _MARKS if m.isascii()).encode("ascii")
_ASCII_SPACES = bytes.maketrans(_ASCII_MARKS, b" " * len(_ASCII_MARKS))
# What ASCII text may hold for the fast path: marks, spaces, letters and digits.
_ASCII_WORDY = _ASCII_MARKS + b" " + bytes(c for c in range(128) if chr(c).isalnum())


class WordFinder:
    """Finds where whole words of a set start in a text, as ``\\b(?:<words>)\\b`` would.

    ``re`` pays a match attempt at every character to test ``\\b``, and even a pattern
    opening with a literal space pays one at every word. Here every mark in the text is
    first turned into a space (offsets do not move) and a space put in front, so that the
    text splits into its words; the words of the set among them are one set intersection
    in C, and only those few are looked up again for their offsets. A text holding
    anything else that is neither a letter nor a digit (an underscore, an unusual symbol)
    gets the plain pattern: the same offsets either way.

    Once the few marks outside ASCII are spaces, most news text is ASCII: then the other
    marks become spaces in one ``bytes.translate``, instead of a Python step per mark and a
    Unicode lookup per character.
    """

    __slots__ = ("_ascii_keys", "_ascii_words", "_bounded", "_keys", "words")

    def __init__(self, words: frozenset[str]) -> None:
        if not all(w.isalnum() for w in words):
            raise ValueError("WordFinder needs words of letters and digits only")
        self.words = words
        self._bounded = re.compile(r"\b(?:" + word_pattern(words) + r")\b")
        # Each word with the spaces around it, as it stands in the spaced text.
        self._keys = {w: f" {w} " for w in words}
        # ASCII text holds no word outside ASCII, so such a word is left out here.
        self._ascii_keys = {w.encode(): f" {w} ".encode() for w in words if w.isascii()}
        self._ascii_words = frozenset(self._ascii_keys)

    def starts(self, text: str) -> list[int]:
        """Offsets in ``text`` where a whole word of the set starts, in order."""
        spaced = " " + text
        if not spaced.isascii():
            for mark in _WIDE_MARKS:
                if mark in spaced:
                    spaced = spaced.replace(mark, " ")
        if spaced.isascii():
            encoded = spaced.encode("ascii")
            if encoded.translate(None, _ASCII_WORDY):
                return [m.start() for m in self._bounded.finditer(text)]
            narrow = encoded.translate(_ASCII_SPACES)
            return _offsets(narrow, self._ascii_words, self._ascii_keys)
        for mark in _MARKS:
            if mark in spaced:
                spaced = spaced.replace(mark, " ")
        if not spaced.replace(" ", "").isalnum() and spaced.strip():
            return [m.start() for m in self._bounded.finditer(text)]
        return _offsets(spaced, self.words, self._keys)


def _offsets(spaced: AnyStr, words: frozenset[AnyStr], keys: dict[AnyStr, AnyStr]) -> list[int]:
    """Where the ``words`` stand in ``spaced`` (letters, digits and spaces only).

    ``keys`` holds each word with a space either side. Offset ``i`` of ``spaced`` is the
    space before the word at ``i`` in the original text.
    """
    # (``words.intersection`` walks the text's few words; ``keys.keys() & …`` would first
    # copy the whole set.)
    found = words.intersection(spaced.split())
    if not found:
        return []
    spaced += spaced[:1]  # a space after the last word, as after every other one
    offsets: list[int] = []
    for word in found:
        key = keys[word]
        at = spaced.find(key)
        while at >= 0:
            offsets.append(at)
            at = spaced.find(key, at + 1)
    if len(found) > 1:
        offsets.sort()
    return offsets
