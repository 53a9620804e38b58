//! The export targets, with the stable ids the CLI and the app's URL use.

/// One export target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// AWS CLI for bash / zsh, the pattern inline in single quotes.
    CliBash,
    /// AWS CLI for PowerShell (Windows PowerShell 5.1 and PowerShell 7.x).
    CliPowershell,
    /// AWS CLI for cmd.exe.
    CliCmd,
    /// AWS CLI with `pattern.json` beside it (`file://`): works the same in every shell.
    CliFile,
    /// CloudFormation template, YAML.
    CloudFormationYaml,
    /// CloudFormation template, JSON.
    CloudFormationJson,
    /// AWS SAM: a function with an `EventBridgeRule` event.
    Sam,
    /// Terraform (AWS provider): `aws_cloudwatch_event_rule` with `jsonencode`.
    Terraform,
    /// AWS CDK v2, TypeScript.
    CdkTs,
    /// AWS CDK v2, Python.
    CdkPython,
    /// Pulumi, TypeScript.
    PulumiTs,
    /// Serverless Framework `serverless.yml`.
    Serverless,
    /// EventBridge Pipes / Lambda event-source-mapping filter criteria.
    PipesFilter,
}

impl Format {
    /// Every format, in the order the app lists them (the `file://` form first: the default).
    pub const ALL: [Format; 13] = [
        Format::CliFile,
        Format::CliBash,
        Format::CliPowershell,
        Format::CliCmd,
        Format::CloudFormationYaml,
        Format::CloudFormationJson,
        Format::Sam,
        Format::Terraform,
        Format::CdkTs,
        Format::CdkPython,
        Format::PulumiTs,
        Format::Serverless,
        Format::PipesFilter,
    ];

    /// The stable id (`cli-bash`, `cloudformation-yaml`, …) used by `--format` and in links.
    pub fn id(self) -> &'static str {
        match self {
            Format::CliBash => "cli-bash",
            Format::CliPowershell => "cli-powershell",
            Format::CliCmd => "cli-cmd",
            Format::CliFile => "cli-file",
            Format::CloudFormationYaml => "cloudformation-yaml",
            Format::CloudFormationJson => "cloudformation-json",
            Format::Sam => "sam",
            Format::Terraform => "terraform",
            Format::CdkTs => "cdk-ts",
            Format::CdkPython => "cdk-python",
            Format::PulumiTs => "pulumi-ts",
            Format::Serverless => "serverless",
            Format::PipesFilter => "pipes-filter",
        }
    }

    /// A short label for a tab or a picker.
    pub fn label(self) -> &'static str {
        match self {
            Format::CliBash => "bash / zsh",
            Format::CliPowershell => "PowerShell",
            Format::CliCmd => "cmd.exe",
            Format::CliFile => "pattern.json + CLI",
            Format::CloudFormationYaml => "CloudFormation (YAML)",
            Format::CloudFormationJson => "CloudFormation (JSON)",
            Format::Sam => "AWS SAM",
            Format::Terraform => "Terraform",
            Format::CdkTs => "CDK (TypeScript)",
            Format::CdkPython => "CDK (Python)",
            Format::PulumiTs => "Pulumi (TypeScript)",
            Format::Serverless => "Serverless Framework",
            Format::PipesFilter => "Pipes / Lambda filter",
        }
    }

    /// The format with this id, if any.
    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|format| format.id() == id)
    }

    /// True for the AWS CLI formats (the ones `test_event_pattern_command` renders).
    pub fn is_cli(self) -> bool {
        matches!(
            self,
            Format::CliBash | Format::CliPowershell | Format::CliCmd | Format::CliFile
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn ids_round_trip_and_are_unique() {
        for format in Format::ALL {
            assert_eq!(Format::from_id(format.id()), Some(format));
            let same_id = Format::ALL.iter().filter(|f| f.id() == format.id()).count();
            assert_eq!(same_id, 1, "{}", format.id());
        }
        assert_eq!(Format::from_id("cli-zsh"), None);
        assert_eq!(Format::ALL[0], Format::CliFile);
    }
}
