//! What a renderer returns: blocks of text to show or save, and warnings to show beside them.

/// One piece of output: a file to save (`file_name` set) or commands to paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// A heading for the block (`pattern.json`, `Commands (bash / zsh)`, …).
    pub title: String,
    /// The file name to save the block as, when it is a file the commands refer to.
    pub file_name: Option<String>,
    /// The language for highlighting and for the CLI's separator comment: `json`, `bash`,
    /// `powershell`, `bat`, `yaml`, `hcl`, `typescript`, `python`.
    pub language: &'static str,
    /// The text, ending with a newline.
    pub text: String,
}

impl Block {
    /// A block meant to be saved as `file_name`.
    pub fn file(file_name: &str, language: &'static str, text: String) -> Block {
        Block {
            title: file_name.to_owned(),
            file_name: Some(file_name.to_owned()),
            language,
            text,
        }
    }

    /// A block of commands to paste.
    pub fn commands(title: &str, language: &'static str, text: String) -> Block {
        Block {
            title: title.to_owned(),
            file_name: None,
            language,
            text,
        }
    }

    /// How a line comment starts in this block's language (for separators between blocks).
    pub fn comment_prefix(&self) -> &'static str {
        comment_prefix(self.language)
    }
}

/// How a line comment starts in `language`; `//` for JSON, which has none (a separator only).
pub fn comment_prefix(language: &str) -> &'static str {
    match language {
        "bat" => "REM",
        "typescript" | "json" => "//",
        _ => "#",
    }
}

/// The output of one export: blocks in the order the user needs them, and warnings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// Blocks, files first where commands refer to them.
    pub blocks: Vec<Block>,
    /// Things the user must know: operators the target cannot express, placeholders to fill…
    pub warnings: Vec<String>,
}

impl Rendered {
    /// The block saved as `file_name`, if any.
    pub fn file(&self, file_name: &str) -> Option<&Block> {
        self.blocks
            .iter()
            .find(|block| block.file_name.as_deref() == Some(file_name))
    }

    /// All blocks as one text, each after a `---- <file name or title>` line written as a
    /// comment of its language (`#`, `//`, `REM`): what `eventpen export` prints, and what a
    /// "copy all" button can copy. Warnings are not included.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            let name = block.file_name.as_deref().unwrap_or(&block.title);
            out.push_str(&format!("{} ---- {name}\n", block.comment_prefix()));
            out.push_str(&block.text);
        }
        out
    }

    /// Adds a warning once (several clauses may trigger the same one).
    pub fn warn(&mut self, warning: impl Into<String>) {
        let warning = warning.into();
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }
}
