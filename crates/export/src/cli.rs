//! AWS CLI commands — `put-rule` and the SNS target — for bash/zsh, PowerShell, cmd.exe, and
//! the shell-independent `file://pattern.json` form (`test-event-pattern` is in `cli_test_event`).

use crate::json_text::{one_line, pretty};
use crate::quote::{
    bash_word, cmd_escape_line, is_bare_word, powershell_native_arg, windows_quoted_arg,
};
use crate::rendered::{Block, Rendered};
use crate::settings::RuleSettings;
use crate::shell_emulation::{PowerShellVersion, cmd_delivers, powershell_delivers};
use crate::sns::{self, ResolvedSns, TARGET_ID};
use crate::target;
use serde_json::Value;

/// Where the commands will be pasted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    /// bash or zsh.
    Bash,
    /// Windows PowerShell 5.1 or PowerShell 7.x.
    PowerShell,
    /// cmd.exe.
    Cmd,
    /// Any of them: every value is a bare word or a double-quoted string all three read alike.
    Portable,
}

/// One `aws` command: the subcommand words and `--option value` pairs (values unquoted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsCommand {
    /// `["events", "put-rule"]`.
    pub words: Vec<&'static str>,
    /// `("--name", "eventpen-rule")`, … in order.
    pub options: Vec<(&'static str, String)>,
}

impl AwsCommand {
    pub(crate) fn new(words: &[&'static str]) -> AwsCommand {
        AwsCommand {
            words: words.to_vec(),
            options: Vec::new(),
        }
    }

    pub(crate) fn option(mut self, name: &'static str, value: impl Into<String>) -> AwsCommand {
        self.options.push((name, value.into()));
        self
    }

    /// The argument vector `aws` must receive: `["aws", "events", "put-rule", "--name", …]`.
    pub fn argv(&self) -> Vec<String> {
        let mut argv = vec!["aws".to_owned()];
        argv.extend(self.words.iter().map(|word| (*word).to_owned()));
        for (name, value) in &self.options {
            argv.push((*name).to_owned());
            argv.push(value.clone());
        }
        argv
    }
}

/// `aws events put-rule` with the pattern argument as given (inline JSON or `file://…`).
pub fn put_rule(settings: &RuleSettings, pattern_arg: String, region: Option<&str>) -> AwsCommand {
    let mut command = AwsCommand::new(&["events", "put-rule"])
        .option("--name", settings.name.clone())
        .option("--event-bus-name", settings.event_bus.clone())
        .option("--state", settings.state.as_str())
        .option("--event-pattern", pattern_arg);
    if let Some(description) = settings.description.as_deref().filter(|d| !d.is_empty()) {
        command = command.option("--description", description);
    }
    with_region(command, region)
}

fn with_region(command: AwsCommand, region: Option<&str>) -> AwsCommand {
    match region {
        Some(region) => command.option("--region", region),
        None => command,
    }
}

/// The SNS commands after `put-rule`: create the topic (unless it exists), let the rule
/// publish to it (in the topic's region), and make it the rule's target. `targets` is the
/// `--targets` value: shorthand without input configuration, else JSON or `file://targets.json`.
pub fn sns_commands(
    settings: &RuleSettings,
    resolved: &ResolvedSns,
    targets: String,
) -> Vec<AwsCommand> {
    let region = resolved.region.as_deref();
    let topic_region = resolved.topic_region.as_deref().or(region);
    let mut commands = Vec::new();
    if !resolved.existing {
        commands.push(with_region(
            AwsCommand::new(&["sns", "create-topic"]).option("--name", resolved.topic_name.clone()),
            region,
        ));
    }
    commands.push(with_region(
        AwsCommand::new(&["sns", "set-topic-attributes"])
            .option("--topic-arn", resolved.topic_arn.clone())
            .option("--attribute-name", "Policy")
            .option("--attribute-value", "file://topic-policy.json"),
        topic_region,
    ));
    commands.push(with_region(
        AwsCommand::new(&["events", "put-targets"])
            .option("--rule", settings.name.clone())
            .option("--event-bus-name", settings.event_bus.clone())
            .option("--targets", targets),
        region,
    ));
    commands
}

/// A value for [`Shell::Portable`]: bare, or in double quotes when every character means the
/// same inside `"…"` to bash, PowerShell and cmd (no `"`, `$`, `` ` ``, `\`, `%`, `!`).
fn portable_value(text: &str) -> Option<String> {
    if is_bare_word(text) {
        return Some(text.to_owned());
    }
    let safe = |c: char| !c.is_control() && !matches!(c, '"' | '$' | '`' | '\\' | '%' | '!');
    (!text.is_empty() && !text.starts_with(' ') && text.chars().all(safe))
        .then(|| format!("\"{text}\""))
}

/// Writes one command for `shell`. bash and PowerShell put each option on its own line;
/// cmd and the portable form use one line (cmd's `^` continuation is unsafe, see `quote`).
pub fn write_command(shell: Shell, command: &AwsCommand) -> String {
    let head = format!("aws {}", command.words.join(" "));
    let values = command.options.iter().map(|(name, value)| {
        let value = match shell {
            Shell::Bash => bash_word(value),
            Shell::PowerShell => powershell_native_arg(value),
            Shell::Cmd => windows_quoted_arg(value),
            Shell::Portable => portable_value(value).unwrap_or_else(|| bash_word(value)),
        };
        format!("{name} {value}")
    });
    match shell {
        Shell::Bash => std::iter::once(head)
            .chain(values)
            .collect::<Vec<_>>()
            .join(" \\\n  "),
        Shell::PowerShell => std::iter::once(head)
            .chain(values)
            .collect::<Vec<_>>()
            .join(" `\n  "),
        Shell::Cmd => cmd_escape_line(
            &std::iter::once(head)
                .chain(values)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Shell::Portable => std::iter::once(head)
            .chain(values)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The longest line cmd.exe accepts.
const CMD_MAX_LINE: usize = 8191;

/// Checks with the emulators that a Windows shell delivers `command` intact; the reason if not.
fn windows_check(shell: Shell, command: &AwsCommand) -> Option<String> {
    let want = command.argv();
    match shell {
        Shell::PowerShell => {
            let line = write_command(shell, command).replace(" `\n  ", " ");
            for version in [PowerShellVersion::WindowsPowerShell51, PowerShellVersion::Pwsh7Legacy] {
                if powershell_delivers(&line, version).as_ref() != Some(&want) {
                    return Some(format!(
                        "PowerShell ({version:?}) may not pass `aws {}` its arguments intact; use the pattern.json + CLI tab",
                        command.words.join(" ")
                    ));
                }
            }
            None
        }
        Shell::Cmd if write_command(shell, command).chars().count() > CMD_MAX_LINE => Some(format!(
            "cmd.exe lines are limited to {CMD_MAX_LINE} characters and `aws {}` is longer; use the pattern.json + CLI tab",
            command.words.join(" ")
        )),
        Shell::Cmd => match cmd_delivers(&write_command(shell, command)) {
            Ok(argv) if argv == want => None,
            Ok(_) => Some(format!(
                "cmd.exe may not pass `aws {}` its arguments intact; use the pattern.json + CLI tab",
                command.words.join(" ")
            )),
            Err(why) if why.contains('%') => Some(
                "cmd.exe expands %NAME% when NAME is a variable, and a % cannot be escaped on the command line: use the pattern.json + CLI tab for values with %"
                    .to_owned(),
            ),
            Err(why) => Some(format!("cmd.exe: {why}; use the pattern.json + CLI tab")),
        },
        Shell::Bash | Shell::Portable => None,
    }
}

fn header(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => {
            "# bash / zsh: values in single quotes reach aws unchanged ('\\'' is a literal ').\n"
        }
        Shell::PowerShell => concat!(
            "# Windows PowerShell 5.1 and PowerShell 7.x, with aws.exe (AWS CLI v2).\n",
            "# 5.1 and 7.0-7.2 drop unescaped \" when calling native programs, so each \" is written \\\".\n",
            "# The & { } block sets Legacy argument passing so 7.3+ passes \\\" the same way; the\n",
            "# setting ends with the block. (pwsh on Linux/macOS reads it the same way. AWS CLI v1's\n",
            "# aws.cmd runs through cmd.exe: use the pattern.json + CLI form there.)\n",
        ),
        Shell::Cmd => concat!(
            "REM cmd.exe, with aws.exe (AWS CLI v2). One command per line: inner quotes are \\\",\n",
            "REM and ^ escapes & | < > ( ) ^ where cmd itself sees no quotes.\n",
        ),
        Shell::Portable => concat!(
            "# Works the same in bash, zsh, PowerShell and cmd.exe: save each JSON block above under\n",
            "# its file name (UTF-8, no BOM) in the directory you run these commands from.\n",
        ),
    }
}

fn language(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash | Shell::Portable => "bash",
        Shell::PowerShell => "powershell",
        Shell::Cmd => "bat",
    }
}

fn title(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "Commands (bash / zsh)",
        Shell::PowerShell => "Commands (PowerShell)",
        Shell::Cmd => "Commands (cmd.exe)",
        Shell::Portable => "Commands (any shell)",
    }
}

/// Joins commands into one block text for `shell`, checking Windows shells with the emulators.
pub(crate) fn commands_block(
    shell: Shell,
    commands: &[AwsCommand],
    rendered: &mut Rendered,
) -> Block {
    let mut text = header(shell).to_owned();
    if shell == Shell::PowerShell {
        text.push_str("& {\n  $PSNativeCommandArgumentPassing = 'Legacy'\n");
    }
    for command in commands {
        if let Some(problem) = windows_check(shell, command) {
            rendered.warn(problem);
        }
        if shell == Shell::Portable
            && command
                .options
                .iter()
                .any(|(_, value)| portable_value(value).is_none())
        {
            rendered.warn(
                "A value needs shell-specific quoting, so the commands are written for bash / zsh; pick the PowerShell or cmd tab on Windows",
            );
        }
        let written = write_command(shell, command);
        if shell == Shell::PowerShell {
            text.push_str("  ");
            text.push_str(&written.replace('\n', "\n  "));
        } else {
            text.push_str(&written);
        }
        text.push('\n');
    }
    if shell == Shell::PowerShell {
        text.push_str("}\n");
    }
    Block::commands(title(shell), language(shell), text)
}

/// The largest pattern `PutRule` and `TestEventPattern` accept, in characters.
pub const MAX_PATTERN_CHARS: usize = 4096;

pub(crate) fn pattern_warnings(pattern: &Value, rendered: &mut Rendered) {
    let chars = pattern.to_string().chars().count();
    if chars > MAX_PATTERN_CHARS {
        rendered.warn(format!(
            "The pattern has {chars} characters without spaces; AWS accepts at most {MAX_PATTERN_CHARS}"
        ));
    }
}

pub(crate) fn non_ascii_file_warning(file: &str, rendered: &mut Rendered) {
    rendered.warn(format!(
        "{file} holds non-ASCII characters: save it as UTF-8 without a BOM, and on Windows set AWS_CLI_FILE_ENCODING=UTF-8 so the CLI reads it as UTF-8"
    ));
}

/// The `put-rule` export (plus the SNS target) for `shell`.
pub fn render_put_rule(shell: Shell, pattern: &Value, settings: &RuleSettings) -> Rendered {
    let mut rendered = Rendered::default();
    pattern_warnings(pattern, &mut rendered);
    let resolved = sns::resolve(settings);
    let rule_region = settings.region.as_deref().or(resolved
        .as_ref()
        .and_then(|resolved| resolved.region.as_deref()));
    let pattern_arg = if shell == Shell::Portable {
        let text = pretty(pattern);
        if !text.is_ascii() {
            non_ascii_file_warning("pattern.json", &mut rendered);
        }
        rendered
            .blocks
            .push(Block::file("pattern.json", "json", format!("{text}\n")));
        "file://pattern.json".to_owned()
    } else {
        one_line(pattern)
    };
    let mut commands = vec![put_rule(settings, pattern_arg, rule_region)];
    if let Some(resolved) = &resolved {
        let policy = sns::topic_policy(
            Value::String(resolved.topic_arn.clone()),
            Value::String(resolved.rule_arn.clone()),
        );
        rendered.blocks.push(Block::file(
            "topic-policy.json",
            "json",
            format!("{}\n", pretty(&policy)),
        ));
        let input = target::input_properties(&settings.input, &mut rendered);
        let targets = if input.is_empty() {
            format!("Id={TARGET_ID},Arn={}", resolved.topic_arn)
        } else {
            let list = target::targets_list(TARGET_ID, &resolved.topic_arn, &input);
            if shell == Shell::Portable {
                let text = pretty(&list);
                if !text.is_ascii() {
                    non_ascii_file_warning("targets.json", &mut rendered);
                }
                rendered
                    .blocks
                    .push(Block::file("targets.json", "json", format!("{text}\n")));
                "file://targets.json".to_owned()
            } else {
                one_line(&list)
            }
        };
        commands.extend(sns_commands(settings, resolved, targets));
        for warning in sns::warnings(resolved) {
            rendered.warn(warning);
        }
    } else if settings.input != eventpen_transform::TargetInput::MatchedEvent {
        rendered.warn(
            "The target input applies to a target: set an SNS topic to export put-targets with it",
        );
    }
    let block = commands_block(shell, &commands, &mut rendered);
    rendered.blocks.push(block);
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portable_values() {
        let cases = [
            ("eventpen-rule", Some("eventpen-rule")),
            ("Alerts for prod (EU)", Some("\"Alerts for prod (EU)\"")),
            ("costs $5", None),
            ("100%", None),
            ("say \"hi\"", None),
            ("wow!", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(portable_value(text).as_deref(), want, "{text}");
        }
    }
}
