//! Stories: the news reports the project grew from, claim by claim. Each claim knows its terms
//! (the day it speaks of, the kind of tie it counts, the places it covers), and the dataset's
//! answer is worked out in those terms: ties known to be in force on that day
//! ([`crate::model::ask::on_date`]), the undated and the undecidable counted apart, never
//! silently in. A claim's link sets exactly the filters that give its answer, so the headline
//! and the table it opens show the same number as the card.
//!
//! The claims themselves are in [`reports`]; their words in the string catalogue.

mod answer;
mod reports;
mod terms;
#[cfg(test)]
mod tests;

pub use answer::{Answer, Figures, answer, claim_count, claim_query, claim_state, claim_target};
pub use reports::reports;
pub use terms::{Check, Claim, Count, Detail, Report, Scope, Ties, Words};
