//! Messages: status. Each entry holds both languages; see `crate::i18n`.

messages! {
    YOU_ARE_THE_INTERVIEWER_ALREADY { en: "you are the interviewer already", zh: "您已是访谈人" }
    YOU_INTERVIEWED_THIS_VENDOR_ITS {
        en: "✗ you interviewed this vendor: its sign-off is for someone else (ccvet.toml may allow it)",
        zh: "✗ 您是该服务商的访谈人：签核须由他人进行（ccvet.toml 可另行允许）",
    }
    CANCELLED_NOTHING_CHANGED { en: "cancelled: nothing changed", zh: "已取消：未做任何更改" }
    CANNOT_OPEN_FIX_THE_FILE { en: "cannot open; fix the file first:", zh: "无法打开，请先修复文件：" }
    SAVED { en: "saved", zh: "已保存" }
    R_RETRIES { en: " · R retries", zh: " · 按 R 重试" }
    NOT_SAVED { en: "not saved:", zh: "未保存：" }
    THE_FILE_WAS_CHANGED_ON {
        en: "the file was changed on disk by someone else; shown as it is now",
        zh: "文件已被他人修改，已显示最新版本",
    }
    NO_MERGE_CONFLICT_ON_THIS { en: "no merge conflict on this question", zh: "此问题没有合并冲突" }
    SAVING_FIRST_PRESS_AGAIN { en: "saving first; press again", zh: "正在保存，请稍后再按" }
    EVERY_QUESTION_HAS_AN_ANSWER { en: "every question has an answer", zh: "所有问题均已作答" }
    Y_N_ANSWER_YES_NO { en: "y / n answer yes/no questions", zh: "y / n 用于是否题" }
    SPACE_OR_1_9_TOGGLES { en: "Space or 1-9 toggles an option", zh: "按空格或 1-9 勾选选项" }
    ANSWER_WITH_Y_OR_N { en: "answer with y or n", zh: "请按 y 或 n 作答" }
    THIS_QUESTION_DOES_NOT_ALLOW { en: "this question does not allow N/A", zh: "此问题不允许\"不适用\"" }
    RATE { en: "rate", zh: "评分范围" }
    COMMENT_KEPT_AS_A_DRAFT { en: "comment kept as a draft", zh: "评论已保留为草稿" }
    EDIT_CANCELLED_THE_ANSWER_IS { en: "edit cancelled; the answer is unchanged", zh: "已取消编辑，答案未变" }
    A_VENDOR_NEEDS_A_NAME { en: "a vendor needs a name", zh: "服务商需要名称" }
    NOT_SAVED_MARKED { en: "✗ not saved:", zh: "✗ 未保存：" }
    CREATED { en: "created", zh: "已新建" }
    YOU_ARE_THE_INTERVIEWER_NOW { en: "you are the interviewer now", zh: "现在由您进行访谈" }
    SOMEONE_STILL_HOLDS_THIS_VENDOR { en: "someone still holds this vendor", zh: "仍有人在访谈此服务商" }
    /// Why a typed value is not an answer (the reason in the same language).
    INVALID_VALUE { en: "{why}", zh: "无效：{why}" }
    SAVE_CONFLICT {
        en: "{key} was changed by someone else; theirs is kept, yours is in {name}",
        zh: "{key} 已被他人修改；保留对方的答案，您的答案在 {name}",
    }
    NOTHING_TO_UNDO { en: "nothing to undo", zh: "没有可撤销的修改" }
    NOTHING_TO_REDO { en: "nothing to redo", zh: "没有可重做的修改" }
    NOT_UNDONE_THEIRS {
        en: "✗ not undone: {key} was changed by someone else since; theirs stays",
        zh: "✗ 未撤销：{key} 之后已被他人修改，保留对方的答案",
    }
    UNDONE { en: "undone: {key}", zh: "已撤销：{key}" }
    REDONE { en: "redone: {key}", zh: "已重做：{key}" }
    READ_ONLY_T_TO_ANSWER { en: "read-only: T to answer", zh: "只读：按 T 作答" }
    READ_ONLY_INTERVIEWING {
        en: "read-only: {user} is interviewing; T takes over when they leave",
        zh: "只读：{user} 正在访谈；对方离开后按 T 接手",
    }
    SHOWING_HIDDEN {
        en: "showing {n} question(s) hidden by their conditions (greyed)",
        zh: "显示 {n} 个因条件不满足而隐藏的问题（灰色）",
    }
    HIDING_HIDDEN { en: "{n} question(s) hidden by their conditions", zh: "已隐藏 {n} 个条件不满足的问题" }
    QUIT_UNSAVED {
        en: "✗ {unsaved} answer(s) not saved yet; retrying. q again quits without them",
        zh: "✗ {unsaved} 条答案尚未保存，正在重试；再按 q 将放弃它们并退出",
    }
    TAKE_OVER_WAIT {
        en: "{user} is interviewing now; T works once they leave the vendor",
        zh: "{user} 正在访谈；对方离开该服务商后才能按 T 接手",
    }
}
