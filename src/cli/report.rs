//! `ccvet report VENDOR --format md|html`: a report to hand to management.
//!
//! Both formats are built from the same walk over the questionnaire. All
//! text from files is made safe: control and bidirectional characters are
//! shown visibly, Markdown specials are escaped, and HTML is escaped
//! everywhere (the HTML is one self-contained file with print styles).

use std::fmt::Write;
use std::path::Path;

use super::args::ReportFormat;
use super::context::{Context, score_of};
use super::table::l;
use super::{CliError, Output};
use crate::domain::present::{answer_text, pct, range};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::{Outcome, ScoreReport};
use crate::domain::text::Lang;
use crate::safe_text::{visible, visible_multiline};
use crate::storage::atomic::{RealFs, write_atomic};
use crate::storage::vendor::VendorFile;

pub fn report(ctx: &Context, wanted: &str, format: ReportFormat, output: Option<&Path>) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let vendor = ctx.find_vendor(wanted)?;
    let report = score_of(&loaded, &vendor);
    let q = &loaded.questionnaire;
    let doc = Doc::build(q, &vendor, &report, ctx.lang);
    let text = match format {
        ReportFormat::Md => markdown(&doc),
        ReportFormat::Html => html(&doc, ctx.lang),
    };
    match output {
        None => Ok(Output { stdout: text, ..Output::default() }),
        Some(path) => {
            write_atomic(&RealFs, path, text.as_bytes(), ctx.workspace.modes.file)
                .map_err(|e| CliError::Data(crate::storage::Error::io(path, e)))?;
            Ok(Output { stdout: format!("wrote {}\n", visible(&path.display().to_string())), ..Output::default() })
        }
    }
}

/// The report's content, decided once; the renderers below only escape and
/// mark it up.
struct Doc {
    title: String,
    subtitle: String,
    facts: Vec<(&'static str, String)>,
    summary: Summary,
    /// (question key, reason)
    knockouts: Vec<(String, Option<String>)>,
    sections: Vec<SectionPart>,
    orphans: Vec<String>,
    labels: Labels,
}

struct Summary {
    score: String,
    band: String,
    range: String,
    answered: String,
}

struct SectionPart {
    title: String,
    weight: f64,
    score: String,
    range: String,
    answered: String,
    rows: Vec<Row>,
}

struct Row {
    question: String,
    answer: String,
    fraction: String,
    status: &'static str,
    knockout: bool,
    note: Option<String>,
}

/// Interface words in the report's language.
struct Labels {
    score: &'static str,
    range_possible: &'static str,
    answered: &'static str,
    answered_lc: &'static str,
    disqualified: &'static str,
    section: &'static str,
    weight: &'static str,
    range: &'static str,
    answer: &'static str,
    orphans: &'static str,
}

impl Labels {
    fn new(lang: Lang) -> Labels {
        Labels {
            score: l(lang, "Score", "得分"),
            range_possible: l(lang, "range still possible", "可能区间"),
            answered: l(lang, "Answered", "已答"),
            answered_lc: l(lang, "answered", "已答"),
            disqualified: l(lang, "DISQUALIFIED: red lines crossed", "不合格：触及红线"),
            section: l(lang, "Section", "部分"),
            weight: l(lang, "Weight", "权重"),
            range: l(lang, "Range", "区间"),
            answer: l(lang, "Answer", "回答"),
            orphans: l(lang, "Answers to removed questions", "已删除问题的答案"),
        }
    }
}

fn status_word(outcome: &Outcome, lang: Lang) -> &'static str {
    match outcome {
        Outcome::Unanswered => l(lang, "unanswered", "未答"),
        Outcome::NotApplicable => l(lang, "N/A", "不适用"),
        Outcome::Scored { knockout: true, .. } => l(lang, "✗ RED LINE", "✗ 红线"),
        Outcome::Scored { .. } => "",
        Outcome::Unscored { .. } => l(lang, "not scored", "不计分"),
        Outcome::Invalid(_) => l(lang, "! invalid answer", "! 答案无效"),
        Outcome::Hidden => l(lang, "hidden (condition not met)", "已隐藏（条件不满足）"),
    }
}

impl Doc {
    fn build(q: &Questionnaire, vendor: &VendorFile, report: &ScoreReport, lang: Lang) -> Doc {
        let dash = || "–".to_string();
        let sections = q
            .sections
            .iter()
            .zip(&report.sections)
            .zip(&report.outcomes)
            .map(|((section, s), outcomes)| SectionPart {
                title: section.title.get(lang).to_string(),
                weight: section.weight,
                score: pct(s.score),
                range: range(s.min, s.max),
                answered: format!("{}/{}", s.answered, s.total),
                rows: section
                    .questions
                    .iter()
                    .zip(outcomes)
                    .map(|(question, outcome)| {
                        let answer = q.answer(&vendor.answers, question);
                        let shown = answer_text(question, answer, lang);
                        Row {
                            question: question.text.get(lang).to_string(),
                            answer: if shown.is_empty() { dash() } else { shown },
                            fraction: match outcome {
                                Outcome::Scored { s, .. } => format!("{:.0}%", s * 100.0),
                                _ => String::new(),
                            },
                            status: status_word(outcome, lang),
                            knockout: outcome.is_knockout(),
                            note: answer.and_then(|a| a.note.clone()),
                        }
                    })
                    .collect(),
            })
            .collect();
        Doc {
            title: vendor.meta.vendor.clone(),
            subtitle: q.title.get(lang).to_string(),
            facts: vec![
                (l(lang, "Assessed on", "评估日期"), vendor.meta.assessed_on.map_or_else(dash, |d| d.to_string())),
                (l(lang, "Interviewer", "访谈人"), vendor.meta.interviewer.clone().unwrap_or_else(dash)),
                (l(lang, "Questionnaire", "问卷"), format!("{} v{}", q.id, q.version)),
            ],
            summary: Summary {
                score: pct(report.score),
                band: report.band.and_then(|i| q.bands.get(i)).map_or_else(dash, |b| b.label.get(lang).to_string()),
                range: range(report.min, report.max),
                answered: format!("{}/{}", report.answered, report.total),
            },
            knockouts: report
                .knockouts
                .iter()
                .map(|k| (k.key.clone(), k.reason.as_ref().map(|r| r.get(lang).to_string())))
                .collect(),
            sections,
            orphans: report.orphans.clone(),
            labels: Labels::new(lang),
        }
    }
}

/// Markdown: text made visible and its specials escaped, so a vendor name
/// cannot turn into a link or a heading.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        // Inline, only these can start markup (`!` and `(` need a `[`).
        if "\\`*_[]<>#|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(doc: &Doc) -> String {
    let lb = &doc.labels;
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", md(&doc.subtitle), md(&doc.title));
    for (label, value) in &doc.facts {
        let _ = writeln!(out, "- {label}: {}", md(value));
    }
    let sm = &doc.summary;
    let _ = writeln!(
        out,
        "\n**{}: {}** ({}) · {} {} · {} {}\n",
        lb.score,
        sm.score,
        md(&sm.band),
        lb.range_possible,
        sm.range,
        lb.answered_lc,
        sm.answered
    );
    if !doc.knockouts.is_empty() {
        let _ = writeln!(out, "> **✗ {}**\n>", lb.disqualified);
        for (key, reason) in &doc.knockouts {
            let reason = reason.as_deref().map_or(String::new(), |r| format!(": {}", md(r)));
            let _ = writeln!(out, "> - `{}`{reason}", visible(key).replace('`', "'"));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---:|---:|---|---:|",
        lb.section, lb.weight, lb.score, lb.range, lb.answered
    );
    for s in &doc.sections {
        let _ = writeln!(out, "| {} | {} | {} | {} | {} |", md(&s.title), s.weight, s.score, s.range, s.answered);
    }
    for s in &doc.sections {
        let _ = writeln!(out, "\n## {} ({})\n", md(&s.title), s.score);
        for row in &s.rows {
            let _ = writeln!(out, "- **{}**", md(&row.question));
            let _ = writeln!(out, "  {}: {} {} {}", lb.answer, md(&row.answer), row.fraction, row.status);
            for line in row.note.as_deref().map(visible_multiline).iter().flat_map(|n| n.lines()) {
                let _ = writeln!(out, "  > {}", md(line));
            }
        }
    }
    if !doc.orphans.is_empty() {
        let _ = writeln!(out, "\n## {}\n", lb.orphans);
        for key in &doc.orphans {
            let _ = writeln!(out, "- `{}`", visible(key).replace('`', "'"));
        }
    }
    out
}

/// HTML-escapes text after making hostile characters visible.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn esc_multiline(text: &str) -> String {
    visible_multiline(text).lines().map(esc).collect::<Vec<_>>().join("\n")
}

const CSS: &str = "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #999;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}.ko{color:#a00;font-weight:bold}.dq{border:2px solid #a00;padding:.5rem 1rem;margin:1rem 0}
.note{white-space:pre-wrap;color:#333;font-size:.9em;margin:.2rem 0 0 0}.muted{color:#666}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{break-after:avoid}tr{break-inside:avoid}}";

fn html(doc: &Doc, lang: Lang) -> String {
    let lb = &doc.labels;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · {}</title>\n<style>{CSS}</style></head><body>\n",
        lang.code(),
        esc(&doc.title),
        esc(&doc.subtitle)
    );
    let _ = writeln!(out, "<h1>{}</h1><p class=\"muted\">{}</p>", esc(&doc.title), esc(&doc.subtitle));
    let facts: Vec<String> = doc.facts.iter().map(|(label, value)| format!("{label}: {}", esc(value))).collect();
    let _ = writeln!(out, "<p>{}</p>", facts.join(" · "));
    let sm = &doc.summary;
    let _ = writeln!(
        out,
        "<p><strong>{}: {} ({})</strong> · {} {} · {} {}</p>",
        lb.score,
        sm.score,
        esc(&sm.band),
        lb.range_possible,
        sm.range,
        lb.answered_lc,
        sm.answered
    );
    if !doc.knockouts.is_empty() {
        let _ = writeln!(out, "<div class=\"dq\"><p class=\"ko\">✗ {}</p><ul>", lb.disqualified);
        for (key, reason) in &doc.knockouts {
            let reason = reason.as_deref().map_or(String::new(), |r| format!(": {}", esc(r)));
            let _ = writeln!(out, "<li><code>{}</code>{reason}</li>", esc(key));
        }
        out.push_str("</ul></div>\n");
    }
    let _ = writeln!(
        out,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        lb.section, lb.weight, lb.score, lb.range, lb.answered
    );
    for s in &doc.sections {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            esc(&s.title),
            s.weight,
            s.score,
            s.range,
            s.answered
        );
    }
    out.push_str("</table>\n");
    for s in &doc.sections {
        let _ = writeln!(out, "<h2>{} ({})</h2><table>", esc(&s.title), s.score);
        for row in &s.rows {
            let class = if row.knockout { " class=\"ko\"" } else { "" };
            let note =
                row.note.as_deref().map_or(String::new(), |n| format!("<p class=\"note\">{}</p>", esc_multiline(n)));
            let _ = writeln!(
                out,
                "<tr><td>{}{note}</td><td{class}>{} {}</td><td class=\"n\">{}</td></tr>",
                esc(&row.question),
                esc(&row.answer),
                row.status,
                row.fraction
            );
        }
        out.push_str("</table>\n");
    }
    if !doc.orphans.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2><ul>", lb.orphans);
        for key in &doc.orphans {
            let _ = writeln!(out, "<li><code>{}</code></li>", esc(key));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_markdown_are_escaped() {
        assert_eq!(esc("<script>&\"'\x1b"), "&lt;script&gt;&amp;&quot;&#39;^[");
        assert_eq!(md("[x](javascript:y) *b* <i>"), "\\[x\\](javascript:y) \\*b\\* \\<i\\>");
        assert_eq!(md("li.wei 2026-11-24"), "li.wei 2026-11-24");
        assert_eq!(esc_multiline("a\n<b>\u{202e}"), "a\n&lt;b&gt;&lt;U+202E&gt;");
    }
}
