//! After the meeting (§11): asking for a follow-up and changing its status,
//! adding evidence, starting a new cycle, and jumping to what is due.
//! Follow-ups go through the same saver as answers (and undo); evidence is
//! copied by `run` first, then recorded the same way.

use super::*;
use crate::app::followups::{Check, Form, FormKind, one_line, unchecked};
use crate::app::state::Confirm;
use crate::domain::date::Date;
use crate::domain::followup::{DEFAULT_WITHIN_DAYS, Followup, Status, add_days, is_due};
use crate::i18n::status as msg;

/// Days from today a new follow-up is due by default.
pub const DEFAULT_DUE_DAYS: i64 = 14;

/// Why `text` is not a date, as a sentence, or the date (empty: none).
fn date_field(text: &str, lang: Lang) -> Result<Option<Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Date::parse(text).map(Some).ok_or_else(|| msg::TEXT_IS_NOT_A_DATE.fill(lang, &[("text", &text)]))
}

/// `f`: the form for a new follow-up (what the question's guidance says to
/// ask for, due in 14 days) or for the one already there.
pub(super) fn ask_followup(app: &mut App) -> Vec<Effect> {
    let (lang, today) = (app.lang, app.today);
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_ref() else { return vec![] };
    let Some(question) = iv.current(q) else { return vec![] };
    let base = iv.answer(&question.key).cloned();
    let form = match base.as_ref().and_then(|a| a.followup.as_ref()) {
        Some(f) => Form::followup(question.key.clone(), base.clone(), &f.ask, f.due),
        None => {
            let ask = question.help.as_ref().map(|h| one_line(h.get(lang))).unwrap_or_default();
            Form::followup(question.key.clone(), base, &ask, add_days(today, DEFAULT_DUE_DAYS))
        }
    };
    app.overlay = Some(Overlay::Form(Box::new(form)));
    vec![]
}

/// `F`: the follow-up's next status; a closed one opens again.
pub(super) fn cycle_status(app: &mut App) -> Vec<Effect> {
    let lang = app.lang;
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_ref() else { return vec![] };
    let Some(question) = iv.current(q) else { return vec![] };
    let key = question.key.clone();
    let Some(f) = iv.answer(&key).and_then(|a| a.followup.clone()) else {
        app.say(StatusKind::Info, msg::NO_FOLLOWUP.text(lang));
        return vec![];
    };
    let status = match f.status {
        Status::Requested => Status::Received,
        Status::Received => Status::Closed,
        Status::Closed => Status::Requested,
    };
    let effects = apply(app, key, Edit::Followup(Some(Followup { status, ..f })));
    let word = match status {
        Status::Requested => msg::FOLLOWUP_REQUESTED_AGAIN,
        Status::Received => msg::FOLLOWUP_RECEIVED,
        Status::Closed => msg::FOLLOWUP_CLOSED,
    };
    app.say(StatusKind::Info, word.text(lang));
    effects
}

/// `a`: the form for evidence on the current question.
pub(super) fn ask_evidence(app: &mut App) -> Vec<Effect> {
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_ref() else { return vec![] };
    let Some(question) = iv.current(q) else { return vec![] };
    app.overlay = Some(Overlay::Form(Box::new(Form::evidence(question.key.clone(), "", ""))));
    vec![]
}

/// Keys while the form is open: Enter takes the field (and after the
/// second, saves), Esc goes back a field (from the first, cancels).
pub(super) fn form_key(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let Some(Overlay::Form(form)) = app.overlay.as_mut() else { return vec![] };
    match action {
        Action::Quit => {
            let mut effects = keep_on_exit(app);
            effects.extend(quit(app));
            effects
        }
        Action::Back if form.step == 1 => {
            form.step = 0;
            form.error = None;
            vec![]
        }
        Action::Back => {
            let said = match form.kind {
                FormKind::Followup { .. } => msg::FOLLOWUP_CANCELLED,
                FormKind::Evidence { .. } => msg::EVIDENCE_CANCELLED,
            };
            app.overlay = None;
            app.say(StatusKind::Info, said.text(lang));
            vec![]
        }
        Action::Submit if form.step == 0 => {
            if form.first.text().trim().is_empty() {
                let why = match form.kind {
                    FormKind::Followup { .. } => msg::ASK_EMPTY,
                    FormKind::Evidence { .. } => msg::PATH_EMPTY,
                };
                form.error = Some(why.text(lang).to_string());
            } else {
                form.step = 1;
                form.error = None;
            }
            vec![]
        }
        Action::Submit => match date_field(form.second.text(), lang) {
            Err(why) => {
                form.error = Some(why);
                vec![]
            }
            Ok(date) => {
                let Some(Overlay::Form(form)) = app.overlay.take() else { return vec![] };
                submit(app, *form, date)
            }
        },
        other => {
            form.error = None;
            edit_buffer(form.buffer_mut(), other);
            vec![]
        }
    }
}

/// Leaving the app (Ctrl-C, a signal) with the form open: a follow-up
/// that reads (some text, a real date or none) is saved, as a note being
/// typed is; evidence is not copied on the way out.
pub(super) fn keep_on_exit(app: &mut App) -> Vec<Effect> {
    let Some(Overlay::Form(form)) = app.overlay.take() else { return vec![] };
    let ok = matches!(form.kind, FormKind::Followup { .. }) && !form.first.text().trim().is_empty();
    match date_field(form.second.text(), app.lang) {
        Ok(date) if ok => submit(app, *form, date),
        _ => vec![],
    }
}

/// The form is complete: save the follow-up, or have `run` add the evidence.
fn submit(app: &mut App, form: Form, date: Option<Date>) -> Vec<Effect> {
    let ask = form.first.text().trim().to_string();
    match form.kind {
        FormKind::Followup { key, base, status, editing: _ } => {
            let Some(iv) = app.interview.as_ref() else { return vec![] };
            let edit = Edit::Followup(Some(Followup { ask, due: date, status }));
            // The answer changed on disk while this was typed: theirs stays,
            // ours goes to a side file (as for a value typed meanwhile).
            if !Answer::same_content(iv.answer(&key), base.as_ref()) {
                return vec![Effect::KeepMine { key, edits: vec![edit] }];
            }
            apply(app, key, edit)
        }
        FormKind::Evidence { key } => {
            app.say(StatusKind::Info, msg::COPYING.text(app.lang));
            let expires_text = form.second.text().trim().to_string();
            vec![Effect::AddEvidence { key, path: ask, expires: date, expires_text }]
        }
    }
}

/// `run` copied an evidence file (or took a URL): record it, like any
/// change, through the saver; its digest is the one just computed.
pub(super) fn evidence_copied(app: &mut App, key: String, entry: crate::domain::followup::Evidence) -> Vec<Effect> {
    let lang = app.lang;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    if let crate::domain::followup::Source::File { file, sha256 } = &entry.source {
        iv.checks.insert((file.clone(), sha256.clone()), Check::Ok);
    }
    let label = crate::safe_text::visible(entry.label()).into_owned();
    let effects = apply_edits(app, key, vec![Edit::AddEvidence(entry)]);
    let text = msg::EVIDENCE_ADDED_LABEL.fill(lang, &[("label", &label)]);
    app.say(StatusKind::Saved, text);
    effects
}

/// Adding evidence failed: say why, and give back the form as typed.
pub(super) fn evidence_failed(app: &mut App, key: String, path: String, expires: String, message: String) {
    let lang = app.lang;
    let mut form = Form::evidence(key, &path, &expires);
    form.error = Some(message.clone());
    app.overlay = Some(Overlay::Form(Box::new(form)));
    app.say(StatusKind::Error, format!("{} {message}", msg::EVIDENCE_NOT_ADDED.text(lang)));
}

/// Digests checked in the background.
pub(super) fn evidence_checked(app: &mut App, results: Vec<(String, String, Check)>) {
    if let Some(iv) = app.interview.as_mut() {
        for (file, sha, check) in results {
            iv.checks.insert((file, sha), check);
        }
    }
}

/// The evidence files of the open vendor not checked yet: marked as being
/// checked, for `run` to hash off the draw path.
pub(in crate::app) fn check_new_evidence(iv: &mut Interview) -> Vec<Effect> {
    let files = unchecked(iv.answers.values(), &iv.checks);
    if files.is_empty() {
        return vec![];
    }
    for f in &files {
        iv.checks.insert(f.clone(), Check::Pending);
    }
    vec![Effect::CheckEvidence { files }]
}

/// `C`: asks to confirm a new cycle of the open vendor, or of the vendor
/// selected in the list, starting today.
pub(super) fn ask_reassess(app: &mut App) -> Vec<Effect> {
    let (lang, on) = (app.lang, app.today);
    let (path, vendor, from) = match app.screen {
        Screen::Interview => {
            let Some(iv) = app.interview.as_ref() else { return vec![] };
            if !iv.pending.is_empty() {
                app.say(StatusKind::Info, msg::SAVE_FIRST.text(lang));
                return vec![];
            }
            (iv.vendor.path.clone(), iv.vendor.meta.vendor.clone(), iv.vendor.meta.assessed_on)
        }
        _ => match app.vendors.selected_row() {
            Some(VendorRow::Ok { summary, .. }) => {
                (summary.path.clone(), summary.meta.vendor.clone(), summary.meta.assessed_on)
            }
            _ => return vec![],
        },
    };
    let name = crate::safe_text::visible(&vendor).into_owned();
    let Some(from) = from else {
        app.say(StatusKind::Error, format!("✗ {name} {}", msg::NO_DATE.text(lang)));
        return vec![];
    };
    if on <= from {
        let text = msg::NAME_WAS_ASSESSED_ON_FROM.fill(lang, &[("from", &from), ("name", &name)]);
        app.say(StatusKind::Error, text);
        return vec![];
    }
    app.overlay = Some(Overlay::Confirm(Confirm::Reassess { path, vendor, from, on }));
    vec![]
}

/// A new cycle started: show it, and say where the last one is kept.
pub(super) fn reassessed(
    app: &mut App,
    vendor: Box<crate::storage::vendor::VendorFile>,
    history: String,
) -> Vec<Effect> {
    let lang = app.lang;
    let on = vendor.meta.assessed_on.map(|d| d.to_string()).unwrap_or_default();
    let mut effects = vec![];
    if let Some(iv) = app.interview.as_mut().filter(|iv| iv.vendor.path == vendor.path) {
        // Steps of the last cycle are not undone into this one.
        iv.history = Default::default();
        effects = vendor_changed(app, Ok(vendor));
    }
    let text = msg::NEW_CYCLE_ASSESSED_ON_ON.fill(lang, &[("history", &history), ("on", &on)]);
    app.say(StatusKind::Saved, text);
    effects
}

/// `d` in the vendor list: the next vendor with something due (as `ccvet
/// due`, within 90 days), wrapping around.
pub(super) fn next_due_vendor(app: &mut App) {
    let (lang, today) = (app.lang, app.today);
    let list = &app.vendors;
    let n = list.visible.len();
    let due = |i: usize| match &list.rows[list.visible[i]] {
        VendorRow::Ok { summary, .. } => summary.deadlines.iter().any(|d| is_due(d, today, DEFAULT_WITHIN_DAYS)),
        _ => false,
    };
    match (1..=n).map(|step| (list.selected + step) % n).find(|&i| due(i)) {
        Some(i) => {
            app.vendors.selected = i;
            fix_scroll(app);
        }
        None => app.say(StatusKind::Info, msg::NONE_DUE.text(lang)),
    }
}

/// `d` in the interview: the next question with an open follow-up.
pub(super) fn next_open_followup(app: &mut App) {
    let lang = app.lang;
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return };
    let flat: Vec<(usize, usize)> =
        q.sections.iter().enumerate().flat_map(|(s, sec)| (0..sec.questions.len()).map(move |i| (s, i))).collect();
    let here = flat.iter().position(|&p| p == (iv.section, iv.question)).unwrap_or(0);
    let open = |s: usize, i: usize| {
        let key = &q.sections[s].questions[i].key;
        iv.shown(s, i) && iv.answer(key).and_then(|a| a.followup.as_ref()).is_some_and(|f| f.status.is_open())
    };
    match (1..=flat.len()).map(|step| flat[(here + step) % flat.len()]).find(|&(s, i)| open(s, i)) {
        Some((s, i)) => {
            iv.section = s;
            iv.question = i;
            focus_answer(iv, q);
            fix_scroll(app);
        }
        None => app.say(StatusKind::Info, msg::NO_OPEN.text(lang)),
    }
}
