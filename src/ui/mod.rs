//! Drawing: reads `&App`, writes only to the frame. No I/O, no clock, no
//! scoring here; every text from a file is made safe before it is drawn.

pub mod ascii;
pub mod layout;
pub mod text;
pub mod theme;
pub mod widgets;

use crate::i18n::tui as msg;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::keymap::screen_context;
use crate::app::state::{App, Overlay, Screen};
use layout::{MIN_HEIGHT, MIN_WIDTH, SCORE_WIDTH, is_wide, side_width, too_small};
use theme::Theme;
use widgets::comparison::Comparison;
use widgets::help::Help;
use widgets::hint_bar::HintBar;
use widgets::prompt::Prompt;
use widgets::question::QuestionView;
use widgets::question_list::QuestionList;
use widgets::score_panel::ScorePanel;
use widgets::title_bar::TitleBar;
use widgets::vendor_list::VendorList;

pub fn render(app: &App, frame: &mut Frame) {
    draw(app, frame);
    if app.ascii {
        ascii::flatten(frame.buffer_mut());
    }
}

fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let th = Theme::new(app.no_color);
    if too_small(area.width, area.height) {
        let text = format!(
            "{} {MIN_WIDTH}×{MIN_HEIGHT} ({} {}×{})",
            msg::TERMINAL_TOO_SMALL_CCVET_NEEDS.text(app.lang),
            msg::NOW.text(app.lang),
            area.width,
            area.height
        );
        // Our own wrapping, not Paragraph's: its wrap overflows the buffer
        // with wide characters in a narrow area (ratatui#2679), which a
        // fuzz test found at 2x48 in Chinese.
        let buf = frame.buffer_mut();
        for (row, line) in
            text::wrapped(&text, area.width, "", th.error).iter().take(usize::from(area.height)).enumerate()
        {
            buf.set_line(area.x, area.y + u16::try_from(row).unwrap_or(0), line, area.width);
        }
        return;
    }
    let [title, body, hints] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(TitleBar { app, theme: &th }, title);
    match app.screen {
        Screen::Vendors => frame.render_widget(VendorList { app, theme: &th }, body),
        Screen::Compare => frame.render_widget(Comparison { app, theme: &th }, body),
        Screen::Interview => interview(app, frame, body, &th),
        Screen::Review => {
            if let Some(iv) = &app.interview {
                let view = widgets::review::ReviewView {
                    questionnaire: &app.questionnaire,
                    interview: iv,
                    lang: app.lang,
                    theme: &th,
                    may_sign: crate::app::hints::may_sign_off(app),
                };
                frame.render_widget(view, body);
            }
        }
    }
    match &app.overlay {
        Some(Overlay::Help { scroll }) => {
            let read_only =
                app.screen == Screen::Interview && app.interview.as_ref().is_some_and(|iv| iv.read_only.is_some());
            let help = Help { context: screen_context(app), lang: app.lang, theme: &th, read_only, scroll: *scroll };
            frame.render_widget(help, body);
        }
        Some(Overlay::Confirm(confirm)) => {
            frame.render_widget(widgets::confirm::ConfirmBox { confirm, lang: app.lang, theme: &th }, body);
        }
        Some(Overlay::History { key, changes }) => {
            let view = widgets::history::HistoryView {
                questionnaire: &app.questionnaire,
                key,
                changes,
                lang: app.lang,
                theme: &th,
            };
            frame.render_widget(view, body);
        }
        Some(Overlay::Form(form)) => {
            let form = widgets::form::FormBox { form, lang: app.lang, theme: &th };
            let caret = form.caret(body);
            frame.render_widget(form, body);
            frame.set_cursor_position(caret);
        }
        Some(Overlay::NewVendor(buffer)) => {
            let (title, hint) = (msg::NEW_VENDOR_NAME.text(app.lang), msg::ENTER_CREATES_ESC_CANCELS.text(app.lang));
            prompt(frame, body, Prompt { title, hint, buffer, theme: &th });
        }
        Some(Overlay::Rename { buffer, .. }) => {
            let title = msg::RENAME_VENDOR_NEW_NAME.text(app.lang);
            let hint = msg::ENTER_RENAMES_REVIEWS_EVIDENCE_FOLLOW.text(app.lang);
            prompt(frame, body, Prompt { title, hint, buffer, theme: &th });
        }
        Some(Overlay::Archived { rows, selected }) => {
            let list = widgets::archived::ArchivedList { rows, selected: *selected, lang: app.lang, theme: &th };
            frame.render_widget(list, body);
        }
        Some(Overlay::Comment { question, buffer }) => {
            let title = match question {
                Some(key) => format!("{} {key}", msg::COMMENT_ON.text(app.lang)),
                None => msg::COMMENT_ON_THE_VENDOR.text(app.lang).to_string(),
            };
            let hint = msg::ENTER_SAVES_IN_YOUR_OWN.text(app.lang);
            prompt(frame, body, Prompt { title: &title, hint, buffer, theme: &th });
        }
        None => {
            if app.screen == Screen::Vendors && app.vendors.filtering {
                // The filter is typed into the list's title.
                let prefix = format!(" {} / ", msg::VENDORS.text(app.lang));
                let (_, col) = app.vendors.filter.caret_position(u16::MAX);
                let x = body.x
                    + 1
                    + u16::try_from(unicode_width::UnicodeWidthStr::width(prefix.as_str())).unwrap_or(0)
                    + col;
                frame.set_cursor_position((x.min(body.right().saturating_sub(2)), body.y));
            }
        }
    }
    frame.render_widget(widgets::error_box::ErrorBox { status: &app.status, lang: app.lang, theme: &th }, body);
    frame.render_widget(
        HintBar { hints: crate::app::hints::hints(app), status: &app.status, lang: app.lang, theme: &th },
        hints,
    );
}

fn interview(app: &App, frame: &mut Frame, body: Rect, th: &Theme) {
    let Some(iv) = &app.interview else { return };
    let q = &app.questionnaire;
    let list = QuestionList { questionnaire: q, interview: iv, lang: app.lang, theme: th, today: app.today };
    let score = ScorePanel {
        questionnaire: q,
        report: &iv.report,
        unsaved: iv.unsaved().unwrap_or(0),
        lang: app.lang,
        theme: th,
    };
    let centre = if is_wide(body.width) {
        let [left, centre, right] = Layout::horizontal([
            Constraint::Length(side_width(body.width)),
            Constraint::Fill(1),
            Constraint::Length(SCORE_WIDTH),
        ])
        .areas(body);
        frame.render_widget(list, left);
        frame.render_widget(score, right);
        centre
    } else {
        // Narrow: the side panel is the question list or, toggled with s,
        // the score panel; the title bar always shows the score.
        let [left, centre] =
            Layout::horizontal([Constraint::Length(side_width(body.width)), Constraint::Fill(1)]).areas(body);
        if iv.show_score {
            frame.render_widget(score, left);
        } else {
            frame.render_widget(list, left);
        }
        centre
    };
    let view = QuestionView::new(centre, q, iv, app.lang, th, app.now);
    frame.render_widget(&view, centre);
    if let Some(caret) = view.caret {
        frame.set_cursor_position(caret);
    }
}

/// A one-line prompt over the screen, the terminal's cursor at its caret.
fn prompt(frame: &mut Frame, area: Rect, prompt: Prompt) {
    let caret = prompt.caret(area);
    frame.render_widget(prompt, area);
    frame.set_cursor_position(caret);
}
