"""The words people type, next to the words the guide uses.

Each row is (what a person writes, guide words to search as well). A row
applies when every content word of its left side is in the question, in any
order and any form ("went red", "goes red" and "red face" all match "red face"
after stemming). Review a row by asking: would a page about the right-hand
words answer someone who wrote the left-hand words?
"""

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
    ("back on my feet", "recovered"),
    ("back on his feet", "recovered"),
    ("back on her feet", "recovered"),
    ("all the time", "always"),
    ("all day", "always"),
    ("every day", "daily"),
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
    hello dear thank sorry vs versus etc btw pls u ur lol""".split()
)
