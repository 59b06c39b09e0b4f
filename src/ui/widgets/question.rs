//! The current question: its text, the answer editor for its kind, what
//! the answer scores, the note, and the evidence to ask for. Built once per
//! frame into lines, with the caret's position when an editor is open so
//! the terminal cursor (and an IME's candidate window) sits at the caret.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::state::{EditTarget, Interview};
use crate::domain::answers::Value;
use crate::domain::present::{answer_text, yes_no};
use crate::domain::questionnaire::{Kind, Questionnaire};
use crate::domain::scoring::Outcome;
use crate::domain::text::Lang;
use crate::ui::text::{fit, safe, wrapped};
use crate::ui::theme::Theme;

pub struct QuestionView<'a> {
    block: Block<'a>,
    lines: Vec<Line<'static>>,
    /// Caret position on screen, when an editor is open.
    pub caret: Option<Position>,
}

impl<'a> QuestionView<'a> {
    pub fn new(area: Rect, q: &Questionnaire, iv: &Interview, lang: Lang, th: &Theme, now: i64) -> QuestionView<'a> {
        let block = Block::new().borders(Borders::ALL).border_style(th.border);
        let inner = block.inner(area);
        let width = inner.width;
        let mut lines: Vec<Line<'static>> = Vec::new();
        let mut caret = None;
        let mut option_row = None;
        let Some(question) = iv.current(q) else {
            return QuestionView { block, lines, caret };
        };
        let outcome = &iv.report.outcomes[iv.section][iv.question];
        let answer = iv.answer(&question.key);
        // Following someone else's interview, or a file on disk that does
        // not read: said first, before anything else.
        if let Some(holder) = &iv.read_only {
            let interviewer = iv.vendor.meta.interviewer.as_deref().map(safe);
            let idle = idle_text(iv.last_change, now, lang);
            let text = if holder.user.is_empty() || iv.writer_left {
                let who = if holder.user.is_empty() { interviewer.clone() } else { Some(safe(&holder.user)) };
                match who {
                    Some(who) => msg::READ_ONLY_NOT_WRITING.fill(lang, &[("who", &who), ("idle", &idle)]),
                    None => msg::READ_ONLY_NO_INTERVIEWER.text(lang).to_string(),
                }
            } else {
                let since = holder.since.get(11..16).unwrap_or(&holder.since);
                let args: [(&str, &dyn std::fmt::Display); 3] =
                    [("user", &safe(&holder.user)), ("since", &safe(since)), ("idle", &idle)];
                msg::FOLLOWING_LIVE.fill(lang, &args)
            };
            lines.extend(wrapped(&text, width, "", th.warn));
        }
        if let Some(why) = &iv.disk_error {
            let text = format!("{} {why}", msg::THE_FILE_ON_DISK_DOES.text(lang));
            lines.extend(wrapped(&text, width, "", th.error));
        }
        // The title bar names the section; this line says where in it.
        let place = (0..iv.question).filter(|&i| iv.shown(iv.section, i)).count() + 1;
        let mut heading = format!("{place}/{}", iv.shown_in(q, iv.section));
        if matches!(iv.report.outcomes.get(iv.section).and_then(|o| o.get(iv.question)), Some(Outcome::Hidden)) {
            let why = msg::HIDDEN_ITS_CONDITION_IS_NOT.text(lang);
            lines.extend(wrapped(why, width, "", th.muted));
        }
        if let Some(area) = &question.area {
            heading.push_str(&format!(" · {}", safe(area.get(lang))));
        }
        let weight = if question.kind.is_scored() {
            format!(" · {} {}", msg::WEIGHT.text(lang), question.weight)
        } else {
            format!(" · {}", msg::NOT_SCORED.text(lang))
        };
        lines.push(Line::from(vec![Span::styled(heading, th.muted), Span::styled(weight, th.muted)]));
        lines.extend(wrapped(question.text.get(lang), width, "", th.header));
        lines.push(Line::raw(""));

        // The answer, in the editor of its kind.
        let value = answer.and_then(|a| a.value.as_ref());
        let editing_value = iv.editor.as_ref().filter(|e| e.target == EditTarget::Value);
        match &question.kind {
            Kind::YesNo { good, knockout } => {
                let mut spans = vec![];
                for (b, key) in [(true, "y"), (false, "n")] {
                    let on = value == Some(&Value::Bool(b));
                    let text = format!("[{key}] {} {}", if on { "●" } else { "○" }, yes_no(b, lang));
                    spans.push(Span::styled(text, if on { th.selected } else { th.header }));
                    spans.push(Span::raw("   "));
                }
                lines.push(Line::from(spans));
                if knockout.is_some() {
                    let bad = yes_no(!good, lang);
                    lines.push(Line::styled(format!("✗ {} = {}", msg::RED_LINE.text(lang), bad), th.knockout));
                }
            }
            Kind::Choice { options } | Kind::Multi { options } => {
                let multi = matches!(question.kind, Kind::Multi { .. });
                let chosen = |id: &str| match value {
                    Some(Value::Str(v)) => v == id,
                    Some(Value::List(items)) => items.iter().any(|i| matches!(i, Value::Str(v) if v == id)),
                    _ => false,
                };
                for (i, o) in options.iter().enumerate() {
                    let on = chosen(&o.id);
                    let mark = match (multi, on) {
                        (true, true) => "[x]",
                        (true, false) => "[ ]",
                        (false, true) => "(●)",
                        (false, false) => "( )",
                    };
                    let number = if i < 9 { format!("{} ", i + 1) } else { "  ".to_string() };
                    let mut spans = vec![Span::styled(number, th.key), Span::raw(format!("{mark} "))];
                    // The red-line mark is part of the label, so it wraps with
                    // it and is never cut off at the edge.
                    let red_line =
                        if o.knockout.is_some() { format!(" ✗ {}", msg::RED_LINE.text(lang)) } else { String::new() };
                    let label = format!("{}  {:.0}%{red_line}", safe(o.label.get(lang)), o.score * 100.0);
                    let style = if on { th.header } else { th.muted };
                    for (n, part) in wrapped(&label, width.saturating_sub(6), "", style).into_iter().enumerate() {
                        let mut part_spans =
                            if n == 0 { std::mem::take(&mut spans) } else { vec![Span::raw("      ")] };
                        for span in part.spans {
                            let style = if span.content.contains('✗') { th.knockout } else { span.style };
                            part_spans.push(Span::styled(span.content, style));
                        }
                        let mut line = Line::from(part_spans);
                        if i == iv.option && n == 0 {
                            line = line.patch_style(th.selected);
                            option_row = Some(lines.len());
                        }
                        lines.push(line);
                    }
                }
            }
            Kind::Rating { max } => {
                let current = match value {
                    Some(Value::Integer(n)) => Some(*n),
                    _ => None,
                };
                let mut spans = vec![];
                for n in 0..=i64::from(*max).min(9) {
                    let on = current == Some(n);
                    // Brackets mark the chosen rating in plain text too
                    // (NO_COLOR, a screen reader), not reverse video alone.
                    let text = if on { format!("[{n}]") } else { format!(" {n} ") };
                    spans.push(Span::styled(text, if on { th.selected } else { th.key }));
                }
                if *max > 9 {
                    spans.push(Span::styled(format!("  (Enter: 0–{max})"), th.muted));
                }
                lines.push(Line::from(spans));
            }
            // What each value scores, before answering (choice options
            // show their % the same way).
            Kind::Number { .. } | Kind::Date { .. } => {
                if let Some((lead, items)) = crate::domain::scale::thresholds_clauses(&question.kind, lang) {
                    lines.extend(crate::ui::text::wrapped_items(&lead, &items, width, th.muted));
                }
            }
            Kind::Text => {}
        }
        let typed = matches!(question.kind, Kind::Number { .. } | Kind::Date { .. } | Kind::Text | Kind::Rating { .. });
        if let Some(editor) = editing_value {
            // The unit beside the box: "1000" means nothing without "10k CNY".
            let unit = match &question.kind {
                Kind::Number { unit: Some(u), .. } => format!(" {}", safe(u.get(lang))),
                _ => String::new(),
            };
            let prompt = format!("{}{unit} ", msg::VALUE.text(lang));
            let prompt_w = u16::try_from(unicode_width::UnicodeWidthStr::width(prompt.as_str())).unwrap_or(u16::MAX);
            let row = lines.len();
            let box_width = width.saturating_sub(prompt_w).max(1);
            let (_, col) = editor.buffer.caret_position(u16::MAX);
            // One line, scrolled so the caret stays in view.
            let text = editor.buffer.text();
            let shown = if col >= box_width { tail(text, box_width.saturating_sub(1)) } else { text.to_string() };
            let caret_col = if col >= box_width { box_width.saturating_sub(1) } else { col };
            lines.push(Line::from(vec![
                Span::styled(prompt.clone(), th.key),
                Span::styled(fit(&shown, usize::from(box_width)), th.selected),
            ]));
            caret = Some(Position::new(inner.x + prompt_w + caret_col, inner.y + u16::try_from(row).unwrap_or(0)));
            match &editor.error {
                Some(why) => lines.extend(wrapped(&format!("! {why}"), width, "", th.error)),
                None => lines.push(Line::styled(msg::ENTER_KEEPS_THE_VALUE_ESC.text(lang), th.muted)),
            }
        } else if typed && !matches!(question.kind, Kind::Rating { .. }) {
            let shown = answer_text(question, answer, lang);
            let shown = if shown.is_empty() { msg::NO_ANSWER_ENTER_TO_TYPE.text(lang).to_string() } else { shown };
            lines.extend(wrapped(&shown, width, "", th.header));
        }
        // The outcome always takes at least a line, so answering does not
        // push the note and the evidence down (and make them redrawn).
        let outcome_at = lines.len();
        if answer.is_some_and(|a| a.na) {
            lines.push(Line::styled(msg::NOT_APPLICABLE.text(lang), th.muted));
        }
        match outcome {
            Outcome::Scored { s, knockout: false } => {
                lines.push(Line::styled(format!("{} {:.0}%", msg::SCORES.text(lang), s * 100.0), th.good));
            }
            Outcome::Scored { knockout: true, .. } => {
                let reason = iv.report.knockouts.iter().find(|k| k.key == question.key).and_then(|k| k.reason.as_ref());
                let text = match reason {
                    Some(r) => format!("✗ {}{}{}", msg::RED_LINE_CAPS.text(lang), msg::COLON.text(lang), r.get(lang)),
                    None => format!("✗ {}", msg::RED_LINE_CAPS.text(lang)),
                };
                lines.extend(wrapped(&text, width, "", th.knockout));
            }
            Outcome::Invalid(why) => lines.extend(wrapped(&format!("! {why}"), width, "", th.warn)),
            _ => {}
        }
        if let Some(source) = crate::domain::present::source_text(answer, lang) {
            lines.push(Line::styled(format!("({source})"), th.muted));
        }
        // Carried over ("to confirm"), the open follow-up, the evidence (§11),
        // each file with its digest check (done off the draw path).
        for text in crate::domain::followup::describe_followup(answer, lang) {
            lines.extend(wrapped(&format!("· {}", safe(&text)), width, "  ", th.warn));
        }
        for e in answer.map_or(&[][..], |a| &a.evidence[..]) {
            use crate::app::followups::Check;
            let check = match &e.source {
                crate::domain::followup::Source::File { file, sha256 } => {
                    iv.checks.get(&(file.clone(), sha256.clone()))
                }
                crate::domain::followup::Source::Url(_) => None,
            };
            let mark = check.map_or_else(String::new, |c| format!(" {}", c.mark(lang)));
            let style = match check {
                Some(Check::Missing | Check::Changed | Check::Unreadable(_)) => th.error,
                _ => th.warn,
            };
            let text = crate::domain::followup::describe_evidence(e, lang);
            lines.extend(wrapped(&format!("· {}{mark}", safe(&text)), width, "  ", style));
        }
        if lines.len() == outcome_at {
            lines.push(Line::raw(""));
        }

        // A merge conflict left by git: theirs and the base beside ours.
        if let Some(c) = iv.vendor.conflicts.iter().find(|c| c.key == question.key) {
            let side = |a: &Option<crate::domain::answers::Answer>| {
                let s = answer_text(question, a.as_ref(), lang);
                if s.is_empty() { "–".to_string() } else { s }
            };
            let text = format!(
                "⚠ {} {} · {} {} ({})",
                msg::MERGE_CONFLICT_THEIRS.text(lang),
                side(&c.theirs),
                msg::BASE.text(lang),
                side(&c.base),
                msg::KEEP_OURS_TAKE_THEIRS.text(lang)
            );
            lines.extend(wrapped(&text, width, "", th.warn));
        }

        // Reviewers' comments on this question (review files, live).
        lines.extend(super::comments::lines(iv, &question.key, width, lang, th));

        // The note.
        lines.push(Line::raw(""));
        let editing_note = iv.editor.as_ref().filter(|e| e.target == EditTarget::Note);
        if let Some(editor) = editing_note {
            lines.push(Line::styled(msg::NOTE_ESC_CLOSES_TEXT_KEPT.text(lang), th.key));
            let start = lines.len();
            let text = editor.buffer.text().to_string();
            for (a, b) in editor.buffer.wrap(width) {
                lines.push(Line::styled(fit(&text[a..b], usize::from(width)), th.selected));
            }
            let (row, col) = editor.buffer.caret_position(width);
            caret = Some(Position::new(inner.x + col, inner.y + u16::try_from(start).unwrap_or(0) + row));
        } else if let Some(note) = answer.and_then(|a| a.note.as_deref()) {
            let label = match iv.read_only {
                Some(_) => msg::NOTE.text(lang),
                None => msg::NOTE_E_EDITS.text(lang),
            };
            lines.push(Line::styled(label, th.muted));
            lines.extend(wrapped(note, width, "", ratatui::style::Style::new()));
        } else if iv.read_only.is_some() {
            lines.push(Line::styled(msg::NO_NOTE.text(lang), th.muted));
        } else {
            lines.push(Line::styled(msg::NO_NOTE_E_ADDS_ONE.text(lang), th.muted));
        }

        // The evidence to ask for.
        if let Some(help) = &question.help {
            lines.push(Line::raw(""));
            lines.push(Line::styled(msg::EVIDENCE_TO_ASK_FOR.text(lang), th.muted));
            lines.extend(wrapped(help.get(lang), width, "", th.muted));
        }
        // Scroll: PgUp/PgDn move the view, and the caret or the highlighted
        // option always stays in it; cut-off content is marked.
        let height = usize::from(inner.height);
        // The highlighted option holds the view until the interviewer
        // scrolls away from it (to read the evidence, say).
        let focus = caret.map(|c| usize::from(c.y - inner.y)).or(option_row.filter(|_| iv.scroll == 0));
        let mut start = usize::from(iv.scroll).min(lines.len().saturating_sub(height));
        if let Some(f) = focus {
            if f < start {
                start = f;
            } else if f >= start + height {
                start = f + 1 - height;
            }
        }
        lines.drain(..start.min(lines.len()));
        if let Some(c) = caret {
            caret = Some(Position::new(c.x, c.y - u16::try_from(start).unwrap_or(0)));
        }
        if height > 1 && start > 0 {
            lines[0] = Line::styled(msg::MORE_PGUP.text(lang), th.key);
        }
        if height > 1 && lines.len() > height && focus.is_none_or(|f| f - start != height - 1) {
            lines[height - 1] = Line::styled(msg::MORE_PGDN.text(lang), th.key);
        }
        QuestionView { block, lines, caret }
    }
}

/// The end of `text` that fits in `width` cells.
fn tail(text: &str, width: u16) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    let mut out: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in text.graphemes(true).rev() {
        if used + g.width() > usize::from(width) {
            break;
        }
        used += g.width();
        out.push(g);
    }
    out.into_iter().rev().collect()
}

impl Widget for &QuestionView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = self.block.inner(area);
        (&self.block).render(area, buf);
        for (i, line) in self.lines.iter().take(usize::from(inner.height)).enumerate() {
            buf.set_line(inner.x, inner.y + u16::try_from(i).unwrap_or(0), line, inner.width);
        }
    }
}

/// ", idle 14 min" since the vendor file last changed, once a writer has
/// been quiet for a minute or more (a frozen SSH link keeps its lock).
fn idle_text(last_change: Option<i64>, now: i64, lang: Lang) -> String {
    let Some(minutes) = last_change.map(|t| (now - t) / 60).filter(|m| *m >= 1) else { return String::new() };
    let amount = if minutes < 120 { format!("{minutes} min") } else { format!("{} h", minutes / 60) };
    msg::IDLE.fill(lang, &[("amount", &amount)])
}

#[cfg(test)]
mod idle_tests {
    use super::*;

    #[test]
    fn idle_time_shows_after_a_quiet_minute() {
        assert_eq!(idle_text(Some(1_000), 1_030, Lang::En), "");
        assert_eq!(idle_text(Some(1_000), 1_000 + 14 * 60 + 5, Lang::En), ", idle 14 min");
        assert_eq!(idle_text(Some(0), 3 * 3600, Lang::En), ", idle 3 h");
        assert_eq!(idle_text(Some(0), 600, Lang::Zh), "，已 10 min 无改动");
        assert_eq!(idle_text(None, 600, Lang::En), "");
    }
}
