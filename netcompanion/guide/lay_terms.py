"""The words people type, next to the words the guide uses.

Each row is (what a person writes, guide words to search as well). A row
applies when every content word of its left side is in the question, in any
order and any form ("went red", "goes red" and "red face" all match "red face"
after stemming). Review a row by asking: would a page about the right-hand
words answer someone who wrote the left-hand words?
"""

# Places people name when they mean travelling abroad ("going to spain in the summer").
PLACES_ABROAD = (
    "spain", "france", "italy", "greece", "portugal", "turkey", "cyprus", "malta", "croatia", "germany",
    "europe", "america", "usa", "us", "florida", "canada", "mexico", "caribbean", "australia", "thailand",
    "egypt", "india", "dubai", "africa", "asia", "canaries", "tenerife", "majorca", "ibiza",
)

# Everyday speech for what the guide names otherwise: a round of treatment, oily stools, a boss, brain fog, a
# place abroad. Written from how people talk (UK, US and spoken English), not from any question set; every
# right-hand word is one the guide uses (a test holds it).
SPOKEN_TERMS: tuple[tuple[str, str], ...] = (
    ("round", "treatments weeks apart"),
    ("cycle", "treatments weeks apart"),
    ("oily", "fatty stools enzymes"),
    ("greasy", "fatty stools enzymes"),
    ("float", "fatty stools enzymes"),
    ("creon", "enzyme capsules"),
    ("imodium", "loperamide diarrhoea"),
    ("sex drive", "wish sex relationships"),
    ("libido", "wish sex relationships"),
    ("erection", "sex relationships"),
    ("vacation", "travel"),
    ("trip", "travel"),
    ("cruise", "travel"),
    ("flight", "travel"),
    ("plane", "travel"),
    ("airport", "travel airports"),
    ("passport", "travel"),
    ("feel down", "low mood"),
    ("feeling low", "low mood"),
    ("panic", "anxiety worry"),
    ("stressed", "worry anxiety"),
    ("mental health", "mood worry feelings support"),
    ("mentally", "mood worry feelings"),
    ("struggling", "coping feelings support"),
    ("crying", "feelings low mood"),
    ("lonely", "feelings support"),
    ("burden", "feelings relatives"),
    ("boss", "employer work"),
    ("sick pay", "work money benefits"),
    ("sick note", "work employer"),
    ("fit note", "work employer"),
    ("finances", "money benefits"),
    ("financial", "money benefits"),
    ("bills", "money benefits"),
    ("booze", "alcohol"),
    ("pint", "alcohol"),
    ("pub", "alcohol"),
    ("brain fog", "fatigue tiredness"),
    ("foggy", "fatigue tiredness"),
    ("life expectancy", "live years grow slowly"),
    ("prognosis", "live years grow slowly"),
    ("terminal", "cannot be removed living with"),
    ("incurable", "cannot be removed living with"),
    ("curable", "cure"),
    ("markers", "chromogranin 5-hiaa blood urine tests"),
    ("colonoscopy", "endoscopy camera bowel"),
    ("gastroscopy", "endoscopy camera stomach"),
    ("scope", "endoscopy camera"),
    ("mets", "metastasis spread"),
    ("metastatic", "metastasis spread"),
    ("stitches", "wound"),
    ("staples", "wound"),
    ("scar", "wound"),
    ("incision", "wound"),
    ("weepy", "wound leaking"),
    ("oozing", "wound leaking"),
    ("pus", "wound infection"),
    ("gym", "exercise lift"),
    ("whipple", "pancreas surgery"),
    ("fags", "cigarettes smoking quit"),
    ("ciggies", "cigarettes smoking quit"),
    ("patches", "nicotine replacement"),
    ("hubby", "partner relatives"),
    ("missus", "partner relatives"),
    ("spouse", "partner relatives"),
    ("other half", "partner relatives"),
    ("facebook", "online groups"),
    ("macmillan", "cancer charity support"),
    ("talk someone", "talking counsellors support"),
    ("ring", "call contact"),
    ("bank holiday", "clinic closed weekend out-of-hours"),
    ("111", "out-of-hours on-call"),
    ("keep water down", "vomiting dehydration"),
    ("keep fluids down", "vomiting dehydration"),
    ("disagree", "second opinion"),
    ("agree doctor", "second opinion"),
    ("change hospital", "second opinion"),
    ("refuse", "say no decisions"),
    ("not happy", "complain complaint"),
    ("english", "interpreter language"),
    ("claim", "benefits money"),
    ("capecitabine", "chemotherapy"),
    ("temozolomide", "chemotherapy"),
    ("captem", "chemotherapy"),
    ("medical notes", "records rights"),
    ("t1", "tnm stage"),
    ("t2", "tnm stage"),
    ("t3", "tnm stage"),
    ("t4", "tnm stage"),
    ("dr", "doctor"),
    ("doc", "doctor"),
    ("infusion", "drip"),
    ("pee", "urine"),
    ("wee", "urine"),
    ("mouth ulcers", "mouth sores"),
    ("champix", "varenicline"),
    ("chantix", "varenicline"),
    ("dying", "fear worry feelings"),
    ("found accident", "found chance"),
    ("ga68", "gallium-68 dotatate pet scan"),
    ("caregiver", "carer relatives caring"),
    ("consultant", "specialist doctor"),
    ("primary", "where it started"),
    # Past forms the stemmer does not bring back to the guide's word ("grew" is not "grow").
    ("grew", "grow growing"),
    ("grown", "grow growing"),
    ("came back", "come back recurrence"),
    ("rising", "raise higher"),
    ("risen", "raise higher"),
    ("gone up", "raise higher"),
    ("went up", "raise higher"),
    ("lost weight", "weight loss losing weight"),
    ("ate", "eat eating food"),
    ("eaten", "eat eating food"),
    ("drank", "drink alcohol"),
    ("felt", "feel feelings"),
    ("slept", "sleep"),
    ("afraid", "fear worry anxiety"),
    ("concerned", "worry"),
    ("nervous", "worry anxiety"),
    ("hungry", "appetite eating"),
    ("asleep", "sleep"),
    ("teeth", "dental dentist"),
    ("drunk", "alcohol"),
    ("married", "partner relationships"),
    ("marriage", "partner relationships"),
    ("divorce", "partner relationships"),
    ("afford", "money benefits"),
    ("income", "money benefits"),
    ("salary", "money work"),
    ("survive", "live years grow slowly"),
    ("options", "treatments"),
    ("octreotide scan", "octreoscan scintigraphy"),
    *((place, "travel") for place in PLACES_ABROAD),
)

LAY_TERMS: tuple[tuple[str, str], ...] = (
    # Flushing and its triggers
    ("face red", "flushing"),
    ("skin red", "flushing"),
    ("cheeks red", "flushing"),
    ("neck red", "flushing"),
    ("go red", "flushing"),
    ("turn red", "flushing"),
    ("blush", "flushing"),
    ("hot flush", "flushing"),
    ("hot flashes", "flushing"),
    ("feel hot", "flushing"),
    ("wine", "alcohol trigger"),
    ("beer", "alcohol trigger"),
    ("drinking alcohol", "trigger"),
    ("spicy", "trigger"),
    ("chilli", "spicy food trigger"),
    ("curry", "spicy food trigger"),
    ("set off", "trigger"),
    # Bowels
    ("runs", "diarrhoea"),
    ("loose stools", "diarrhoea"),
    ("watery poo", "diarrhoea"),
    ("runny poo", "diarrhoea"),
    ("toilet a lot", "diarrhoea"),
    ("poo times", "diarrhoea"),
    ("poop times", "diarrhoea"),
    ("diarrhea", "diarrhoea"),
    ("diarea", "diarrhoea"),
    ("diarhea", "diarrhoea"),
    ("diarrea", "diarrhoea"),
    ("diahrrea", "diarrhoea"),
    ("poo", "stool bowel"),
    ("poop", "stool bowel"),
    ("blood poo", "blood stool bleeding rectum"),
    ("bleeding bottom", "blood stool rectum"),
    ("black poo", "blood stool bleeding"),
    ("tummy", "stomach abdominal"),
    ("belly", "stomach abdominal"),
    ("stomach ache", "stomach pain abdominal"),
    ("tummy ache", "stomach pain abdominal"),
    ("cramps", "abdominal pain"),
    ("blocked bowel", "obstruction"),
    ("no poo", "obstruction constipation"),
    ("throwing up", "vomiting"),
    ("sick", "vomiting nausea"),
    ("temperature", "fever"),
    ("shivers", "fever"),
    ("bloated", "swelling abdominal"),
    # Breathing, heart, sugar
    ("wheezy", "wheezing"),
    ("short breath", "breathless breathlessness"),
    ("can't breathe", "breathless breathlessness emergency"),
    ("heart racing", "palpitations"),
    ("heart pounding", "palpitations"),
    ("faint", "fainting dizziness"),
    ("passed out", "fainting"),
    ("dizzy", "dizziness"),
    ("shaky sweaty", "low blood sugar"),
    ("hypo", "low blood sugar"),
    ("yellow skin", "jaundice"),
    ("yellow eyes", "jaundice"),
    # Seeking care
    ("when should i call", "urgent contact care team"),
    ("call doctor", "urgent contact care team"),
    ("clinic closed", "emergency department on-call weekend"),
    ("weekend", "on-call clinic closed"),
    ("night", "on-call clinic closed"),
    ("ambulance", "emergency number"),
    ("accident emergency", "emergency department"),
    ("er", "emergency department"),
    ("gp", "health centre doctor"),
    ("family doctor", "health centre"),
    # Tests
    ("urine test", "5-hiaa 24-hour urine"),
    ("pee test", "5-hiaa 24-hour urine"),
    ("wee test", "5-hiaa 24-hour urine"),
    ("collect urine", "5-hiaa 24-hour"),
    ("eat before test", "avoid foods 5-hiaa"),
    ("avoid eating", "foods 5-hiaa"),
    ("blood test", "chromogranin"),
    ("heartburn tablets", "proton pump inhibitors chromogranin"),
    ("acid tablets", "proton pump inhibitors chromogranin"),
    ("omeprazole", "proton pump inhibitors chromogranin"),
    ("scan", "ct mri pet imaging"),
    ("gallium", "pet scan dotatate"),
    ("scanner", "ct mri pet"),
    ("camera", "endoscopy"),
    ("tube throat", "endoscopy"),
    ("sample tissue", "biopsy"),
    # Report
    ("report mean", "grade stage ki-67 pathology"),
    ("letters numbers report", "tnm grade stage"),
    ("how fast growing", "grade ki-67"),
    ("spread", "metastases stage"),
    ("spread liver", "metastases m1a"),
    ("glands", "lymph nodes"),
    ("cancer", "tumour"),
    ("tumor", "tumour"),
    # Treatments
    ("jab", "injection somatostatin analogue"),
    ("shot", "injection somatostatin analogue"),
    ("monthly injection", "somatostatin analogue octreotide lanreotide"),
    ("injections", "somatostatin analogue octreotide lanreotide"),
    ("pills", "medicines tablets"),
    ("side effects", "side effect"),
    ("gallstones", "gallbladder side effect"),
    ("operation", "surgery"),
    ("op", "surgery"),
    ("keyhole", "laparoscopic surgery"),
    ("take out", "remove surgery"),
    ("get rid", "cure remove surgery"),
    ("dentist", "dental anaesthetic procedure"),
    ("stay hospital", "hospital stay surgery"),
    ("radiation treatment", "radioligand therapy prrt lutetium"),
    ("radioactive", "radioligand therapy prrt lutetium radiation"),
    ("grandchildren", "children radiation safety"),
    ("chemo", "chemotherapy"),
    ("smoking", "quit smoking"),
    ("cigarettes", "smoking quit"),
    ("vape", "smoking nicotine"),
    ("stop smoking", "quit"),
    # After treatment
    ("check ups", "follow-up checks"),
    ("checkups", "follow-up checks"),
    ("how often scans", "follow-up checks imaging"),
    ("come back", "recurrence"),
    ("returned", "recurrence"),
    ("back", "recurrence come back"),
    ("can't be removed", "inoperable living with"),
    ("not growing", "watchful waiting stable"),
    ("cured", "cure surgery"),
    ("how long live", "survival outlook"),
    # Life
    ("tired", "fatigue tiredness"),
    ("exhausted", "fatigue tiredness"),
    ("no energy", "fatigue tiredness"),
    ("worn out", "fatigue tiredness"),
    ("sleep", "fatigue rest"),
    ("diet", "food eating"),
    ("work", "job employer"),
    ("holiday", "travel"),
    ("abroad", "travel"),
    ("overseas", "travel"),
    ("flying", "travel"),
    ("sex", "relationships intimacy"),
    ("worried", "anxiety worry"),
    ("scared", "anxiety worry fear"),
    ("depressed", "mood low"),
    ("baby", "pregnancy fertility"),
    ("pregnant", "pregnancy"),
    ("have children", "fertility pregnancy"),
    ("breastfeed", "breastfeeding"),
    ("contraception", "pregnancy"),
    ("period", "pregnancy fertility"),
    # Diagnosis, rights, care plan
    ("just told", "diagnosis news"),
    ("bring someone", "relative friend visit"),
    ("just diagnosed", "diagnosis news"),
    ("bad news", "diagnosis"),
    ("who contact", "contact nurse"),
    ("nurse", "contact nurse"),
    ("interpreter", "interpreter language"),
    ("translator", "interpreter"),
    ("another doctor", "second opinion"),
    ("other opinion", "second opinion"),
    ("complain", "complaint rights"),
    ("see my records", "records rights"),
    ("medical records", "records rights"),
    ("plan", "care plan"),
    ("questions ask", "questions visit"),
    # Family and support
    ("husband", "relatives partner"),
    ("wife", "relatives partner"),
    ("partner", "relatives"),
    ("family", "relatives"),
    ("mum", "parent relatives"),
    ("dad", "parent relatives"),
    ("carer", "relatives caring"),
    ("look after", "carer relatives caring"),
    ("kids", "children"),
    ("son", "children"),
    ("daughter", "children"),
    ("tell children", "talking children"),
    ("explain children", "talking children"),
    ("school", "children"),
    ("talk others", "support group peer"),
    ("people like me", "support group peer"),
    ("not alone", "support"),
    ("charity", "patient organisation support"),
    ("counsellor", "counselling counsellors"),
    ("helpline", "phone line support nurse"),
    ("talk feel", "feelings counselling support"),
    ("website", "online websites"),
    ("trustworthy", "trust reliable"),
    ("back normal", "rehabilitation recovery"),
    ("recovered", "recover recovery"),
    ("zebra", "net cancer day awareness"),
    ("awareness day", "net cancer day"),
    ("november", "net cancer day"),
    # Words for the disease itself
    ("carcinoid", "neuroendocrine tumour"),
    ("rare cancer", "neuroendocrine tumour"),
    ("caused", "cause"),
    ("inherited", "cause genes family"),
    ("hereditary", "cause genes family"),
    ("genetic", "genes cause"),
    ("passed down", "genes family"),
    ("parents", "parent genes"),
    # UK and US words for the same thing
    ("key worker", "contact nurse"),
    ("cns", "contact nurse"),
    ("nurse specialist", "contact nurse"),
    ("nurse navigator", "contact nurse"),
    ("a&e", "emergency department"),
    ("emergency room", "emergency department"),
    ("urgent care", "emergency department same day"),
    ("999", "emergency number"),
    ("911", "emergency number"),
    ("primary care", "gp health centre"),
    ("pcp", "gp health centre"),
    ("physician", "doctor"),
    ("mom", "mum parent relatives"),
    ("mommy", "mum parent relatives"),
    ("mummy", "mum parent relatives"),
    ("grandma", "grandparent relatives"),
    ("grandad", "grandparent relatives"),
    ("grandpa", "grandparent relatives"),
    ("granny", "grandparent relatives"),
    ("girlfriend", "partner relatives"),
    ("boyfriend", "partner relatives"),
    ("fiance", "partner relatives"),
    ("grandkids", "grandchildren children"),
    ("grandchild", "grandchildren children"),
    ("hug", "close contact radiation safety"),
    ("cuddle", "hug close radiation safety"),
    ("year old", "young children age"),
    ("teenager", "teenagers children"),
    ("teen", "teenagers children"),
    ("teachers", "school"),
    ("loo", "toilet diarrhoea"),
    ("bathroom", "toilet diarrhoea"),
    ("restroom", "toilet diarrhoea"),
    ("stool", "poo bowel"),
    ("knackered", "fatigue tired"),
    ("shattered", "fatigue tired"),
    ("wiped out", "fatigue tired"),
    ("drained", "fatigue tired"),
    ("rehab", "rehabilitation"),
    ("hurt", "pain"),
    ("sore", "pain"),
    ("painful", "pain"),
    ("coping", "feelings support"),
    ("cope", "feelings support"),
    ("specialist hospital", "specialist centre"),
    ("percent", "ki-67 index"),
    ("worse", "aggressive fast high grade"),
    ("tiny", "small"),
    ("sleep next", "separate bed sleep alone"),
    ("look out", "watch"),
    ("between appointments", "between check-ups"),
    ("color", "colour"),
    ("anemia", "anaemia"),
    ("esophagus", "oesophagus"),
    ("feces", "stool"),
    ("anesthetic", "anaesthetic"),
    *SPOKEN_TERMS,
)

# Words that carry no meaning in a question, with the fillers and apostrophe-less contractions of
# spoken questions ("im", "dont"). "not", "after", "before" and "no" stay, because they change what
# is asked.
STOPWORDS = frozenset(
    """a an and are as at be been being but by can could did do does doing for from
    had has have having he her here hers him his how i i'm if in into is it its it's
    me my myself of on or our ours she should so than that the their them then there
    these they this those to too very was we were what when where which while who whom
    why will with would you your yours yourself
    im ive id cant dont wont didnt doesnt isnt arent wasnt havent hasnt couldnt shouldnt wouldnt
    whats thats theres its am got get gets getting still actually really anything something
    any some also even ever much many please thanks ok okay near constantly always sometimes usually""".split()
)

# Danger signs: a question with every word of one of these always gets the page on when to seek care,
# however sure the search is of the rest. Kept to signs the guide lists as urgent or an emergency.
URGENT = (
    "ambulance", "emergency", "999", "911", "112", "a&e", "emergency room",
    "can't breathe", "breathless", "chest pain", "faint", "fainted", "passed out", "unconscious",
    "vomiting blood", "vomit blood", "blood poo", "black poo", "black stool", "blood stool",
    "yellow skin", "yellow eyes", "jaundice", "confused", "fever", "high temperature",
    "severe pain", "bad pain", "heavy bleeding", "fit", "seizure", "dehydrated",
    "swollen tummy", "swollen stomach", "swollen belly", "blocked bowel", "no poo", "can't pass stool",
    "wheezing flushing", "wheezy red face", "red leaking wound", "wound leaking",
)

# Words kept out of the stop list because they change what is asked, but that do not say what a question is
# about: they count when ranking, not when judging whether a page covers the question.
WEAK_WORDS = frozenset({"not", "no", "after", "before"})

# Spoken phrases read as one word before anything else ("all the time" must not match a page's "all" and "time").
REWRITES: tuple[tuple[str, str], ...] = (
    # A name, not three words: "day" in it is not the everyday word, nor "cancer" any cancer.
    ("net cancer day", "netcancerday"),
    ("back on my feet", "recovered"),
    ("back on his feet", "recovered"),
    ("back on her feet", "recovered"),
    ("all the time", "always"),
    ("all day", "always"),
    ("every day", "daily"),
    ("through the roof", "very"),
    # A jab or shot against flu or covid is a vaccine, not the monthly injection the guide means by "jab".
    ("flu jab", "flu vaccine"),
    ("flu shot", "flu vaccine"),
    ("covid jab", "covid vaccine"),
    ("covid shot", "covid vaccine"),
    ("booster jab", "booster vaccine"),
)

# Everyday words: fillers, time words, common verbs and the like, which say nothing of what a question is about
# ("nobody ever gave me a care plan" is about a care plan). They still rank pages, but the no-answer gate
# judges a question by its other words, so that padding a real question with them does not make it look like
# one the guide does not cover. A word the guide has never heard of that is not on this list ("gout") still
# counts against the question. Not here: words that can name a topic in this guide ("work", "eat", "feel",
# "worried", "second" opinion, "right(s)", "normal", "safe", "night" sweats, "weekend" out of hours).
EVERYDAY_WORDS = frozenset(
    """nobody anybody anyone someone somebody everyone everybody everything nothing none nowhere somewhere
    anywhere everywhere whatever whoever whenever wherever each every both either neither other others another
    such same own only just more most less least few lot lots bit one ones two three four five six seven eight
    nine ten twenty hundred half thing things stuff way ways kind sort type part point reason fact case example
    problem problems issue issues people person guy guys folks time times now today tonight tomorrow yesterday
    morning mornings evening evenings afternoon day days week weeks month months year years moment minute
    minutes soon already yet since until till ago later late lately early again once twice next last
    first recently anymore go goes going gone went come comes coming came make makes made making take takes
    took taking taken give gives gave given giving put puts putting let lets keep keeps kept keeping seem seems
    seemed try tries tried trying use uses used using see sees saw seen seeing look looks looked looking find
    finds found finding know knows knew known knowing think thinks thought thinking mean means meant say says
    said saying tell tells told telling ask asks asked asking want wants wanted like likes liked need needs
    needed wonder wondering wondered happen happens happened happening start starts started starting begin
    begins began become becomes became bring brings brought show shows showed shown hear heard explain explains
    explained suppose supposed reckon guess mind matter matters figure realise realize deal dealing allowed
    able good bad fine wrong true real sure possible likely big small little new whole different important best
    worth probably maybe perhaps pretty rather fairly totally completely literally basically honestly seriously
    definitely exactly almost enough else instead anyway though although because whether yes yeah yep nope hi
    hello dear thank sorry vs versus etc btw pls u ur lol summer winter autumn christmas easter
    oh hey ah ha haha omg gonna wanna gotta kinda sorta dunno alright glad lucky weird crazy odd random apparently
    obviously simply nearly slightly somehow tho believe forget forgot""".split()
)

# Topics the guide does not cover, named in words it uses for other things: "life insurance" is neither daily life
# nor travel insurance, "hay fever" not the fever to call about, "give blood" not a blood test. Each phrase is read as
# one word the guide does not have, so its words no longer find pages about something else and the question is
# judged as one the guide may not cover. Written from what people with cancer and their families ask, by someone who
# read only the guide, never a question set; none of them is in the guide (a test holds it), none names a symptom
# or a danger sign, and a plural "s" or "es" is read with the last word.
OFF_TOPIC: tuple[str, ...] = (
    # Insurance (travel insurance is covered by the guide and is not listed)
    "life insurance", "life assurance", "life cover", "life insurance policy", "critical illness cover",
    "critical illness insurance", "critical illness policy", "income protection", "income protection insurance",
    "health insurance", "private health insurance", "private medical insurance", "health insurance premium",
    "health insurance premiums", "car insurance", "car insurance renewal", "home insurance", "house insurance",
    "contents insurance", "buildings insurance", "pet insurance", "mortgage protection",
    "mortgage protection insurance", "payment protection insurance", "funeral plan", "funeral plans",
    "national insurance", "national insurance number", "national insurance contributions",
    # Money, banking and tax
    "mortgage", "mortgages", "mortgage application", "mortgage advisor", "mortgage adviser", "savings account",
    "personal loan", "credit card", "credit cards", "credit card debt", "tax return", "tax returns",
    "self assessment tax return", "council tax", "council tax reduction", "scratch card", "scratch cards",
    "energy bill", "energy bills", "energy prices", "energy supplier", "water bill", "phone bill",
    "health savings account", "phone contract", "mobile phone contract",
    # Pensions and named benefits
    "private pension", "pension lump sum", "pension age",
    "housing benefit", "child benefit",
    "cost of living payment", "blue badge application", "medicare", "medicaid", "social security",
    "prescription charges", "prescription prepayment certificate", "medical exemption certificate",
    "free prescriptions",
    # Wills and legal matters
    "write a will", "writing a will", "make a will", "making a will", "last will", "will and testament",
    "lasting power of attorney", "power of attorney", "probate", "executor of the will", "executor of a will",
    "jury service", "parking fine",
    # Parking and transport admin
    "car park charges", "car parking charges", "hospital car park", "hospital parking", "airport parking",
    "bus pass", "free bus pass", "train ticket", "train tickets", "mot test", "car service", "parking lot",
    "hospital parking lot",
    # Driving licences
    "driving licence", "driving licences", "driving license", "driving licenses", "driver's license",
    "drivers license", "driving licence renewal", "renew my driving licence", "driving test", "driving lessons",
    "learner driver", "international driving permit",
    # Passports, visas and ids
    "passport renewal", "renew my passport", "renewing my passport", "passport photo", "passport application",
    "visa application", "travel visa", "work visa", "esta application", "green card", "birth certificate",
    "change of address", "register to vote",
    # Pets
    "dog food", "cat food", "pet sitter", "vet appointment", "flea treatment", "worming tablets",
    "horse riding",
    # Home and garden
    "mowing the lawn", "moving house", "house move", "house removals", "home improvement", "home improvements",
    "boiler repair", "heat pump", "council housing", "social housing", "bin collection", "smoke alarm",
    "smoke alarms", "smoke detector", "care home", "care homes", "care home fees", "nursing home", "nursing homes",
    "nursing home fees",
    # Other illnesses and conditions
    "kidney stone", "kidney stones", "bladder stones", "kidney transplant", "hay fever",
    "hay fever tablets", "allergy tablets", "high cholesterol", "cholesterol tablets",
    "arthritis", "gout", "migraine", "carpal tunnel",
    "carpal tunnel syndrome", "restless leg syndrome", "frozen shoulder", "sleep apnoea", "sleep apnea",
    "hearing aid", "hearing aids", "hearing test", "eye test", "contact lenses", "chicken pox", "chickenpox",
    "common cold", "glandular fever", "scarlet fever", "yellow fever", "long covid", "crohn's disease",
    "crohns disease", "ulcerative colitis", "multiple sclerosis", "parkinson's disease",
    # Other cancers by name and their specific treatments
    "breast cancer", "prostate cancer", "skin cancer", "cervical cancer", "bladder cancer", "womb cancer",
    "uterine cancer", "endometrial cancer", "lymphoma", "hodgkin lymphoma",
    "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia",
    "childhood leukaemia", "childhood leukemia", "tamoxifen", "breast screening", "psa test", "prostate biopsy",
    "smear test", "cervical screening", "proton beam therapy", "proton beam", "stem cell transplant",
    "bone marrow donor", "hormone replacement therapy",
    # Unrelated medicines and vaccines
    "flu jab", "flu vaccine", "flu vaccination", "covid vaccine", "covid test", "lateral flow test",
    "pneumonia vaccine", "travel vaccinations", "travel vaccination", "yellow fever vaccine",
    "weight loss injection", "weight loss injections", "weight loss jab", "weight loss jabs", "fat jab", "statins",
    # Diets and fads
    "juice cleanse", "juice fast",
    "detox diet", "alkaline diet", "paleo diet", "5:2 diet",
    "slimming world", "weight watchers", "calorie counting", "meal replacement shakes",
    # Blood, organ and body donation
    "give blood", "giving blood", "donate blood", "donating blood", "blood donation", "blood donor", "blood donors",
    "blood group", "blood type", "organ donation", "organ donor", "organ donor register", "donor card",
    "donate my body",
    # Cosmetic and beauty
    "hair dye", "dye my hair", "hair extensions", "laser hair removal", "spray tan", "hair colour", "hair color",
    "tanning bed", "skin tag", "skin tags",
    # Sport and hobbies
    "gym membership", "card game", "card games", "playing cards", "book club", "horse racing", "zebra crossing",
    "wedding planning", "wedding venue",
    # Everyday admin and school
    "school admissions", "school uniform", "library card", "job centre", "register with a gp", "gp registration",
    "visiting hours", "nursing degree", "nurse training", "medical school",
)
