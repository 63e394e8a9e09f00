//! The dictionaries the coder looks things up in, loaded once from `data/`: herald's dated actor
//! and agent files first, then PETRARCH-2's; herald's verb and noun additions; capitals; the CAMEO
//! code tables.

use herald_dict::codes::CodeTables;
use herald_dict::nouns::EventNouns;
use herald_dict::verbs::VerbDictionary;
use herald_dict::{ActorDictionary, AgentDictionary, DictError};
use std::path::Path;

/// Everything the coder looks things up in.
pub struct Dictionaries {
    /// Actors (herald's dated files first, then PETRARCH's).
    pub actors: ActorDictionary,
    /// Agent words.
    pub agents: AgentDictionary,
    /// Verbs and patterns (herald's additions first).
    pub verbs: Vec<VerbDictionary>,
    /// Nouns that name events ("talks", "sanctions").
    pub nouns: EventNouns,
    /// Capital cities, upper case: as a subject, a capital is its government ("Riyadh has
    /// maintained" → SAUGOV).
    pub capitals: std::collections::HashSet<String>,
    /// CAMEO codes and the PLOVER mapping.
    pub codes: CodeTables,
}

/// Errors loading dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file could not be read.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        error: std::io::Error,
    },
    /// An agent file could not be parsed.
    #[error(transparent)]
    Dict(#[from] DictError),
}

fn read(path: &Path) -> Result<String, LoadError> {
    std::fs::read_to_string(path).map_err(|e| LoadError::Io {
        path: path.display().to_string(),
        error: e,
    })
}

impl Dictionaries {
    /// Load herald's shipped dictionaries from its `data/` folder. Returns the skipped lines too.
    pub fn load(data: &Path) -> Result<(Dictionaries, Vec<DictError>), LoadError> {
        let mut problems = Vec::new();
        let mut actors = ActorDictionary::default();
        let mut own: Vec<_> = std::fs::read_dir(data.join("actors"))
            .map_err(|e| LoadError::Io {
                path: data.join("actors").display().to_string(),
                error: e,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "actors"))
            .collect();
        own.sort();
        for p in own {
            problems.extend(actors.add_herald(&p.display().to_string(), &read(&p)?));
        }
        for f in [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ] {
            let p = data.join("petrarch2").join(f);
            problems.extend(actors.add(f, &read(&p)?));
        }
        // herald's agent words first: the first definition of a phrase wins.
        let mut agents = AgentDictionary::parse(
            "herald.agents.txt",
            &read(&data.join("actors/herald.agents.txt"))?,
        )?;
        agents.add(
            "Phoenix.agents.txt",
            &read(&data.join("petrarch2/Phoenix.agents.txt"))?,
        )?;
        let mut verbs = Vec::new();
        for (name, p) in [
            ("herald.verbs.txt", data.join("verbs/herald.verbs.txt")),
            ("CAMEO.2.0.txt", data.join("petrarch2/CAMEO.2.0.txt")),
        ] {
            let (v, pr) = VerbDictionary::parse(name, &read(&p)?);
            problems.extend(pr);
            verbs.push(v);
        }
        let (nouns, pr) = EventNouns::parse(
            "herald.nouns.txt",
            &read(&data.join("verbs/herald.nouns.txt"))?,
        );
        problems.extend(pr);
        let capitals = read(&data.join("actors/capitals.txt"))?
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.trim().to_uppercase())
            .collect();
        Ok((
            Dictionaries {
                actors,
                agents,
                verbs,
                nouns,
                capitals,
                codes: CodeTables::shipped(),
            },
            problems,
        ))
    }
}
