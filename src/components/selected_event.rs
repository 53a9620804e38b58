//! The selected event, with the fields the pattern reads highlighted (green passed, red failed)
//! and, for a non-match, the reasons above the tree.
use crate::components::event_tree::{EventTree, Highlights, Pick};
use eventpen_playground::session::EventDetail;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`SelectedEvent`].
#[derive(Properties, PartialEq)]
pub struct SelectedEventProps {
    /// The event, its verdict, reasons and which fields the pattern read (from the worker).
    pub detail: Rc<EventDetail>,
    /// Close the view.
    pub on_close: Callback<()>,
    /// Called when a leaf value is picked (builds the pattern from this event).
    #[prop_or_default]
    pub on_pick: Option<Callback<Pick>>,
    /// Values already in the pattern.
    #[prop_or_default]
    pub in_pattern: Rc<Vec<Pick>>,
}

/// One event in detail.
#[component]
pub fn SelectedEvent(props: &SelectedEventProps) -> Html {
    let heading = use_node_ref();
    {
        // Opening an event (result #9 of 30 is far below the list) brings its detail into view
        // and moves focus to its heading, so keyboard and screen reader users land on it.
        let heading = heading.clone();
        use_effect_with(props.detail.row.index, move |_| {
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Start);
                heading.scroll_into_view_with_scroll_into_view_options(&options);
                let _ = heading.focus();
            }
        });
    }
    let detail = &props.detail;
    let highlights: Highlights = detail.highlights.iter().cloned().collect();
    let matched = detail.row.verdict;
    let reasons = &detail.row.reasons;
    let event = use_memo(Rc::clone(&props.detail), |detail| {
        Rc::new(detail.event.clone())
    });
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="selected-event" aria-labelledby="selected-heading">
            <div class="pane-head">
                <h3 id="selected-heading" tabindex="-1" ref={heading}>{ format!("Event #{}: {}", detail.row.index + 1, detail.row.title) }</h3>
                <button type="button" onclick={close}>{ "Close" }</button>
            </div>
            if let Some(matched) = matched {
                <p><span class={classes!("badge", if matched { "ok" } else { "bad" })}>{ if matched { "Matched" } else { "Not matched" } }</span></p>
            }
            if !reasons.is_empty() {
                <ul class="reasons">{ for reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
            }
            <p class="hint">{ "Fields the pattern reads are marked: green passed, red failed. Click a value to add it to the pattern." }</p>
            <EventTree event={(*event).clone()} highlights={Rc::new(highlights)}
                on_pick={props.on_pick.clone()} in_pattern={props.in_pattern.clone()} />
        </section>
    }
}
