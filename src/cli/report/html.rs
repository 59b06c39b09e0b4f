//! The report as one self-contained HTML page (no script, no link, no
//! image file) that prints on A4: `@page` size and margins, a header row on
//! every table, the same column widths in every section, an inline SVG
//! chart of the sections, and fonts for Chinese on every system.

use std::fmt::Write;

use super::{Doc, SectionPart, note_lines};
use crate::domain::text::Lang;
use crate::safe_text::visible;

/// HTML-escapes text after making hostile characters visible.
pub fn esc(text: &str) -> String {
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

pub fn lang_attr(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

pub const CSS: &str = "@page{size:A4;margin:18mm 15mm 18mm 15mm}
body{font-family:system-ui,-apple-system,'Segoe UI','Microsoft YaHei','PingFang SC','Hiragino Sans GB','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #999;margin-top:2rem}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eee}td.n,th.n{text-align:right}.ko{color:#a00;font-weight:bold}.dq{border:2px solid #a00;padding:.5rem 1rem;margin:1rem 0}
.ok{border:2px solid #070;padding:.5rem 1rem;margin:1rem 0}.stale{color:#a60}
.note{white-space:pre-wrap;color:#333;font-size:.9em;margin:.2rem 0 0 0}.muted{color:#666}.src{color:#555;font-style:italic;font-size:.9em}
.comment{font-size:.9em;margin:.2rem 0 0 0;color:#024}.sign td{height:2.2rem}svg{max-width:100%}
@media print{body{margin:0;max-width:none;font-size:10pt}h2,h3{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}}";

pub fn head(out: &mut String, lang: Lang, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style></head><body>\n",
        lang_attr(lang),
        esc(title),
    );
}

/// `<table>` with fixed column widths (in %) and a header row.
pub fn table_start(out: &mut String, columns: &[(&str, u32, bool)]) {
    out.push_str("<table><colgroup>");
    for (_, width, _) in columns {
        let _ = write!(out, "<col style=\"width:{width}%\">");
    }
    out.push_str("</colgroup><thead><tr>");
    for (name, _, numeric) in columns {
        let _ = write!(out, "<th{}>{}</th>", if *numeric { " class=\"n\"" } else { "" }, esc(name));
    }
    out.push_str("</tr></thead><tbody>\n");
}

pub fn html(doc: &Doc) -> String {
    let lb = &doc.labels;
    let v = &doc.verdict;
    let mut out = String::new();
    head(&mut out, doc.lang, &format!("{} · {}", doc.title, doc.subtitle));
    let _ = writeln!(out, "<h1>{}</h1><p class=\"muted\">{}</p>", esc(&doc.title), esc(&doc.subtitle));
    let facts: Vec<String> = doc.facts.iter().map(|(label, value)| format!("{label}: {}", esc(value))).collect();
    let _ = writeln!(out, "<p>{}</p>", facts.join(" · "));

    let _ = writeln!(out, "<h2>{}</h2>", lb.verdict);
    if v.disqualified {
        let _ = writeln!(out, "<div class=\"dq\"><p class=\"ko\">✗ {}</p><ul>", lb.disqualified);
        for (question, reason) in &v.red_lines {
            let reason = reason.as_deref().map_or(String::new(), |r| format!(": {}", esc(r)));
            let _ = writeln!(out, "<li><strong>{}</strong>{reason}</li>", esc(question));
        }
        out.push_str("</ul></div>\n");
    } else {
        let _ = writeln!(out, "<div class=\"ok\">{}</div>", lb.qualified);
    }
    table_start(
        &mut out,
        &[(lb.score, 15, true), (lb.band, 45, false), (lb.range_possible, 25, false), (lb.completion, 15, true)],
    );
    let band = if v.provisional {
        format!("{} <span class=\"muted\">({})</span>", esc(&v.band), lb.provisional)
    } else {
        esc(&v.band)
    };
    let _ = writeln!(
        out,
        "<tr><td class=\"n\"><strong>{}</strong></td><td>{band}</td><td>{}</td><td class=\"n\">{}</td></tr></tbody></table>",
        v.score, v.range, v.completion
    );

    let _ = writeln!(out, "<h2>{}</h2>", lb.signoffs);
    if doc.signoffs.is_empty() {
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", lb.no_signoffs);
    } else {
        table_start(
            &mut out,
            &[(lb.decision, 30, false), (lb.account, 20, false), (lb.time, 20, false), (lb.comments, 30, false)],
        );
        for s in &doc.signoffs {
            let mut stale = if s.stale { format!(" <span class=\"stale\">{}</span>", lb.stale) } else { String::new() };
            if !s.verified {
                stale.push_str(&format!(" <span class=\"stale\">{}</span>", lb.unverified));
            }
            let _ = writeln!(
                out,
                "<tr><td>{} {}{stale}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                s.mark,
                s.decision,
                esc(&s.user),
                esc(&s.at),
                s.comment.as_deref().map_or(String::new(), esc)
            );
        }
        out.push_str("</tbody></table>\n");
    }
    if !doc.comments.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3><ul>", lb.comments);
        for c in &doc.comments {
            let _ = writeln!(out, "<li><strong>{}</strong> ({}): {}</li>", esc(&c.user), esc(&c.at), esc(&c.text));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<h2>{}</h2><ul>", lb.answered_by);
    for (who, n) in &doc.answered_by {
        let _ = writeln!(out, "<li>{}: {n}</li>", esc(who));
    }
    out.push_str("</ul>\n");

    let _ = writeln!(out, "<h2>{}</h2>", lb.sections);
    out.push_str(&chart(&doc.sections, lb.score));
    table_start(
        &mut out,
        &[
            (lb.section, 40, false),
            (lb.weight, 12, true),
            (lb.score, 12, true),
            (lb.range, 20, false),
            (lb.answered, 16, true),
        ],
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
    out.push_str("</tbody></table>\n");
    let columns = [(lb.question, 38, false), (lb.answer, 24, false), (lb.score, 10, true), (lb.notes, 28, false)];
    for s in &doc.sections {
        let _ = writeln!(out, "<h2>{} · {} {}</h2>", esc(&s.title), lb.score, s.score);
        table_start(&mut out, &columns);
        for row in &s.rows {
            let class = if row.knockout { " class=\"ko\"" } else { "" };
            let state =
                if row.state.is_empty() { String::new() } else { format!("<br><span{class}>{}</span>", row.state) };
            let source = row.source.map_or(String::new(), |s| format!("<br><span class=\"src\">{s}</span>"));
            let mut notes = String::new();
            if let Some(n) = &row.note {
                let lines: Vec<String> = note_lines(n).iter().map(|l| esc(l)).collect();
                let _ = write!(notes, "<p class=\"note\">{}</p>", lines.join("\n"));
            }
            for line in &row.extras {
                let _ = write!(notes, "<p class=\"comment\">{}</p>", esc(line));
            }
            for c in &row.comments {
                let _ = write!(
                    notes,
                    "<p class=\"comment\">💬 <strong>{}</strong> ({}): {}</p>",
                    esc(&c.user),
                    esc(&c.at),
                    esc(&c.text)
                );
            }
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td{class}>{}{state}{source}</td><td class=\"n\">{}</td><td>{notes}</td></tr>",
                esc(&row.question),
                esc(&row.answer),
                row.score
            );
        }
        out.push_str("</tbody></table>\n");
    }
    if !doc.orphans.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2><ul>", lb.orphans);
        for key in &doc.orphans {
            let _ = writeln!(out, "<li><code>{}</code></li>", esc(key));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<h2>{}</h2><table class=\"sign\">", lb.signatures);
    let _ = writeln!(
        out,
        "<colgroup><col style=\"width:20%\"><col style=\"width:25%\"><col style=\"width:35%\"><col style=\"width:20%\"></colgroup>\
         <thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        lb.role, lb.name, lb.signature, lb.date
    );
    let _ = writeln!(out, "<tr><td>{}</td><td>{}</td><td></td><td></td></tr>", lb.interviewer, esc(&doc.interviewer));
    let _ = writeln!(out, "<tr><td>{}</td><td></td><td></td><td></td></tr>", lb.reviewer);
    let _ = writeln!(out, "<tr><td>{}</td><td></td><td></td><td></td></tr>", lb.approver);
    out.push_str("</tbody></table>\n</body></html>\n");
    out
}

/// A bar per section: the range still possible as a pale band, the score
/// as a bar, the number beside it.
fn chart(sections: &[SectionPart], score_label: &str) -> String {
    const LABEL: f64 = 180.0;
    const BAR: f64 = 360.0;
    const ROW: f64 = 26.0;
    let height = ROW * sections.len() as f64 + 24.0;
    let width = LABEL + BAR + 150.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-size=\"12\" font-family=\"inherit\"><title>{}</title>\n",
        esc(score_label)
    );
    for (i, s) in sections.iter().enumerate() {
        let y = ROW * i as f64 + 4.0;
        let x = |v: f64| LABEL + BAR * v.clamp(0.0, 100.0) / 100.0;
        let title: String = s.title.chars().take(16).collect();
        let _ = writeln!(out, "<text x=\"0\" y=\"{:.0}\">{}</text>", y + 14.0, esc(&title));
        let _ = writeln!(out, "<rect x=\"{LABEL}\" y=\"{y:.0}\" width=\"{BAR}\" height=\"18\" fill=\"#f2f2f2\"/>");
        if let (Some(lo), Some(hi)) = (s.numbers.1, s.numbers.2) {
            let _ = writeln!(
                out,
                "<rect x=\"{:.1}\" y=\"{y:.0}\" width=\"{:.1}\" height=\"18\" fill=\"#cfe0f3\"/>",
                x(lo),
                (x(hi) - x(lo)).max(1.0)
            );
        }
        if let Some(score) = s.numbers.0 {
            let _ = writeln!(
                out,
                "<rect x=\"{LABEL}\" y=\"{:.0}\" width=\"{:.1}\" height=\"10\" fill=\"#2b6cb0\"/>",
                y + 4.0,
                x(score) - LABEL
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.0}\" y=\"{:.0}\">{} <tspan fill=\"#666\">({})</tspan></text>",
            LABEL + BAR + 6.0,
            y + 14.0,
            s.score,
            s.range
        );
    }
    let axis_y = ROW * sections.len() as f64 + 18.0;
    for tick in [0, 50, 100] {
        let _ = writeln!(
            out,
            "<text x=\"{:.0}\" y=\"{axis_y:.0}\" fill=\"#666\" text-anchor=\"middle\">{tick}</text>",
            LABEL + BAR * f64::from(tick) / 100.0
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped() {
        assert_eq!(esc("<script>&\"'\x1b"), "&lt;script&gt;&amp;&quot;&#39;^[");
    }
}
