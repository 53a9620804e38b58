//! The rule settings the exports use, from what the user typed and what the loaded events say,
//! with where each value came from. Pure (no web APIs), so it is tested natively.
//!
//! A setting left empty takes the loaded events' value and says so ("from your events"); with no
//! events it stays unset and the exports write a placeholder — never a value from sample data
//! without saying where it came from.
use crate::share::SharedRule;
use eventpen_export::{RuleSettings, RuleState, SnsTarget, TargetInput};

/// Where a setting's value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The user typed it.
    Typed,
    /// Taken from the loaded events (the value most of them have).
    FromEvents,
    /// Nobody gave it: exports write a placeholder.
    Unset,
}

/// The exporter's settings, and where account and region came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Effective {
    /// Settings for `eventpen_export::render`.
    pub settings: RuleSettings,
    /// Where the account came from.
    pub account: Origin,
    /// Where the region came from.
    pub region: Origin,
}

fn pick(typed: &str, from_events: Option<&str>) -> (Option<String>, Origin) {
    let typed = typed.trim();
    if !typed.is_empty() {
        return (Some(typed.to_owned()), Origin::Typed);
    }
    match from_events.filter(|value| !value.is_empty()) {
        Some(value) => (Some(value.to_owned()), Origin::FromEvents),
        None => (None, Origin::Unset),
    }
}

/// The target input the form describes.
pub fn target_input(rule: &SharedRule) -> TargetInput {
    match rule.input_kind.as_str() {
        "transformer" => TargetInput::Transformer {
            paths_map: rule.paths_map.clone(),
            template: rule.template.clone(),
        },
        "path" => TargetInput::Path(rule.input_path.clone()),
        "constant" => TargetInput::Constant(rule.constant.clone()),
        _ => TargetInput::MatchedEvent,
    }
}

/// The settings for the exports: the form's values, defaults, the proposed state, and account
/// and region from the events when the form leaves them empty.
pub fn effective(
    rule: &SharedRule,
    proposed_state: Option<&str>,
    events_account: Option<&str>,
    events_region: Option<&str>,
) -> Effective {
    let mut settings = RuleSettings::default();
    if !rule.name.trim().is_empty() {
        settings.name = rule.name.trim().to_string();
    }
    if !rule.event_bus.trim().is_empty() {
        settings.event_bus = rule.event_bus.trim().to_string();
    }
    let state = if rule.state.is_empty() {
        proposed_state.unwrap_or("ENABLED")
    } else {
        rule.state.as_str()
    };
    settings.state = RuleState::parse(state).unwrap_or(RuleState::Enabled);
    if !rule.description.trim().is_empty() {
        settings.description = Some(rule.description.trim().to_string());
    }
    let (account, account_origin) = pick(&rule.account, events_account);
    let (region, region_origin) = pick(&rule.region, events_region);
    settings.account = account;
    settings.region = region;
    if !rule.sns_topic.trim().is_empty() {
        settings.sns = Some(SnsTarget {
            topic: rule.sns_topic.trim().to_string(),
            account: None,
            region: None,
        });
    }
    settings.input = target_input(rule);
    Effective {
        settings,
        account: account_origin,
        region: region_origin,
    }
}

/// The rule name and ARN the predefined variables `<aws.events.rule-name>` and
/// `<aws.events.rule-arn>` stand for, with placeholders where account or region are unknown.
pub fn rule_context(settings: &RuleSettings) -> eventpen_transform::RuleContext {
    let bus = eventpen_export::bus_name(&settings.event_bus);
    let path = if bus == "default" {
        settings.name.clone()
    } else {
        format!("{bus}/{}", settings.name)
    };
    eventpen_transform::RuleContext {
        rule_name: settings.name.clone(),
        rule_arn: format!(
            "arn:aws:events:{}:{}:rule/{path}",
            settings.region.as_deref().unwrap_or("REGION"),
            settings.account.as_deref().unwrap_or("ACCOUNT_ID")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_win_events_fill_the_rest_and_nothing_is_invented() {
        let typed = SharedRule {
            account: "444455556666".into(),
            region: "ap-southeast-2".into(),
            ..SharedRule::default()
        };
        let cases = [
            (
                typed.clone(),
                Some("111122223333"),
                Some("eu-west-1"),
                (Some("444455556666"), Origin::Typed),
                (Some("ap-southeast-2"), Origin::Typed),
            ),
            (
                SharedRule::default(),
                Some("111122223333"),
                Some("eu-west-1"),
                (Some("111122223333"), Origin::FromEvents),
                (Some("eu-west-1"), Origin::FromEvents),
            ),
            (
                SharedRule::default(),
                None,
                None,
                (None, Origin::Unset),
                (None, Origin::Unset),
            ),
        ];
        for (rule, account, region, want_account, want_region) in cases {
            let got = effective(&rule, None, account, region);
            assert_eq!((got.settings.account.as_deref(), got.account), want_account);
            assert_eq!((got.settings.region.as_deref(), got.region), want_region);
        }
    }

    #[test]
    fn the_form_picks_the_target_input() {
        let cases = [
            ("", TargetInput::MatchedEvent),
            (
                "transformer",
                TargetInput::Transformer {
                    paths_map: "{}".into(),
                    template: "t".into(),
                },
            ),
            ("path", TargetInput::Path("$.detail".into())),
            ("constant", TargetInput::Constant("{}".into())),
        ];
        for (kind, want) in cases {
            let rule = SharedRule {
                input_kind: kind.into(),
                paths_map: "{}".into(),
                template: "t".into(),
                input_path: "$.detail".into(),
                constant: "{}".into(),
                ..SharedRule::default()
            };
            assert_eq!(target_input(&rule), want, "{kind}");
        }
    }
}
