//! The top line: where you are, and on narrow screens the score at a
//! glance. What matters most comes first, so a narrow terminal cuts the
//! least important part: score and red lines, then vendor, then section.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use unicode_width::UnicodeWidthStr;

use crate::app::state::{App, Screen};
use crate::domain::present::{pct, range};
use crate::ui::layout::is_wide;
use crate::ui::text::{cut, fit, fit_right, safe};
use crate::ui::theme::Theme;

pub struct TitleBar<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for TitleBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, th) = (self.app, self.theme);
        let lang = app.lang;
        let mut spans = vec![Span::styled(" ccvet ", th.title)];
        match app.screen {
            Screen::Vendors => {
                let count = match app.vendors.loading {
                    Some((done, all)) => format!("{done}/{all} {}", msg::LOADED.text(lang)),
                    None => app.vendors.rows.len().to_string(),
                };
                spans.push(Span::raw(format!("│ {} ({count})", msg::VENDORS.text(lang))));
            }
            Screen::Compare => {
                spans.push(Span::raw(format!("│ {} ", msg::COMPARISON_RANKED.text(lang))));
                if let Some((done, all)) = app.vendors.loading {
                    spans.push(Span::styled(format!("({done}/{all} {}) ", msg::LOADED.text(lang)), th.warn));
                }
            }
            Screen::Review => {
                if let Some(iv) = &app.interview {
                    let name = cut(&safe(&iv.vendor.meta.vendor), 40);
                    spans.push(Span::raw(format!("│ {} │ {name}", msg::REVIEWS.text(lang))));
                }
            }
            Screen::Interview => {
                let Some(iv) = &app.interview else { return };
                let q = &app.questionnaire;
                if !is_wide(app.width) {
                    // The score panel is not on screen: its essentials are.
                    let r = &iv.report;
                    let band = crate::domain::present::band_beside_mark(q, r, lang);
                    spans.push(Span::raw("│ "));
                    if r.disqualified() {
                        spans.push(Span::styled(format!("✗ {} ", msg::DISQUALIFIED.text(lang)), th.knockout));
                    }
                    // Fixed widths: a new score does not move the rest of
                    // the line (which would then be redrawn).
                    spans.push(Span::styled(format!("{} ", fit_right(&pct(r.score), 5)), th.header));
                    let range = format!("[{}]", range(r.min, r.max));
                    // Disqualified: the mark stands where the band would.
                    // Fixed widths from 80 columns; below, the vendor's name
                    // needs the cells more than a steady line does.
                    let steady = app.width >= 80;
                    if !r.disqualified() {
                        let band_w = if steady {
                            q.bands.iter().map(|b| b.label.get(lang).width() + 1).max().unwrap_or(0).min(13)
                        } else {
                            band.width()
                        };
                        spans.push(Span::raw(format!("{} ", fit(&safe(&band), band_w))));
                    }
                    let range_w = if steady { 13 } else { range.width() };
                    spans.push(Span::raw(format!("{} ", fit(&range, range_w))));
                }
                // Open and overdue follow-ups of this vendor (§11).
                let (open, late) = crate::domain::followup::followup_counts(&iv.answers, app.today);
                if open > 0 {
                    // The overdue count only when something is overdue.
                    let text = match (is_wide(app.width), late) {
                        (true, 0) => msg::TITLE_FOLLOWUPS_NONE_LATE.fill(lang, &[("open", &open)]),
                        (true, _) => msg::TITLE_FOLLOWUPS.fill(lang, &[("open", &open), ("late", &late)]),
                        (false, 0) => format!("│ +{open} "),
                        (false, _) => format!("│ +{open} !{late} "),
                    };
                    spans.push(Span::styled(text, if late > 0 { th.error } else { th.warn }));
                }
                // The vendor's name gets the room left; the section's title
                // gives way first, down to its number.
                let used: usize = spans.iter().map(|s| s.content.width()).sum();
                // "│ name │ section (1/4)": five cells around the two texts.
                let room = usize::from(area.width).saturating_sub(used + 5);
                let name = safe(&iv.vendor.meta.vendor);
                let section = q.sections.get(iv.section).map_or("", |s| s.title.get(lang));
                let number = format!("({}/{})", iv.section + 1, q.sections.len());
                let full = format!("{} {number}", safe(section));
                let section_room = room.saturating_sub(name.width() + number.width() + 1);
                let tail = if name.width() + full.width() <= room {
                    format!("│ {name} │ {full}")
                } else if section_room >= 6 {
                    format!("│ {name} │ {} {number}", cut(&safe(section), section_room))
                } else if name.width() + number.width() <= room {
                    format!("│ {name} │ {number}")
                } else {
                    format!("│ {}", cut(&name, (room + 3).max(8)))
                };
                spans.push(Span::raw(tail));
                if let Some(n) = iv.unsaved() {
                    spans.insert(1, Span::styled(format!("! {n} {} ", msg::UNSAVED.text(lang)), th.error));
                }
            }
        }
        Line::from(spans).render(area, buf);
    }
}
