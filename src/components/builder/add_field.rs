//! "Add a field": a path box completed from the paths seen in the loaded events (a
//! `<datalist>`), then a condition — at the top of the pattern or inside an `$or` branch.
use super::condition_editor::ConditionEditor;
use crate::builder::{add_condition, dotted, parse_path, pretty};
use serde_json::Value;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`AddField`].
#[derive(Properties)]
pub struct AddFieldProps {
    /// The pattern to add to.
    pub pattern: Rc<Value>,
    /// Known field paths, for completion.
    pub paths: Rc<Vec<Vec<String>>>,
    /// Called with the new pattern text.
    pub on_replace: Callback<String>,
    /// Add inside an `$or` branch: the branch's location and the event object the group reads
    /// (typed paths must lie under it).
    #[prop_or_default]
    pub within: Option<(Vec<String>, Vec<String>)>,
    /// The path box's label.
    #[prop_or(AttrValue::from("Add a field"))]
    pub label: AttrValue,
    /// Offer Cancel (and Escape) with this.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

impl PartialEq for AddFieldProps {
    fn eq(&self, other: &Self) -> bool {
        self.pattern == other.pattern
            && Rc::ptr_eq(&self.paths, &other.paths)
            && self.on_replace == other.on_replace
            && self.within == other.within
            && self.label == other.label
            && self.on_cancel == other.on_cancel
    }
}

/// Where a typed path goes: the path itself, or inside an `$or` branch (then it must lie under
/// the group's object, which the branch's location already names).
fn place(
    segments: Vec<String>,
    within: Option<&(Vec<String>, Vec<String>)>,
) -> Result<Vec<String>, String> {
    if segments.is_empty() {
        return Err("Type the field's path first, like detail.eventName.".into());
    }
    let Some((branch, under)) = within else {
        return Ok(segments);
    };
    if segments.len() <= under.len() || !segments.starts_with(under) {
        return Err(format!(
            "This group's fields are under {}: type a path that starts with it.",
            dotted(under)
        ));
    }
    Ok(branch
        .iter()
        .chain(&segments[under.len()..])
        .cloned()
        .collect())
}

/// "Add a field": a path box completed from the events' paths, then a condition.
#[component]
pub fn AddField(props: &AddFieldProps) -> Html {
    let start = match &props.within {
        Some((_, under)) if !under.is_empty() => format!("{}.", dotted(under)),
        _ => String::new(),
    };
    let path = use_state(|| start.clone());
    let problem = use_state(|| None::<String>);
    // Bumped after each add, so the condition form starts empty again.
    let generation = use_state(|| 0u32);
    let oninput = {
        let path = path.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            path.set(input.value());
        })
    };
    let on_save = {
        let (path, problem, generation) = (path.clone(), problem.clone(), generation.clone());
        let (pattern, paths, on_replace, within) = (
            props.pattern.clone(),
            props.paths.clone(),
            props.on_replace.clone(),
            props.within.clone(),
        );
        Callback::from(move |condition: Value| {
            match place(parse_path(&path, &paths), within.as_ref()) {
                Ok(location) => {
                    problem.set(None);
                    path.set(start.clone());
                    generation.set(*generation + 1);
                    on_replace.emit(pretty(&add_condition(&pattern, &location, condition)));
                }
                Err(message) => problem.set(Some(message)),
            }
        })
    };
    let nested = props.within.is_some();
    let onkeydown = props.on_cancel.clone().map(|on_cancel| {
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_cancel.emit(());
            }
        })
    });
    let condition_label = if nested {
        format!("Condition for the field ({})", props.label)
    } else {
        "Condition for the new field".to_string()
    };
    html! {
        <div class={classes!("bt-add-field", nested.then_some("nested"))} {onkeydown}>
            <label class="ce-field">
                <span class="ce-label">{ props.label.clone() }</span>
                <input type="text" class="mono" list="builder-paths" value={(*path).clone()} {oninput}
                    placeholder="detail.eventName" spellcheck="false" autocomplete="off" />
            </label>
            if !nested {
                <datalist id="builder-paths">
                    { for props.paths.iter().map(|p| html! { <option value={dotted(p)} /> }) }
                </datalist>
            }
            <ConditionEditor key={*generation} label={condition_label} save_label="Add field" {on_save}
                on_cancel={props.on_cancel.clone()} />
            if let Some(message) = &*problem {
                <p class="ce-error" role="alert">{ message.clone() }</p>
            }
        </div>
    }
}
