//! The pattern as a tree beside the JSON: each field with its conditions as chips — edit one in
//! place, remove it, add another, group fields into an `$or`, add a field by path (completed from
//! the loaded events). Derived from the pattern text on every change; every edit emits the whole
//! new text (pretty-printed), which the App turns into one undo step.
use super::add_field::AddField;
use super::condition_editor::ConditionEditor;
use crate::builder::{
    Clause, FieldClause, OrGroup, add_condition, describe, dotted, pretty, remove_condition,
    remove_location, replace_condition, wrap_in_or,
};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Props of [`PatternTree`].
#[derive(Properties)]
pub struct PatternTreeProps {
    /// The last valid pattern (none while the editor is empty or has never been valid).
    pub pattern: Option<Rc<Value>>,
    /// The same pattern's model: the tree is read from it.
    pub model: Option<Rc<eventpen_pattern::PatternModel>>,
    /// The editor's text is invalid: the tree shows the last valid pattern and cannot edit it.
    pub stale: bool,
    /// Field paths seen in the loaded events (completion for "Add a field").
    pub paths: Rc<Vec<Vec<String>>>,
    /// Called with the new pattern text after a visual edit.
    pub on_replace: Callback<String>,
}

impl PartialEq for PatternTreeProps {
    fn eq(&self, other: &Self) -> bool {
        self.pattern == other.pattern
            && self.model == other.model
            && self.stale == other.stale
            && Rc::ptr_eq(&self.paths, &other.paths)
            && self.on_replace == other.on_replace
    }
}

/// Which chip is being edited: a field's location and the condition's index (none: a new one).
type Editing = Option<(Vec<String>, Option<usize>)>;

/// What rendering a clause needs.
struct View {
    pattern: Rc<Value>,
    on_replace: Callback<String>,
    editing: UseStateHandle<Editing>,
    selected: UseStateHandle<Vec<Vec<String>>>,
    /// The `$or` branch a field is being added to (one past the last: a new branch).
    adding: UseStateHandle<Option<Vec<String>>>,
    paths: Rc<Vec<Vec<String>>>,
    /// The accessible name of the button to focus after the next render (a closed editor
    /// hands focus back to what opened it, not to the page).
    refocus: Rc<RefCell<Option<String>>>,
}

impl View {
    /// Close the chip editor and give focus to the button named `then`.
    fn close_editor(&self, then: String) -> Callback<()> {
        let (editing, refocus) = (self.editing.clone(), self.refocus.clone());
        Callback::from(move |_| {
            *refocus.borrow_mut() = Some(then.clone());
            editing.set(None);
        })
    }

    /// A callback that replaces the pattern with `edit(pattern)`.
    fn edit<E: 'static>(&self, edit: impl Fn(&Value) -> Value + 'static) -> Callback<E> {
        let (pattern, on_replace, editing) = (
            self.pattern.clone(),
            self.on_replace.clone(),
            self.editing.clone(),
        );
        Callback::from(move |_: E| {
            editing.set(None);
            on_replace.emit(pattern_text(&edit(&pattern)));
        })
    }
}

/// The pattern tree.
#[component]
pub fn PatternTree(props: &PatternTreeProps) -> Html {
    let editing = use_state(|| None as Editing);
    let selected = use_state(Vec::<Vec<String>>::new);
    let adding = use_state(|| None::<Vec<String>>);
    let problem = use_state(|| None::<String>);
    let refocus = use_mut_ref(|| None::<String>);
    let section = use_node_ref();
    {
        let (refocus, section) = (refocus.clone(), section.clone());
        use_effect(move || {
            let label = refocus.borrow_mut().take();
            if let (Some(label), Some(root)) = (label, section.cast::<Element>()) {
                let label = css_string(&label);
                let selector =
                    format!("button[aria-label=\"{label}\"], button[data-focus-key=\"{label}\"]");
                if let Some(button) = root
                    .query_selector(&selector)
                    .ok()
                    .flatten()
                    .and_then(|b| b.dyn_into::<HtmlElement>().ok())
                {
                    let _ = button.focus();
                }
            }
        });
    }
    let pattern = props
        .pattern
        .clone()
        .unwrap_or_else(|| Rc::new(Value::Object(Map::new())));
    let clauses = props
        .model
        .as_deref()
        .map(crate::builder::outline)
        .unwrap_or_default();
    let view = View {
        pattern: pattern.clone(),
        on_replace: props.on_replace.clone(),
        editing: editing.clone(),
        selected: selected.clone(),
        adding: adding.clone(),
        paths: props.paths.clone(),
        refocus: refocus.clone(),
    };
    let group = {
        let (pattern, selected, problem, on_replace) = (
            pattern.clone(),
            selected.clone(),
            problem.clone(),
            props.on_replace.clone(),
        );
        Callback::from(move |_: MouseEvent| match wrap_in_or(&pattern, &selected) {
            Ok(next) => {
                problem.set(None);
                selected.set(Vec::new());
                on_replace.emit(pretty(&next));
            }
            Err(error) => problem.set(Some(error.message)),
        })
    };
    let has_group = clauses.iter().any(|c| matches!(c, Clause::AnyOf(_)));
    let can_group = selected.len() >= 2 || (selected.len() == 1 && has_group);
    let group_label = if selected.len() >= 2 {
        format!("Group {} selected fields as any of ($or)", selected.len())
    } else {
        "Add the selected field to the any-of ($or) group".to_string()
    };
    html! {
        <section class="builder-tree" aria-labelledby="builder-tree-heading" ref={section}>
            <div class="builder-head">
                <h3 id="builder-tree-heading">{ "Pattern tree" }</h3>
                if props.stale {
                    <span class="builder-stale" role="status">
                        { "Showing the last valid pattern: fix the JSON to edit here again." }
                    </span>
                }
            </div>
            <fieldset class="builder-body" disabled={props.stale} aria-label="Pattern tree editor">
                if clauses.is_empty() {
                    <p class="hint">{ "No fields yet: click values in an event or in the facets, or add a field below." }</p>
                } else {
                    <ul class="bt-clauses" aria-label="Pattern fields">
                        { for clauses.iter().map(|c| clause(&view, c, false)) }
                    </ul>
                    <button type="button" class="start-over" title="Clear the pattern (Undo brings it back)"
                        onclick={props.on_replace.reform(|_: MouseEvent| String::new())}>{ "Start over" }</button>
                }
                if !selected.is_empty() {
                    <div class="bt-group-bar">
                        <button type="button" disabled={!can_group} onclick={group}>{ group_label }</button>
                        <button type="button" onclick={{ let selected = selected.clone(); move |_: MouseEvent| selected.set(Vec::new()) }}>
                            { "Clear selection" }
                        </button>
                    </div>
                }
                if let Some(message) = &*problem {
                    <p class="ce-error" role="alert">{ message.clone() }</p>
                }
                <AddField pattern={pattern.clone()} paths={props.paths.clone()} on_replace={props.on_replace.clone()} />
            </fieldset>
        </section>
    }
}

fn clause(view: &View, clause: &Clause, in_group: bool) -> Html {
    match clause {
        Clause::Field(field) => field_row(view, field, in_group),
        Clause::AnyOf(group) => or_group(view, group),
    }
}

fn field_row(view: &View, field: &FieldClause, in_group: bool) -> Html {
    let name = dotted(&field.path);
    let location = field.location.clone();
    let is_selected = view.selected.contains(&location);
    let onselect = {
        let (selected, location) = (view.selected.clone(), location.clone());
        Callback::from(move |_: Event| {
            let mut next = (*selected).clone();
            match next.iter().position(|l| *l == location) {
                Some(i) => {
                    next.remove(i);
                }
                None => next.push(location.clone()),
            }
            selected.set(next);
        })
    };
    let editing_here = view
        .editing
        .as_ref()
        .filter(|(l, _)| *l == field.location)
        .map(|(_, index)| *index);
    let chips = field.conditions.iter().enumerate().map(|(index, condition)| {
        let text = describe(condition);
        if editing_here == Some(Some(index)) {
            let on_save = {
                let location = location.clone();
                let (pattern, on_replace, editing) = (view.pattern.clone(), view.on_replace.clone(), view.editing.clone());
                let (refocus, then) = (view.refocus.clone(), format!("Add a condition to {name}"));
                Callback::from(move |condition: Value| {
                    *refocus.borrow_mut() = Some(then.clone());
                    editing.set(None);
                    on_replace.emit(pretty(&replace_condition(&pattern, &location, index, condition)));
                })
            };
            let on_cancel = view.close_editor(format!("Edit condition {text} on {name}"));
            return html! {
                <li class="chip editing">
                    <ConditionEditor label={format!("Edit condition {text} on {name}")} initial={condition.clone()}
                        {on_save} {on_cancel} autofocus={true} />
                </li>
            };
        }
        let onedit = {
            let (editing, location) = (view.editing.clone(), location.clone());
            Callback::from(move |_: MouseEvent| editing.set(Some((location.clone(), Some(index)))))
        };
        let onremove = {
            let location = location.clone();
            view.edit::<MouseEvent>(move |p| remove_condition(p, &location, index))
        };
        html! {
            <li class="chip">
                if index > 0 { <span class="chip-or" aria-hidden="true">{ "or" }</span> }
                <button type="button" class="chip-text mono" aria-label={format!("Edit condition {text} on {name}")}
                    title={format!("{text} (click to edit)")} onclick={onedit}>{ text.clone() }</button>
                <button type="button" class="chip-remove" aria-label={format!("Remove condition {text} from {name}")}
                    title="Remove this condition" onclick={onremove}>{ "×" }</button>
            </li>
        }
    });
    let adding = editing_here == Some(None);
    let add_editor = adding.then(|| {
        let on_save = {
            let location = location.clone();
            let (pattern, on_replace, editing) = (view.pattern.clone(), view.on_replace.clone(), view.editing.clone());
            let (refocus, then) = (view.refocus.clone(), format!("Add a condition to {name}"));
            Callback::from(move |condition: Value| {
                *refocus.borrow_mut() = Some(then.clone());
                editing.set(None);
                on_replace.emit(pretty(&add_condition(&pattern, &location, condition)));
            })
        };
        let on_cancel = view.close_editor(format!("Add a condition to {name}"));
        html! {
            <ConditionEditor label={format!("New condition on {name}")} save_label="Add" {on_save} {on_cancel} autofocus={true} />
        }
    });
    let onadd = {
        let (editing, location) = (view.editing.clone(), location.clone());
        Callback::from(move |_: MouseEvent| editing.set(Some((location.clone(), None))))
    };
    let onremove_field = {
        let location = location.clone();
        view.edit::<MouseEvent>(move |p| remove_location(p, &location))
    };
    html! {
        <li class={classes!("bt-field", field.not_a_list.then_some("bt-invalid"))}>
            <div class="bt-field-head">
                if !in_group {
                    <input type="checkbox" class="bt-select" checked={is_selected} onchange={onselect}
                        aria-label={format!("Select {name} to group with $or")} title="Select to group fields as alternatives ($or)" />
                }
                <span class="bt-path mono">{ name.clone() }</span>
                if field.not_a_list {
                    <span class="bt-warn">{ "not a list: any edit makes it one" }</span>
                }
                <span class="bt-actions">
                    <button type="button" class="bt-icon" title="Add a condition (any may match)" onclick={onadd}
                        data-focus-key={format!("Add a condition to {name}")}>
                        { "+ or" }<span class="visually-hidden">{ format!(": add a condition to {name}") }</span>
                    </button>
                    <button type="button" class="bt-icon" aria-label={format!("Remove field {name}")}
                        title="Remove this field" onclick={onremove_field}>{ "Remove" }</button>
                </span>
            </div>
            <ul class="chips" aria-label={format!("Conditions on {name}")}>{ for chips }</ul>
            { for add_editor }
        </li>
    }
}

fn or_group(view: &View, group: &OrGroup) -> Html {
    let scope = if group.path.is_empty() {
        "Any of these ($or)".to_string()
    } else {
        format!("Any of these, in {} ($or)", dotted(&group.path))
    };
    let remove_group = {
        let location = group.location.clone();
        view.edit::<MouseEvent>(move |p| remove_location(p, &location))
    };
    let add_here = |location: Vec<String>, label: String| {
        let open = view.adding.as_ref() == Some(&location);
        let onclick = {
            let (adding, location) = (view.adding.clone(), location.clone());
            Callback::from(move |_: MouseEvent| {
                let next = (adding.as_ref() != Some(&location)).then(|| location.clone());
                adding.set(next);
            })
        };
        let form = open.then(|| {
            let on_replace = {
                let (adding, on_replace) = (view.adding.clone(), view.on_replace.clone());
                Callback::from(move |text: String| {
                    adding.set(None);
                    on_replace.emit(text);
                })
            };
            let on_cancel = {
                let adding = view.adding.clone();
                Callback::from(move |_| adding.set(None))
            };
            html! {
                <AddField pattern={view.pattern.clone()} paths={view.paths.clone()} {on_replace}
                    within={(location.clone(), group.path.clone())} label={label.clone()} {on_cancel} />
            }
        });
        (onclick, form)
    };
    let mut new_branch = group.location.clone();
    new_branch.push(group.branches.len().to_string());
    let (onadd_branch, add_branch_form) = add_here(new_branch, "Field of a new branch".to_string());
    let branches = group.branches.iter().enumerate().map(|(index, branch)| {
        let mut location = group.location.clone();
        location.push(index.to_string());
        let (onadd, add_form) =
            add_here(location.clone(), format!("New field in branch {}", index + 1));
        let remove_branch = view.edit::<MouseEvent>(move |p| remove_location(p, &location));
        let label = format!("Branch {} of {}", index + 1, group.branches.len());
        html! {
            <li class="bt-branch" aria-label={label.clone()}>
                <div class="bt-branch-head">
                    <span class="bt-branch-name">{ if index == 0 { "either".to_string() } else { "or".to_string() } }</span>
                    <span class="bt-actions">
                        <button type="button" class="bt-icon" aria-label={format!("Add a field to {}", label.to_lowercase())}
                            title="Add a field this branch also requires" onclick={onadd}>{ "+ and" }</button>
                        <button type="button" class="bt-icon" aria-label={format!("Remove {}", label.to_lowercase())}
                            onclick={remove_branch}>{ "Remove branch" }</button>
                    </span>
                </div>
                <ul class="bt-clauses">{ for branch.iter().map(|c| clause(view, c, true)) }</ul>
                { for add_form }
            </li>
        }
    });
    html! {
        <li class="bt-or">
            <div class="bt-field-head">
                <span class="bt-or-name">{ scope.clone() }</span>
                <span class="bt-actions">
                    <button type="button" class="bt-icon" aria-label={format!("Add a branch to the group: {scope}")}
                        title="Add another alternative" onclick={onadd_branch}>{ "+ branch" }</button>
                    <button type="button" class="bt-icon" aria-label={format!("Remove group: {scope}")}
                        onclick={remove_group}>{ "Remove group" }</button>
                </span>
            </div>
            <ol class="bt-branches" aria-label={scope}>{ for branches }</ol>
            { for add_branch_form }
        </li>
    }
}

/// `text` escaped for a double-quoted CSS string (accessible names hold quotes).
fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The editor text for a pattern the tree edited: removing the last field leaves `{}`, which
/// AWS refuses and which would disable the tree; an empty editor is a fresh start instead.
fn pattern_text(pattern: &Value) -> String {
    match pattern {
        Value::Object(members) if members.is_empty() => String::new(),
        _ => pretty(pattern),
    }
}
