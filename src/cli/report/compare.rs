//! `ccvet report --compare --format md|html`: every vendor side by side,
//! the view a decision meeting asks for: the ranking with verdicts and
//! sign-offs, then every question with each vendor's answer.

use crate::i18n::report as msg;
use std::fmt::Write;
use std::path::Path;

use super::html::{esc, head, table_start};
use super::markdown::md;
use super::{red_lines, signoff_lines, write_or_print};
use crate::cli::args::ReportFormat;
use crate::cli::context::Context;
use crate::cli::{CliError, Output};
use crate::domain::present::{answer_text, pct, range};
use crate::domain::scoring::score;
use crate::domain::text::Lang;
use crate::storage::vendor::VendorFile;
use crate::summary;

struct Column {
    name: String,
    verdict: String,
    disqualified: bool,
    score: String,
    band: String,
    range: String,
    completion: String,
    signoffs: String,
    answers: Vec<(String, bool)>,
}

pub fn report(ctx: &Context, format: ReportFormat, output: Option<&Path>) -> Result<Output, CliError> {
    let lang = ctx.lang;
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let paths = ctx.workspace.vendor_paths()?;
    let mut vendors = Vec::new();
    let mut stderr = String::new();
    for r in summary::load(q, &paths) {
        match r {
            Ok(v) => vendors.push(v),
            Err(e) => stderr.push_str(&format!("{}\n", e.message(ctx.lang))),
        }
    }
    summary::rank(&mut vendors);
    let mut columns = Vec::with_capacity(vendors.len());
    for v in &vendors {
        let file = VendorFile::load(&v.path)?;
        let report = score(q, &file.answers, file.meta.assessed_on);
        let reds = red_lines(q, &report, lang);
        let mut answers = Vec::new();
        for (si, section) in q.sections.iter().enumerate() {
            for (qi, question) in section.questions.iter().enumerate() {
                let text = answer_text(question, file.answers.get(&question.key), lang);
                let red = report.outcomes.get(si).and_then(|o| o.get(qi)).is_some_and(|o| o.is_knockout());
                answers.push((if text.is_empty() { "–".to_string() } else { text }, red));
            }
        }
        let signoffs = signoff_lines(&v.signoffs, lang)
            .iter()
            .map(|s| {
                format!(
                    "{} {} {}{}{}",
                    s.mark,
                    s.decision,
                    s.user,
                    if s.stale { msg::STALE.text(lang) } else { "" },
                    if s.verified { "" } else { msg::UNVERIFIED.text(lang) }
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        columns.push(Column {
            name: v.meta.vendor.clone(),
            verdict: if reds.is_empty() {
                String::new()
            } else {
                format!(
                    "✗ {}: {}",
                    msg::DISQUALIFIED.text(lang),
                    reds.iter().map(|(q, _)| q.as_str()).collect::<Vec<_>>().join("; ")
                )
            },
            disqualified: !reds.is_empty(),
            score: pct(report.score),
            band: crate::domain::present::band_short(q, &report, lang),
            range: range(report.min, report.max),
            completion: format!("{:.0}%", report.completion() * 100.0),
            signoffs,
            answers,
        });
    }
    let questions: Vec<String> = q.questions().map(|x| x.text.get(lang).to_string()).collect();
    let title = format!("{} · {}", q.title.get(lang), msg::VENDORS_SIDE_BY_SIDE.text(lang));
    let text = match format {
        ReportFormat::Html => html(&title, &columns, &questions, lang),
        _ => markdown(&title, &columns, &questions, lang),
    };
    let mut out = write_or_print(ctx, text, output)?;
    out.failed = !stderr.is_empty();
    out.stderr = stderr;
    Ok(out)
}

fn headers(lang: Lang) -> [&'static str; 8] {
    [
        "#",
        msg::VENDOR.text(lang),
        msg::VERDICT.text(lang),
        msg::SCORE.text(lang),
        msg::BAND.text(lang),
        msg::RANGE_COLUMN.text(lang),
        msg::COMPLETION.text(lang),
        msg::SIGN_OFFS.text(lang),
    ]
}

fn markdown(title: &str, columns: &[Column], questions: &[String], lang: Lang) -> String {
    let mut out = format!("# {}\n\n", md(title));
    let h = headers(lang);
    let _ = writeln!(out, "| {} |\n|---:|---|---|---:|---|---|---:|---|", h.join(" | "));
    for (i, c) in columns.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            md(&c.name),
            md(&c.verdict),
            c.score,
            md(&c.band),
            c.range,
            c.completion,
            md(&c.signoffs)
        );
    }
    let _ = writeln!(out, "\n## {}\n", msg::QUESTION_BY_QUESTION.text(lang));
    let names: Vec<String> = columns.iter().map(|c| md(&c.name)).collect();
    let _ = writeln!(out, "| {} | {} |", msg::QUESTION.text(lang), names.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(columns.len()));
    for (i, question) in questions.iter().enumerate() {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                c.answers.get(i).map_or(String::new(), |(a, red)| if *red { format!("**✗ {}**", md(a)) } else { md(a) })
            })
            .collect();
        let _ = writeln!(out, "| {} | {} |", md(question), cells.join(" | "));
    }
    out
}

fn html(title: &str, columns: &[Column], questions: &[String], lang: Lang) -> String {
    let mut out = String::new();
    head(&mut out, lang, title);
    let _ = writeln!(out, "<h1>{}</h1>", esc(title));
    let h = headers(lang);
    let widths = [4, 18, 26, 8, 14, 10, 8, 12];
    let numeric = [true, false, false, true, false, false, true, false];
    let cols: Vec<(&str, u32, bool)> = (0..8).map(|i| (h[i], widths[i], numeric[i])).collect();
    table_start(&mut out, &cols);
    for (i, c) in columns.iter().enumerate() {
        let class = if c.disqualified { " class=\"ko\"" } else { "" };
        let _ = writeln!(
            out,
            "<tr><td class=\"n\">{}</td><td>{}</td><td{class}>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            i + 1,
            esc(&c.name),
            esc(&c.verdict),
            c.score,
            esc(&c.band),
            c.range,
            c.completion,
            esc(&c.signoffs)
        );
    }
    out.push_str("</tbody></table>\n");
    let _ = writeln!(out, "<h2>{}</h2>", msg::QUESTION_BY_QUESTION.text(lang));
    let share = if columns.is_empty() { 0 } else { 70 / columns.len() as u32 };
    let mut cols: Vec<(&str, u32, bool)> = vec![(msg::QUESTION.text(lang), 30, false)];
    cols.extend(columns.iter().map(|c| (c.name.as_str(), share, false)));
    table_start(&mut out, &cols);
    for (i, question) in questions.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td>", esc(question));
        for c in columns {
            match c.answers.get(i) {
                Some((a, true)) => {
                    let _ = write!(out, "<td class=\"ko\">✗ {}</td>", esc(a));
                }
                Some((a, false)) => {
                    let _ = write!(out, "<td>{}</td>", esc(a));
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n</body></html>\n");
    out
}
