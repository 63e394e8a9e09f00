//! The word lists that steer the coder: appeal, speech, modal and intent verbs, and the
//! CAMEO codes for intents.

pub(crate) const APPEAL_VERBS: [&str; 10] = [
    "urge", "ask", "call", "demand", "request", "press", "appeal", "push", "implore", "pressure",
];
/// Verbs of going somewhere: the country one arrives in or visits takes part (hosts), where a
/// place an act merely happens in does not.
pub(crate) const ARRIVAL_VERBS: [&str; 11] = [
    "arrive", "visit", "travel", "fly", "come", "go", "land", "reach", "tour", "head", "return",
];
/// Verbs of wanting: their object names what is asked for, their infinitive what is intended.
pub(crate) const WANTING_VERBS: [&str; 8] = [
    "want", "seek", "need", "hope", "wish", "plan", "intend", "aim",
];
pub(crate) const SPEECH_VERBS: [&str; 31] = [
    "say",
    "tell",
    "report",
    "claim",
    "state",
    "announce",
    "add",
    "note",
    "write",
    "cite",
    "insist",
    "warn",
    "respond",
    "reply",
    "maintain",
    "argue",
    "suggest",
    "believe",
    "confirm",
    "declare",
    "reiterate",
    "stress",
    "emphasize",
    "indicate",
    "signal",
    "hint",
    "assert",
    "acknowledge",
    "admit",
    "explain",
    "tweet",
];
/// Words of address and office before a surname ("Mr Chirac", "President Mugabe"): no first
/// name.
const TITLES: [&str; 28] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "president",
    "premier",
    "chancellor",
    "prime",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "general",
    "gen",
    "king",
    "queen",
    "prince",
    "sheikh",
    "ayatollah",
    "pope",
];

/// Whether `word` is a word of address or office ("Mr.", "Lord", "President").
pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}
pub(crate) const HYPOTHETICAL_AUX: [&str; 6] = ["would", "could", "might", "may", "should", "can"];
/// Verbs whose complement is an act intended, threatened or promised ("wants to attack",
/// "vowed to hold talks"): the intent is the event, CAMEO 03 or 13.
pub(crate) const INTENT_VERBS: [&str; 14] = [
    "want", "plan", "intend", "threaten", "vow", "pledge", "promise", "aim", "seek", "hope",
    "prepare", "agree", "offer", "propose",
];

/// Adjectives that, with a copula, say their subject means to do what follows ("is ready to
/// send troops", "is willing to withdraw", "is determined to attack").
pub(crate) const INTENT_ADJECTIVES: [&str; 6] = [
    "ready",
    "willing",
    "prepared",
    "determined",
    "eager",
    "keen",
];

/// Arms a text names instead of the side that used them ("a roadside bomb killed …"): violence
/// by them is violence by an unnamed hand, and a passive killing "in" or "by" them takes their
/// user as its agent ("killed in Israeli tank fire", "wounded by a Russian drone").
pub(crate) const WEAPON_NOUNS: [&str; 14] = [
    "bomb",
    "mine",
    "missile",
    "rocket",
    "shell",
    "grenade",
    "drone",
    "tank",
    "artillery",
    "mortar",
    "warplane",
    "jet",
    "helicopter",
    "gunship",
];

/// Besides arms, what and who a text names instead of the side that acted ("an explosion
/// killed …", "gunmen shot …").
const OTHER_UNNAMED_HANDS: [&str; 9] = [
    "explosion",
    "blast",
    "gunfire",
    "ambush",
    "gunman",
    "attacker",
    "assailant",
    "bomber",
    "sniper",
];

/// Whether a noun lemma names arms or an agent instead of the side that acted: violence by it
/// is violence by an unnamed hand.
pub(crate) fn unnamed_hand(lemma: &str) -> bool {
    WEAPON_NOUNS.contains(&lemma) || OTHER_UNNAMED_HANDS.contains(&lemma)
}

/// Nouns of attacks whose maker a passive killing takes as its agent ("killed in an Israeli
/// air strike", "wounded in Russian shelling").
pub(crate) const ATTACK_NOUNS: [&str; 12] = [
    "attack",
    "strike",
    "airstrike",
    "shelling",
    "raid",
    "bombardment",
    "bombing",
    "assault",
    "offensive",
    "fire",
    "shooting",
    "ambush",
];

/// Verbs whose passive puts an act in the future without anyone intending it aloud ("is
/// expected to visit", "is scheduled to attend", "is set to sign").
pub(crate) const EXPECTATION_VERBS: [&str; 5] = ["expect", "schedule", "set", "slate", "due"];

/// Verbs whose complement did not happen ("refused to deploy", "failed to reach"); the
/// refusal's target is in that complement.
pub(crate) const REFUSAL_VERBS: [&str; 4] = ["refuse", "decline", "fail", "reject"];

/// The CAMEO code for expressing the intent to do `code`: cooperation → 03 (intent to
/// cooperate), conflict → 13 (threaten); verbal acts stay as they are.
pub(crate) fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        // Intent to mediate (039), else to meet or negotiate (036).
        "04" if code.starts_with("045") => "039",
        "04" => "036",
        "05" => "032",
        "06" => match code {
            "061" => "0311",
            "062" => "0312",
            _ => "031",
        },
        "07" => match code {
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ => "033",
        },
        // Yielding: the intent to yield in the same way (CAMEO 0351–0356).
        "08" => match code.get(..3)? {
            "081" => "0351",
            "082" => "0352",
            "083" => "034",
            "084" => "0353",
            "085" => "0354",
            "086" => "0355",
            "087" => "0356",
            _ => "035",
        },
        "14" => "133",
        "15" | "19" => "138",
        "16" => "130",
        "17" => "137",
        "18" => "1383",
        "20" => "1385",
        _ => return None,
    })
}

/// The rejection (CAMEO 12) that announcing one will not do a cooperative act amounts to:
/// "will not negotiate" rejects talks (125), "would not provide support" material
/// cooperation (121), "will not give permission" refuses to yield (124).
pub(crate) fn refusal_code(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "04" => "125",
        "05" => "120",
        "06" => match code {
            "061" => "1211",
            "062" => "1212",
            _ => "121",
        },
        "07" => "121",
        "08" => "124",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intents_follow_what_is_intended() {
        assert_eq!(intent_code("045"), Some("039"));
        assert_eq!(intent_code("046"), Some("036"));
        assert_eq!(intent_code("0841"), Some("0353"));
        assert_eq!(intent_code("0871"), Some("0356"));
        assert_eq!(intent_code("072"), Some("0332"));
        assert_eq!(intent_code("190"), Some("138"));
        assert_eq!(intent_code("111"), None);
    }
}
