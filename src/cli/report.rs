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
    let text = match format {
        ReportFormat::Md => markdown(q, &vendor, &report, ctx.lang),
        ReportFormat::Html => html(q, &vendor, &report, ctx.lang),
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

fn status_word(outcome: &Outcome, lang: Lang) -> &'static str {
    match outcome {
        Outcome::Unanswered => l(lang, "unanswered", "未答"),
        Outcome::NotApplicable => l(lang, "N/A", "不适用"),
        Outcome::Scored { knockout: true, .. } => l(lang, "✗ RED LINE", "✗ 红线"),
        Outcome::Scored { .. } => "",
        Outcome::Unscored { .. } => l(lang, "not scored", "不计分"),
        Outcome::Invalid(_) => l(lang, "! invalid answer", "! 答案无效"),
    }
}

fn fraction(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Scored { s, .. } => format!("{:.0}%", s * 100.0),
        _ => String::new(),
    }
}

/// Markdown: text made visible and its specials escaped, so a vendor name
/// cannot turn into a link or a heading.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        if "\\`*_{}[]()<>#+-.!|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(q: &Questionnaire, vendor: &VendorFile, report: &ScoreReport, lang: Lang) -> String {
    let mut out = String::new();
    let band = report.band.and_then(|i| q.bands.get(i)).map_or("–", |b| b.label.get(lang));
    let _ = writeln!(out, "# {}: {}\n", md(q.title.get(lang)), md(&vendor.meta.vendor));
    let _ = writeln!(
        out,
        "- {}: {}\n- {}: {}\n- {}: {} v{}\n",
        l(lang, "Assessed on", "评估日期"),
        vendor.meta.assessed_on.map_or_else(|| "–".to_string(), |d| d.to_string()),
        l(lang, "Interviewer", "访谈人"),
        md(vendor.meta.interviewer.as_deref().unwrap_or("–")),
        l(lang, "Questionnaire", "问卷"),
        md(&q.id),
        q.version
    );
    let _ = writeln!(
        out,
        "**{}: {}** ({}) · {} {} · {} {}/{}\n",
        l(lang, "Score", "得分"),
        pct(report.score),
        md(band),
        l(lang, "range still possible", "可能区间"),
        range(report.min, report.max),
        l(lang, "answered", "已答"),
        report.answered,
        report.total
    );
    if report.disqualified() {
        let _ = writeln!(out, "> **✗ {}**\n>", l(lang, "DISQUALIFIED: red lines crossed", "不合格：触及红线"));
        for k in &report.knockouts {
            let reason = k.reason.as_ref().map_or(String::new(), |r| format!(": {}", md(r.get(lang))));
            let _ = writeln!(out, "> - `{}`{reason}", k.key);
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---:|---:|---|---:|",
        l(lang, "Section", "部分"),
        l(lang, "Weight", "权重"),
        l(lang, "Score", "得分"),
        l(lang, "Range", "区间"),
        l(lang, "Answered", "已答")
    );
    for (s, r) in q.sections.iter().zip(&report.sections) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {}/{} |",
            md(s.title.get(lang)),
            s.weight,
            pct(r.score),
            range(r.min, r.max),
            r.answered,
            r.total
        );
    }
    for ((section, outcomes), s) in q.sections.iter().zip(&report.outcomes).zip(&report.sections) {
        let _ = writeln!(out, "\n## {} ({})\n", md(section.title.get(lang)), pct(s.score));
        for (question, outcome) in section.questions.iter().zip(outcomes) {
            let answer = vendor.answers.get(&question.key);
            let shown = answer_text(question, answer, lang);
            let _ = writeln!(out, "- **{}**", md(question.text.get(lang)));
            let _ = writeln!(
                out,
                "  {}: {} {} {}",
                l(lang, "Answer", "回答"),
                if shown.is_empty() { "–".to_string() } else { md(&shown) },
                fraction(outcome),
                status_word(outcome, lang)
            );
            if let Some(note) = answer.and_then(|a| a.note.as_deref()) {
                for line in visible_multiline(note).lines() {
                    let _ = writeln!(out, "  > {}", md(line));
                }
            }
        }
    }
    if !report.orphans.is_empty() {
        let _ = writeln!(out, "\n## {}\n", l(lang, "Answers to removed questions", "已删除问题的答案"));
        for key in &report.orphans {
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

const CSS: &str = "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #999;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}.ko{color:#a00;font-weight:bold}.dq{border:2px solid #a00;padding:.5rem 1rem;margin:1rem 0}
.note{white-space:pre-wrap;color:#333;font-size:.9em;margin:.2rem 0 0 0}.muted{color:#666}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{break-after:avoid}tr{break-inside:avoid}}";

fn html(q: &Questionnaire, vendor: &VendorFile, report: &ScoreReport, lang: Lang) -> String {
    let mut out = String::new();
    let band = report.band.and_then(|i| q.bands.get(i)).map_or("–", |b| b.label.get(lang));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} · {}</title>\n<style>{CSS}</style></head><body>\n",
        lang.code(),
        esc(&vendor.meta.vendor),
        esc(q.title.get(lang))
    );
    let _ = writeln!(out, "<h1>{}</h1><p class=\"muted\">{}</p>", esc(&vendor.meta.vendor), esc(q.title.get(lang)));
    let _ = writeln!(
        out,
        "<p>{}: {} · {}: {} · {}: {} v{}</p>",
        l(lang, "Assessed on", "评估日期"),
        vendor.meta.assessed_on.map_or_else(|| "–".to_string(), |d| d.to_string()),
        l(lang, "Interviewer", "访谈人"),
        esc(vendor.meta.interviewer.as_deref().unwrap_or("–")),
        l(lang, "Questionnaire", "问卷"),
        esc(&q.id),
        q.version
    );
    let _ = writeln!(
        out,
        "<p><strong>{}: {} ({})</strong> · {} {} · {} {}/{}</p>",
        l(lang, "Score", "得分"),
        pct(report.score),
        esc(band),
        l(lang, "range still possible", "可能区间"),
        range(report.min, report.max),
        l(lang, "answered", "已答"),
        report.answered,
        report.total
    );
    if report.disqualified() {
        let _ = writeln!(
            out,
            "<div class=\"dq\"><p class=\"ko\">✗ {}</p><ul>",
            l(lang, "DISQUALIFIED: red lines crossed", "不合格：触及红线")
        );
        for k in &report.knockouts {
            let reason = k.reason.as_ref().map_or(String::new(), |r| format!(": {}", esc(r.get(lang))));
            let _ = writeln!(out, "<li><code>{}</code>{reason}</li>", esc(&k.key));
        }
        out.push_str("</ul></div>\n");
    }
    let _ = writeln!(
        out,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        l(lang, "Section", "部分"),
        l(lang, "Weight", "权重"),
        l(lang, "Score", "得分"),
        l(lang, "Range", "区间"),
        l(lang, "Answered", "已答")
    );
    for (s, r) in q.sections.iter().zip(&report.sections) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}/{}</td></tr>",
            esc(s.title.get(lang)),
            s.weight,
            pct(r.score),
            range(r.min, r.max),
            r.answered,
            r.total
        );
    }
    out.push_str("</table>\n");
    for ((section, outcomes), s) in q.sections.iter().zip(&report.outcomes).zip(&report.sections) {
        let _ = writeln!(out, "<h2>{} ({})</h2><table>", esc(section.title.get(lang)), pct(s.score));
        for (question, outcome) in section.questions.iter().zip(outcomes) {
            let answer = vendor.answers.get(&question.key);
            let shown = answer_text(question, answer, lang);
            let class = if outcome.is_knockout() { " class=\"ko\"" } else { "" };
            let note = answer
                .and_then(|a| a.note.as_deref())
                .map_or(String::new(), |n| format!("<p class=\"note\">{}</p>", esc_multiline(n)));
            let _ = writeln!(
                out,
                "<tr><td>{}{note}</td><td{class}>{} {}</td><td class=\"n\">{}</td></tr>",
                esc(question.text.get(lang)),
                if shown.is_empty() { "–".to_string() } else { esc(&shown) },
                status_word(outcome, lang),
                fraction(outcome)
            );
        }
        out.push_str("</table>\n");
    }
    if !report.orphans.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2><ul>", l(lang, "Answers to removed questions", "已删除问题的答案"));
        for key in &report.orphans {
            let _ = writeln!(out, "<li><code>{}</code></li>", esc(key));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn esc_multiline(text: &str) -> String {
    visible_multiline(text).lines().map(esc).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_markdown_are_escaped() {
        assert_eq!(esc("<script>&\"'\x1b"), "&lt;script&gt;&amp;&quot;&#39;^[");
        assert_eq!(md("[x](javascript:y)"), "\\[x\\]\\(javascript:y\\)");
        assert_eq!(esc_multiline("a\n<b>\u{202e}"), "a\n&lt;b&gt;&lt;U+202E&gt;");
    }
}
