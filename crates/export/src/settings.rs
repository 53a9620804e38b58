//! What the user chose for the rule besides its pattern: name, bus, state, description, SNS target.
//!
//! Validation follows the AWS API limits (`PutRule`: `Name` is `[\.\-_A-Za-z0-9]+`, 1 to 64
//! characters; `EventBusName` is a bus name or an event-bus ARN; `Description` at most 512
//! characters), so an export never renders a command AWS would reject for its settings.

use eventpen_transform::TargetInput;

/// The `State` of a rule, as `PutRule`, CloudFormation and Terraform spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RuleState {
    /// `ENABLED`: the rule matches events.
    #[default]
    Enabled,
    /// `DISABLED`: the rule exists but matches nothing.
    Disabled,
    /// `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS`: also receives read-only CloudTrail
    /// management events on the default bus (those are not delivered to `ENABLED` rules).
    EnabledWithAllCloudTrailManagementEvents,
}

impl RuleState {
    /// Every state, in the order a picker shows them.
    pub const ALL: [RuleState; 3] = [
        RuleState::Enabled,
        RuleState::Disabled,
        RuleState::EnabledWithAllCloudTrailManagementEvents,
    ];

    /// The AWS spelling: `ENABLED`, `DISABLED`, `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleState::Enabled => "ENABLED",
            RuleState::Disabled => "DISABLED",
            RuleState::EnabledWithAllCloudTrailManagementEvents => {
                "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
            }
        }
    }

    /// Reads the AWS spelling, ignoring case and accepting `-` for `_`, so `enabled` and
    /// `enabled-with-all-cloudtrail-management-events` work on a command line.
    pub fn parse(text: &str) -> Option<RuleState> {
        let wanted = text.trim().to_ascii_uppercase().replace('-', "_");
        RuleState::ALL
            .into_iter()
            .find(|state| state.as_str() == wanted)
    }
}

/// Where matched events go: an SNS topic, by name (created by the export) or by full ARN
/// (an existing topic).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SnsTarget {
    /// A topic name (`alerts`) or a full ARN (`arn:aws:sns:us-east-1:111122223333:alerts`).
    pub topic: String,
    /// The account ID used in ARNs; taken from `topic` when that is an ARN.
    pub account: Option<String>,
    /// The region used in ARNs; taken from `topic` when that is an ARN.
    pub region: Option<String>,
}

/// Everything about the rule except its pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSettings {
    /// The account the rule is created in (12 digits); used in ARNs. `None`: unknown (a
    /// placeholder is written, or the ARN of the bus or topic supplies it).
    pub account: Option<String>,
    /// The region the rule is created in; every command gets `--region` when it is set.
    pub region: Option<String>,
    /// What the target receives (the matched event, or a transformer, path or constant).
    pub input: TargetInput,
    /// The rule name (`[.\-_A-Za-z0-9]{1,64}`).
    pub name: String,
    /// The event bus: `default`, a custom bus name, or an event-bus ARN.
    pub event_bus: String,
    /// The rule state.
    pub state: RuleState,
    /// An optional description (at most 512 characters).
    pub description: Option<String>,
    /// An optional SNS topic target.
    pub sns: Option<SnsTarget>,
}

impl Default for RuleSettings {
    fn default() -> Self {
        RuleSettings {
            account: None,
            region: None,
            input: TargetInput::MatchedEvent,
            name: "eventpen-rule".to_owned(),
            event_bus: "default".to_owned(),
            state: RuleState::Enabled,
            description: None,
            sns: None,
        }
    }
}

impl RuleSettings {
    /// Checks name, bus, description and SNS topic; the first problem found, as a sentence.
    pub fn validate(&self) -> Result<(), String> {
        validate_rule_name(&self.name)?;
        validate_event_bus_name(&self.event_bus)?;
        if let Some(description) = &self.description {
            validate_description(description)?;
        }
        if let Some(sns) = &self.sns {
            validate_sns_topic(&sns.topic)?;
        }
        if let Some(account) = self.account.as_deref() {
            validate_account(account)?;
        }
        if let Some(region) = self.region.as_deref() {
            validate_region(region)?;
        }
        Ok(())
    }

    /// True when the rule lives on the account's default bus (by name or by ARN).
    pub fn is_default_bus(&self) -> bool {
        bus_name(&self.event_bus) == "default"
    }
}

/// Checks an AWS account ID: 12 digits.
pub fn validate_account(account: &str) -> Result<(), String> {
    if account.len() == 12 && account.chars().all(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!(
            "the account {account:?} is not valid: an AWS account ID is 12 digits"
        ))
    }
}

/// Checks a region's shape (`eu-west-1`, `us-gov-west-1`, `cn-north-1`): lowercase words and a number.
pub fn validate_region(region: &str) -> Result<(), String> {
    let parts: Vec<&str> = region.split('-').collect();
    let shaped = parts.len() >= 3
        && parts[..parts.len() - 1]
            .iter()
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase()))
        && parts[parts.len() - 1].chars().all(|c| c.is_ascii_digit())
        && !parts[parts.len() - 1].is_empty();
    if shaped {
        Ok(())
    } else {
        Err(format!(
            "the region {region:?} is not valid: want a region code such as eu-west-1"
        ))
    }
}

/// The most characters AWS accepts in a rule name.
pub const MAX_RULE_NAME_LEN: usize = 64;
/// The most characters AWS accepts in a rule description.
pub const MAX_DESCRIPTION_LEN: usize = 512;

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')
}

/// Checks a rule name against AWS: `[.\-_A-Za-z0-9]+`, 1 to 64 characters.
pub fn validate_rule_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the rule name is empty; AWS needs 1 to 64 characters".to_owned());
    }
    if let Some((at, bad)) = name.char_indices().find(|&(_, c)| !is_name_char(c)) {
        return Err(format!(
            "the rule name has {bad:?} at byte {at}; AWS allows only letters, digits, '.', '-' and '_'"
        ));
    }
    let len = name.len();
    if len > MAX_RULE_NAME_LEN {
        return Err(format!(
            "the rule name has {len} characters; AWS allows at most {MAX_RULE_NAME_LEN}"
        ));
    }
    Ok(())
}

/// Checks an event bus given to `PutRule`: a name (`[/\.\-_A-Za-z0-9]+`, 1 to 256 characters)
/// or an event-bus ARN (`arn:<partition>:events:<region>:<12 digits>:event-bus/<name>`).
pub fn validate_event_bus_name(bus: &str) -> Result<(), String> {
    if bus.starts_with("arn:") {
        return parse_event_bus_arn(bus).map(|_| ());
    }
    validate_bus_name_part(bus)
}

fn validate_bus_name_part(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the event bus name is empty; AWS needs 1 to 256 characters".to_owned());
    }
    if let Some((at, bad)) = name
        .char_indices()
        .find(|&(_, c)| !(is_name_char(c) || c == '/'))
    {
        return Err(format!(
            "the event bus name has {bad:?} at byte {at}; AWS allows only letters, digits, '.', '-', '_' and '/'"
        ));
    }
    if name.len() > 256 {
        return Err(format!(
            "the event bus name has {} characters; AWS allows at most 256",
            name.len()
        ));
    }
    Ok(())
}

/// The parts of an event-bus ARN that exports need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusArn<'a> {
    /// `aws`, `aws-cn`, `aws-us-gov`, …
    pub partition: &'a str,
    /// The bus's region.
    pub region: &'a str,
    /// The bus owner's account.
    pub account: &'a str,
    /// The bus name after `event-bus/`.
    pub name: &'a str,
}

/// Splits an event-bus ARN, checking each part's shape.
pub fn parse_event_bus_arn(arn: &str) -> Result<BusArn<'_>, String> {
    let bad = |why: &str| format!("the event bus ARN {arn:?} is not valid: {why}");
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [_, partition, service, region, account, resource] = parts[..] else {
        return Err(bad(
            "want arn:<partition>:events:<region>:<account>:event-bus/<name>",
        ));
    };
    if !partition.starts_with("aws") {
        return Err(bad("the partition must start with \"aws\""));
    }
    if service != "events" {
        return Err(bad("the service must be \"events\""));
    }
    if region.is_empty()
        || !region
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(bad("the region is missing or malformed"));
    }
    if account.len() != 12 || !account.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad("the account must be 12 digits"));
    }
    let Some(name) = resource.strip_prefix("event-bus/") else {
        return Err(bad("the resource must start with \"event-bus/\""));
    };
    validate_bus_name_part(name)?;
    Ok(BusArn {
        partition,
        region,
        account,
        name,
    })
}

/// The bus name of a bus given by name or by ARN (`default` for the default bus).
pub fn bus_name(bus: &str) -> &str {
    match parse_event_bus_arn(bus) {
        Ok(arn) => arn.name,
        Err(_) => bus,
    }
}

/// Checks a rule description: at most 512 characters.
pub fn validate_description(description: &str) -> Result<(), String> {
    let count = description.chars().count();
    if count > MAX_DESCRIPTION_LEN {
        return Err(format!(
            "the description has {count} characters; AWS allows at most {MAX_DESCRIPTION_LEN}"
        ));
    }
    Ok(())
}

/// Checks an SNS topic given as a name (`[A-Za-z0-9_-]{1,256}`, optionally ending `.fifo`) or
/// as an ARN (`arn:<partition>:sns:<region>:<account>:<name>`).
pub fn validate_sns_topic(topic: &str) -> Result<(), String> {
    let name = if topic.starts_with("arn:") {
        let parts: Vec<&str> = topic.splitn(6, ':').collect();
        let [_, partition, "sns", region, account, name] = parts[..] else {
            return Err(format!(
                "the SNS topic ARN {topic:?} is not valid: want arn:<partition>:sns:<region>:<account>:<name>"
            ));
        };
        if !partition.starts_with("aws") || region.is_empty() || account.len() != 12 {
            return Err(format!(
                "the SNS topic ARN {topic:?} is not valid: check its partition, region and 12-digit account"
            ));
        }
        name
    } else {
        topic
    };
    let base = name.strip_suffix(".fifo").unwrap_or(name);
    if base.is_empty() || base.len() > 256 {
        return Err("the SNS topic name must have 1 to 256 characters".to_owned());
    }
    if let Some(bad) = base
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    {
        return Err(format!(
            "the SNS topic name has {bad:?}; SNS allows only letters, digits, '-' and '_'"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_follow_aws() {
        let long = "a".repeat(64);
        let too_long = "a".repeat(65);
        let cases: [(&str, bool); 12] = [
            ("eventpen-rule", true),
            ("a", true),
            ("A.b-c_9", true),
            (&long, true),
            (&too_long, false),
            ("", false),
            ("has space", false),
            ("slash/no", false),
            ("colon:no", false),
            ("ünïcode", false),
            ("quote'no", false),
            ("tab\tno", false),
        ];
        for (name, ok) in cases {
            assert_eq!(validate_rule_name(name).is_ok(), ok, "{name:?}");
        }
    }

    #[test]
    fn event_bus_names_and_arns() {
        let cases = [
            ("default", true),
            ("orders", true),
            ("aws.partner/example.com/123/stream", true),
            (
                "arn:aws:events:us-east-1:111122223333:event-bus/orders",
                true,
            ),
            (
                "arn:aws-cn:events:cn-north-1:111122223333:event-bus/default",
                true,
            ),
            ("arn:aws:events:us-east-1:1111:event-bus/orders", false),
            ("arn:aws:sns:us-east-1:111122223333:event-bus/orders", false),
            ("arn:aws:events:us-east-1:111122223333:rule/orders", false),
            ("", false),
            ("with space", false),
        ];
        for (bus, ok) in cases {
            assert_eq!(validate_event_bus_name(bus).is_ok(), ok, "{bus:?}");
        }
    }

    #[test]
    fn states_parse_from_aws_and_cli_spellings() {
        let cases = [
            ("ENABLED", Some(RuleState::Enabled)),
            ("enabled", Some(RuleState::Enabled)),
            ("Disabled", Some(RuleState::Disabled)),
            (
                "enabled-with-all-cloudtrail-management-events",
                Some(RuleState::EnabledWithAllCloudTrailManagementEvents),
            ),
            ("on", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(RuleState::parse(text), want, "{text:?}");
        }
    }

    #[test]
    fn sns_topics() {
        let cases = [
            ("alerts", true),
            ("alerts.fifo", true),
            ("arn:aws:sns:us-east-1:111122223333:alerts", true),
            ("arn:aws:sns:us-east-1:1:alerts", false),
            ("bad name", false),
            ("", false),
        ];
        for (topic, ok) in cases {
            assert_eq!(validate_sns_topic(topic).is_ok(), ok, "{topic:?}");
        }
    }

    #[test]
    fn default_bus_by_name_or_arn() {
        let mut settings = RuleSettings::default();
        assert!(settings.is_default_bus());
        settings.event_bus = "arn:aws:events:us-east-1:111122223333:event-bus/default".into();
        assert!(settings.is_default_bus());
        settings.event_bus = "orders".into();
        assert!(!settings.is_default_bus());
    }
}
