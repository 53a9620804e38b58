//! Import an existing rule: paste `aws events describe-rule` / `list-rules` output, a
//! CloudFormation or SAM template or Terraform, and load its pattern, settings and target input.
//! The pasted text stays in the box until an import succeeds; errors say line:column.
use crate::share::SharedRule;
use eventpen_export::TargetInput;
use eventpen_export::import::{ImportedRule, import};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`ImportRule`].
#[derive(Properties, PartialEq)]
pub struct ImportRuleProps {
    /// The text in the box.
    pub text: AttrValue,
    /// Called as the text changes.
    pub on_text: Callback<String>,
    /// Called with the imported pattern text, the settings, and a sentence saying what was loaded.
    pub on_import: Callback<(String, SharedRule, String)>,
}

/// The form's settings for an imported rule.
pub fn shared_rule(rule: &ImportedRule) -> SharedRule {
    let settings = &rule.settings;
    let mut shared = SharedRule {
        name: settings.name.clone(),
        event_bus: settings.event_bus.clone(),
        state: settings.state.as_str().to_string(),
        description: settings.description.clone().unwrap_or_default(),
        sns_topic: settings
            .sns
            .as_ref()
            .map(|sns| sns.topic.clone())
            .unwrap_or_default(),
        account: settings.account.clone().unwrap_or_default(),
        region: settings.region.clone().unwrap_or_default(),
        ..SharedRule::default()
    };
    match &settings.input {
        TargetInput::MatchedEvent => {}
        TargetInput::Transformer {
            paths_map,
            template,
        } => {
            shared.input_kind = "transformer".into();
            shared.paths_map = paths_map.clone();
            shared.template = template.clone();
        }
        TargetInput::Path(path) => {
            shared.input_kind = "path".into();
            shared.input_path = path.clone();
        }
        TargetInput::Constant(text) => {
            shared.input_kind = "constant".into();
            shared.constant = text.clone();
        }
    }
    shared
}

/// The Import box.
#[component]
pub fn ImportRule(props: &ImportRuleProps) -> Html {
    let error = use_state(|| None::<String>);
    let oninput = {
        let (on_text, error) = (props.on_text.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            error.set(None);
            on_text.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let onclick = {
        let (text, on_import, error) = (props.text.clone(), props.on_import.clone(), error.clone());
        Callback::from(move |_: MouseEvent| match import(&text) {
            Ok(rules) => {
                let rule = &rules[0];
                let pattern = format!("{}\n", eventpen_export::json_text::pretty(&rule.pattern));
                let mut message = format!(
                    "Imported rule {} from the {}.",
                    rule.settings.name,
                    rule.source.label()
                );
                if rules.len() > 1 {
                    message.push_str(&format!(
                        " The text holds {} rules; the first was loaded.",
                        rules.len()
                    ));
                }
                on_import.emit((pattern, shared_rule(rule), message));
            }
            Err(problem) => error.set(Some(format!(
                "Line {}, column {}: {}",
                problem.line, problem.column, problem.message
            ))),
        })
    };
    html! {
        <div class="import-rule">
            <h3 id="import-heading">{ "Import an existing rule" }</h3>
            <div class="field">
                <label for="import-text">{ "Rule to import" }</label>
                <textarea id="import-text" class="mono" rows="4" spellcheck="false" value={props.text.clone()} {oninput}
                    placeholder="aws events describe-rule output, list-rules output, a CloudFormation / SAM template, or Terraform" />
            </div>
            <button type="button" {onclick} disabled={props.text.trim().is_empty()}>{ "Import rule" }</button>
            if let Some(message) = &*error {
                <p class="notice error" role="alert">{ message.clone() }</p>
            }
        </div>
    }
}
