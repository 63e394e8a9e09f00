//! Resolving an actor phrase of the parse to a dated actor code.

use crate::lexicon::is_title;
use crate::tree::{children, has_case, lemma, split_name};
use crate::{Coder, Found};
use herald_dict::Date;
use herald_doc::{Analysis, EntityType, Sentence, Upos};

/// Nouns that count people ("thousands of protesters"): the phrase's actor is what they count.
const QUANTITY_NOUNS: [&str; 9] = [
    "ten",
    "tens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozens",
];

impl Coder<'_> {
    /// People of no country named where the act of verb `v` happened are that place's people:
    /// "protesters rallied in Cairo" are Egyptian protesters. Not officials (who travel) nor
    /// refugees (who have fled their country); and only beside an actor named for itself, so
    /// that a place's people make no event of nobody in particular ("the company is fighting
    /// opposition in the US").
    pub(crate) fn localise(
        &self,
        s: &Sentence,
        v: usize,
        date: Date,
        memory: &[Found],
        srcs: &mut [Option<Found>],
        tgts: &mut [Option<Found>],
    ) {
        let named = |f: &Option<Found>| {
            f.as_ref()
                .and_then(|f| f.code.as_deref())
                .is_some_and(|k| !k.starts_with("---"))
        };
        if !srcs.iter().any(named) && !tgts.iter().any(named) {
            return;
        }
        // The place: an "in/at" phrase on the verb, or further down on one of its phrases
        // ("killed in Israeli shelling in the east of the Gaza Strip"); a region's code
        // (PSEGZA) gives its country.
        let on_verb =
            |c: usize| s.tokens[c].deprel.starts_with("obl") && s.tokens[c].head == Some(v);
        let Some(place) = (0..s.tokens.len())
            .filter(|&c| {
                s.tokens[c].upos == Upos::PROPN
                    && s.tokens[c].ent.ends_with("LOC")
                    && has_case(s, c, &["in", "at", "of"])
                    && (on_verb(c)
                        || (crate::tree::dominated_by(s, c, v)
                            && s.tokens[c].deprel.starts_with("nmod")
                            && s.tokens[c].head.is_some_and(|h| {
                                s.tokens[h].deprel.starts_with("obl")
                                    && has_case(s, h, &["in", "at"])
                            })))
            })
            .find_map(|c| {
                let code = self.actor(s, c, date, memory).code?;
                let country = code.get(..3)?;
                (!matches!(country, "---" | "IGO" | "NGO" | "IMG" | "MNC"))
                    .then(|| country.to_string())
            })
        else {
            return;
        };
        for f in srcs.iter_mut().chain(tgts.iter_mut()).flatten() {
            if let Some(role) = f.code.as_deref().and_then(|k| k.strip_prefix("---")) {
                if matches!(role, "CVL" | "OPP" | "PPL") {
                    f.code = Some(format!("{place}{role}"));
                }
            }
        }
    }

    /// The actor code on `date` of the phrase headed by token `head` ("Israeli Prime Minister
    /// Benjamin Netanyahu" → ISRGOV), if the dictionaries know it.
    pub fn entity_code(&self, s: &Sentence, head: usize, date: Date) -> Option<String> {
        self.actor(s, head, date, &[]).code
    }

    /// The people named with first and last name in `analysis` whom the dictionaries have no
    /// code for on `date`, as uncoded actors known by their surname.
    pub(crate) fn unknown_people(&self, analysis: &Analysis, date: Date) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        for m in analysis
            .entities
            .iter()
            .filter(|m| m.kind == EntityType::Person)
        {
            let s = &analysis.sentences[m.sentence];
            let names: Vec<usize> = (m.token_start..m.token_end)
                .filter(|&i| s.tokens[i].upos == Upos::PROPN && !is_title(&s.tokens[i].text))
                .collect();
            if names.len() < 2 {
                continue;
            }
            let f = self.actor(s, analysis.mention_head(m), date, &[]);
            if f.code.is_none() && !out.iter().any(|o| o.last == f.last) {
                out.push(Found { person: true, ..f });
            }
        }
        out
    }

    /// The actor phrase headed by token `h`.
    pub(crate) fn actor(&self, s: &Sentence, h: usize, date: Date, memory: &[Found]) -> Found {
        // "Thousands of protesters", "tens of thousands of students throughout Indonesia":
        // a number is no actor; the people it counts are.
        if QUANTITY_NOUNS
            .iter()
            .any(|q| s.tokens[h].lemma.eq_ignore_ascii_case(q))
        {
            if let Some(counted) = children(s, h)
                .into_iter()
                .find(|&c| s.tokens[c].deprel == "nmod" && has_case(s, c, &["of"]))
            {
                let inner = self.actor(s, counted, date, memory);
                if inner.code.is_some() {
                    return inner;
                }
            }
        }
        let t = &s.tokens[h];
        let upper = t.text.to_uppercase();
        if t.upos == Upos::PRON {
            let l = t.lemma.to_lowercase();
            let person = matches!(l.as_str(), "he" | "she" | "him" | "her" | "his");
            let thing = matches!(l.as_str(), "it" | "they" | "them" | "its" | "their");
            // "The Umma party said it will boycott …": the subject of what a speaker says
            // about itself is the speaker, named or not — never an actor of an earlier
            // sentence.
            // The pronoun stands for `code`'s actor, at the pronoun's place.
            let standing_for = |code: Option<String>| Found {
                code,
                span: (h, h + 1),
                person,
                last: upper.clone(),
                role_country: None,
            };
            if let Some(speaker) = (person || thing)
                .then(|| speaker_of_pronoun(s, h))
                .flatten()
            {
                return standing_for(self.actor(s, speaker, date, memory).code);
            }
            if person || thing {
                // The nearest earlier name of the right kind: this sentence first, then before.
                // "they" may also be a group named earlier in the sentence without a name
                // ("Two Palestinian suicide bombers killed 23 people when they blew …").
                let here = (0..h)
                    .rev()
                    .filter(|&i| {
                        (s.tokens[i].ent.starts_with("B-")
                            && s.tokens[i].ent.ends_with("PERSON") == person)
                            || (l == "they"
                                && (s.tokens[i].deprel.starts_with("nsubj")
                                    || s.tokens[i].deprel == "root")
                                && s.tokens[i].xpos == "NNS")
                    })
                    .find_map(|i| {
                        let f = self.actor(s, i, date, memory);
                        // "he" is the nearest person, whether the dictionaries know them or
                        // not: "Michael Howard … he said" is not the last person coded.
                        (f.code.is_some() || (person && s.tokens[i].ent.ends_with("PERSON")))
                            .then_some(f)
                    });
                if let Some(f) = here.or_else(|| {
                    memory
                        .iter()
                        .rev()
                        .find(|f| f.person == person && (person || f.code.is_some()))
                        .cloned()
                }) {
                    return standing_for(f.code);
                }
            }
            return standing_for(None);
        }
        // The head with its name-building dependents.
        let mut idx = vec![h];
        for c in children(s, h) {
            // "The US, Russia, and …": a name after a comma is the next in a list, not part of
            // this one (the parser may call it a compound).
            let listed = crate::listed_name(s, h, c);
            if listed {
                continue;
            }
            if matches!(
                s.tokens[c].deprel.as_str(),
                "compound" | "flat" | "amod" | "nmod:desc" | "nmod:poss" | "appos"
            ) || (s.tokens[c].deprel == "conj" && split_name(s, h, c))
                // "the Prince of Dol Amroth", "the government of Gondor": an "of" phrase right
                // after the head names with it.
                || (s.tokens[c].deprel == "nmod"
                    && c > h
                    && has_case(s, c, &["of"]))
            {
                idx.push(c);
                // A title before the name keeps its country: "Ukraine's Deputy Prime
                // Minister Olha Stefanishyna".
                let title = s.tokens[c].deprel == "nmod:desc" && c < h;
                for g in children(s, c) {
                    let rel = s.tokens[g].deprel.as_str();
                    if matches!(rel, "compound" | "flat" | "amod")
                        || (title && rel == "nmod:poss" && g < c)
                    {
                        idx.push(g);
                    }
                }
            }
        }
        idx.sort();
        let (mut a, b) = (idx[0], idx[idx.len() - 1] + 1);
        // Dictionaries name some actors with their article ("THE_AU", "THE_SHIRE"): the
        // phrase's own "the" is read with it.
        if a > 0
            && s.tokens[a - 1].lemma.eq_ignore_ascii_case("the")
            && s.tokens[a - 1].head == Some(h)
        {
            a -= 1;
        }
        let words: Vec<&str> = s.tokens[a..b].iter().map(|t| t.text.as_str()).collect();
        // Text in lower case throughout (some wire copy) writes no names capitalised; asked
        // only of a name that looks written as a description.
        let cased = || {
            s.tokens
                .iter()
                .skip(1)
                .any(|t| t.text.chars().any(char::is_uppercase))
        };
        let mut actor: Option<(String, usize)> = None;
        let mut agent: Option<&herald_dict::Agent> = None;
        let mut agent_at = h;
        let mut agent_end = h + 1;
        let mut i = 0;
        while i < words.len() {
            let found = self.dicts.actors.longest_match(&words, i);
            // A name written in lower case is a description, and so are the names inside it
            // ("armed Islamic group" holds no "Islamic Group"); one word in lower case is a
            // slip of the pen ("opposition pakistani leader").
            if let Some(m) = found.as_ref().filter(|m| {
                m.len > 1 && !written_as_name(&s.tokens[a + i..a + i + m.len]) && cased()
            }) {
                i += m.len;
                continue;
            }
            if let Some(m) = found {
                // "the Al Qaeda-linked Somali group", "Iran-backed rebels": the name before a
                // hyphenated participle describes the actor; it is not the actor.
                let end = a + i + m.len;
                let describes = end + 1 < s.tokens.len()
                    && crate::tree::hyphen_compound(s, end + 1)
                    && matches!(s.tokens[end + 1].xpos.as_str(), "VBN" | "VBD" | "JJ");
                if describes {
                    i += m.len;
                    continue;
                }
                if let Some(c) = self.dicts.actors.code_on(m.entry, date) {
                    if actor.as_ref().is_none_or(|(old, _)| c.len() > old.len()) {
                        actor = Some((c.to_string(), m.len));
                    }
                }
                i += m.len;
                continue;
            }
            // A people in the plural ("Albanians", "Serbs", "Kurds"): the dictionaries list the
            // singular demonym.
            if let Some(singular) = words[i]
                .strip_suffix('s')
                .filter(|w| w.len() >= 3 && words[i].chars().next().is_some_and(char::is_uppercase))
            {
                let one = [singular];
                if let Some(m) = self.dicts.actors.longest_match(&one, 0) {
                    if let Some(c) = self.dicts.actors.code_on(m.entry, date) {
                        if actor.is_none() && c.len() == 3 {
                            actor = Some((c.to_string(), 1));
                        }
                    }
                    i += 1;
                    continue;
                }
            }
            if let Some(m) = self.dicts.agents.longest_match(&words, i) {
                agent = Some(&self.dicts.agents.agents[m.entry]);
                agent_at = a + i;
                agent_end = a + i + m.len;
                i += m.len;
                continue;
            }
            i += 1;
        }
        let person = s.tokens[h].ent.ends_with("PERSON");
        // A role word that only describes the head ("military exercises", "a rebel-held
        // town", "a government-held part of Syria's city") makes no actor of a thing.
        // Beside a country, only an adjective ("military") or a word of a hyphenated one
        // ("government-held") describes: "the Israeli government statement" is the
        // government's. Alone, any role word before a thing does ("rebel positions").
        let modifies_head = (agent_at..agent_end).any(|i| s.tokens[i].head == Some(h))
            || s.tokens[agent_at]
                .head
                .is_some_and(|x| s.tokens[x].head == Some(h) && x < h);
        let describes_thing = modifies_head
            && !(agent_at..agent_end).contains(&h)
            && s.tokens[h].upos == Upos::NOUN
            && !person;
        let adjectival = s.tokens[agent_at].upos == Upos::ADJ
            || s.tokens[agent_at].deprel == "amod"
            || s.tokens.get(agent_end).is_some_and(|t| t.text == "-");
        let agent = agent.filter(|_| !(describes_thing && (adjectival || actor.is_none())));
        // "former security officials", "former prosecutors": who held a public office is one
        // of CAMEO's elites (ELI: "former government officials"), not the office. Not a former
        // employee, nor "the former assets of a producer".
        let former = s.tokens.iter().enumerate().any(|(i, t)| {
            t.deprel == "amod"
                && lemma(s, i) == "former"
                && t.head.is_some_and(|x| (agent_at..agent_end).contains(&x))
        });
        let role = |ag: &herald_dict::Agent| -> String {
            let public_office = ["GOV", "MIL", "JUD", "LEG", "COP", "SPY"]
                .iter()
                .any(|r| ag.code.starts_with(r));
            if former && ag.suffix && public_office {
                "ELI".to_string()
            } else {
                ag.code.clone()
            }
        };
        let mut code = match (actor, agent) {
            (Some((c, _)), Some(ag)) if c.len() == 3 => Some(if ag.suffix {
                format!("{c}{}", role(ag))
            } else {
                format!("{}{c}", ag.code)
            }),
            (Some((c, _)), _) => Some(c),
            (None, _) => None,
        };
        // A short name the document introduced in full before ("Trump" after "Donald Trump",
        // also inside a phrase: "the Trump administration").
        // A person the document introduced whom the dictionaries do not know stays unknown
        // ("Mr Howard" after "Michael Howard" is not John Howard).
        let mut introduced = false;
        if code.is_none() {
            let names: Vec<String> = (a..b)
                .filter(|&i| s.tokens[i].upos == Upos::PROPN)
                .map(|i| s.tokens[i].text.to_uppercase())
                .collect();
            if let Some(f) = memory.iter().rev().find(|f| names.contains(&f.last)) {
                code = f.code.clone();
                introduced = true;
            }
        }
        // A person named by surname only ("President Mugabe", "Mr Chirac"), when the
        // dictionaries' people of that surname have one code then. Not a full name the
        // dictionaries lack: "Michael Howard" is not John Howard.
        if code.is_none() && !introduced {
            let title = |i: usize| is_title(&s.tokens[i].text);
            // A title is no surname ("Lord" of "Lord Woolf" is not Winston Lord).
            let person_name =
                |i: usize| s.tokens[i].upos == Upos::PROPN && s.tokens[i].ent.ends_with("PERSON");
            let surname = (a..b).rev().find(|&i| person_name(i) && !title(i));
            let first_name = surname.is_some_and(|sn| (a..sn).any(|i| person_name(i) && !title(i)));
            if !first_name {
                // A surname alone whose bearer holds no office then ("Ford" in 1987 is the
                // carmaker more often than Gerald Ford, an elite since 1977) needs a title
                // ("President Ford", "Mr Ford") to be that person.
                let titled = surname.is_some_and(|sn| (a..sn).any(title));
                code = surname
                    .and_then(|i| self.dicts.actors.surname_code_on(&s.tokens[i].text, date))
                    .filter(|c| titled || !c.ends_with("ELI"))
                    .map(str::to_string);
                // A one-word name the recogniser left untyped ("Modi praised …") is the
                // person when that surname holds an office then: news names leaders so.
                if surname.is_none()
                    && b == a + 1
                    && s.tokens[a].upos == Upos::PROPN
                    && s.tokens[a].ent == "O"
                {
                    code = self
                        .dicts
                        .actors
                        .surname_code_on(&s.tokens[a].text, date)
                        .filter(|c| c.ends_with("GOV"))
                        .map(str::to_string);
                }
            }
        }
        // A head of government's title and a surname name whoever holds the office on the
        // date: "President Bush" in 2008 is not the father the old dictionaries mean.
        if code.as_deref().is_some_and(|c| !c.ends_with("GOV"))
            && words.len() >= 2
            && matches!(
                words[0].to_lowercase().as_str(),
                "president" | "premier" | "chancellor" | "prime"
            )
            && s.tokens[b - 1].upos == Upos::PROPN
        {
            if let Some(c) = self
                .dicts
                .actors
                .office_holder_on(&s.tokens[b - 1].text, date)
            {
                code = Some(c.to_string());
            }
        }
        // A capital as the subject of a verb is its government ("Riyadh has maintained").
        if let Some(c) = &code {
            let phrase = words.join(" ").to_uppercase();
            if c.len() == 3
                && s.tokens[h].deprel.starts_with("nsubj")
                && self.dicts.capitals.contains(&phrase)
            {
                code = Some(format!("{c}GOV"));
            }
        }
        // A role without a country: the country of an "in/of/from" modifier ("a court in
        // Guyana", "ministers from the Georgian government") or of a possessive pronoun ("his
        // top ministers"), else PETRARCH's unknown country ("officials" → ---GOV).
        // A role word inside an organisation's name ("Economist Intelligence Unit") makes no
        // role of it.
        // The role word alone as the name ("Congress is asking …", "Parliament voted") is
        // the role.
        let name_words = (a..b).filter(|&i| s.tokens[i].upos == Upos::PROPN).count();
        let in_org_name = s.tokens[agent_at].upos == Upos::PROPN
            && s.tokens[agent_at].ent.ends_with("ORG")
            && name_words > agent_end - agent_at;
        let mut role_country = None;
        if let (None, Some(ag)) = (&code, agent) {
            if ag.suffix && !in_org_name {
                let country = children(s, h)
                    .into_iter()
                    .filter(|&c| {
                        let rel = s.tokens[c].deprel.as_str();
                        (rel == "nmod:poss" && s.tokens[c].upos == Upos::PRON)
                            || (rel == "nmod"
                                && has_case(s, c, &["in", "of", "from", "across", "throughout"]))
                    })
                    .find_map(|c| {
                        let code = self.actor(s, c, date, memory).code?;
                        (!code.starts_with("---"))
                            .then(|| code.get(..3).map(|k| (c, k.to_string())))?
                    });
                code = Some(format!(
                    "{}{}",
                    country.as_ref().map_or("---", |(_, k)| k.as_str()),
                    role(ag)
                ));
                role_country = country.map(|(c, _)| (c, role(ag)));
            }
        }
        let last = (a..b)
            .rev()
            .find(|&i| s.tokens[i].upos == Upos::PROPN)
            .map_or(upper, |i| s.tokens[i].text.to_uppercase());
        Found {
            code,
            span: (a, b),
            person,
            last,
            role_country,
        }
    }

    /// The actor at `h`, and for a role in conjoined countries ("lawmakers in Fornost and
    /// Gondor") one actor per country.
    pub(crate) fn actors(
        &self,
        s: &Sentence,
        h: usize,
        date: Date,
        memory: &[Found],
    ) -> Vec<Found> {
        let first = self.actor(s, h, date, memory);
        // "Obama and Putin said they will attack Iraq": "they" stands for each speaker.
        if s.tokens[h].upos == Upos::PRON
            && matches!(s.tokens[h].lemma.to_lowercase().as_str(), "they" | "them")
        {
            if let Some(speaker) = speaker_of_pronoun(s, h) {
                let conjuncts: Vec<Found> = children(s, speaker)
                    .into_iter()
                    .filter(|&c| s.tokens[c].deprel == "conj" && !split_name(s, speaker, c))
                    .map(|c| self.actor(s, c, date, memory))
                    .filter(|f| f.code.is_some())
                    .map(|f| Found {
                        span: (h, h + 1),
                        ..f
                    })
                    .collect();
                if !conjuncts.is_empty() {
                    let mut out = vec![first];
                    out.extend(conjuncts);
                    return out;
                }
            }
        }
        let mut out = vec![first.clone()];
        // "The foreign ministers of France, Germany and Britain": the phrase read the first
        // country with the role (FRAGOV); each conjoined country makes its own.
        // So do conjoined country words before the role: "US and British activists",
        // "Hungarian and Romanian officials".
        let role_of_first = first.role_country.clone().or_else(|| {
            let k = first.code.as_deref().filter(|k| k.len() >= 3)?;
            children(s, h).into_iter().find_map(|c| {
                let rel = s.tokens[c].deprel.as_str();
                let of = rel == "nmod" && has_case(s, c, &["of", "from"]);
                let modifier = matches!(rel, "amod" | "compound") && c < h;
                let country = self.actor(s, c, date, memory).code?;
                ((of || modifier) && country.len() == 3 && k.starts_with(&country))
                    .then(|| (c, k[3..].to_string()))
            })
        });
        if let Some((c, role)) = &role_of_first {
            for cc in children(s, *c) {
                if s.tokens[cc].deprel != "conj" || crate::split_name(s, *c, cc) {
                    continue;
                }
                if let Some(k) = self.actor(s, cc, date, memory).code {
                    if !k.starts_with("---") {
                        if let Some(country) = k.get(..3) {
                            // Its words are the country's: the role's phrase names the first.
                            let (lo, hi) = crate::tree::subtree_span(s, cc);
                            out.push(Found {
                                code: Some(format!("{country}{role}")),
                                span: (lo.max(cc), hi + 1),
                                role_country: None,
                                ..first.clone()
                            });
                        }
                    }
                }
            }
        }
        // "Lawmakers and officials in France and Germany": the places the parser hung on the
        // first of conjoined roles are the second's too.
        if let (Some(k), Some(x)) = (
            first.code.as_deref().filter(|k| k.starts_with("---")),
            s.tokens[h].head.filter(|_| s.tokens[h].deprel == "conj"),
        ) {
            let places: Vec<usize> = children(s, x)
                .into_iter()
                .filter(|&c| {
                    s.tokens[c].deprel == "nmod" && c > h && has_case(s, c, &["in", "of", "from"])
                })
                .flat_map(|c| {
                    std::iter::once(c).chain(
                        children(s, c)
                            .into_iter()
                            .filter(|&g| s.tokens[g].deprel == "conj"),
                    )
                })
                .collect();
            let countries: Vec<String> = places
                .iter()
                .filter_map(|&c| self.actor(s, c, date, memory).code)
                .filter(|c| c.len() == 3 && !c.starts_with("---"))
                .collect();
            if !countries.is_empty() {
                return countries
                    .into_iter()
                    .map(|country| Found {
                        code: Some(format!("{country}{}", &k[3..])),
                        ..first.clone()
                    })
                    .collect();
            }
        }
        out
    }
}

/// The speaker a pronoun stands for when it is the subject of the clause a speech verb
/// introduces ("X said it will …", also "X confirmed it would …" with "it" parsed as the
/// speech verb's object): the speech verb's subject, when that is a name or a noun phrase
/// of the same number.
fn speaker_of_pronoun(s: &Sentence, h: usize) -> Option<usize> {
    let t = &s.tokens[h];
    let clause_head = t.head?;
    let speech = match t.deprel.as_str() {
        "nsubj" | "nsubj:pass" => {
            let c = &s.tokens[clause_head];
            matches!(c.deprel.as_str(), "ccomp" | "xcomp")
                .then_some(c.head)
                .flatten()?
        }
        // "confirmed it would tighten": "it" hung on the speech verb, a clause after it.
        "obj" => {
            let next_clause = children(s, clause_head)
                .into_iter()
                .any(|c| c > h && matches!(s.tokens[c].deprel.as_str(), "ccomp" | "xcomp"));
            next_clause.then_some(clause_head)?
        }
        _ => return None,
    };
    if !crate::lexicon::SPEECH_VERBS.contains(&lemma(s, speech).as_str()) {
        return None;
    }
    let subject = children(s, speech)
        .into_iter()
        .find(|&c| s.tokens[c].deprel == "nsubj")?;
    let st = &s.tokens[subject];
    if st.upos == Upos::PRON {
        return None;
    }
    // "it" stands for a singular noun ("the party"), "they" for a plural one or a name.
    let plural = st.xpos == "NNS" || st.xpos == "NNPS";
    let l = t.lemma.to_lowercase();
    let fits = match l.as_str() {
        "it" | "its" => !plural,
        "they" | "them" | "their" => plural || st.upos == Upos::PROPN,
        // He/she: a person named or described ("the minister said he …").
        _ => true,
    };
    fits.then_some(subject)
}

/// Whether a dictionary name is written as a name in the text: not led, after a leading "the",
/// "al" and the like, by an adjective in lower case, which makes it a description: "an armed
/// Islamic group" is no Armed Islamic Group, "the new organization" no group of that name.
/// Nouns may be in lower case: BBC style writes "the state department" and "senator John
/// McCain".
fn written_as_name(tokens: &[herald_doc::Token]) -> bool {
    const SMALL: &[&str] = &[
        "the", "al", "el", "de", "la", "le", "van", "von", "bin", "ibn",
    ];
    let Some(first) = tokens.iter().find(|t| {
        t.text.chars().any(char::is_alphabetic) && !SMALL.contains(&t.text.to_lowercase().as_str())
    }) else {
        return true;
    };
    first.text.chars().any(char::is_uppercase) || !matches!(first.upos, Upos::ADJ | Upos::VERB)
}
