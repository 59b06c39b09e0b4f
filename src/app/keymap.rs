//! The one table of key bindings. Key lookup, the hint bar and the help
//! overlay all read it, so what the help says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::state::{App, Overlay, Screen};
use crate::domain::text::Lang;
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
    pub en: &'static str,
    pub zh: &'static str,
    /// Also shown in the one-line hint bar.
    pub hint: bool,
}

impl Binding {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

use Context::{Archived, Compare, Confirm, Global, Help, Interview, LineEdit, NoteEdit, Review, Vendors};

const UP: &[Key] = &[code(KeyCode::Up), k('k')];
const DOWN: &[Key] = &[code(KeyCode::Down), k('j')];

macro_rules! bind {
    ($ctx:expr, $keys:expr, $action:expr, $shown:expr, $en:expr, $zh:expr, $hint:expr) => {
        Binding { context: $ctx, keys: $keys, action: $action, shown: $shown, en: $en, zh: $zh, hint: $hint }
    };
}

/// Every binding. Order within a context is the order of the help overlay
/// and the hint bar.
pub static BINDINGS: &[Binding] = &[
    // vendor list
    bind!(Vendors, UP, Action::Up, "↑↓ jk", "move", "移动", true),
    bind!(Vendors, DOWN, Action::Down, "", "", "", false),
    bind!(Vendors, &[code(KeyCode::Enter)], Action::Open, "Enter", "open", "打开", true),
    bind!(Vendors, &[k('n')], Action::NewVendor, "n", "new vendor", "新建", true),
    bind!(Vendors, &[k('c')], Action::Compare, "c", "compare", "对比", true),
    bind!(Vendors, &[k('/')], Action::Filter, "/", "filter", "筛选", true),
    bind!(Vendors, &[k('S')], Action::ReviewScreen, "S", "reviews and sign-off", "评审与签核", true),
    bind!(Vendors, &[k('d')], Action::NextDue, "d", "next vendor due", "下一个到期的服务商", false),
    bind!(Vendors, &[k('C')], Action::Reassess, "C", "new assessment cycle", "开始新一轮评估", false),
    bind!(Vendors, &[code(KeyCode::PageUp)], Action::PageUp, "PgUp PgDn", "page", "翻页", false),
    bind!(Vendors, &[code(KeyCode::PageDown)], Action::PageDown, "", "", "", false),
    bind!(Vendors, &[k('g'), code(KeyCode::Home)], Action::Top, "g G", "first / last", "首 / 尾", false),
    bind!(Vendors, &[k('G'), code(KeyCode::End)], Action::Bottom, "", "", "", false),
    // interview
    bind!(Interview, UP, Action::Up, "↑↓ jk", "question", "切换问题", true),
    bind!(Interview, DOWN, Action::Down, "", "", "", false),
    bind!(Interview, &[code(KeyCode::Tab)], Action::NextSection, "Tab S-Tab", "section", "切换部分", true),
    bind!(Interview, &[code(KeyCode::BackTab)], Action::PrevSection, "", "", "", false),
    bind!(Interview, &[k('u')], Action::NextUnanswered, "u", "next unanswered", "下一未答", true),
    bind!(Interview, &[k('y')], Action::AnswerYes, "y n", "yes / no", "是 / 否", true),
    bind!(Interview, &[k('n')], Action::AnswerNo, "", "", "", false),
    bind!(Interview, &[k('1')], Action::Pick(1), "1-9 0", "pick option or rating", "选择选项或评分", true),
    bind!(Interview, &[k('2')], Action::Pick(2), "", "", "", false),
    bind!(Interview, &[k('3')], Action::Pick(3), "", "", "", false),
    bind!(Interview, &[k('4')], Action::Pick(4), "", "", "", false),
    bind!(Interview, &[k('5')], Action::Pick(5), "", "", "", false),
    bind!(Interview, &[k('6')], Action::Pick(6), "", "", "", false),
    bind!(Interview, &[k('7')], Action::Pick(7), "", "", "", false),
    bind!(Interview, &[k('8')], Action::Pick(8), "", "", "", false),
    bind!(Interview, &[k('9')], Action::Pick(9), "", "", "", false),
    bind!(Interview, &[k('0')], Action::Pick(0), "", "", "", false),
    bind!(
        Interview,
        &[code(KeyCode::Left), k('h')],
        Action::OptionLeft,
        "←→ hl",
        "highlight option",
        "移动选项",
        false
    ),
    bind!(Interview, &[code(KeyCode::Right), k('l')], Action::OptionRight, "", "", "", false),
    bind!(Interview, &[k(' ')], Action::ToggleOption, "Space", "toggle / pick option", "勾选选项", false),
    bind!(Interview, &[code(KeyCode::Enter)], Action::EditValue, "Enter", "edit value", "编辑", true),
    bind!(Interview, &[k('x')], Action::ToggleNa, "x", "N/A", "不适用", true),
    bind!(Interview, &[k('e')], Action::EditNote, "e", "note", "备注", true),
    bind!(Interview, &[k('z')], Action::Undo, "z Z", "undo / redo", "撤销 / 重做", true),
    bind!(Interview, &[k('Z')], Action::Redo, "", "", "", false),
    bind!(Interview, &[k('f')], Action::Followup, "f", "follow-up", "补充材料", true),
    bind!(Interview, &[k('F')], Action::FollowupStatus, "F", "follow-up status", "补充材料状态", false),
    bind!(Interview, &[k('a')], Action::AddEvidence, "a", "add evidence", "添加证明材料", false),
    bind!(Interview, &[k('d')], Action::NextDue, "d", "next open follow-up", "下一项待补充", false),
    bind!(Interview, &[code(KeyCode::Delete)], Action::ClearAnswer, "Del", "clear the answer", "清除答案", false),
    bind!(
        Interview,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "PgDn PgUp",
        "scroll the question",
        "滚动问题",
        false
    ),
    bind!(Interview, &[code(KeyCode::PageUp)], Action::PageUp, "", "", "", false),
    bind!(
        Interview,
        &[k('s')],
        Action::ToggleScorePanel,
        "s",
        "score panel (narrow screens)",
        "评分面板（窄屏）",
        false
    ),
    bind!(Interview, &[k('H')], Action::ToggleHidden, "H", "show hidden questions", "显示隐藏的问题", false),
    bind!(Interview, &[k('R')], Action::RetrySave, "R", "retry saving", "重试保存", false),
    bind!(Interview, &[k('r')], Action::CommentQuestion, "r", "comment on the question", "评论此问题", false),
    bind!(Interview, &[k('S')], Action::ReviewScreen, "S", "reviews and sign-off", "评审与签核", false),
    bind!(Interview, &[k('T')], Action::TakeOver, "T", "take over as interviewer", "接手访谈", false),
    bind!(
        Interview,
        &[k('<')],
        Action::ResolveConflict { theirs: false },
        "< >",
        "conflict: ours / theirs",
        "冲突：保留我方 / 对方",
        false
    ),
    bind!(Interview, &[k('>')], Action::ResolveConflict { theirs: true }, "", "", "", false),
    bind!(Interview, &[k('v')], Action::QuestionHistory, "v", "answer history (git)", "答案历史（git）", false),
    bind!(Interview, &[k('C')], Action::Reassess, "C", "new assessment cycle", "开始新一轮评估", false),
    // comparison
    bind!(Compare, UP, Action::Up, "↑↓ jk", "move", "移动", true),
    bind!(Compare, DOWN, Action::Down, "", "", "", false),
    bind!(Compare, &[code(KeyCode::Enter)], Action::Open, "Enter", "open", "打开", true),
    bind!(Compare, &[k('g'), code(KeyCode::Home)], Action::Top, "g G", "first / last", "首 / 尾", false),
    bind!(Compare, &[k('G'), code(KeyCode::End)], Action::Bottom, "", "", "", false),
    bind!(Compare, &[k('S')], Action::ReviewScreen, "S", "reviews and sign-off", "评审与签核", true),
    // the review screen
    bind!(Review, UP, Action::Up, "↑↓ jk", "scroll", "滚动", true),
    bind!(Review, DOWN, Action::Down, "", "", "", false),
    bind!(
        Review,
        &[k('A')],
        Action::SignOff(Decision::Approve),
        "A X N",
        "approve / reject / needs info",
        "批准 / 拒绝 / 需补充",
        true
    ),
    bind!(Review, &[k('X')], Action::SignOff(Decision::Reject), "", "", "", false),
    bind!(Review, &[k('N')], Action::SignOff(Decision::NeedsInfo), "", "", "", false),
    bind!(Review, &[k('c')], Action::CommentVendor, "c", "comment on the vendor", "评论服务商", true),
    // help
    bind!(Help, &[code(KeyCode::Esc), k('?'), k('q')], Action::Back, "Esc ?", "close help", "关闭帮助", true),
    bind!(Help, &[k('L')], Action::ToggleLanguage, "L", "中文 / English", "中文 / English", true),
    // the archived vendors
    bind!(Archived, UP, Action::Up, "↑↓ jk", "move", "移动", true),
    bind!(Archived, DOWN, Action::Down, "", "", "", false),
    bind!(Archived, &[code(KeyCode::Enter)], Action::Submit, "Enter", "restore", "恢复", true),
    bind!(Archived, &[code(KeyCode::Esc), k('A'), k('q')], Action::Back, "Esc", "close", "关闭", true),
    // a confirmation
    bind!(Confirm, &[k('y'), code(KeyCode::Enter)], Action::Submit, "y", "yes, do it", "是，执行", true),
    bind!(Confirm, &[k('n'), code(KeyCode::Esc)], Action::Back, "n Esc", "no", "否", true),
    // typing one line
    bind!(LineEdit, &[code(KeyCode::Enter)], Action::Submit, "Enter", "done", "确定", true),
    bind!(LineEdit, &[code(KeyCode::Esc)], Action::Back, "Esc", "cancel", "取消", true),
    // typing the note
    bind!(NoteEdit, &[code(KeyCode::Esc)], Action::Submit, "Esc", "close, keeping the text", "关闭并保留文字", true),
    bind!(NoteEdit, &[code(KeyCode::Enter)], Action::Newline, "Enter", "new line", "换行", true),
    // anywhere
    bind!(Global, &[k('L')], Action::ToggleLanguage, "L", "中文 / English", "中文 / English", true),
    bind!(Global, &[k('?')], Action::Help, "?", "help", "帮助", true),
    bind!(Global, &[code(KeyCode::Esc)], Action::Back, "Esc", "back", "返回", true),
    bind!(Global, &[k('q'), ctrl('c')], Action::Quit, "q", "quit", "退出", true),
    // Housekeeping on the vendor list: after the global keys, so the hint
    // bar gives them the room left once `q quit` is shown.
    bind!(Vendors, &[k('R')], Action::Rename, "R", "rename", "改名", true),
    bind!(Vendors, &[k('a')], Action::Archive, "a", "archive", "归档", true),
    bind!(Vendors, &[k('A')], Action::ShowArchived, "A", "archived vendors (restore)", "已归档（恢复）", false),
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
        Some(Overlay::Help | Overlay::History { .. }) => Help,
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
        .filter(move |b| !b.en.is_empty() && (b.context == context || (globals && b.context == Global)))
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
