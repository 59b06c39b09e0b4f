//! Typing: a value, the note, a comment or a name; Esc and Enter.

use super::*;
use crate::i18n::status as msg;

/// Keys while a line or the note is being typed.
pub(super) fn typing(app: &mut App, action: Action) -> Vec<Effect> {
    if matches!(app.overlay, Some(Overlay::Form(_))) {
        return form_key(app, action);
    }
    // The one-line prompts: Enter submits the text, Esc cancels.
    let prompt = match app.overlay.as_mut() {
        Some(Overlay::Comment { buffer, .. } | Overlay::NewVendor(buffer) | Overlay::Rename { buffer, .. }) => {
            Some(buffer)
        }
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
                    app.say(StatusKind::Info, msg::COMMENT_KEPT_AS_A_DRAFT.text(app.lang));
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
            app.say(StatusKind::Info, msg::EDIT_CANCELLED_THE_ANSWER_IS.text(lang));
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
pub(super) fn comment_buffer(app: &mut App, question: Option<&str>) -> TextBuffer {
    match app.comment_draft.take() {
        Some((q, text)) if q.as_deref() == question => TextBuffer::new(&text, false),
        other => {
            app.comment_draft = other;
            TextBuffer::new("", false)
        }
    }
}

/// What Enter in a prompt does with its text.
pub(super) fn submit_prompt(app: &mut App, text: String) -> Vec<Effect> {
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
            app.say(StatusKind::Error, msg::A_VENDOR_NEEDS_A_NAME.text(app.lang));
            vec![]
        }
        Some(Overlay::NewVendor(_)) => vec![Effect::CreateVendor { name: text }],
        Some(Overlay::Rename { path, buffer }) if text.is_empty() => {
            app.overlay = Some(Overlay::Rename { path, buffer });
            app.say(StatusKind::Error, msg::A_VENDOR_NEEDS_A_NAME.text(app.lang));
            vec![]
        }
        Some(Overlay::Rename { path, .. }) => vec![Effect::RenameVendor { path, name: text }],
        other => {
            app.overlay = other;
            vec![]
        }
    }
}

pub(super) fn edit_buffer(buffer: &mut TextBuffer, action: Action) {
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
pub(super) fn check_value(question: &crate::domain::questionnaire::Question, text: &str, lang: Lang) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    crate::domain::input::parse_input_in(question, text, lang)
        .err()
        .map(|why| msg::INVALID_VALUE.fill(lang, &[("why", &why)]))
}

/// Ends the open editor, saving what it holds when it is valid. `quitting`
/// saves a value only if valid and never keeps the editor open.
pub(super) fn finish_editor(app: &mut App, quitting: bool) -> Vec<Effect> {
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
        EditTarget::Value => match crate::domain::input::parse_input_in(question, &text, app.lang) {
            Ok(v) => Edit::Value(v),
            Err(why) if !quitting => {
                iv.editor = Some(Editor { error: Some(why), ..editor });
                return vec![];
            }
            Err(why) => {
                let lang = app.lang;
                app.say(StatusKind::Error, format!("{} {why}", msg::NOT_SAVED_MARKED.text(lang)));
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
