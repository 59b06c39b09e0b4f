//! `update`: the app's behaviour as a function of (state, action). It never
//! does I/O; it returns the [`Effect`]s for `run` to carry out.

mod editing;
mod followups;
mod interview;
mod lists;
mod review;
mod saving;

use crate::i18n::status as msg;
use editing::*;
pub(in crate::app) use followups::check_new_evidence;
use followups::*;
use interview::*;
use lists::*;
use review::*;
pub(super) use saving::apply_edits;
use saving::*;

use super::action::{Action, Effect, PendingEdit};
use super::editor::TextBuffer;
use super::keymap::{Context, context};
use super::state::{App, Confirm, EditTarget, Editor, Interview, Overlay, Screen, StatusKind, VendorRow};
use crate::domain::answers::{Answer, Edit, Value};
use crate::domain::questionnaire::{Kind, Questionnaire};
use crate::domain::scoring::Outcome;
use crate::domain::text::Lang;
use crate::ui::layout::{keep_visible, question_rows, table_rows};

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // Results of I/O and resizes apply whatever has the keyboard.
    match action {
        Action::Resize(w, h) => {
            app.width = w;
            app.height = h;
            fix_scroll(app);
            return vec![];
        }
        Action::Saved { key, merged } => return saved(app, &key, merged),
        Action::SaveFailed { key, message, conflict } => return save_failed(app, &key, message, conflict),
        Action::VendorCreated { slug } => {
            app.say(StatusKind::Saved, format!("{} {slug}", msg::CREATED.text(app.lang)));
            let list = &mut app.vendors;
            let Some(at) = list.rows.iter().position(|r| r.path().file_stem().is_some_and(|s| s == slug.as_str()))
            else {
                return vec![];
            };
            // Back on the list (Esc), the new vendor is the one selected.
            if let Some(pos) = list.visible.iter().position(|&i| i == at) {
                list.selected = pos;
            }
            return vec![Effect::OpenVendor { path: list.rows[at].path().to_path_buf(), review: false }];
        }
        Action::Failed(message) => {
            app.say(StatusKind::Error, message);
            return vec![];
        }
        Action::VendorsLoaded => {
            fix_scroll(app);
            return vec![];
        }
        Action::RenameFailed { path, name, message } => {
            // The name typed comes back with why.
            app.overlay = Some(Overlay::Rename { path, buffer: TextBuffer::new(&name, false) });
            app.say(StatusKind::Error, message);
            return vec![];
        }
        Action::HousekeepingDone(message) => {
            app.say(StatusKind::Saved, message);
            return vec![];
        }
        Action::ArchivedListed(rows) => {
            if rows.is_empty() {
                app.say(StatusKind::Info, msg::NO_ARCHIVED_VENDORS.text(app.lang));
            } else {
                app.overlay = Some(Overlay::Archived { rows, selected: 0 });
            }
            return vec![];
        }
        Action::CreateFailed { name, message } => {
            // The name comes back, so nothing typed is lost.
            app.overlay = Some(Overlay::NewVendor(TextBuffer::new(&name, false)));
            app.say(StatusKind::Error, message);
            return vec![];
        }
        Action::VendorChanged(result) => {
            let mut effects = vendor_changed(app, result);
            if let Some(iv) = app.interview.as_mut() {
                effects.extend(check_new_evidence(iv));
            }
            return effects;
        }
        Action::EvidenceCopied { key, entry } => return evidence_copied(app, key, entry),
        Action::EvidenceFailed { key, path, expires, message } => {
            evidence_failed(app, key, path, expires, message);
            return vec![];
        }
        Action::EvidenceChecked(results) => {
            evidence_checked(app, results);
            return vec![];
        }
        Action::Reassessed { vendor, history } => return reassessed(app, vendor, history),
        Action::LockChanged(holder) => {
            if let Some(iv) = app.interview.as_mut().filter(|iv| iv.read_only.is_some()) {
                match holder {
                    // An emptied record: the writer is on the way out.
                    Some(h) if h.user.is_empty() => {}
                    Some(h) => {
                        iv.read_only = Some(h);
                        iv.writer_left = false;
                    }
                    None => iv.writer_left = true,
                }
            }
            return vec![];
        }
        Action::ReviewsChanged(reviews, errors) => {
            if let Some(iv) = app.interview.as_mut() {
                iv.set_reviews(reviews);
                iv.review_errors = errors;
            }
            return vec![];
        }
        Action::HistoryLoaded { key, changes } => {
            app.overlay = Some(Overlay::History { key, changes });
            return vec![];
        }
        Action::TookOver(ok) => {
            let lang = app.lang;
            if ok {
                if let Some(iv) = app.interview.as_mut() {
                    iv.read_only = None;
                    iv.writer_left = false;
                }
                app.say(StatusKind::Saved, msg::YOU_ARE_THE_INTERVIEWER_NOW.text(lang));
            } else {
                app.say(StatusKind::Error, msg::SOMEONE_STILL_HOLDS_THIS_VENDOR.text(lang));
            }
            return vec![];
        }
        Action::Shutdown => {
            // Whatever is being typed is kept as if Esc had been pressed.
            let mut effects = match app.overlay.take() {
                None => finish_editor(app, true),
                Some(form @ Overlay::Form(_)) => {
                    app.overlay = Some(form);
                    keep_on_exit(app)
                }
                Some(Overlay::Comment { question, buffer }) if !buffer.text().trim().is_empty() => {
                    vec![Effect::Comment { question, text: buffer.text().trim().to_string() }]
                }
                Some(_) => vec![],
            };
            app.quit = true;
            effects.push(Effect::Quit);
            return effects;
        }
        _ => {}
    }
    // The "terminal too small" screen shows nothing to act on: keys there
    // change nothing (only quitting works).
    if crate::ui::layout::too_small(app.width, app.height) && !matches!(action, Action::Quit) {
        return vec![];
    }
    // A key press: the last message has been seen.
    if app.status.kind != StatusKind::Error || !matches!(action, Action::Quit) {
        app.status = Default::default();
    }
    if !matches!(action, Action::Quit) {
        app.quit_confirm = false;
    }
    match context(app) {
        Context::Help => match action {
            Action::ToggleLanguage => toggle_language(app),
            // Scrolling a help too long for the terminal; the widget
            // keeps the last rows in view however far this goes.
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                // As far as the last row and no further, so ↑ moves at once
                // however often ↓ was pressed (rows: one per key; the title
                // and hint bars, the box and its last line take 5).
                let rows = crate::app::keymap::shown(crate::app::keymap::screen_context(app)).count();
                let last = rows.saturating_sub(usize::from(app.height.saturating_sub(5)));
                if let Some(Overlay::Help { scroll }) = app.overlay.as_mut() {
                    let page = usize::from(app.height / 2).max(1);
                    *scroll = match action {
                        Action::Up => scroll.saturating_sub(1),
                        Action::Down => *scroll + 1,
                        Action::PageUp => scroll.saturating_sub(page),
                        _ => *scroll + page,
                    }
                    .min(last);
                }
                vec![]
            }
            _ => {
                app.overlay = None;
                vec![]
            }
        },
        Context::Archived => archived(app, action),
        Context::Confirm => super::confirm::answered(app, action),
        Context::LineEdit | Context::NoteEdit => typing(app, action),
        _ => match action {
            Action::Quit => quit(app),
            Action::Help => {
                app.overlay = Some(Overlay::Help { scroll: 0 });
                vec![]
            }
            Action::ToggleLanguage => toggle_language(app),
            other => match app.screen {
                Screen::Vendors => vendors(app, other),
                Screen::Compare => compare(app, other),
                Screen::Interview => interview(app, other),
                Screen::Review => review_screen(app, other),
            },
        },
    }
}

/// Moves `selected` among `len` rows by `action`; `page` rows a page.
fn moved(selected: usize, len: usize, page: usize, action: &Action) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(page.max(1)),
        Action::PageDown => (selected + page.max(1)).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => selected,
    }
}

pub(in crate::app) fn fix_scroll(app: &mut App) {
    let rows = table_rows(app.height);
    app.vendors.offset = keep_visible(app.vendors.selected, app.vendors.offset, rows);
    app.compare_offset = keep_visible(app.compare_selected, app.compare_offset, rows);
    let q = &app.questionnaire;
    if let Some(iv) = app.interview.as_mut() {
        let rows = question_rows(app.height);
        let offset = keep_visible(iv.list_row(q), iv.list_offset, rows);
        // After a resize that shows more rows, no blank rows below the end.
        iv.list_offset = offset.min(iv.list_len(q).saturating_sub(rows));
    }
}

/// `L`: the other language, remembered in the user's config for the next
/// start.
fn toggle_language(app: &mut App) -> Vec<Effect> {
    app.lang = app.lang.other();
    vec![Effect::SaveLanguage(app.lang)]
}

fn quit(app: &mut App) -> Vec<Effect> {
    // Edits on their way to disk are finished on the way out; only failed
    // ones need a second q.
    let unsaved = app.interview.as_ref().and_then(|iv| iv.unsaved()).unwrap_or(0);
    if unsaved > 0 && !app.quit_confirm {
        app.quit_confirm = true;
        let text = msg::QUIT_UNSAVED.fill(app.lang, &[("unsaved", &unsaved)]);
        app.say(StatusKind::Error, text);
        return vec![Effect::SaveVendor];
    }
    app.quit = true;
    vec![Effect::Quit]
}

fn leave_interview(app: &mut App) -> Vec<Effect> {
    if let Some(iv) = app.interview.take()
        && let Some(question) = iv.current(&app.questionnaire)
    {
        app.left_on.insert(iv.vendor.path.clone(), question.key.clone());
    }
    app.screen = app.return_to;
    vec![Effect::CloseVendor, Effect::ReloadVendors]
}
