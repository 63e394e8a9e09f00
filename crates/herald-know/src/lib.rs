//! herald's knowledge layer: what GDELT's Global Knowledge Graph carries around the events of
//! an article. Each module reads herald's [`herald_doc::Analysis`] of a document:
//!
//! - [`timex`]: temporal expressions ("on Monday", "last week", "three years ago", "March
//!   2013") with their TimeML type and value, normalised against the publication date;
//! - [`geo`]: place names resolved to GeoNames places, each document as a whole;
//! - [`entities`]: people, organisations and places with their mentions linked;
//! - [`quotes`]: direct and indirect quotations with their speakers and cues;
//! - [`tone`]: GDELT V2Tone per document and sentence from the VADER lexicon;
//! - [`themes`]: GDELT themes by dictionary;
//! - [`amounts`]: numbers and what they count;
//! - [`gkg`]: all of it as one record per document;
//! - [`locate`]: where each coded event happened;
//! - [`when`]: the day of events whose day the text gives as a date ("on March 3").
#![deny(missing_docs)]

pub mod amounts;
pub mod entities;
pub mod geo;
pub mod gkg;
pub mod locate;
pub mod quotes;
pub mod themes;
pub mod timex;
pub mod tone;
pub mod when;
