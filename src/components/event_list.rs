//! The loaded events, one line each (name, source, time, account/region), each expandable into
//! the readable tree of the exact EventBridge event a rule sees.
use crate::components::event_tree::{EventTree, Pick};
use crate::derived::{ByPtr, EventRow};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

const PAGE: usize = 100;

/// Props of [`EventList`].
#[derive(Properties, PartialEq)]
pub struct EventListProps {
    /// The loaded events.
    pub events: ByPtr<Vec<EventRow>>,
    /// Called when a leaf value in an open event is picked (builds the pattern).
    #[prop_or_default]
    pub on_pick: Option<Callback<Pick>>,
    /// Values already in the pattern.
    #[prop_or_default]
    pub in_pattern: Rc<Vec<Pick>>,
}

/// The list of loaded events.
#[component]
pub fn EventList(props: &EventListProps) -> Html {
    let open = use_state(BTreeSet::<usize>::new);
    let shown = use_state(|| PAGE);
    if props.events.is_empty() {
        return html! {};
    }
    let count = props.events.len();
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <div class="event-list-box">
            <h3>{ format!("{count} event{} loaded", if count == 1 { "" } else { "s" }) }</h3>
            <ul class="event-list" aria-label="Loaded events">
                { for props.events.iter().enumerate().take(*shown).map(|(i, row)| {
                    let is_open = open.contains(&i);
                    let toggle = {
                        let open = open.clone();
                        Callback::from(move |_: MouseEvent| {
                            let mut next = (*open).clone();
                            if !next.remove(&i) { next.insert(i); }
                            open.set(next);
                        })
                    };
                    html! {
                        <li class="event-item">
                            <button type="button" class="event-head" aria-expanded={is_open.to_string()} onclick={toggle}>
                                <span class="event-title">
                                    <span class="chevron" aria-hidden="true">{ if is_open { "▾ " } else { "▸ " } }</span>
                                    { format!("#{} {}", i + 1, row.summary.title) }
                                </span>{ " " }
                                <span class="muted">{ row.summary.source.clone() }</span>{ " " }
                                <span class="muted mono small">{ row.summary.time.clone() }</span>{ " " }
                                <span class="muted small">{ row.summary.place.clone() }</span>
                            </button>
                            if is_open {
                                <p class="hint">{ format!("From {}", row.origin) }</p>
                                <details class="original">
                                    <summary>{ "Original input" }</summary>
                                    <pre class="mono">{ row.original.to_string() }</pre>
                                </details>
                                <EventTree event={row.event.clone()} on_pick={props.on_pick.clone()}
                                    in_pattern={props.in_pattern.clone()} />
                            }
                        </li>
                    }
                }) }
            </ul>
            if count > *shown {
                <button type="button" onclick={more}>{ format!("Show more ({} not shown)", count - *shown) }</button>
            }
        </div>
    }
}
