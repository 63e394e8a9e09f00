//! herald's events in other systems' layouts.
//!
//! [`gdelt::event_row`] writes one event as a row of the GDELT 2.0 Event table: the 61 columns of
//! [`gdelt::EVENT_COLUMNS`], tab-separated, in GDELT's order (GDELT Event Codebook 2.0).
//! [`plover::plover_record`] writes one event as a PLOVER JSON record. [`gkg::gkg_row`] writes a
//! document's knowledge record as a GDELT GKG 2.1 row (27 columns).
#![deny(missing_docs)]

pub mod gdelt;
pub mod gkg;
pub mod plover;
