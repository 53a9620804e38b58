//! The facet panel: every field seen in the loaded events with its most common values and their
//! counts, searchable; clicking a value adds it to the pattern (again: removes it).
//!
//! The facets themselves are collected once per event set by the App (`Facets::collect` in a
//! `use_memo`); this component only filters and draws, and draws only the top values of each
//! field until asked for more, so it stays quick with 10,000 events.
use crate::builder::{self, FacetField, FacetHit, dotted, picks_in, pretty, toggle_exact};
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Values shown per field before "more".
const TOP: usize = 6;
/// Values shown per field after "more".
const MORE: usize = 100;

/// Props of [`Facets`].
#[derive(Properties)]
pub struct FacetsProps {
    /// The loaded events' facets (compared by identity: recomputed only with the events).
    pub facets: Rc<builder::Facets>,
    /// The current (last valid) pattern.
    pub pattern: Option<Rc<Value>>,
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

/// The facet panel.
#[component]
pub fn Facets(props: &FacetsProps) -> Html {
    let query = use_state(String::new);
    let expanded = use_state(HashSet::<Vec<String>>::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let pattern = props
        .pattern
        .clone()
        .unwrap_or_else(|| Rc::new(Value::Object(Map::new())));
    let picked = picks_in(&pattern);
    let hits = props.facets.search(&query);
    let searching = !query.trim().is_empty();
    let count = props.facets.event_count();
    let summary = if searching {
        format!(
            "{} of {} fields match “{}”",
            hits.len(),
            props.facets.fields().len(),
            query.trim()
        )
    } else {
        format!(
            "{} fields in {} event{}",
            hits.len(),
            count,
            if count == 1 { "" } else { "s" }
        )
    };
    let field = |hit: &FacetHit| {
        let FacetHit { field, values } = hit;
        let name = dotted(&field.path);
        let open = expanded.contains(&field.path);
        let quiet = field.all_distinct() && !open && !searching;
        let limit = if open { MORE } else { TOP };
        let shown = if quiet { 0 } else { values.len().min(limit) };
        let toggle = {
            let (expanded, path) = (expanded.clone(), field.path.clone());
            Callback::from(move |_: MouseEvent| {
                let mut next = (*expanded).clone();
                if !next.remove(&path) {
                    next.insert(path.clone());
                }
                expanded.set(next);
            })
        };
        let more_label = if open {
            "Show fewer".to_string()
        } else if quiet {
            format!(
                "Show values ({} distinct{})",
                field.values.len(),
                if field.truncated { "+" } else { "" }
            )
        } else {
            format!("Show {} more", values.len().min(MORE) - shown)
        };
        let more = (quiet || open || values.len() > shown).then(|| {
            html! {
                <button type="button" class="facet-more" onclick={toggle}
                    aria-label={format!("{more_label} of {name}")}>{ more_label.clone() }</button>
            }
        });
        html! {
            <li class="facet">
                <div class="facet-head">
                    <span class="facet-path mono">{ name.clone() }</span>
                    <span class="facet-meta">{ distinct_text(field) }</span>
                </div>
                if shown > 0 {
                    <ul class="facet-values" aria-label={format!("Values of {name}")}>
                        { for values.iter().take(shown).map(|v| {
                            let pressed = picked.iter().any(|(p, value)| *p == field.path && *value == v.value);
                            let onclick = {
                                let (pattern, path, value, on_replace) = (pattern.clone(), field.path.clone(), v.value.clone(), props.on_replace.clone());
                                Callback::from(move |_: MouseEvent| on_replace.emit(pretty(&toggle_exact(&pattern, &path, &value))))
                            };
                            let text = v.text();
                            let kind = if v.value.is_string() { "str" } else { "lit" };
                            let label = format!("{name} = {text} ({} event{}): {}", v.count, if v.count == 1 { "" } else { "s" },
                                if pressed { "in the pattern" } else { "add to the pattern" });
                            html! {
                                <li>
                                    <button type="button" class={classes!("facet-value", kind)} aria-pressed={pressed.to_string()}
                                        aria-label={label} title={text.clone()} disabled={props.stale} {onclick}>
                                        <span class="facet-text">{ if text.is_empty() { "(empty)".to_string() } else { text } }</span>
                                        <span class="facet-count">{ v.count }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                }
                { for more }
            </li>
        }
    };
    html! {
        <section class="facets" aria-labelledby="facets-heading">
            <div class="builder-head">
                <h3 id="facets-heading">{ "Fields in your events" }</h3>
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
                <ul class="facet-list" aria-label="Fields">
                    { for hits.iter().map(field) }
                </ul>
            }
        </section>
    }
}

/// "3 values", "1,000+ values · one per event".
fn distinct_text(field: &FacetField) -> String {
    let n = field.values.len();
    let plus = if field.truncated { "+" } else { "" };
    let unit = if n == 1 && !field.truncated {
        "value"
    } else {
        "values"
    };
    if field.all_distinct() {
        format!("{n}{plus} {unit} · one per event")
    } else {
        format!("{n}{plus} {unit}")
    }
}
