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
    CHECKING { en: "… checking", zh: "… 校验中" }
    DIGEST_MATCHES { en: "✓ digest matches", zh: "✓ 摘要一致" }
    FILE_MISSING { en: "✗ file missing", zh: "✗ 文件缺失" }
    FILE_CHANGED_SINCE_ADDED { en: "✗ file changed since added", zh: "✗ 文件已被改动" }
    CANNOT_READ { en: "✗ cannot read:", zh: "✗ 无法读取：" }
    STILL_LOADING_THIS_VENDOR_A { en: "still loading this vendor; a moment", zh: "该服务商仍在加载，请稍候" }
    THIS_FILE_DOES_NOT_READ { en: "this file does not read; fix it first", zh: "该文件无法读取，请先修复" }
    EVIDENCE_NOT_ADDED { en: "✗ evidence not added:", zh: "✗ 未添加证明材料：" }
    NO_ARCHIVED_VENDORS { en: "no archived vendors", zh: "没有已归档的服务商" }
    // Follow-ups, evidence and new cycles (`app::update::followups`).
    NO_FOLLOWUP { en: "no follow-up on this question: f asks one", zh: "此问题没有补充材料请求：按 f 新建" }
    ASK_EMPTY { en: "say what the vendor should provide (or Esc to cancel)", zh: "请写明需服务商提供的材料（或按 Esc 取消）" }
    PATH_EMPTY { en: "type a file's path (relative to the workspace or absolute) or an http(s) URL", zh: "请输入文件路径（相对工作区或绝对路径）或 http(s) 网址" }
    FOLLOWUP_CANCELLED { en: "follow-up not saved", zh: "补充材料请求未保存" }
    EVIDENCE_CANCELLED { en: "no evidence added", zh: "未添加证明材料" }
    COPYING { en: "copying the evidence…", zh: "正在复制证明材料…" }
    NO_OPEN { en: "no open follow-ups", zh: "没有待补充的材料" }
    NONE_DUE {
        en: "nothing due: no re-assessment, expiring date or evidence within 90 days, no overdue follow-up",
        zh: "没有到期事项：90 天内没有需重新评估、到期的日期或证明材料，也没有逾期的补充材料",
    }
    SAVE_FIRST { en: "saving first; press again", zh: "正在保存，请稍后再按" }
    NO_DATE { en: "has no assessed_on date: set it in the file before starting a new cycle", zh: "没有 assessed_on 日期：请先在文件中填写，再开始新一轮评估" }
    TEXT_IS_NOT_A_DATE { en: "`{text}` is not a date: write YYYY-MM-DD, e.g. 2026-12-31, or leave it empty", zh: "“{text}”不是日期：请写成 YYYY-MM-DD，例如 2026-12-31，或留空" }
    EVIDENCE_ADDED_LABEL { en: "evidence added: {label}", zh: "已添加证明材料：{label}" }
    NAME_WAS_ASSESSED_ON_FROM { en: "✗ {name} was assessed on {from}: a new cycle can start after that day", zh: "✗ {name} 的评估日期为 {from}：新一轮评估须在此日期之后开始" }
    NEW_CYCLE_ASSESSED_ON_ON { en: "✓ new cycle assessed on {on}; answers carried over, to confirm; the last cycle is kept as {history}", zh: "✓ 已开始 {on} 的新一轮评估；答案已沿用，待确认；上一轮保存在 {history}" }
    SHOWN_IS_NOT_A_FILE { en: "{shown} is not a file; give a file or an http(s) URL", zh: "{shown} 不是文件；请给出文件或 http(s) 网址" }
    WHO_IS_INTERVIEWING_THIS_VENDOR { en: "✗ {who} is interviewing this vendor; a new cycle can start when they leave", zh: "✗ {who} 正在访谈该服务商；对方离开后才能开始新一轮评估" }
    ARCHIVED_NAME_A_LISTS_ARCHIVED { en: "✓ archived {name} (A lists archived vendors, to restore)", zh: "✓ 已归档 {name}（按 A 查看已归档的服务商并恢复）" }
    LANGUAGE_NOT_REMEMBERED { en: "language not remembered:", zh: "未能记住语言：" }
    FOLLOWUP_REQUESTED_AGAIN { en: "follow-up requested again", zh: "补充材料已重新请求" }
    FOLLOWUP_RECEIVED { en: "follow-up received, to review", zh: "补充材料已收到，待核对" }
    FOLLOWUP_CLOSED { en: "follow-up closed", zh: "补充材料已关闭" }
    NO_SUCH_FILE { en: "no file {shown}", zh: "找不到文件 {shown}" }
    NO_SUCH_EVIDENCE_FILE {
        en: "no file {shown} (a path is relative to the workspace {root})",
        zh: "找不到文件 {shown}（相对路径以工作区 {root} 为起点）",
    }
    RENAMED { en: "✓ renamed: {name} [{slug}]", zh: "✓ 已改名：{name} [{slug}]" }
    RESTORED { en: "✓ restored {name} [{slug}]", zh: "✓ 已恢复 {name} [{slug}]" }
    // Sign-offs and comments (`app::run::reviews`).
    NOT_SIGNED_UNREADABLE {
        en: "✗ not signed: the vendor file on disk does not read",
        zh: "✗ 未签核：磁盘上的服务商文件无法读取",
    }
    SIGNED_APPROVE { en: "✓ approve", zh: "✓ 已签核：批准" }
    SIGNED_REJECT { en: "✓ reject", zh: "✓ 已签核：拒绝" }
    SIGNED_NEEDS_INFO { en: "✓ needs-info", zh: "✓ 已签核：需补充信息" }
    COMMENT_SAVED { en: "✓ comment saved", zh: "✓ 评论已保存" }
    // What the app could not do.
    CANNOT_CHECK_EVIDENCE { en: "cannot check evidence: {why}", zh: "无法校验证明材料：{why}" }
    CANNOT_LOAD_IN_BACKGROUND { en: "cannot load vendors in the background: {why}", zh: "无法在后台加载服务商：{why}" }
    CANNOT_START_TERMINAL { en: "cannot start the terminal: {why}", zh: "无法启动终端：{why}" }
    ANSWERS_NOT_SAVED { en: "these answers could not be saved: {keys}", zh: "以下答案未能保存：{keys}" }
    CANNOT_WATCH_SIGNALS { en: "cannot watch for signals: {why}", zh: "无法监听系统信号：{why}" }
    CANNOT_WATCH_WORKSPACE { en: "cannot watch the workspace: {why}", zh: "无法监视工作区的变化：{why}" }
    CANNOT_DRAW { en: "cannot draw: {why}", zh: "无法绘制界面：{why}" }
    CANNOT_START_SAVING { en: "cannot start saving: {why}", zh: "无法开始保存：{why}" }
    SAVING_THREAD_STOPPED { en: "the saving thread has stopped", zh: "保存线程已停止" }
    /// SAVE_CONFLICT, marked as a failure.
    SAVE_CONFLICT_MARKED {
        en: "✗ {key} was changed by someone else; theirs is kept, yours is in {name}",
        zh: "✗ {key} 已被他人修改；保留对方的答案，您的答案在 {name}",
    }
}
