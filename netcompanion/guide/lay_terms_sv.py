"""Orden folk skriver, bredvid orden guiden använder: the Swedish lay table for the guide search.

Each row is (what a person writes, guide words to search as well), read as in `lay_terms.py`: a row
applies when every content word of its left side is in the question, in any order and any form after
Swedish stemming. The right-hand words are the ones the Swedish guide pages use (docs/translating.md).
Review a row by asking: would a page about the right-hand words answer someone who wrote the left-hand
words?
"""

# Platser folk nämner när de menar en resa utomlands ("ska åka till spanien i sommar").
PLATSER_UTOMLANDS = (
    "spanien", "frankrike", "italien", "grekland", "portugal", "turkiet", "cypern", "kroatien", "tyskland",
    "europa", "usa", "amerika", "florida", "kanada", "thailand", "egypten", "indien", "dubai", "afrika",
    "asien", "kanarieöarna", "teneriffa", "gran canaria", "mallorca", "kreta", "rhodos", "london",
)

# Vardagsspråk för det guiden kallar annat: en omgång behandling, oljig avföring, chefen, hjärndimma, ett resmål.
# Written from how people talk, not from any question set; every right-hand word is one the Swedish guide uses
# (a test holds it).
SPOKEN_TERMS: tuple[tuple[str, str], ...] = (
    ("omgång", "behandlingar veckor"),
    ("omgångar", "behandlingar veckor"),
    ("cykel", "behandlingar veckor"),
    ("flyter", "fet avföring enzymer"),
    ("oljig avföring", "fet avföring enzymer"),
    ("kladdig avföring", "fet avföring enzymer"),
    ("creon", "enzymer kapslar"),
    ("imodium", "loperamid diarré"),
    ("dimor", "loperamid diarré"),
    ("sexlust", "lust sex relationer"),
    ("sexlusten", "lust sex relationer"),
    ("tappat lusten", "lust sex"),
    ("potens", "sex relationer"),
    ("åka bort", "resa"),
    ("resmål", "resa"),
    ("charter", "resa"),
    ("kryssning", "resa"),
    ("flyg", "resa flygplatser"),
    ("flyget", "resa flygplatser"),
    ("känner mig nere", "nedstämdhet oro"),
    ("nere", "nedstämdhet"),
    ("psykiskt", "oro nedstämdhet ångest stöd"),
    ("psykisk ohälsa", "oro nedstämdhet ångest stöd"),
    ("panik", "ångest oro"),
    ("panikångest", "ångest oro"),
    ("stressad", "oro ångest"),
    ("gråter", "känslor nedstämdhet"),
    ("gråta", "känslor nedstämdhet"),
    ("ensam", "stöd känslor"),
    ("börda", "känslor närstående"),
    ("chef", "arbetsgivare arbete"),
    ("chefen", "arbetsgivare arbete"),
    ("sjukpenning", "arbete pengar ersättning"),
    ("försäkringskassan", "arbete pengar ersättning"),
    ("ekonomi", "pengar ersättning"),
    ("räkningar", "pengar ersättning"),
    ("sprit", "alkohol"),
    ("groggar", "alkohol"),
    ("hjärndimma", "trötthet"),
    ("seg i huvudet", "trötthet"),
    ("dödlig", "leva med många år"),
    ("dödligt", "leva med många år"),
    ("dö", "leva med många år"),
    ("hur lång tid kvar", "leva med många år"),
    ("prognos", "leva med många år"),
    ("botbar", "bota"),
    ("obotlig", "leva med"),
    ("markörer", "kromogranin 5-HIAA blodprov urinprov"),
    ("tumörmarkörer", "kromogranin 5-HIAA blodprov urinprov"),
    ("värdena", "kromogranin provsvar"),
    ("koloskopi", "endoskopi kamera tarm"),
    ("gastroskopi", "endoskopi kamera magsäck"),
    ("svälja slang", "endoskopi gastroskopi"),
    ("metastatisk", "metastaser spridning"),
    ("stygn", "sår"),
    ("stygnen", "sår"),
    ("agrafferna", "sår"),
    ("ärret", "sår"),
    ("vätskar", "sår infektion"),
    ("gymmet", "träning lyfta"),
    ("gymma", "träning lyfta"),
    ("bära tungt", "lyfta"),
    ("whipple", "bukspottkörteln operation"),
    ("nikotinplåster", "nikotin läkemedel sluta röka"),
    ("plåster", "nikotin"),
    ("gubbe", "maken närstående partner"),
    ("gubben", "maken närstående partner"),
    ("gumman", "närstående partner"),
    ("käresta", "närstående partner"),
    ("facebook", "nätet grupper"),
    ("facebookgrupp", "nätet grupper stödgrupper"),
    ("cancerfonden", "cancerförening stöd"),
    ("prata med någon", "stöd samtal kurator"),
    ("ringa på natten", "stängt helgen"),
    ("röda dagar", "stängt helgen"),
    ("behålla vatten", "kräkningar uttorkning"),
    ("hålla inte med", "ny medicinsk bedömning"),
    ("byta sjukhus", "ny medicinsk bedömning"),
    ("byta läkare", "ny medicinsk bedömning"),
    ("missnöjd", "klagomål patientnämnden"),
    ("inte nöjd", "klagomål patientnämnden"),
    ("svenska", "tolk språk"),
    ("vägra", "tacka nej"),
    ("kapecitabin", "cellgifter cytostatika"),
    ("temozolomid", "cellgifter cytostatika"),
    ("T1", "TNM stadium"),
    ("T2", "TNM stadium"),
    ("T3", "TNM stadium"),
    ("T4", "TNM stadium"),
    ("droppet", "dropp"),
    ("ligga inne", "sjukhuset"),
    ("inlagd", "sjukhuset"),
    ("blodsockret", "blodsocker"),
    ("stigit", "stiger stiga"),
    ("munsår", "sår i munnen"),
    ("champix", "vareniklin"),
    ("åring", "barn"),
    ("träna", "träning"),
    ("motionera", "träning"),
    ("skiter", "bajsar avföring"),
    ("dör", "leva med många år"),
    ("överleva", "leva med många år"),
    ("nervös", "oro ångest"),
    ("hungrig", "aptit"),
    ("tänder", "tandläkare"),
    ("förhållande", "relationer partner"),
    ("dejta", "relationer"),
    *((place, "resa utomlands") for place in PLATSER_UTOMLANDS),
)

LAY_TERMS: tuple[tuple[str, str], ...] = (
    # Flush och vad som sätter igång den
    ("röd ansiktet", "flush rodnad"),
    ("röd i ansiktet", "flush rodnad"),
    ("rodnar", "flush rodnad"),
    ("rodnad", "flush"),
    ("blossar", "flush rodnad"),
    ("värmevallningar", "flush"),
    ("värmevallning", "flush"),
    ("het", "flush värmevallning"),
    ("varm ansiktet", "flush"),
    ("vin", "alkohol utlösare"),
    ("öl", "alkohol utlösare"),
    ("dricker alkohol", "utlösare flush"),
    ("stark mat", "utlösare flush"),
    ("kryddig", "stark mat utlösare"),
    # Magen och tarmen
    ("bajs", "avföring tarm"),
    ("bajsa", "avföring tarm"),
    ("bajsar", "avföring tarm"),
    ("bajsat", "avföring tarm"),
    ("bajsa ofta", "diarré"),
    ("lös mage", "diarré"),
    ("lösa magen", "diarré"),
    ("magsjuk", "diarré"),
    ("rinnande", "diarré"),
    ("toa", "toaletten diarré"),
    ("toan", "toaletten diarré"),
    ("toalett ofta", "diarré"),
    ("springer toa", "diarré"),
    ("diarre", "diarré"),
    ("diarrée", "diarré"),
    ("blod bajs", "blod avföring blödning"),
    ("svart bajs", "svart avföring blod blödning"),
    ("magknip", "ont i magen magsmärtor"),
    ("ont magen", "magsmärtor buken"),
    ("magont", "magsmärtor ont i magen"),
    ("uppblåst", "svullen magen"),
    ("uppsvälld", "svullen"),
    ("specialistcentrum", "specialistcenter"),
    ("centrum", "center"),
    ("svullen mage", "tarmvred stopp"),
    ("förstoppad", "förstoppning stopp i tarmen"),
    ("kräks", "kräkningar"),
    ("spyr", "kräkningar"),
    ("spy", "kräkningar"),
    ("illamående", "mår illa"),
    ("mår illa", "illamående kräkningar"),
    ("feber", "feber infektion"),
    ("frossa", "feber"),
    # Andning, hjärta, socker
    ("väser", "pipande andning astma"),
    ("pipig", "pipande andning"),
    ("andfådd", "andnöd"),
    ("andas", "andning andnöd"),
    ("hjärtklappning", "hjärtat slår"),
    ("hjärtat rusar", "hjärtklappning"),
    ("svimmar", "svimning yr"),
    ("svimmade", "svimning"),
    ("yr", "yrsel"),
    ("darrig svettig", "lågt blodsocker"),
    ("gul hud", "gulsot"),
    ("gula ögon", "gulsot"),
    # Söka vård
    ("1177", "sjukvårdsrådgivning vårdcentral"),
    ("ringa", "kontakta"),
    ("akuten", "akutmottagning akut"),
    ("akutmottagningen", "akutmottagning akut"),
    ("ambulans", "112 akut"),
    ("jourcentral", "närakut"),
    ("kvällen", "jour stängt"),
    ("natten", "jour stängt"),
    ("helgen", "jour stängt"),
    ("vårdcentralen", "vårdcentral"),
    ("husläkare", "vårdcentral"),
    ("doktor", "läkare"),
    ("doktorn", "läkare"),
    # Prover och undersökningar
    ("kissa burk", "dygnsurin urin 5-HIAA"),
    ("kiss", "urin"),
    ("kissprov", "urinprov dygnsurin"),
    ("urinprov", "dygnsurin 5-HIAA urin"),
    ("dygnsurin", "urin 5-HIAA"),
    ("äta före provet", "undvika mat 5-HIAA"),
    ("inte äta", "undvika livsmedel"),
    ("blodprov", "kromogranin"),
    ("magmedicin", "protonpumpshämmare syrahämmande kromogranin"),
    ("halsbränna tabletter", "protonpumpshämmare syrahämmande"),
    ("omeprazol", "protonpumpshämmare"),
    ("röntgen", "datortomografi magnetkamera PET undersökning"),
    ("skiktröntgen", "datortomografi"),
    ("ct", "datortomografi"),
    ("mr", "magnetkamera"),
    ("pet", "PET-undersökning"),
    ("kamera", "endoskopi"),
    ("slang halsen", "endoskopi gastroskopi"),
    ("vävnadsprov", "biopsi"),
    ("provbit", "biopsi"),
    ("provsvar", "prover resultat"),
    # Patologens svar
    ("pappret", "utlåtande patolog"),
    ("papper", "utlåtande"),
    ("svaret", "utlåtande provsvar"),
    ("hur snabbt växer", "grad ki-67"),
    ("spridit", "metastaser spridning stadium"),
    ("spridning", "metastaser"),
    ("lever", "levermetastaser"),
    ("körtlar", "lymfkörtlar"),
    ("tumor", "tumör"),
    # Behandling
    ("sprutan", "injektion somatostatinanalog"),
    ("sprutor", "injektion somatostatinanalog"),
    ("spruta", "injektion somatostatinanalog"),
    ("månadsspruta", "injektion somatostatinanalog oktreotid lanreotid"),
    ("sandostatin", "oktreotid"),
    ("somatuline", "lanreotid"),
    ("piller", "tabletter läkemedel"),
    ("medicin", "läkemedel"),
    ("mediciner", "läkemedel"),
    ("biverkan", "biverkningar"),
    ("op", "operation"),
    ("opereras", "operation"),
    ("titthål", "titthålskirurgi"),
    ("cellgifter", "cytostatika"),
    ("cellgift", "cytostatika"),
    ("strålning", "radioligandterapi lutetium"),
    ("strålbehandling", "radioligandterapi lutetium"),
    ("radioaktiv", "radioligandterapi lutetium strålning"),
    ("barnbarn", "barn strålning"),
    ("snus", "nikotin rökstopp"),
    ("snusa", "nikotin rökstopp"),
    ("cigg", "röka cigaretter"),
    ("röker", "röka rökning"),
    # Efter behandling
    ("kontroller", "uppföljning"),
    ("efterkontroll", "uppföljning"),
    ("återbesök", "uppföljning"),
    ("kommit tillbaka", "återfall"),
    ("komma tillbaka", "återfall"),
    ("tillbaka", "återfall"),
    ("inte operera bort", "leva med"),
    ("obotlig", "leva med"),
    ("vänta och se", "aktiv övervakning"),
    ("aktiv väntan", "aktiv övervakning"),
    ("hur länge leva", "prognos"),
    # Vardagen
    ("trött", "trötthet"),
    ("slutkörd", "trötthet"),
    ("orkar inte", "trötthet ork"),
    ("ingen ork", "trötthet"),
    ("utmattad", "trötthet"),
    ("sova", "sömn trötthet"),
    ("jobba", "arbete"),
    ("jobbet", "arbete"),
    ("sjukskriven", "arbete sjukskrivning"),
    ("semester", "resa"),
    ("flyga", "resa"),
    ("utomlands", "resa"),
    ("samliv", "sex relation"),
    ("lust", "sex"),
    ("orolig", "oro ångest"),
    ("rädd", "oro ångest"),
    ("deppig", "nedstämd"),
    ("ledsen", "nedstämd"),
    ("gravid", "graviditet"),
    ("bebis", "graviditet barn"),
    ("skaffa barn", "fertilitet graviditet"),
    ("amma", "amning"),
    ("mens", "graviditet"),
    # Besked, rättigheter, vårdplan
    ("precis fått veta", "beskedet diagnos"),
    ("fått beskedet", "diagnos"),
    ("chock", "beskedet"),
    ("ta med någon", "närstående besök"),
    ("vem kontaktar", "kontaktsjuksköterska"),
    ("sköterska", "kontaktsjuksköterska"),
    ("sjuksköterska", "kontaktsjuksköterska"),
    ("tolk", "tolk språk"),
    ("annan läkare", "ny medicinsk bedömning"),
    ("second opinion", "ny medicinsk bedömning"),
    ("klaga", "klagomål patientnämnden"),
    ("journal", "journalen"),
    ("plan", "vårdplan"),
    ("säga nej", "rätt att tacka nej"),
    # Närstående och barn
    ("make", "närstående partner"),
    ("maka", "närstående partner"),
    ("fru", "närstående partner"),
    ("sambo", "närstående partner"),
    ("pojkvän", "närstående partner"),
    ("flickvän", "närstående partner"),
    ("mamma", "förälder närstående"),
    ("pappa", "förälder närstående"),
    ("anhörig", "närstående"),
    ("anhöriga", "närstående"),
    ("ta hand om", "närstående"),
    ("ungarna", "barn"),
    ("barnen", "barn"),
    ("son", "barn"),
    ("dotter", "barn"),
    ("tonåring", "barn tonåren"),
    ("berätta barnen", "prata med barn"),
    ("skolan", "skola barn"),
    ("förskolan", "barn"),
    # Stöd
    ("prata med andra", "stödgrupp förening"),
    ("patientförening", "förening stöd"),
    ("förening", "stöd"),
    ("kurator", "stöd samtal"),
    ("psykolog", "stöd samtal"),
    ("stödlinje", "telefon stöd"),
    ("hemsida", "internet information"),
    ("forum", "internet grupper"),
    ("rehab", "rehabilitering"),
    ("zebra", "net-dagen"),
    ("zebran", "net-dagen"),
    # Själva sjukdomen
    ("karcinoid", "neuroendokrin tumör"),
    ("cancer", "tumör"),
    ("ärftligt", "gener ärftlighet orsak"),
    ("orsak", "orsakar"),
    *SPOKEN_TERMS,
)

# Ord som inte bär någon mening i en fråga. "inte", "ingen", "efter", "före", "innan" och "utan"
# stannar, eftersom de ändrar vad som frågas.
STOPWORDS = frozenset(
    """alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina
    ditt du där då eller en er era ert ett från för ha hade han hans har henne hennes hon honom hur
    här i jag ju kan kunde man med mig min mina mitt mot mycket ni nu när och om oss på samma sedan
    sig sin sina sitta själv skulle som så sådan sådana sådant till under upp ut vad var vara varför
    varit vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över
    ska skall får finns fått gör göra nån något någon några just bara väldigt jätte typ liksom vill
    hela tiden egentligen""".split()
)

# Ord som ändrar vad som frågas men inte vad frågan handlar om (see WEAK_WORDS in lay_terms.py).
WEAK_WORDS = frozenset({"inte", "ingen", "inga", "efter", "före", "innan", "utan"})

# Read before anything else: "min man" is a husband, not the pronoun "man" (one), which is a stop word, and
# "bajsar hela tiden" is "bajsar ofta".
REWRITES: tuple[tuple[str, str], ...] = (
    # Ett namn, inte tre ord (see lay_terms.py).
    ("net cancer day", "netcancerday"),
    ("net-cancerdagen", "netcancerday"),
    ("net cancerdagen", "netcancerday"),
    # "Kommer jag på fötter" är att återhämta sig, inte att något kommer tillbaka.
    ("kommer jag på fötter", "återhämtar jag mig"),
    ("komma på fötter", "återhämta mig"),
    ("kommer på fötter", "återhämtar mig"),
    ("på fötter igen", "återhämtad"),
    ("på benen igen", "återhämtad"),
    ("hela tiden", "ofta"),
    # Hur ofta, inte "dagen" som i NET Cancer Day ("tre koppar kaffe om dagen").
    ("om dagen", "dagligen"),
    ("om dan", "dagligen"),
    ("per dag", "dagligen"),
    ("varje dag", "dagligen"),
    ("min man", "maken"),
    ("din man", "maken"),
    ("hennes man", "maken"),
    ("mannen", "maken"),
    # En spruta mot influensa eller covid är ett vaccin, inte månadssprutan som guiden menar med "sprutan".
    ("influensasprutan", "influensavaccin"),
    ("influensaspruta", "influensavaccin"),
    ("covidsprutan", "covidvaccin"),
    ("covidspruta", "covidvaccin"),
    ("vaccinsprutan", "vaccin"),
    ("vaccinspruta", "vaccin"),
)

# Faresignaler: a question with every word of one of these always gets the page on when to seek care.
URGENT = (
    "ambulans", "112", "akut", "akuten", "akutmottagning",
    "kan inte andas", "andnöd", "ont i bröstet", "bröstsmärta", "svimmat", "svimmade", "svimmar",
    "medvetslös", "kräks blod", "kräkas blod", "blod bajs", "blod avföring", "svart bajs", "svart avföring",
    "gul hud", "gula ögon", "gulsot", "förvirrad", "feber", "hög feber", "svår smärta", "jätteont",
    "kraftig blödning", "krampanfall", "uttorkad", "svullen mage", "uppsvälld mage", "tarmvred",
    "stopp i tarmen", "inte bajsat", "väser rodnad", "såret läcker",
)

# Vardagsord: fillers, time words, common verbs and spoken forms ("funkar", "nåt", "o", "e") that do not say
# what a question is about (see EVERYDAY_WORDS in lay_terms.py); matched with or without å, ä, ö ("lange").
# Not here: words that can name a topic in the guide ("rätt" till, "sex", "natt", "orkar", "äta").
EVERYDAY_WORDS = frozenset(
    """nåt nånting nåra sånt sån sånna inget ingenting allting allihop varje båda annan annat andra egen eget egna
    lite mer mest mindre minst många få del bit sak saker grej grejer grejen sätt slags sorts folk människor
    person två tre fyra fem sju åtta nio tio tjugo hundra halv halva idag ikväll imorgon igår morgon kväll dag
    dagar dagen dagligen vecka veckor veckan månad månader år åren gång gånger stund snart redan ännu fortfarande sen
    tills förut nyss senare tidigt sent igen först nästa förra inför längre länge numera funkar funka funkade
    fungera fungerar gå går gick gått komma kommer kom kommit ta tar tog tagit ge ger gav gett gjorde gjort
    säga säger sa sagt tycka tycker tyckte tänka tänker tänkte tro tror trodde veta vet visste undra undrar
    undrade behöva behöver behövs måste borde kunna kunnat verka verkar hända händer hände hänt börja börjar
    började använda använder se ser såg sett titta tittar hitta hittar förklara förklarar höra hör hörde haft
    bra dålig dåligt okej ok fint fel sant sann riktig riktigt säker stor stora liten lilla ny nya nytt olika
    viktigt bäst kanske nog väl alltså ganska helt verkligen faktiskt alls också även istället ändå dock
    eftersom därför medan trots ja nej hej tack förlåt snälla e va dom mej dej sej ba asså o å
    åka åker åkte åkt sommar sommaren vinter vintern höst hösten våren jul julen påsk påsken
    fan jävla jävligt jävlar herregud hallå oj åh jaha jo tja nja hmm haha iaf iallafall osv dvs etc pga tex ca
    gärna klart visst tyvärr absolut självklart såklart förstås naturligtvis förmodligen antagligen givetvis
    definitivt knappast ifall konstigt konstig kul""".split()
)

# Ämnen som guiden inte tar upp men som delar ord med den (see OFF_TOPIC in lay_terms.py): "livförsäkring" is not
# "reseförsäkring", "gula febern" not the fever to call about. The endings of the last word (-en, -et, -ar, -er, -na,
# -s...) are read with it, and each phrase is matched with or without å, ä, ö.
OFF_TOPIC: tuple[str, ...] = (
    # Försäkringar (reseförsäkring tas upp i guiden och listas inte)
    "livförsäkring", "sjukvårdsförsäkring", "privat sjukvårdsförsäkring", "olycksfallsförsäkring",
    "inkomstförsäkring", "barnförsäkring", "cancerförsäkring", "bilförsäkring", "djurförsäkring", "hundförsäkring",
    "kattförsäkring", "låneskydd", "betalskydd", "begravningsförsäkring", "teckna livförsäkring",
    # Pengar, lån, bank och skatt
    "bolån", "bostadslån", "amortering", "studielån", "kreditkort", "betalningsanmärkning", "kronofogden",
    "skuldsanering", "bankkonto", "deklaration", "deklarera", "skattedeklaration", "skatteåterbäring", "kvarskatt",
    "rotavdrag", "rutavdrag", "elräkning", "reseavdrag",
    # Pension och bidrag
    "pension", "tjänstepension", "premiepension", "allmän pension", "pensionsålder", "ta ut pension",
    "bostadsbidrag", "bostadstillägg", "barnbidrag", "studiebidrag", "underhållsstöd", "a-kassa",
    "högkostnadsskydd", "frikort", "patientavgift", "läkemedelsförmån", "föräldrapenning",
    # Testamente och juridik
    "testamente", "skriva testamente", "bouppteckning", "arvskifte", "dödsbo", "framtidsfullmakt", "god man",
    "äktenskapsförord", "samboavtal", "bodelning", "skilsmässa", "vårdnadstvist",
    # Parkering och resor i vardagen
    "parkeringsavgift", "parkering vid sjukhuset", "parkera vid sjukhuset", "parkeringstillstånd",
    "parkeringstillstånd för rörelsehindrade", "p-tillstånd", "handikapptillstånd", "parkeringsböter",
    "felparkering", "sjukresa", "färdtjänst", "busskort", "sl-kort", "månadskort", "tågbiljett", "bilbesiktning",
    "parkeringsplats",
    # Körkort
    "körkort", "förnya körkort", "körkortstillstånd", "körkortsintyg", "körkortsprov", "uppkörning", "trafikskola",
    # Pass, visum och id
    "förnya pass", "passansökan", "passfoto", "id-kort", "nationellt id-kort", "visum", "uppehållstillstånd",
    "arbetstillstånd", "medborgarskap", "personbevis", "adressändring", "flyttanmälan",
    # Husdjur
    "hundpassning", "rasta hund", "kattlåda", "hundmat", "kattmat", "veterinär",
    "veterinärbesök", "ridskola",
    # Hem och trädgård
    "trädgård", "trädgårdsarbete", "gräsklippning", "renovering", "bostadsrätt", "hyresrätt", "bostadskö",
    "hyresvärd", "värmepump", "solceller", "flyttfirma",
    # Andra sjukdomar och tillstånd
    "njursten", "njurtransplantation", "hösnuva", "pollenallergi", "pälsdjursallergi", "allergitabletter",
    "antihistamin", "högt kolesterol", "kolesterol", "statiner",
    "ledgångsreumatism", "artros", "gikt", "migrän", "psoriasis", "eksem", "åderbråck", "karpaltunnelsyndrom",
    "tennisarmbåge", "frusen skuldra", "sömnapné", "tinnitus", "grå starr", "grön starr", "hörapparat",
    "hörseltest", "synundersökning", "läsglasögon", "kontaktlinser", "huvudlöss", "vattkoppor", "hösnuvetabletter",
    "körtelfeber", "scharlakansfeber", "gula febern", "långtidscovid", "crohns sjukdom", "ulcerös kolit",
    "multipel skleros", "parkinsons sjukdom", "borrelia", "fästingbett", "hundallergi", "kattallergi",
    "bihåleinflammation",
    # Andra cancerformer och deras behandlingar
    "bröstcancer", "prostatacancer", "hudcancer", "malignt melanom", "melanom", "livmoderhalscancer",
    "livmodercancer", "blåscancer", "lymfom", "myelom", "kronisk lymfatisk leukemi",
    "barnleukemi", "tamoxifen", "mammografi", "bröstcancerscreening", "psa-prov", "prostatabiopsi",
    "cellprovtagning", "gynekologisk cellprovtagning", "protonstrålning", "protonterapi",
    "stamcellstransplantation", "benmärgsdonation", "benmärgsdonator", "hormonersättning", "östrogenbehandling",
    # Vaccin och andra läkemedel
    "influensavaccin", "influensavaccination", "vaccin mot influensa", "covidvaccin", "covidtest", "tbe-vaccin",
    "fästingvaccin", "resevaccin", "vaccination inför resan", "vaccin mot gula febern", "hpv-vaccin",
    "viktminskningsspruta", "bantningsspruta", "bantningsmedicin", "wegovy",
    "influensaspruta", "stelkrampsspruta", "tbe-spruta",
    # Dieter och trender
    "5:2-dieten", "juicefasta", "detoxkur",
    "basisk kost", "paleokost", "stenålderskost", "viktväktarna", "måltidsersättning",
    # Blodgivning och donation
    "ge blod", "blodgivning", "blodgivare", "bli blodgivare", "blodcentralen", "blodgrupp", "plasmagivning",
    "organdonation", "organdonator", "donationsregistret", "donera kroppen",
    # Skönhet och utseende
    "färga håret", "hårfärg", "hårförlängning", "solarium", "brun utan sol", "botox", "nagelsalong", "tatuering",
    "piercing",
    # Sport och fritid
    "fotboll", "golf", "tennis", "fiskekort", "jakt", "jaktkort", "gymkort", "gymmedlemskap", "kortspel",
    "konsertbiljetter", "teaterbiljetter", "bröllop", "bröllopsplanering",
    # Vardagens ärenden
    "äldreboende", "särskilt boende", "besökstider", "sjuksköterskeutbildning", "läkarutbildning", "skolplacering",
    "förskoleplats", "arbetsförmedlingen",
)
