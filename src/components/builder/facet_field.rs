//! One field of the facet panel: its path, how many distinct values, the most common values as
//! buttons with their event counts, and "more". Its own component so a field re-draws only when
//! its own pressed values, the search or the events change.
use crate::builder::{self, FacetField, dotted};
use crate::derived::ByPtr;
use serde_json::Value;
use yew::prelude::*;

/// Values shown per field before "more".
const TOP: usize = 6;
/// Values shown per field after "more".
const MORE: usize = 100;

/// Props of [`FacetFieldView`].
#[derive(Properties, PartialEq)]
pub struct FacetFieldViewProps {
    /// All facets (by identity).
    pub facets: ByPtr<builder::Facets>,
    /// Which field.
    pub index: usize,
    /// The search text.
    pub query: AttrValue,
    /// This field's values that are in the pattern.
    pub pressed: Vec<Value>,
    /// Clicks are off.
    pub stale: bool,
    /// Called with the field's path and a value to add or remove.
    pub on_toggle: Callback<(Vec<String>, Value)>,
    /// Whether all its values are shown (kept by the panel: a field scrolled out of the
    /// virtualised list and back keeps it).
    pub expanded: bool,
    /// Called with the field's index to show all its values, or fewer again.
    pub on_expand: Callback<usize>,
}

/// One field: its path, how many values, the top values as buttons, "more".
#[component]
pub fn FacetFieldView(props: &FacetFieldViewProps) -> Html {
    let Some(field) = props.facets.fields().get(props.index) else {
        return html! {};
    };
    let name = dotted(&field.path);
    let searching = !props.query.trim().is_empty();
    let values = field.values_matching(&props.query);
    let open = props.expanded;
    let quiet = field.all_distinct() && !open && !searching;
    let limit = if open { MORE } else { TOP };
    let shown = if quiet { 0 } else { values.len().min(limit) };
    let toggle = {
        let index = props.index;
        props.on_expand.reform(move |_: MouseEvent| index)
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
    let button = |v: &builder::FacetValue| {
        let pressed = props.pressed.contains(&v.value);
        let onclick = {
            let (path, value, on_toggle) =
                (field.path.clone(), v.value.clone(), props.on_toggle.clone());
            Callback::from(move |_: MouseEvent| on_toggle.emit((path.clone(), value.clone())))
        };
        let text = v.text();
        let kind = if v.value.is_string() { "str" } else { "lit" };
        // The accessible name starts with the visible text ("aws.ec2 2"), so speech control
        // users can say what they see (WCAG 2.5.3, axe label-content-name-mismatch).
        let shown = if text.is_empty() {
            "(empty)".to_string()
        } else {
            text.clone()
        };
        let label = format!(
            "{shown} {}: {name}, {} event{}, {}",
            v.count,
            v.count,
            if v.count == 1 { "" } else { "s" },
            if pressed {
                "in the pattern"
            } else {
                "add to the pattern"
            }
        );
        html! {
            <li>
                <button type="button" class={classes!("facet-value", kind)} aria-pressed={pressed.to_string()}
                    aria-label={label} title={text.clone()} disabled={props.stale} {onclick}>
                    <span class="facet-text">{ shown }</span>{ " " }
                    <span class="facet-count">{ v.count }</span>
                </button>
            </li>
        }
    };
    html! {
        <div class="facet">
            <div class="facet-head">
                <span class="facet-path mono">{ name.clone() }</span>
                <span class="facet-meta">{ distinct_text(field) }</span>
            </div>
            if shown > 0 {
                <ul class="facet-values" aria-label={format!("Values of {name}")}>
                    { for values.iter().take(shown).map(|v| button(v)) }
                </ul>
            }
            { for more }
        </div>
    }
}

/// "3 values", "1000+ values · one per event".
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
