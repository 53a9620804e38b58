//! Per-clause match counts computed after the results are drawn: each count scans every loaded
//! event once per leaf, which at 10,000 events would delay the results of every keystroke.
//! Counted when typing pauses; in between, the editor moves the counts it shows with the edits.
use crate::derived::{ByPtr, EventRow};
use crate::view_model::CheckedPattern;
use eventpen_playground::Facets;
use gloo::timers::callback::Timeout;
use std::ops::Range;
use std::rc::Rc;
use yew::prelude::*;

/// How long typing must pause before the counts are brought up to date.
const PAUSE_MS: u32 = 120;

/// The counts for `checked` over `rows`, updated `PAUSE_MS` after the last change.
#[hook]
pub fn use_clause_counts(
    checked: &Rc<CheckedPattern>,
    rows: &ByPtr<Vec<EventRow>>,
    index: &Rc<Facets>,
) -> Rc<Vec<(Range<usize>, usize)>> {
    let counts = use_state(|| Rc::new(Vec::new()));
    {
        let counts = counts.clone();
        use_effect_with(
            (ByPtr(checked.clone()), rows.clone(), ByPtr(index.clone())),
            move |(checked, rows, index)| {
                let (checked, rows, index) = (checked.0.clone(), rows.clone(), index.0.clone());
                let timer = Timeout::new(PAUSE_MS, move || {
                    let next = match &checked.checked.model {
                        Some(model) => eventpen_playground::clause_counts(
                            &checked.text,
                            model,
                            &rows,
                            Some(&index),
                        ),
                        None => Vec::new(),
                    };
                    if **counts != next {
                        counts.set(Rc::new(next));
                    }
                });
                // A newer change cancels the pending count.
                move || drop(timer)
            },
        );
    }
    (*counts).clone()
}
