//! The SNS target: which topic, the ARNs the commands and the topic policy need, and the policy.
//!
//! EventBridge may publish to a topic only if the topic's access policy lets the service
//! principal `events.amazonaws.com` call `sns:Publish`; the `aws:SourceArn` condition limits
//! that to this one rule (the confused-deputy guard AWS recommends).

use crate::settings::{RuleSettings, parse_event_bus_arn};
use serde_json::{Value, json};

/// Placeholder written where the region is unknown.
pub const REGION_PLACEHOLDER: &str = "REGION";
/// Placeholder written where the account ID is unknown.
pub const ACCOUNT_PLACEHOLDER: &str = "ACCOUNT_ID";
/// The target `Id` every export uses for the SNS target.
pub const TARGET_ID: &str = "sns-topic";

/// The SNS topic of a rule, with every ARN spelled out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedSns {
    /// The topic name.
    pub topic_name: String,
    /// The topic ARN.
    pub topic_arn: String,
    /// The rule ARN (`rule/<name>` on the default bus, `rule/<bus>/<name>` on a custom bus).
    pub rule_arn: String,
    /// The rule's region, when the user gave it (or the bus ARN did): commands pass it.
    pub region: Option<String>,
    /// The topic's region (from its ARN, else the rule's).
    pub topic_region: Option<String>,
    /// The rule's account, when known.
    pub account: Option<String>,
    /// The topic's account (from its ARN, else the rule's).
    pub topic_account: Option<String>,
    /// True when the topic was given as an ARN: it exists and is not created.
    pub existing: bool,
    /// True when an ARN holds `REGION` or `ACCOUNT_ID` placeholders.
    pub has_placeholders: bool,
}

struct TopicArnParts<'a> {
    partition: &'a str,
    region: &'a str,
    account: &'a str,
    name: &'a str,
}

fn split_topic_arn(arn: &str) -> Option<TopicArnParts<'_>> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ["arn", partition, "sns", region, account, name] = parts[..] else {
        return None;
    };
    Some(TopicArnParts {
        partition,
        region,
        account,
        name,
    })
}

fn given(own: &Option<String>) -> Option<&str> {
    own.as_deref().filter(|text| !text.trim().is_empty())
}

/// Resolves the SNS target of `settings`, if it has one.
pub fn resolve(settings: &RuleSettings) -> Option<ResolvedSns> {
    let sns = settings.sns.as_ref()?;
    let from_topic = split_topic_arn(&sns.topic);
    let bus_arn = parse_event_bus_arn(&settings.event_bus).ok();
    let region = given(&settings.region)
        .or(given(&sns.region))
        .or(bus_arn.as_ref().map(|arn| arn.region));
    let account = given(&settings.account)
        .or(given(&sns.account))
        .or(bus_arn.as_ref().map(|arn| arn.account));
    let topic_region = from_topic.as_ref().map(|parts| parts.region).or(region);
    let topic_account = from_topic.as_ref().map(|parts| parts.account).or(account);
    // Without a rule region, the rule is where its topic is (the only working setup).
    let region = region.or(topic_region);
    let account = account.or(topic_account);
    let partition = from_topic
        .as_ref()
        .map(|parts| parts.partition)
        .or(bus_arn.as_ref().map(|arn| arn.partition))
        .unwrap_or("aws");
    let topic_name = from_topic
        .as_ref()
        .map_or(sns.topic.as_str(), |parts| parts.name)
        .to_owned();
    let region_text = region.unwrap_or(REGION_PLACEHOLDER);
    let account_text = account.unwrap_or(ACCOUNT_PLACEHOLDER);
    let topic_arn = match &from_topic {
        Some(_) => sns.topic.clone(),
        None => format!("arn:{partition}:sns:{region_text}:{account_text}:{topic_name}"),
    };
    let bus = crate::settings::bus_name(&settings.event_bus);
    let rule_path = if bus == "default" {
        settings.name.clone()
    } else {
        format!("{bus}/{}", settings.name)
    };
    let rule_arn = format!("arn:{partition}:events:{region_text}:{account_text}:rule/{rule_path}");
    Some(ResolvedSns {
        topic_name,
        topic_arn,
        rule_arn,
        region: region.map(str::to_owned),
        topic_region: topic_region.map(str::to_owned),
        account: account.map(str::to_owned),
        topic_account: topic_account.map(str::to_owned),
        existing: from_topic.is_some(),
        has_placeholders: region.is_none() || account.is_none(),
    })
}

/// The topic access policy letting this rule (and only it) publish; `topic` and `rule` are
/// ARNs as JSON values, so templates can pass intrinsic functions instead of strings.
pub fn topic_policy(topic: Value, rule: Value) -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "AllowEventBridgeRuleToPublish",
            "Effect": "Allow",
            "Principal": {"Service": "events.amazonaws.com"},
            "Action": "sns:Publish",
            "Resource": topic,
            "Condition": {"ArnEquals": {"aws:SourceArn": rule}}
        }]
    })
}

/// Region or account differences between the rule and its topic, and what to do about them.
pub fn placement_warnings(resolved: &ResolvedSns) -> Vec<String> {
    let mut warnings = Vec::new();
    if let (Some(rule), Some(topic)) = (&resolved.region, &resolved.topic_region)
        && rule != topic
    {
        warnings.push(format!(
            "The topic is in {topic} but the rule in {rule}: EventBridge delivers to SNS topics in the rule's own region only. Create the rule in {topic}, or target an event bus in {topic} whose rule sends to the topic."
        ));
    }
    if let (Some(rule), Some(topic)) = (&resolved.account, &resolved.topic_account)
        && rule != topic
    {
        warnings.push(format!(
            "The topic belongs to account {topic}, the rule to {rule}: the topic policy must be set with account {topic}'s credentials (set-topic-attributes), and put-rule / put-targets with account {rule}'s."
        ));
    }
    warnings
}

/// The warnings every export with an SNS target shares.
pub fn warnings(resolved: &ResolvedSns) -> Vec<String> {
    let mut warnings = Vec::new();
    if resolved.has_placeholders {
        warnings.push(format!(
            "Replace {REGION_PLACEHOLDER} and {ACCOUNT_PLACEHOLDER} in the ARNs with your region and account ID (or set Account and Region in the rule settings)."
        ));
    }
    warnings.extend(placement_warnings(resolved));
    if resolved.existing {
        warnings.push(
            "The topic policy replaces the existing topic's whole access policy: merge in any statements it already has."
                .to_owned(),
        );
    }
    if resolved.topic_name.ends_with(".fifo") {
        warnings.push(
            "A FIFO topic needs a message group ID on the target (SqsParameters-like settings); check that EventBridge can deliver to it."
                .to_owned(),
        );
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::SnsTarget;

    fn settings(
        topic: &str,
        account: Option<&str>,
        region: Option<&str>,
        bus: &str,
    ) -> RuleSettings {
        RuleSettings {
            event_bus: bus.to_owned(),
            sns: Some(SnsTarget {
                topic: topic.to_owned(),
                account: account.map(str::to_owned),
                region: region.map(str::to_owned),
            }),
            ..RuleSettings::default()
        }
    }

    #[test]
    fn arns_from_names_arns_and_placeholders() {
        let cases = [
            (
                settings("alerts", Some("111122223333"), Some("eu-west-1"), "default"),
                "arn:aws:sns:eu-west-1:111122223333:alerts",
                "arn:aws:events:eu-west-1:111122223333:rule/eventpen-rule",
                false,
            ),
            (
                settings(
                    "arn:aws-cn:sns:cn-north-1:111122223333:t",
                    None,
                    None,
                    "orders",
                ),
                "arn:aws-cn:sns:cn-north-1:111122223333:t",
                "arn:aws-cn:events:cn-north-1:111122223333:rule/orders/eventpen-rule",
                false,
            ),
            (
                settings("alerts", None, None, "default"),
                "arn:aws:sns:REGION:ACCOUNT_ID:alerts",
                "arn:aws:events:REGION:ACCOUNT_ID:rule/eventpen-rule",
                true,
            ),
        ];
        for (settings, topic, rule, placeholders) in cases {
            let resolved = resolve(&settings).unwrap();
            assert_eq!(resolved.topic_arn, topic);
            assert_eq!(resolved.rule_arn, rule);
            assert_eq!(resolved.has_placeholders, placeholders);
        }
        assert_eq!(resolve(&RuleSettings::default()), None);
    }
}
