//! `update`: the app's behaviour as a function of (state, action). It never
//! does I/O; it returns the [`Effect`]s for `run` to carry out.

use super::action::{Action, Effect, PendingEdit};
use super::editor::TextBuffer;
use super::keymap::{Context, context};
use super::state::{App, EditTarget, Editor, Interview, Overlay, Screen, StatusKind, VendorRow};
use crate::domain::answers::{Answer, Edit, Value};
use crate::domain::input::parse_input;
use crate::domain::questionnaire::{Kind, Questionnaire};
use crate::domain::scoring::Outcome;
use crate::domain::text::Lang;
use crate::ui::layout::{keep_visible, question_rows, table_rows};

fn t(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

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
            app.say(StatusKind::Saved, format!("{} {slug}", t(app.lang, "created", "已新建")));
            let path = app.vendors.rows.iter().find(|r| r.path().file_stem().is_some_and(|s| s == slug.as_str()));
            return path
                .map(|r| vec![Effect::OpenVendor { path: r.path().to_path_buf(), review: false }])
                .unwrap_or_default();
        }
        Action::Failed(message) => {
            app.say(StatusKind::Error, message);
            return vec![];
        }
        Action::VendorsLoaded => {
            fix_scroll(app);
            return vec![];
        }
        Action::CreateFailed { name, message } => {
            // The name comes back, so nothing typed is lost.
            app.overlay = Some(Overlay::NewVendor(TextBuffer::new(&name, false)));
            app.say(StatusKind::Error, message);
            return vec![];
        }
        Action::VendorChanged(result) => return vendor_changed(app, result),
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
                app.say(StatusKind::Saved, t(lang, "you are the interviewer now", "现在由您进行访谈"));
            } else {
                app.say(StatusKind::Error, t(lang, "someone still holds this vendor", "仍有人在访谈此服务商"));
            }
            return vec![];
        }
        Action::Shutdown => {
            // Whatever is being typed is kept as if Esc had been pressed.
            let mut effects = match app.overlay.take() {
                None => finish_editor(app, true),
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
        Context::Help => {
            match action {
                Action::ToggleLanguage => app.lang = app.lang.other(),
                _ => app.overlay = None,
            }
            vec![]
        }
        Context::Confirm => super::confirm::answered(app, action),
        Context::LineEdit | Context::NoteEdit => typing(app, action),
        _ => match action {
            Action::Quit => quit(app),
            Action::Help => {
                app.overlay = Some(Overlay::Help);
                vec![]
            }
            Action::ToggleLanguage => {
                app.lang = app.lang.other();
                vec![]
            }
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

fn fix_scroll(app: &mut App) {
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

fn vendors(app: &mut App, action: Action) -> Vec<Effect> {
    let list = &mut app.vendors;
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            list.selected = moved(list.selected, list.visible.len(), table_rows(app.height), &action);
            fix_scroll(app);
            vec![]
        }
        Action::Open => match list.selected_row() {
            Some(row @ (VendorRow::Ok { .. } | VendorRow::Loading { .. })) => {
                let path = row.path().to_path_buf();
                app.return_to = Screen::Vendors;
                vec![Effect::OpenVendor { path, review: false }]
            }
            Some(VendorRow::Unreadable { error, .. }) => {
                let message =
                    format!("{} {error}", t(app.lang, "cannot open; fix the file first:", "无法打开，请先修复文件："));
                app.say(StatusKind::Error, message);
                vec![]
            }
            None => vec![],
        },
        Action::NewVendor => {
            app.overlay = Some(Overlay::NewVendor(TextBuffer::new("", false)));
            vec![]
        }
        Action::ReviewScreen => match list.selected_row() {
            Some(row @ (VendorRow::Ok { .. } | VendorRow::Loading { .. })) => {
                let path = row.path().to_path_buf();
                app.return_to = Screen::Vendors;
                app.review_direct = true;
                vec![Effect::OpenVendor { path, review: true }]
            }
            _ => vec![],
        },
        Action::Compare => {
            app.screen = Screen::Compare;
            vec![]
        }
        Action::Filter => {
            list.filtering = true;
            vec![]
        }
        Action::Back if !list.filter.text().is_empty() => {
            list.filter = TextBuffer::new("", false);
            list.refilter();
            fix_scroll(app);
            vec![]
        }
        _ => vec![],
    }
}

fn compare(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            app.compare_selected = moved(app.compare_selected, app.ranking.len(), table_rows(app.height), &action);
            fix_scroll(app);
            vec![]
        }
        Action::Open => {
            app.return_to = Screen::Compare;
            app.ranking
                .get(app.compare_selected)
                .map(|&i| vec![Effect::OpenVendor { path: app.vendors.rows[i].path().to_path_buf(), review: false }])
                .unwrap_or_default()
        }
        Action::ReviewScreen => {
            app.return_to = Screen::Compare;
            app.review_direct = true;
            app.ranking
                .get(app.compare_selected)
                .map(|&i| vec![Effect::OpenVendor { path: app.vendors.rows[i].path().to_path_buf(), review: true }])
                .unwrap_or_default()
        }
        Action::Back | Action::Compare => {
            app.screen = Screen::Vendors;
            vec![]
        }
        _ => vec![],
    }
}

/// Keys while a line or the note is being typed.
fn typing(app: &mut App, action: Action) -> Vec<Effect> {
    // The one-line prompts: Enter submits the text, Esc cancels.
    let prompt = match app.overlay.as_mut() {
        Some(Overlay::Comment { buffer, .. } | Overlay::NewVendor(buffer)) => Some(buffer),
        _ => None,
    };
    if let Some(buffer) = prompt {
        return match action {
            Action::Submit => {
                let text = buffer.text().trim().to_string();
                submit_prompt(app, text)
            }
            Action::Back => {
                // A comment being typed is never lost: Esc keeps it as a
                // draft that reopening the comment brings back.
                if let Some(Overlay::Comment { question, buffer }) = app.overlay.take()
                    && !buffer.text().trim().is_empty()
                {
                    app.comment_draft = Some((question, buffer.text().to_string()));
                    app.say(StatusKind::Info, t(app.lang, "comment kept as a draft", "评论已保留为草稿"));
                }
                app.overlay = None;
                vec![]
            }
            Action::Quit => quit(app),
            other => {
                edit_buffer(buffer, other);
                vec![]
            }
        };
    }
    if app.screen == Screen::Vendors {
        let list = &mut app.vendors;
        match action {
            Action::Submit => list.filtering = false,
            Action::Back => {
                list.filtering = false;
                list.filter = TextBuffer::new("", false);
                list.refilter();
            }
            Action::Quit => return quit(app),
            other => {
                edit_buffer(&mut list.filter, other);
                list.selected = 0;
                list.refilter();
            }
        }
        fix_scroll(app);
        return vec![];
    }
    let lang = app.lang;
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    let question = q.sections.get(iv.section).and_then(|s| s.questions.get(iv.question));
    let Some(editor) = iv.editor.as_mut() else { return vec![] };
    match (editor.target, action) {
        (_, Action::Quit) => {
            let mut effects = finish_editor(app, true);
            effects.extend(quit(app));
            effects
        }
        // Esc cancels a value edit: the answer stays as it was. (The note
        // editor binds Esc to Submit: it closes keeping the text, as vim
        // leaves insert mode.)
        (EditTarget::Value, Action::Back) => {
            iv.editor = None;
            app.say(StatusKind::Info, t(lang, "edit cancelled; the answer is unchanged", "已取消编辑，答案未变"));
            vec![]
        }
        (_, Action::Submit) => finish_editor(app, false),
        (EditTarget::Note, Action::Newline) => {
            editor.buffer.insert("\n");
            vec![]
        }
        (target, other) => {
            edit_buffer(&mut editor.buffer, other);
            if target == EditTarget::Value {
                editor.error = question.and_then(|question| check_value(question, editor.buffer.text(), lang));
            }
            vec![]
        }
    }
}

/// Quits, unless answers are still unsaved: then the first `q` retries the
/// save and says so, and only a second `q` leaves them behind.
/// The comment prompt's text: the draft kept for this target, if any.
fn comment_buffer(app: &mut App, question: Option<&str>) -> TextBuffer {
    match app.comment_draft.take() {
        Some((q, text)) if q.as_deref() == question => TextBuffer::new(&text, false),
        other => {
            app.comment_draft = other;
            TextBuffer::new("", false)
        }
    }
}

/// What Enter in a prompt does with its text.
fn submit_prompt(app: &mut App, text: String) -> Vec<Effect> {
    match app.overlay.take() {
        Some(Overlay::Comment { question, .. }) => {
            if text.is_empty() {
                vec![]
            } else {
                vec![Effect::Comment { question, text }]
            }
        }
        Some(Overlay::NewVendor(buffer)) if text.is_empty() => {
            app.overlay = Some(Overlay::NewVendor(buffer));
            app.say(StatusKind::Error, t(app.lang, "a vendor needs a name", "服务商需要名称"));
            vec![]
        }
        Some(Overlay::NewVendor(_)) => vec![Effect::CreateVendor { name: text }],
        other => {
            app.overlay = other;
            vec![]
        }
    }
}

fn quit(app: &mut App) -> Vec<Effect> {
    // Edits on their way to disk are finished on the way out; only failed
    // ones need a second q.
    let unsaved = app.interview.as_ref().and_then(|iv| iv.unsaved()).unwrap_or(0);
    if unsaved > 0 && !app.quit_confirm {
        app.quit_confirm = true;
        let text = match app.lang {
            Lang::En => format!("✗ {unsaved} answer(s) not saved yet; retrying. q again quits without them"),
            Lang::Zh => format!("✗ {unsaved} 条答案尚未保存，正在重试；再按 q 将放弃它们并退出"),
        };
        app.say(StatusKind::Error, text);
        return vec![Effect::SaveVendor];
    }
    app.quit = true;
    vec![Effect::Quit]
}

fn edit_buffer(buffer: &mut TextBuffer, action: Action) {
    match action {
        Action::Type(c) => buffer.insert(c.encode_utf8(&mut [0; 4])),
        Action::Paste(text) => buffer.insert(&text),
        Action::Backspace => buffer.backspace(),
        Action::Delete => buffer.delete(),
        Action::Left => buffer.left(),
        Action::Right => buffer.right(),
        Action::Home => buffer.home(),
        Action::End => buffer.end(),
        Action::Up => buffer.up(),
        Action::Down => buffer.down(),
        _ => {}
    }
}

/// Why `text` is not an answer to `question`, or `None` when it is (or is
/// empty, which clears the answer).
fn check_value(question: &crate::domain::questionnaire::Question, text: &str, lang: Lang) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    parse_input(question, text).err().map(|why| match lang {
        Lang::En => why,
        Lang::Zh => format!("无效：{why}"),
    })
}

/// Ends the open editor, saving what it holds when it is valid. `quitting`
/// saves a value only if valid and never keeps the editor open.
fn finish_editor(app: &mut App, quitting: bool) -> Vec<Effect> {
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    let Some(editor) = iv.editor.take() else { return vec![] };
    let Some(question) = iv.current(q) else { return vec![] };
    let key = question.key.clone();
    let text = editor.buffer.text().to_string();
    let edit = match editor.target {
        EditTarget::Note => {
            let note = (!text.trim().is_empty()).then_some(text);
            // The editor shows a note without control characters; opening
            // and closing it must not rewrite the note for that alone.
            let before = iv.answer(&key).and_then(|a| a.note.clone());
            let as_shown = before.as_deref().map(|n| TextBuffer::new(n, true).text().to_string());
            if before == note || as_shown == note {
                return vec![];
            }
            Edit::Note(note)
        }
        EditTarget::Value if text.trim().is_empty() => Edit::Clear,
        EditTarget::Value => match parse_input(question, &text) {
            Ok(v) => Edit::Value(v),
            Err(why) if !quitting => {
                iv.editor = Some(Editor { error: Some(why), ..editor });
                return vec![];
            }
            Err(why) => {
                let lang = app.lang;
                app.say(StatusKind::Error, format!("{} {why}", t(lang, "✗ not saved:", "✗ 未保存：")));
                return vec![];
            }
        },
    };
    // The answer changed on disk while this was being typed: theirs stays,
    // ours goes to a side file, and the status says where.
    if !Answer::same_content(iv.answer(&key), editor.base.as_ref()) {
        return vec![Effect::KeepMine { key, edits: vec![edit] }];
    }
    apply(app, key, edit)
}

/// Applies an edit to what the screen shows, re-scores, and asks for a
/// save. The edit stays pending until the save confirms it.
fn apply(app: &mut App, key: String, edit: Edit) -> Vec<Effect> {
    if let Some(iv) = app.interview.as_mut() {
        let after = Answer::edited(iv.answers.get(&key), &edit);
        iv.history.record(&key, iv.answers.get(&key), after.as_ref());
    }
    apply_edits(app, key, vec![edit])
}

/// Applies edits of one answer (not recorded for undo) as [`apply`] does.
pub(super) fn apply_edits(app: &mut App, key: String, edits: Vec<Edit>) -> Vec<Effect> {
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    match edits.iter().fold(iv.answers.get(&key).cloned(), |a, e| Answer::edited(a.as_ref(), e)) {
        Some(a) => iv.answers.insert(key.clone(), a),
        None => iv.answers.remove(&key),
    };
    iv.rescore_key(q, &key);
    let height = app.height;
    iv.list_offset = keep_visible(iv.list_row(q), iv.list_offset, question_rows(height));
    // The same answer edited again joins its pending edit, unless that is
    // already being saved.
    let open = iv.pending.len() > iv.saving;
    match iv.pending.last_mut() {
        Some(last) if open && last.key == key => last.edits.extend(edits),
        _ => iv.pending.push(PendingEdit { key, edits }),
    }
    vec![Effect::SaveVendor]
}

/// What the screen shows after the file changed: the file's answers with
/// the edits still pending applied on top.
fn reapply_pending(iv: &mut Interview, q: &Questionnaire) {
    let mut answers = iv.vendor.answers.clone();
    q.adopt_renamed(&mut answers);
    for p in &iv.pending {
        let a = p.edits.iter().fold(answers.get(&p.key).cloned(), |a, e| Answer::edited(a.as_ref(), e));
        match a {
            Some(a) => answers.insert(p.key.clone(), a),
            None => answers.remove(&p.key),
        };
    }
    iv.answers = answers;
    iv.rescore(q);
}

fn saved(app: &mut App, key: &str, merged: bool) -> Vec<Effect> {
    let q = &app.questionnaire;
    let mut leave = false;
    if let Some(iv) = app.interview.as_mut() {
        // Without a merge the file now holds what the screen showed already
        // (a full re-score of 4,000 answers is not needed).
        if merged {
            reapply_pending(iv, q);
        }
        iv.disk_error = None;
        iv.save_failed = false;
        leave = iv.leave_after_save && iv.pending.is_empty();
    }
    app.say(StatusKind::Saved, format!("✓ {} {key}", t(app.lang, "saved", "已保存")));
    if leave { leave_interview(app) } else { vec![] }
}

fn leave_interview(app: &mut App) -> Vec<Effect> {
    app.interview = None;
    app.screen = app.return_to;
    vec![Effect::CloseVendor, Effect::ReloadVendors]
}

fn save_failed(app: &mut App, key: &str, message: String, conflict: bool) -> Vec<Effect> {
    let q = &app.questionnaire;
    if let Some(iv) = app.interview.as_mut() {
        iv.leave_after_save = false;
        iv.save_failed |= !conflict;
        if conflict {
            // Their version is on disk and in `vendor`; ours is in a side file.
            iv.pending.retain(|p| p.key != key);
        }
        reapply_pending(iv, q);
    }
    let hint = if conflict { "" } else { t(app.lang, " · R retries", " · 按 R 重试") };
    app.say(StatusKind::Error, format!("✗ {} {message}{hint}", t(app.lang, "not saved:", "未保存：")));
    vec![]
}

fn interview(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else {
        app.screen = Screen::Vendors;
        return vec![];
    };
    let Some(question) = iv.current(q) else { return vec![] };
    let key = question.key.clone();
    let options = question.kind.options().len();
    let changes_answers = matches!(
        action,
        Action::AnswerYes
            | Action::AnswerNo
            | Action::Pick(_)
            | Action::ToggleOption
            | Action::EditValue
            | Action::ToggleNa
            | Action::EditNote
            | Action::ClearAnswer
            | Action::ResolveConflict { .. }
            | Action::Undo
            | Action::Redo
    );
    if let Some(holder) = iv.read_only.as_ref().filter(|_| changes_answers) {
        let text = match (lang, holder.user.is_empty() || iv.writer_left) {
            (Lang::En, true) => "read-only: T to answer".to_string(),
            (Lang::Zh, true) => "只读：按 T 作答".to_string(),
            (Lang::En, false) => format!("read-only: {} is interviewing; T takes over when they leave", holder.user),
            (Lang::Zh, false) => format!("只读：{} 正在访谈；对方离开后按 T 接手", holder.user),
        };
        app.say(StatusKind::Info, text);
        return vec![];
    }
    match action {
        Action::TakeOver => super::confirm::ask_take_over(app),
        Action::ReviewScreen => {
            iv.review_scroll = 0;
            app.review_direct = false;
            app.screen = Screen::Review;
            vec![]
        }
        Action::CommentQuestion => {
            let buffer = comment_buffer(app, Some(&key));
            app.overlay = Some(Overlay::Comment { question: Some(key), buffer });
            vec![]
        }
        Action::QuestionHistory => vec![Effect::History { key }],
        Action::Undo | Action::Redo => {
            let effects = super::undo::step(app, action == Action::Redo);
            fix_scroll(app);
            effects
        }
        Action::ResolveConflict { theirs } => {
            if !iv.vendor.conflicts.iter().any(|c| c.key == key) {
                app.say(StatusKind::Info, t(lang, "no merge conflict on this question", "此问题没有合并冲突"));
                vec![]
            } else if !iv.pending.is_empty() {
                app.say(StatusKind::Info, t(lang, "saving first; press again", "正在保存，请稍后再按"));
                vec![]
            } else {
                vec![Effect::Resolve { key, theirs }]
            }
        }
        Action::Up | Action::Down => {
            step_question(iv, q, matches!(action, Action::Down));
            fix_scroll(app);
            vec![]
        }
        Action::NextSection | Action::PrevSection => {
            let n = q.sections.len().max(1);
            // The next section with a question in the list, at its first.
            let mut s = iv.section;
            for _ in 0..n {
                s = if action == Action::NextSection { (s + 1) % n } else { (s + n - 1) % n };
                if iv.shown_in(q, s) > 0 {
                    break;
                }
            }
            let first = (0..q.sections.get(s).map_or(0, |x| x.questions.len())).find(|&i| iv.shown(s, i));
            if let Some(i) = first {
                iv.section = s;
                iv.question = i;
            }
            focus_answer(iv, q);
            fix_scroll(app);
            vec![]
        }
        Action::NextUnanswered => {
            if !jump_to_unanswered(iv, q) {
                app.say(StatusKind::Info, t(lang, "every question has an answer", "所有问题均已作答"));
            }
            fix_scroll(app);
            vec![]
        }
        Action::OptionLeft => {
            iv.option = iv.option.saturating_sub(1);
            iv.scroll = 0;
            vec![]
        }
        Action::OptionRight => {
            iv.option = (iv.option + 1).min(options.saturating_sub(1));
            iv.scroll = 0;
            vec![]
        }
        Action::AnswerYes | Action::AnswerNo => match question.kind {
            Kind::YesNo { .. } => apply(app, key, Edit::Value(Value::Bool(action == Action::AnswerYes))),
            _ => {
                app.say(StatusKind::Info, t(lang, "y / n answer yes/no questions", "y / n 用于是否题"));
                vec![]
            }
        },
        Action::Pick(n) if typed_by_digit(&question.kind) => {
            // Typing a number starts the editor with it, so "15" is 15.
            let digit = char::from(b'0' + n.min(9));
            let base = iv.answer(&key).cloned();
            iv.editor = Some(Editor {
                target: EditTarget::Value,
                buffer: TextBuffer::new(&digit.to_string(), false),
                error: None,
                base,
            });
            vec![]
        }
        Action::Pick(n) => pick(app, key, n),
        Action::ToggleOption => {
            let n = u8::try_from(iv.option + 1).unwrap_or(u8::MAX);
            pick(app, key, n)
        }
        Action::EditValue => match &question.kind {
            Kind::Choice { .. } => {
                let n = u8::try_from(iv.option + 1).unwrap_or(u8::MAX);
                pick(app, key, n)
            }
            Kind::Multi { .. } => {
                app.say(StatusKind::Info, t(lang, "Space or 1-9 toggles an option", "按空格或 1-9 勾选选项"));
                vec![]
            }
            Kind::YesNo { .. } => {
                app.say(StatusKind::Info, t(lang, "answer with y or n", "请按 y 或 n 作答"));
                vec![]
            }
            _ => {
                let current = iv.answer(&key).and_then(|a| a.value.as_ref()).map(raw_text).unwrap_or_default();
                iv.editor = Some(Editor {
                    target: EditTarget::Value,
                    buffer: TextBuffer::new(&current, false),
                    error: None,
                    base: iv.answer(&key).cloned(),
                });
                vec![]
            }
        },
        Action::EditNote => {
            let note = iv.answer(&key).and_then(|a| a.note.clone()).unwrap_or_default();
            let base = iv.answer(&key).cloned();
            iv.editor =
                Some(Editor { target: EditTarget::Note, buffer: TextBuffer::new(&note, true), error: None, base });
            vec![]
        }
        Action::ToggleNa => {
            if !question.allow_na || !question.kind.is_scored() {
                app.say(StatusKind::Info, t(lang, "this question does not allow N/A", "此问题不允许\"不适用\""));
                return vec![];
            }
            let na = iv.answer(&key).is_some_and(|a| a.na);
            let edit = Edit::NotApplicable(!na);
            apply(app, key, edit)
        }
        Action::ClearAnswer => {
            if iv.answer(&key).is_some_and(|a| a.value.is_some() || a.na) {
                apply(app, key, Edit::Clear)
            } else {
                vec![]
            }
        }
        Action::RetrySave => {
            if iv.pending.is_empty() {
                vec![]
            } else {
                vec![Effect::SaveVendor]
            }
        }
        Action::ToggleScorePanel => {
            iv.show_score = !iv.show_score;
            vec![]
        }
        Action::ToggleHidden => {
            iv.show_hidden = !iv.show_hidden;
            iv.keep_cursor_shown(q);
            let n = iv.report.hidden.len();
            let text = match (iv.show_hidden, lang) {
                (true, Lang::Zh) => format!("显示 {n} 个因条件不满足而隐藏的问题（灰色）"),
                (true, Lang::En) => format!("showing {n} question(s) hidden by their conditions (greyed)"),
                (false, Lang::Zh) => format!("已隐藏 {n} 个条件不满足的问题"),
                (false, Lang::En) => format!("{n} question(s) hidden by their conditions"),
            };
            app.say(StatusKind::Info, text);
            fix_scroll(app);
            vec![]
        }
        Action::Back => {
            if iv.pending.is_empty() {
                return leave_interview(app);
            }
            // Leave once the edits still being saved are on disk; if the
            // save fails, stay and say so.
            iv.leave_after_save = true;
            vec![Effect::SaveVendor]
        }
        Action::PageDown => {
            iv.scroll = iv.scroll.saturating_add(5);
            vec![]
        }
        Action::PageUp => {
            iv.scroll = iv.scroll.saturating_sub(5);
            vec![]
        }
        _ => vec![],
    }
}

/// Kinds whose digits are typed, not picked: a 0-10 rating takes "10".
fn typed_by_digit(kind: &Kind) -> bool {
    match kind {
        Kind::Number { .. } | Kind::Date { .. } | Kind::Text => true,
        Kind::Rating { max } => *max > 9,
        _ => false,
    }
}

/// The value as typed in an editor.
fn raw_text(v: &Value) -> String {
    match v {
        Value::Str(s) => s.clone(),
        Value::Integer(n) => n.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::List(_) | Value::Other(_) => String::new(),
    }
}

/// Option or rating `n` (1-based; 0 is a rating of 0).
fn pick(app: &mut App, key: String, n: u8) -> Vec<Effect> {
    let lang = app.lang;
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    let Some(question) = q.question(&key) else { return vec![] };
    let index = usize::from(n).wrapping_sub(1);
    let edit = match &question.kind {
        Kind::Choice { options } => match options.get(index) {
            Some(o) => {
                iv.option = index;
                Edit::Value(Value::Str(o.id.clone()))
            }
            None => return vec![],
        },
        Kind::Multi { options } => match options.get(index) {
            Some(o) => {
                iv.option = index;
                let before = match iv.answer(&key).and_then(|a| a.value.clone()) {
                    Some(Value::List(items)) => items,
                    _ => Vec::new(),
                };
                let chosen = crate::domain::input::toggle_option(options, &before, &o.id);
                if chosen.is_empty() { Edit::Clear } else { Edit::Value(Value::List(chosen)) }
            }
            None => return vec![],
        },
        Kind::Rating { max } if u32::from(n) <= *max => Edit::Value(Value::Integer(i64::from(n))),
        Kind::Rating { max } => {
            app.say(StatusKind::Info, format!("{} 0–{max}", t(lang, "rate", "评分范围")));
            return vec![];
        }
        _ => return vec![],
    };
    apply(app, key, edit)
}

fn step_question(iv: &mut Interview, q: &Questionnaire, down: bool) {
    let (mut s, mut i) = (iv.section, iv.question);
    loop {
        if down {
            if i + 1 < q.sections[s].questions.len() {
                i += 1;
            } else if s + 1 < q.sections.len() {
                s += 1;
                i = 0;
            } else {
                return;
            }
        } else if i > 0 {
            i -= 1;
        } else if s > 0 {
            s -= 1;
            i = q.sections[s].questions.len().saturating_sub(1);
        } else {
            return;
        }
        // Sections without questions, and hidden questions, are passed over.
        if !q.sections[s].questions.is_empty() && iv.shown(s, i) {
            break;
        }
    }
    iv.section = s;
    iv.question = i;
    focus_answer(iv, q);
}

/// On arriving at a question: the option highlight on its answer, the
/// panel scrolled to the top.
fn focus_answer(iv: &mut Interview, q: &Questionnaire) {
    iv.scroll = 0;
    iv.option = 0;
    let Some(question) = iv.current(q) else { return };
    let chosen = match iv.answers.get(&question.key).and_then(|a| a.value.as_ref()) {
        Some(Value::Str(id)) => Some(id.clone()),
        Some(Value::List(items)) => items.iter().find_map(|v| match v {
            Value::Str(id) => Some(id.clone()),
            _ => None,
        }),
        _ => None,
    };
    if let Some(id) = chosen {
        iv.option = question.kind.options().iter().position(|o| o.id == id).unwrap_or(0);
    }
}

/// Moves to the next scored question without a valid answer, wrapping
/// around; false when there is none.
fn jump_to_unanswered(iv: &mut Interview, q: &Questionnaire) -> bool {
    let flat: Vec<(usize, usize)> =
        q.sections.iter().enumerate().flat_map(|(s, sec)| (0..sec.questions.len()).map(move |i| (s, i))).collect();
    let here = flat.iter().position(|&p| p == (iv.section, iv.question)).unwrap_or(0);
    for step in 1..=flat.len() {
        let (s, i) = flat[(here + step) % flat.len()];
        let open = matches!(
            iv.report.outcomes[s][i],
            Outcome::Unanswered | Outcome::Invalid(_) | Outcome::Unscored { answered: false }
        );
        if open {
            iv.section = s;
            iv.question = i;
            focus_answer(iv, q);
            return true;
        }
    }
    false
}

/// The open vendor's file changed on disk (someone else's save, a hand
/// edit, a git pull): show the new version with this session's unsaved
/// edits on top, or keep the last good one and say why the new one does
/// not read.
fn vendor_changed(app: &mut App, result: Result<Box<crate::storage::vendor::VendorFile>, String>) -> Vec<Effect> {
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    let mut effects = Vec::new();
    match result {
        Ok(vendor) => {
            // A pending edit of an answer that someone else changed too
            // must not land on top of theirs: it goes to a side file.
            let before = std::mem::replace(&mut iv.vendor, *vendor);
            let (clash, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut iv.pending)
                .into_iter()
                // (read through renames: someone else's save may have moved
                // an answer to its new key)
                .partition(|p| {
                    !Answer::same_content(q.answer_to(&before.answers, &p.key), q.answer_to(&iv.vendor.answers, &p.key))
                });
            iv.pending = keep;
            effects.extend(clash.into_iter().map(|p| Effect::KeepMine { key: p.key, edits: p.edits }));
            let changed = before.text() != iv.vendor.text();
            iv.disk_error = None;
            reapply_pending(iv, q);
            iv.refresh_signoffs();
            if changed && iv.read_only.is_none() && effects.is_empty() {
                let text = t(
                    app.lang,
                    "the file was changed on disk by someone else; shown as it is now",
                    "文件已被他人修改，已显示最新版本",
                );
                app.say(StatusKind::Info, text);
            }
        }
        Err(why) => iv.disk_error = Some(why),
    }
    effects
}

/// The review screen: scroll, sign off, comment on the vendor.
fn review_screen(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(iv) = app.interview.as_mut() else {
        app.screen = app.return_to;
        return vec![];
    };
    match action {
        Action::Up => {
            iv.review_scroll = iv.review_scroll.saturating_sub(1);
            vec![]
        }
        Action::Down => {
            iv.review_scroll = iv.review_scroll.saturating_add(1);
            vec![]
        }
        Action::SignOff(decision) => super::confirm::ask_sign_off(app, decision),
        Action::CommentVendor => {
            let buffer = comment_buffer(app, None);
            app.overlay = Some(Overlay::Comment { question: None, buffer });
            vec![]
        }
        Action::Back if app.review_direct => leave_interview(app),
        Action::Back => {
            app.screen = Screen::Interview;
            vec![]
        }
        _ => vec![],
    }
}
