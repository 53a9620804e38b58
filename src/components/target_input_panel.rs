//! The target input playground: choose what the rule's target receives (the matched event, an
//! input transformer, an InputPath or a constant Input), edit it, see AWS's problems with their
//! line:column, and the exact text the target receives for every matched event.
use crate::clipboard::download_text;
use crate::components::copy_button::CopyButton;
use crate::derived::Summary;
use crate::rule_settings::target_input;
use crate::share::SharedRule;
use eventpen_transform::{Delivery, Problem, RuleContext, TargetInput};
use serde_json::{Value, json};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props of [`TargetInputPanel`].
#[derive(Properties, PartialEq)]
pub struct TargetInputPanelProps {
    /// The rule settings as typed (the target input lives there).
    pub rule: SharedRule,
    /// Called with changed settings.
    pub on_rule: Callback<SharedRule>,
    /// The first matched events with their positions (the worker sends the first few).
    pub preview: Rc<Vec<(usize, Value)>>,
    /// How many events match in all.
    pub matched: usize,
    /// The rule name and ARN for the predefined variables.
    pub context: Rc<RuleContext>,
}

/// What every matched event delivers: (event index, summary line, delivery).
type Deliveries = Result<Vec<(usize, String, Delivery)>, Vec<Problem>>;

/// How many matched events the preview renders: each is a full target input (often the whole
/// event), so rendering all of 10,000 matches on every keystroke froze typing.
const SHOWN_DELIVERIES: usize = 10;

/// The file AWS's `InputTransformer` takes, for download and `eventpen export --input-transformer`.
fn transformer_file(rule: &SharedRule) -> Option<String> {
    let map = serde_json::from_str::<Value>(&rule.paths_map).ok()?;
    let file = json!({"InputPathsMap": map, "InputTemplate": rule.template});
    Some(format!("{}\n", serde_json::to_string_pretty(&file).ok()?))
}

/// The editor and the rendered input per matched event.
#[component]
pub fn TargetInputPanel(props: &TargetInputPanelProps) -> Html {
    let input = target_input(&props.rule);
    let problems = use_memo(input.clone(), |input| input.check());
    let deliveries: Rc<Deliveries> = use_memo(
        (input.clone(), props.preview.clone(), props.context.clone()),
        |(input, preview, context)| {
            let mut out = Vec::new();
            for (index, event) in preview.iter().take(SHOWN_DELIVERIES) {
                out.push((
                    *index,
                    Summary::of(event).line(),
                    input.deliver(event, context)?,
                ));
            }
            Ok(out)
        },
    );
    let matched_total = props.matched;
    let set = |update: fn(&mut SharedRule, String)| {
        let (rule, on_rule) = (props.rule.clone(), props.on_rule.clone());
        move |value: String| {
            let mut next = rule.clone();
            update(&mut next, value);
            on_rule.emit(next);
        }
    };
    let on_kind = {
        let set = set(|r, v| r.input_kind = v);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let text_area = |id: &'static str,
                     label: &'static str,
                     value: &str,
                     update: fn(&mut SharedRule, String),
                     rows: u32| {
        let set = set(update);
        let oninput = Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        });
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <textarea id={id} class="mono" rows={rows.to_string()} spellcheck="false" value={value.to_string()} {oninput} />
            </div>
        }
    };
    let rule = &props.rule;
    let kind = rule.input_kind.as_str();
    let editor = match kind {
        "transformer" => html! {
            <>
                { text_area("paths-map", "InputPathsMap", &rule.paths_map, |r, v| r.paths_map = v, 5) }
                { text_area("input-template", "InputTemplate", &rule.template, |r, v| r.template = v, 3) }
                if let Some(file) = transformer_file(rule) {
                    <div class="row">
                        <CopyButton text={file.clone()} label="Copy input-transformer.json" />
                        <button type="button" onclick={Callback::from(move |_: MouseEvent| download_text("input-transformer.json", &file))}>
                            { "Download input-transformer.json" }
                        </button>
                    </div>
                }
            </>
        },
        "path" => {
            let set = set(|r, v| r.input_path = v);
            let oninput = Callback::from(move |e: InputEvent| {
                set(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            html! {
                <div class="field">
                    <label for="input-path">{ "InputPath" }</label>
                    <input type="text" id="input-path" class="mono" placeholder="$.detail" value={rule.input_path.clone()} {oninput} />
                </div>
            }
        }
        "constant" => text_area(
            "constant-input",
            "Input (constant JSON)",
            &rule.constant,
            |r, v| r.constant = v,
            3,
        ),
        _ => html! {},
    };
    let kinds = [
        ("", "The matched event (no input configuration)"),
        ("transformer", "Input transformer"),
        ("path", "Part of the event (InputPath)"),
        ("constant", "Constant (Input)"),
    ];
    html! {
        <div class="target-input">
            <h3 id="target-input-heading">{ "Target input" }</h3>
            <div class="field">
                <label for="input-kind">{ "What the target receives" }</label>
                <select id="input-kind" onchange={on_kind}>
                    { for kinds.iter().map(|(value, label)| html! {
                        <option value={*value} selected={kind == *value}>{ *label }</option>
                    }) }
                </select>
            </div>
            { editor }
            if !problems.is_empty() {
                <ul class="problems" aria-label="Target input problems">
                    { for problems.iter().map(|problem| html! {
                        <li role="alert" class={if problem.is_error() { "notice error" } else { "notice warn" }}>{ problem.to_string() }</li>
                    }) }
                </ul>
            }
            { delivered(&deliveries, matched_total, input == TargetInput::MatchedEvent) }
        </div>
    }
}

fn delivered(deliveries: &Deliveries, total: usize, plain: bool) -> Html {
    let Ok(list) = deliveries else {
        return html! {};
    };
    if list.is_empty() {
        return html! { <p class="empty">{ "The target input appears here for each event the pattern matches." }</p> };
    }
    let heading = format!(
        "What the target receives ({total} matched event{})",
        if total == 1 { "" } else { "s" }
    );
    html! {
        <section aria-label="Rendered target input">
            <h4>{ heading }</h4>
            if plain {
                <p class="hint">{ "Without input configuration the target receives each matched event as JSON." }</p>
            }
            <ol class="deliveries">
                { for list.iter().map(|(index, summary, delivery)| {
                    let label = format!("Target input for event {}", index + 1);
                    html! {
                        <li>
                            <div class="code-head"><span>{ format!("Event {}: {summary}", index + 1) }</span>
                                <CopyButton text={delivery.text.clone()} label={format!("Copy target input for event {}", index + 1)} /></div>
                            <pre tabindex="0" aria-label={label}><code>{ delivery.text.clone() }</code></pre>
                            { for delivery.notes.iter().map(|note| html! { <p class="notice warn">{ note.clone() }</p> }) }
                        </li>
                    }
                }) }
            </ol>
            if total > list.len() {
                <p class="hint">{ format!("Showing the first {} of {total}.", list.len()) }</p>
            }
        </section>
    }
}
