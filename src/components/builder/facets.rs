//! The facet panel: every field seen in the loaded events with its most common values and their
//! counts, searchable; clicking a value adds it to the pattern (again: removes it).
//!
//! The facets themselves are collected once per event set by the App (`Facets::collect` in a
//! `use_memo`); this component only filters and draws. Each field is its own component whose
//! props change only when its pressed values, the search or the events do, so typing in the
//! pattern editor re-draws just the fields whose pressed state changed — quick with 10,000 events.
use super::facet_field::FacetFieldView;
use crate::builder::{self, pretty, toggle_exact};
use crate::components::staged::Staged;
use crate::components::virtual_list::VirtualList;
use crate::derived::ByPtr;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`Facets`].
#[derive(Properties)]
pub struct FacetsProps {
    /// The loaded events' facets (compared by identity: recomputed only with the events).
    pub facets: Rc<builder::Facets>,
    /// The current (last valid) pattern.
    pub pattern: Option<Rc<Value>>,
    /// The exact values the pattern has, by event path (from the pattern model).
    pub in_pattern: Rc<Vec<crate::components::event_tree::Pick>>,
    /// The pattern text is invalid: clicks would overwrite it, so they are off.
    #[prop_or_default]
    pub stale: bool,
    /// Called with the new pattern text.
    pub on_replace: Callback<String>,
}

impl PartialEq for FacetsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.facets, &other.facets)
            && self.pattern == other.pattern
            && self.stale == other.stale
            && self.on_replace == other.on_replace
    }
}

/// The latest pattern and callback, read when a value is clicked (so the per-field callback
/// never changes and never makes the fields re-draw).
type Latest = Rc<RefCell<(Rc<Value>, Callback<String>)>>;

/// The facet panel.
#[component]
pub fn Facets(props: &FacetsProps) -> Html {
    let query = use_state(String::new);
    // Fields showing all their values, by index (forgotten with the events).
    let expanded = use_state(|| Rc::new(BTreeSet::<usize>::new()));
    {
        let expanded = expanded.clone();
        use_effect_with(ByPtr(props.facets.clone()), move |_| {
            expanded.set(Rc::default())
        });
    }
    let on_expand = crate::hooks::use_toggle_in(&expanded);
    let pattern = props
        .pattern
        .clone()
        .unwrap_or_else(|| Rc::new(Value::Object(Map::new())));
    let latest: Latest = (*use_memo((), {
        let seed = (pattern.clone(), props.on_replace.clone());
        move |_| Rc::new(RefCell::new(seed))
    }))
    .clone();
    *latest.borrow_mut() = (pattern.clone(), props.on_replace.clone());
    let on_toggle = (*use_memo((), {
        let latest = latest.clone();
        move |_| {
            Callback::from(move |(path, value): (Vec<String>, Value)| {
                let (pattern, on_replace) = latest.borrow().clone();
                on_replace.emit(pretty(&toggle_exact(&pattern, &path, &value)));
            })
        }
    }))
    .clone();
    let matching = use_memo(
        (ByPtr(props.facets.clone()), (*query).clone()),
        |(facets, query)| facets.matching(query),
    );
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let picked: Vec<(Vec<String>, Value)> = props
        .in_pattern
        .iter()
        .map(|pick| (pick.path.clone(), pick.value.clone()))
        .collect();
    let searching = !query.trim().is_empty();
    let count = props.facets.event_count();
    let total = props.facets.fields().len();
    let summary = if searching {
        format!(
            "{} of {total} fields match “{}”",
            matching.len(),
            query.trim()
        )
    } else {
        format!(
            "{total} fields in {count} event{}",
            if count == 1 { "" } else { "s" }
        )
    };
    let query_attr = AttrValue::from((*query).clone());
    let field_row = {
        let (facets, matching) = (props.facets.clone(), matching.clone());
        let (stale, on_toggle) = (props.stale, on_toggle.clone());
        let expanded = (*expanded).clone();
        Callback::from(move |at: usize| {
            let index = *matching.get(at)?;
            let path = &facets.fields().get(index)?.path;
            let pressed: Vec<Value> = picked
                .iter()
                .filter(|(p, _)| p == path)
                .map(|(_, v)| v.clone())
                .collect();
            Some(html! {
                <FacetFieldView key={index} facets={ByPtr(facets.clone())} {index}
                    query={query_attr.clone()} {pressed} {stale} on_toggle={on_toggle.clone()}
                    expanded={expanded.contains(&index)} on_expand={on_expand.clone()} />
            })
        })
    };
    // Another search or other events: the list starts again at its top.
    let generation = Rc::as_ptr(&matching) as u64;
    html! {
        <section class="facets" aria-labelledby="facets-heading">
            <div class="builder-head">
                <h3 id="facets-heading">{ "Fields and values" }</h3>
                <span class="facet-summary" role="status">{ summary }</span>
            </div>
            if count == 0 {
                <p class="hint">{ "Load events to see their fields and values here." }</p>
            } else {
                <label class="facet-search">
                    <span class="ce-label">{ "Search fields and values" }</span>
                    <input type="search" value={(*query).clone()} {oninput} placeholder="eventName, RunInstances, t2.micro…"
                        spellcheck="false" autocomplete="off" />
                </label>
                // Drawn after the lists a load's first answer brings (see Staged).
                <Staged>
                    <VirtualList label="Fields" class="facet-list" total={matching.len()} row_px={64.0}
                        row={field_row} loaded={(0, matching.len())} generation={generation} />
                </Staged>
            }
        </section>
    }
}
