//! The report as GitHub-flavoured Markdown that pandoc renders the same:
//! blank lines around every block, hard line breaks kept in notes, and
//! every piece of text escaped so that it cannot become a heading, a list,
//! a rule, a link or a table cell boundary.

use std::fmt::Write;

use super::{Doc, note_lines};
use crate::safe_text::visible;

/// Inline text: hostile characters visible, markup characters escaped,
/// line breaks as spaces.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(&text.replace(['\n', '\r', '\t'], " ")).chars() {
        // Inline, only these can start markup (`!` and `(` need a `[`).
        if "\\`*_[]<>#|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One line of a block (a note line): inline escaping, and a line start
/// that could open a block (`-`, `+`, `=`, `1.`, `1)`, indentation) defused.
pub fn md_line(text: &str) -> String {
    let escaped = md(text.trim_start());
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

/// A quote block of `lines`, each kept as its own line (a trailing
/// backslash is a hard break in both GFM and pandoc), blank lines around.
fn quote(out: &mut String, lines: &[String]) {
    let lines: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return;
    }
    out.push('\n');
    for (i, line) in lines.iter().enumerate() {
        let end = if i + 1 < lines.len() { "\\" } else { "" };
        let _ = writeln!(out, "> {}{end}", md_line(line));
    }
    out.push('\n');
}

pub fn markdown(doc: &Doc) -> String {
    let lb = &doc.labels;
    let v = &doc.verdict;
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", md(&doc.subtitle), md(&doc.title));
    for (label, value) in &doc.facts {
        let _ = writeln!(out, "- {label}: {}", md(value));
    }
    let _ = writeln!(out, "\n## {}\n", lb.verdict);
    if v.disqualified {
        let _ = writeln!(out, "**✗ {}**\n", lb.disqualified);
        for (question, reason) in &v.red_lines {
            let reason = reason.as_deref().map_or(String::new(), |r| format!(": {}", md(r)));
            let _ = writeln!(out, "- ✗ {}{reason}", md(question));
        }
        out.push('\n');
    } else {
        let _ = writeln!(out, "{}\n", lb.qualified);
    }
    let band = if v.provisional { format!("{} ({})", md(&v.band), lb.provisional) } else { md(&v.band) };
    let _ = writeln!(out, "| {} | {} | {} | {} |", lb.score, lb.band, lb.range_possible, lb.completion);
    let _ = writeln!(out, "|---:|---|---|---:|");
    let _ = writeln!(out, "| **{}** | {band} | {} | {} |\n", v.score, v.range, v.completion);

    let _ = writeln!(out, "## {}\n", lb.signoffs);
    if doc.signoffs.is_empty() {
        let _ = writeln!(out, "{}\n", lb.no_signoffs);
    } else {
        let _ = writeln!(out, "| {} | {} | {} | {} |", lb.decision, lb.account, lb.time, lb.comments);
        let _ = writeln!(out, "|---|---|---|---|");
        for s in &doc.signoffs {
            let mut stale = if s.stale { format!(" {}", lb.stale) } else { String::new() };
            if !s.verified {
                stale.push_str(&format!(" {}", lb.unverified));
            }
            let _ = writeln!(
                out,
                "| {} {}{stale} | {} | {} | {} |",
                s.mark,
                s.decision,
                md(&s.user),
                md(&s.at),
                s.comment.as_deref().map_or(String::new(), md)
            );
        }
        out.push('\n');
    }
    if !doc.comments.is_empty() {
        let _ = writeln!(out, "### {}\n", lb.comments);
        for c in &doc.comments {
            let _ = writeln!(out, "- **{}** ({}): {}", md(&c.user), md(&c.at), md(&c.text));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", lb.answered_by);
    for (who, n) in &doc.answered_by {
        let _ = writeln!(out, "- {}: {n}", md(who));
    }
    let _ = writeln!(out, "\n## {}\n", lb.sections);
    let _ = writeln!(out, "| {} | {} | {} | {} | {} |", lb.section, lb.weight, lb.score, lb.range, lb.answered);
    let _ = writeln!(out, "|---|---:|---:|---|---:|");
    for s in &doc.sections {
        let _ = writeln!(out, "| {} | {} | {} | {} | {} |", md(&s.title), s.weight, s.score, s.range, s.answered);
    }
    for s in &doc.sections {
        let _ = writeln!(out, "\n## {} · {} {}\n", md(&s.title), lb.score, s.score);
        for (i, row) in s.rows.iter().enumerate() {
            let _ = writeln!(out, "### {}. {}\n", i + 1, md(&row.question));
            let mut facts = vec![format!("**{}:** {}", lb.answer, md(&row.answer))];
            if !row.score.is_empty() {
                facts.push(format!("**{}:** {}", lb.score, row.score));
            }
            if !row.state.is_empty() {
                facts.push(if row.knockout { format!("**{}**", row.state) } else { row.state.to_string() });
            }
            if let Some(source) = row.source {
                facts.push(format!("*{source}*"));
            }
            let _ = writeln!(out, "{}", facts.join(" · "));
            if let Some(note) = &row.note {
                quote(&mut out, &note_lines(note));
            } else {
                out.push('\n');
            }
            for line in &row.extras {
                let _ = writeln!(out, "- {}", md(line));
            }
            for c in &row.comments {
                let _ = writeln!(out, "- 💬 **{}** ({}): {}", md(&c.user), md(&c.at), md(&c.text));
            }
            if !row.comments.is_empty() || !row.extras.is_empty() {
                out.push('\n');
            }
        }
    }
    if !doc.orphans.is_empty() {
        let _ = writeln!(out, "\n## {}\n", lb.orphans);
        for key in &doc.orphans {
            let _ = writeln!(out, "- `{}`", visible(key).replace('`', "'"));
        }
    }
    let _ = writeln!(out, "\n## {}\n", lb.signatures);
    let _ = writeln!(out, "| {} | {} | {} | {} |", lb.role, lb.name, lb.signature, lb.date);
    let _ = writeln!(out, "|---|---|---|---|");
    let _ = writeln!(out, "| {} | {} | | |", lb.interviewer, md(&doc.interviewer));
    let _ = writeln!(out, "| {} | | | |", lb.reviewer);
    let _ = writeln!(out, "| {} | | | |", lb.approver);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(md("[x](javascript:y) *b* <i>"), "\\[x\\](javascript:y) \\*b\\* \\<i\\>");
        assert_eq!(md("li.wei 2026-11-24"), "li.wei 2026-11-24");
        assert_eq!(md("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn a_note_line_cannot_open_a_block() {
        assert_eq!(md_line("---"), "\\---");
        assert_eq!(md_line("1. x"), "1\\. x");
        assert_eq!(md_line("12) x"), "12\\) x");
        assert_eq!(md_line("# x"), "\\# x");
        assert_eq!(md_line("    code"), "code");
        assert_eq!(md_line("=== "), "\\=== ");
        assert_eq!(md_line("> q"), "\\> q");
        assert_eq!(md_line("2026 was fine"), "2026 was fine");
    }
}
