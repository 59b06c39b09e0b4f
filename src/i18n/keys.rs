//! Messages: what each key does, for the help overlay and the hint bar
//! (`app::keymap`). Each entry holds both languages; see `crate::i18n`.

messages! {
    MOVE { en: "move", zh: "移动" }
    OPEN { en: "open", zh: "打开" }
    NEW_VENDOR { en: "new vendor", zh: "新建" }
    COMPARE { en: "compare", zh: "对比" }
    FILTER { en: "filter", zh: "筛选" }
    REVIEWS_AND_SIGN_OFF { en: "reviews and sign-off", zh: "评审与签核" }
    NEXT_VENDOR_DUE { en: "next vendor due", zh: "下一个到期的服务商" }
    NEW_ASSESSMENT_CYCLE { en: "new assessment cycle", zh: "开始新一轮评估" }
    PAGE { en: "page", zh: "翻页" }
    FIRST_LAST { en: "first / last", zh: "首 / 尾" }
    QUESTION { en: "question", zh: "切换问题" }
    SECTION { en: "section", zh: "切换部分" }
    NEXT_UNANSWERED { en: "next unanswered", zh: "下一未答" }
    YES_NO { en: "yes / no", zh: "是 / 否" }
    PICK_OPTION_OR_RATING { en: "pick option or rating", zh: "选择选项或评分" }
    HIGHLIGHT_OPTION { en: "highlight option", zh: "移动选项" }
    TOGGLE_PICK_OPTION { en: "toggle / pick option", zh: "勾选选项" }
    EDIT_VALUE { en: "edit value", zh: "编辑" }
    N_A { en: "N/A", zh: "不适用" }
    NOTE { en: "note", zh: "备注" }
    UNDO_REDO { en: "undo / redo", zh: "撤销 / 重做" }
    FOLLOW_UP { en: "follow-up", zh: "补充材料" }
    FOLLOW_UP_STATUS { en: "follow-up status", zh: "补充材料状态" }
    ADD_EVIDENCE { en: "add evidence", zh: "添加证明材料" }
    NEXT_OPEN_FOLLOW_UP { en: "next open follow-up", zh: "下一项待补充" }
    CLEAR_THE_ANSWER { en: "clear the answer", zh: "清除答案" }
    SCROLL_THE_QUESTION { en: "scroll the question", zh: "滚动问题" }
    SCORE_PANEL_NARROW_SCREENS { en: "score panel (narrow screens)", zh: "评分面板（窄屏）" }
    SHOW_HIDDEN_QUESTIONS { en: "show hidden questions", zh: "显示隐藏的问题" }
    RETRY_SAVING { en: "retry saving", zh: "重试保存" }
    COMMENT_ON_THE_QUESTION { en: "comment on the question", zh: "评论此问题" }
    TAKE_OVER_AS_INTERVIEWER { en: "take over as interviewer", zh: "接手访谈" }
    CONFLICT_OURS_THEIRS { en: "conflict: ours / theirs", zh: "冲突：保留我方 / 对方" }
    ANSWER_HISTORY_GIT { en: "answer history (git)", zh: "答案历史（git）" }
    SCROLL { en: "scroll", zh: "滚动" }
    APPROVE_REJECT_NEEDS_INFO { en: "approve / reject / needs info", zh: "批准 / 拒绝 / 需补充" }
    COMMENT_ON_THE_VENDOR { en: "comment on the vendor", zh: "评论服务商" }
    ENGLISH { en: "中文 / English", zh: "中文 / English" }
    RESTORE { en: "restore", zh: "恢复" }
    CLOSE { en: "close", zh: "关闭" }
    YES_DO_IT { en: "yes, do it", zh: "是，执行" }
    NO { en: "no", zh: "否" }
    DONE { en: "done", zh: "确定" }
    CANCEL { en: "cancel", zh: "取消" }
    CLOSE_KEEPING_THE_TEXT { en: "close, keeping the text", zh: "关闭并保留文字" }
    NEW_LINE { en: "new line", zh: "换行" }
    HELP { en: "help", zh: "帮助" }
    BACK { en: "back", zh: "返回" }
    QUIT { en: "quit", zh: "退出" }
    RENAME { en: "rename", zh: "改名" }
    ARCHIVE { en: "archive", zh: "归档" }
    ARCHIVED_VENDORS_RESTORE { en: "archived vendors (restore)", zh: "已归档（恢复）" }
}
