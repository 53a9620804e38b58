//! What the App needs to host the charts, kept out of app.rs: the worker computes the timeline
//! (with what the last edit changed) and the breakdown of the matched events in the selected
//! range; this turns its answer into the charts' props, once per answer.
use crate::derived::ByPtr;
use crate::worker::protocol::Answer;
use eventpen_playground::breakdown::Breakdown;
use eventpen_playground::timeline::Timeline;
use std::rc::Rc;
use yew::prelude::*;

/// The timeline and what the last edit did to the matches.
#[derive(Debug)]
pub struct TimelineView {
    /// Counts per bucket (`None` when no event has a readable time).
    pub timeline: Option<Timeline>,
    /// Events added to / removed from the matches by the last edit, and a number that changes
    /// with every edit (so the indicator shows afresh).
    pub change: Option<(usize, usize, u32)>,
}

/// Everything the charts draw.
pub struct Charts {
    /// The timeline (`None` while the charts are off or nothing matched yet).
    pub timeline: Option<ByPtr<TimelineView>>,
    /// The matched events' top values in range (`None` while off or no pattern).
    pub breakdown: Option<ByPtr<Breakdown>>,
}

/// The charts of the worker's latest answer (nothing while the charts are off: the worker then
/// computes none).
#[hook]
pub fn use_charts(answer: &Option<ByPtr<Answer>>, on: bool) -> Rc<Charts> {
    use_memo((answer.clone(), on), |(answer, on)| {
        let evaluation = answer
            .as_ref()
            .map(|a| &a.evaluation)
            .filter(|e| *on && e.has_verdicts);
        Charts {
            timeline: evaluation.map(|e| {
                ByPtr(Rc::new(TimelineView {
                    timeline: e.timeline.clone(),
                    change: e.change,
                }))
            }),
            breakdown: evaluation
                .and_then(|e| e.breakdown.clone())
                .map(|b| ByPtr(Rc::new(b))),
        }
    })
}
