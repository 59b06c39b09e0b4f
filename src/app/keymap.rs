//! The one table of key bindings. Key lookup, the hint bar and the help
//! overlay all read it, so what the help says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::state::{App, Overlay, Screen};
use crate::domain::text::Lang;
use crate::i18n::{Msg, keys};
use crate::storage::review::Decision;

/// Where a key press lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere except while typing text.
    Global,
    Vendors,
    Interview,
    Compare,
    /// The review screen: comments and sign-offs.
    Review,
    Help,
    /// A question asked before a step that needs a second thought.
    Confirm,
    /// The list of archived vendors.
    Archived,
    /// Typing one line: a value, a vendor name, a filter.
    LineEdit,
    /// Typing the multi-line note.
    NoteEdit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::NONE }
}

const fn code(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}

impl Key {
    /// A full-width character (`１`, `ｙ`, `？`, the ideographic space) as
    /// the ASCII key it stands for; any other key as it is.
    pub fn half_width(self) -> Key {
        let code = match self.code {
            KeyCode::Char(c @ '\u{ff01}'..='\u{ff5e}') => {
                KeyCode::Char(char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c))
            }
            KeyCode::Char('\u{3000}') => KeyCode::Char(' '),
            other => other,
        };
        Key { code, ..self }
    }

    /// A crossterm key event as a table key: Shift is part of the
    /// character already (`G`), so it is dropped for characters.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code: event.code, mods }
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// How the keys are shown, e.g. "↑↓ jk".
    pub shown: &'static str,
    /// What the keys do (from `i18n::keys`); `None` for a key that is
    /// listed with the binding before it.
    pub label: Option<Msg>,
    /// Also shown in the one-line hint bar.
    pub hint: bool,
}

impl Binding {
    pub fn label(&self, lang: Lang) -> &'static str {
        self.label.map_or("", |m| m.text(lang))
    }
}

use Context::{Archived, Compare, Confirm, Global, Help, Interview, LineEdit, NoteEdit, Review, Vendors};

const UP: &[Key] = &[code(KeyCode::Up), k('k')];
const DOWN: &[Key] = &[code(KeyCode::Down), k('j')];

macro_rules! bind {
    ($ctx:expr, $keys:expr, $action:expr, $shown:expr, $label:expr, $hint:expr) => {
        Binding { context: $ctx, keys: $keys, action: $action, shown: $shown, label: $label, hint: $hint }
    };
}

/// Every binding. Order within a context is the order of the help overlay
/// and the hint bar.
pub static BINDINGS: &[Binding] = &[
    // vendor list
    bind!(Vendors, UP, Action::Up, "↑↓ jk", Some(keys::MOVE), true),
    bind!(Vendors, DOWN, Action::Down, "", None, false),
    bind!(Vendors, &[code(KeyCode::Enter)], Action::Open, "Enter", Some(keys::OPEN), true),
    bind!(Vendors, &[k('n')], Action::NewVendor, "n", Some(keys::NEW_VENDOR), true),
    bind!(Vendors, &[k('c')], Action::Compare, "c", Some(keys::COMPARE), true),
    bind!(Vendors, &[k('/')], Action::Filter, "/", Some(keys::FILTER), true),
    bind!(Vendors, &[k('S')], Action::ReviewScreen, "S", Some(keys::REVIEWS_AND_SIGN_OFF), true),
    bind!(Vendors, &[k('d')], Action::NextDue, "d", Some(keys::NEXT_VENDOR_DUE), false),
    bind!(Vendors, &[k('C')], Action::Reassess, "C", Some(keys::NEW_ASSESSMENT_CYCLE), false),
    bind!(Vendors, &[code(KeyCode::PageUp)], Action::PageUp, "PgUp PgDn", Some(keys::PAGE), false),
    bind!(Vendors, &[code(KeyCode::PageDown)], Action::PageDown, "", None, false),
    bind!(Vendors, &[k('g'), code(KeyCode::Home)], Action::Top, "g G", Some(keys::FIRST_LAST), false),
    bind!(Vendors, &[k('G'), code(KeyCode::End)], Action::Bottom, "", None, false),
    // interview
    bind!(Interview, UP, Action::Up, "↑↓ jk", Some(keys::QUESTION), true),
    bind!(Interview, DOWN, Action::Down, "", None, false),
    bind!(Interview, &[code(KeyCode::Tab)], Action::NextSection, "Tab S-Tab", Some(keys::SECTION), true),
    bind!(Interview, &[code(KeyCode::BackTab)], Action::PrevSection, "", None, false),
    bind!(Interview, &[k('u')], Action::NextUnanswered, "u", Some(keys::NEXT_UNANSWERED), true),
    bind!(Interview, &[k('y')], Action::AnswerYes, "y n", Some(keys::YES_NO), true),
    bind!(Interview, &[k('n')], Action::AnswerNo, "", None, false),
    bind!(Interview, &[k('1')], Action::Pick(1), "1-9 0", Some(keys::PICK_OPTION_OR_RATING), true),
    bind!(Interview, &[k('2')], Action::Pick(2), "", None, false),
    bind!(Interview, &[k('3')], Action::Pick(3), "", None, false),
    bind!(Interview, &[k('4')], Action::Pick(4), "", None, false),
    bind!(Interview, &[k('5')], Action::Pick(5), "", None, false),
    bind!(Interview, &[k('6')], Action::Pick(6), "", None, false),
    bind!(Interview, &[k('7')], Action::Pick(7), "", None, false),
    bind!(Interview, &[k('8')], Action::Pick(8), "", None, false),
    bind!(Interview, &[k('9')], Action::Pick(9), "", None, false),
    bind!(Interview, &[k('0')], Action::Pick(0), "", None, false),
    bind!(Interview, &[code(KeyCode::Left), k('h')], Action::OptionLeft, "←→ hl", Some(keys::HIGHLIGHT_OPTION), false),
    bind!(Interview, &[code(KeyCode::Right), k('l')], Action::OptionRight, "", None, false),
    bind!(Interview, &[k(' ')], Action::ToggleOption, "Space", Some(keys::TOGGLE_PICK_OPTION), false),
    bind!(Interview, &[code(KeyCode::Enter)], Action::EditValue, "Enter", Some(keys::EDIT_VALUE), true),
    bind!(Interview, &[k('x')], Action::ToggleNa, "x", Some(keys::N_A), true),
    bind!(Interview, &[k('e')], Action::EditNote, "e", Some(keys::NOTE), true),
    bind!(Interview, &[k('z')], Action::Undo, "z Z", Some(keys::UNDO_REDO), true),
    bind!(Interview, &[k('Z')], Action::Redo, "", None, false),
    bind!(Interview, &[k('f')], Action::Followup, "f", Some(keys::FOLLOW_UP), true),
    bind!(Interview, &[k('F')], Action::FollowupStatus, "F", Some(keys::FOLLOW_UP_STATUS), false),
    bind!(Interview, &[k('a')], Action::AddEvidence, "a", Some(keys::ADD_EVIDENCE), false),
    bind!(Interview, &[k('d')], Action::NextDue, "d", Some(keys::NEXT_OPEN_FOLLOW_UP), false),
    bind!(Interview, &[code(KeyCode::Delete)], Action::ClearAnswer, "Del", Some(keys::CLEAR_THE_ANSWER), false),
    bind!(Interview, &[code(KeyCode::PageDown)], Action::PageDown, "PgDn PgUp", Some(keys::SCROLL_THE_QUESTION), false),
    bind!(Interview, &[code(KeyCode::PageUp)], Action::PageUp, "", None, false),
    bind!(Interview, &[k('s')], Action::ToggleScorePanel, "s", Some(keys::SCORE_PANEL_NARROW_SCREENS), false),
    bind!(Interview, &[k('H')], Action::ToggleHidden, "H", Some(keys::SHOW_HIDDEN_QUESTIONS), false),
    bind!(Interview, &[k('R')], Action::RetrySave, "R", Some(keys::RETRY_SAVING), false),
    bind!(Interview, &[k('r')], Action::CommentQuestion, "r", Some(keys::COMMENT_ON_THE_QUESTION), false),
    bind!(Interview, &[k('S')], Action::ReviewScreen, "S", Some(keys::REVIEWS_AND_SIGN_OFF), false),
    bind!(Interview, &[k('T')], Action::TakeOver, "T", Some(keys::TAKE_OVER_AS_INTERVIEWER), false),
    bind!(
        Interview,
        &[k('<')],
        Action::ResolveConflict { theirs: false },
        "< >",
        Some(keys::CONFLICT_OURS_THEIRS),
        false
    ),
    bind!(Interview, &[k('>')], Action::ResolveConflict { theirs: true }, "", None, false),
    bind!(Interview, &[k('v')], Action::QuestionHistory, "v", Some(keys::ANSWER_HISTORY_GIT), false),
    bind!(Interview, &[k('C')], Action::Reassess, "C", Some(keys::NEW_ASSESSMENT_CYCLE), false),
    // comparison
    bind!(Compare, UP, Action::Up, "↑↓ jk", Some(keys::MOVE), true),
    bind!(Compare, DOWN, Action::Down, "", None, false),
    bind!(Compare, &[code(KeyCode::Enter)], Action::Open, "Enter", Some(keys::OPEN), true),
    bind!(Compare, &[k('g'), code(KeyCode::Home)], Action::Top, "g G", Some(keys::FIRST_LAST), false),
    bind!(Compare, &[k('G'), code(KeyCode::End)], Action::Bottom, "", None, false),
    bind!(Compare, &[k('S')], Action::ReviewScreen, "S", Some(keys::REVIEWS_AND_SIGN_OFF), true),
    // the review screen
    bind!(Review, UP, Action::Up, "↑↓ jk", Some(keys::SCROLL), true),
    bind!(Review, DOWN, Action::Down, "", None, false),
    bind!(Review, &[k('A')], Action::SignOff(Decision::Approve), "A X N", Some(keys::APPROVE_REJECT_NEEDS_INFO), true),
    bind!(Review, &[k('X')], Action::SignOff(Decision::Reject), "", None, false),
    bind!(Review, &[k('N')], Action::SignOff(Decision::NeedsInfo), "", None, false),
    bind!(Review, &[k('c')], Action::CommentVendor, "c", Some(keys::COMMENT_ON_THE_VENDOR), true),
    // help
    bind!(Help, &[code(KeyCode::Esc), k('?'), k('q')], Action::Back, "Esc ?", Some(keys::CLOSE), true),
    bind!(Help, UP, Action::Up, "↑↓ PgUp PgDn", Some(keys::SCROLL), false),
    bind!(Help, DOWN, Action::Down, "", None, false),
    bind!(Help, &[code(KeyCode::PageUp)], Action::PageUp, "", None, false),
    bind!(Help, &[code(KeyCode::PageDown)], Action::PageDown, "", None, false),
    bind!(Help, &[k('L')], Action::ToggleLanguage, "L", Some(keys::ENGLISH), true),
    // the archived vendors
    bind!(Archived, UP, Action::Up, "↑↓ jk", Some(keys::MOVE), true),
    bind!(Archived, DOWN, Action::Down, "", None, false),
    bind!(Archived, &[code(KeyCode::Enter)], Action::Submit, "Enter", Some(keys::RESTORE), true),
    bind!(Archived, &[code(KeyCode::Esc), k('A'), k('q')], Action::Back, "Esc", Some(keys::CLOSE), true),
    // a confirmation
    bind!(Confirm, &[k('y'), code(KeyCode::Enter)], Action::Submit, "y", Some(keys::YES_DO_IT), true),
    bind!(Confirm, &[k('n'), code(KeyCode::Esc)], Action::Back, "n Esc", Some(keys::NO), true),
    // typing one line
    bind!(LineEdit, &[code(KeyCode::Enter)], Action::Submit, "Enter", Some(keys::DONE), true),
    bind!(LineEdit, &[code(KeyCode::Esc)], Action::Back, "Esc", Some(keys::CANCEL), true),
    // typing the note
    bind!(NoteEdit, &[code(KeyCode::Esc)], Action::Submit, "Esc", Some(keys::CLOSE_KEEPING_THE_TEXT), true),
    bind!(NoteEdit, &[code(KeyCode::Enter)], Action::Newline, "Enter", Some(keys::NEW_LINE), true),
    // anywhere
    bind!(Global, &[k('L')], Action::ToggleLanguage, "L", Some(keys::ENGLISH), true),
    bind!(Global, &[k('?')], Action::Help, "?", Some(keys::HELP), true),
    bind!(Global, &[code(KeyCode::Esc)], Action::Back, "Esc", Some(keys::BACK), true),
    bind!(Global, &[k('q'), ctrl('c')], Action::Quit, "q", Some(keys::QUIT), true),
    // Housekeeping on the vendor list: after the global keys, so the hint
    // bar gives them the room left once `q quit` is shown.
    bind!(Vendors, &[k('R')], Action::Rename, "R", Some(keys::RENAME), true),
    bind!(Vendors, &[k('a')], Action::Archive, "a", Some(keys::ARCHIVE), true),
    bind!(Vendors, &[k('A')], Action::ShowArchived, "A", Some(keys::ARCHIVED_VENDORS_RESTORE), false),
];

/// Keys that edit text wherever text is typed; not rebindable, not listed
/// in the hint bar.
fn editing_key(key: Key) -> Option<Action> {
    let plain = key.mods.is_empty();
    Some(match key.code {
        KeyCode::Char(c) if plain && !c.is_control() => Action::Type(c),
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::Delete,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        _ => return None,
    })
}

/// Where keys go now.
pub fn context(app: &App) -> Context {
    match &app.overlay {
        Some(Overlay::Help { .. } | Overlay::History { .. }) => Help,
        Some(Overlay::Confirm(_)) => Confirm,
        Some(Overlay::NewVendor(_) | Overlay::Rename { .. } | Overlay::Comment { .. } | Overlay::Form(_)) => LineEdit,
        Some(Overlay::Archived { .. }) => Archived,
        None => screen_context(app),
    }
}

/// Where keys would go without an overlay: what the help overlay explains.
pub fn screen_context(app: &App) -> Context {
    match app.screen {
        Screen::Vendors if app.vendors.filtering => LineEdit,
        Screen::Vendors => Vendors,
        Screen::Compare => Compare,
        Screen::Review => Review,
        Screen::Interview => match app.interview.as_ref().and_then(|i| i.editor.as_ref()) {
            Some(e) if e.buffer.is_multiline() => NoteEdit,
            Some(_) => LineEdit,
            None => Interview,
        },
    }
}

fn find(context: Context, key: Key) -> Option<&'static Binding> {
    BINDINGS.iter().find(|b| b.context == context && b.keys.contains(&key))
}

/// The action for `key` in `context`: the context's own binding, else (when
/// not typing) a global one. While typing, Ctrl-C still quits.
pub fn lookup(context: Context, key: Key) -> Option<Action> {
    // A Chinese IME left in full-width mode types `２` or `ｙ`: as a command
    // key it is the key it looks like. Typed text stays as typed.
    let key = if matches!(context, LineEdit | NoteEdit) { key } else { key.half_width() };
    if let Some(b) = find(context, key) {
        return Some(b.action.clone());
    }
    match context {
        LineEdit | NoteEdit => {
            if key == ctrl('c') {
                Some(Action::Quit)
            } else if key == ctrl('j') || key == ctrl('m') {
                // A line feed that is not a bracketed paste ends the line;
                // it never glues what follows onto it.
                Some(if context == NoteEdit { Action::Newline } else { Action::Submit })
            } else {
                editing_key(key)
            }
        }
        Help | Archived => None,
        Confirm if key == ctrl('c') => Some(Action::Quit),
        Confirm => None,
        _ => find(Global, key).map(|b| b.action.clone()),
    }
}

/// The bindings to show for `context`: its own, then the global ones that
/// apply there.
pub fn shown(context: Context) -> impl Iterator<Item = &'static Binding> {
    let globals = !matches!(context, LineEdit | NoteEdit | Help | Confirm | Archived);
    BINDINGS
        .iter()
        .filter(move |b| b.label.is_some() && (b.context == context || (globals && b.context == Global)))
        .filter(move |b| {
            // Esc on the vendor list has nowhere to go back to.
            !(context == Vendors && b.context == Global && b.action == Action::Back)
        })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        let mut seen = HashSet::new();
        for b in BINDINGS {
            for key in b.keys {
                assert!(seen.insert((b.context, *key)), "{:?} {:?} is bound twice", b.context, key);
            }
        }
    }

    #[test]
    fn context_keys_shadow_global_ones_only_on_purpose() {
        // `n` is "new vendor" in the list and "no" in the interview; `q`
        // closes help. Every other context key must not hide a global key.
        let allowed = [
            (Help, k('q')),
            (Help, code(KeyCode::Esc)),
            (Help, k('?')),
            (Help, k('L')),
            (Archived, code(KeyCode::Esc)),
            (Archived, k('q')),
            (LineEdit, code(KeyCode::Esc)),
            (NoteEdit, code(KeyCode::Esc)),
            // Esc on a confirmation is "no".
            (Confirm, code(KeyCode::Esc)),
        ];
        for b in BINDINGS.iter().filter(|b| b.context != Global) {
            for key in b.keys {
                if let Some(g) = find(Global, *key) {
                    assert!(
                        allowed.contains(&(b.context, *key)),
                        "{:?} {:?} hides global {:?}",
                        b.context,
                        key,
                        g.action
                    );
                }
            }
        }
    }

    #[test]
    fn typing_goes_to_the_text_except_ctrl_c() {
        assert_eq!(lookup(LineEdit, k('q')), Some(Action::Type('q')));
        assert_eq!(lookup(NoteEdit, k('L')), Some(Action::Type('L')));
        assert_eq!(lookup(NoteEdit, ctrl('c')), Some(Action::Quit));
        assert_eq!(lookup(Interview, k('q')), Some(Action::Quit));
        assert_eq!(lookup(Interview, k('n')), Some(Action::AnswerNo));
        assert_eq!(lookup(Vendors, k('n')), Some(Action::NewVendor));
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let e = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Vendors, Key::from_event(&e)), Some(Action::Bottom));
        let e = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(Interview, Key::from_event(&e)), Some(Action::PrevSection));
    }
}
