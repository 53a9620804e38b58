//! The loaded events, one line each (name, source, time, account/region), each expandable into
//! the readable tree of the exact EventBridge event a rule sees. The rows and the open events
//! come from the worker, a window at a time.
use crate::components::event_tree::{EventTree, Pick};
use eventpen_playground::session::{EventDetail, RowsPage};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`EventList`].
#[derive(Properties, PartialEq)]
pub struct EventListProps {
    /// How many events are loaded.
    pub count: usize,
    /// The rows in the list's window.
    pub page: Rc<RowsPage>,
    /// The open events, in full (fetched with the window).
    pub details: Rc<Vec<EventDetail>>,
    /// Which events are open.
    pub open: Rc<BTreeSet<usize>>,
    /// Open or close event `n`.
    pub on_toggle: Callback<usize>,
    /// List more rows.
    pub on_more: Callback<()>,
    /// Called when a leaf value in an open event is picked (builds the pattern).
    #[prop_or_default]
    pub on_pick: Option<Callback<Pick>>,
    /// Values already in the pattern.
    #[prop_or_default]
    pub in_pattern: Rc<Vec<Pick>>,
    /// The events are EventPen's samples (the walkthrough), not the user's.
    #[prop_or_default]
    pub samples: bool,
}

/// The list of loaded events.
#[component]
pub fn EventList(props: &EventListProps) -> Html {
    if props.count == 0 {
        return html! {};
    }
    let count = props.count;
    let shown = props.page.offset + props.page.rows.len();
    let more = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <div class="event-list-box">
            <h3>{ format!("{count} event{} loaded", if count == 1 { "" } else { "s" }) }</h3>
            if props.samples {
                <p class="hint sample-note"><span class="badge">{ "Sample events" }</span>
                    { " The AWS walkthrough's records, to try things on: add your own events and they step aside." }</p>
            }
            <ul class="event-list" aria-label="Loaded events">
                { for props.page.rows.iter().map(|row| {
                    let i = row.index;
                    let detail = props.details.iter().find(|d| d.row.index == i);
                    let is_open = props.open.contains(&i);
                    let toggle = props.on_toggle.reform(move |_: MouseEvent| i);
                    html! {
                        <li class="event-item">
                            <button type="button" class="event-head" aria-expanded={is_open.to_string()} onclick={toggle}>
                                <span class="event-title">
                                    <span class="chevron" aria-hidden="true">{ if is_open { "▾ " } else { "▸ " } }</span>
                                    { format!("#{} {}", i + 1, row.title) }
                                </span>{ " " }
                                <span class="muted">{ row.source.clone() }</span>{ " " }
                                <span class="muted mono small">{ row.time.clone() }</span>{ " " }
                                <span class="muted small">{ row.place.clone() }</span>
                            </button>
                            if let (true, Some(detail)) = (is_open, detail) {
                                <p class="hint">{ format!("From {}", detail.origin) }</p>
                                <details class="original">
                                    <summary>{ "Original input" }</summary>
                                    <pre class="mono">{ detail.original.clone() }</pre>
                                </details>
                                <EventTree event={Rc::new(detail.event.clone())} on_pick={props.on_pick.clone()}
                                    in_pattern={props.in_pattern.clone()} />
                            }
                        </li>
                    }
                }) }
            </ul>
            if count > shown {
                <button type="button" onclick={more}>{ format!("Show more ({} not shown)", count - shown) }</button>
            }
        </div>
    }
}
