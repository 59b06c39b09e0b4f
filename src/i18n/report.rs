//! Messages: report. Each entry holds both languages; see `crate::i18n`.

messages! {
    QUESTIONNAIRE { en: "questionnaire", zh: "问卷" }
    ASSESSED { en: "assessed", zh: "评估日期" }
    INTERVIEWER { en: "interviewer", zh: "访谈人" }
    DISQUALIFIED_RED_LINE_CROSSED { en: "DISQUALIFIED (red line crossed):", zh: "不合格（触及红线）：" }
    SCORE { en: "Score", zh: "得分" }
    RANGE { en: "Range", zh: "可能区间" }
    /// After the range on `score`: Chinese says it in the label ("可能区间").
    STILL_POSSIBLE { en: "{range} still possible", zh: "{range}", same }
    ANSWERED { en: "Answered", zh: "已答" }
    HIDDEN { en: "Hidden", zh: "已隐藏" }
    CONDITION_NOT_MET_NOT_SCORED { en: "(condition not met, not scored)", zh: "（条件不满足，不计分）" }
    SECTION { en: "Section", zh: "部分" }
    WEIGHT { en: "Weight", zh: "权重" }
    RANGE_COLUMN { en: "Range", zh: "区间" }
    ANSWER_TO_A_QUESTION_THE {
        en: "answer to a question the questionnaire no longer has (kept in the file)",
        zh: "问卷中已无此问题的答案（保留在文件中）",
    }
    MERGE_CONFLICT_OURS_IS_IN {
        en: "merge conflict: ours is in force; `ccvet resolve VENDOR KEY --ours|--theirs`",
        zh: "合并冲突：当前采用我方；用 `ccvet resolve VENDOR KEY --ours|--theirs` 解决",
    }
    IS_INTERVIEWING { en: "is interviewing", zh: "正在访谈" }
    WORKSPACE { en: "Workspace", zh: "工作区" }
    NO_VENDORS_YET_CREATE_ONE {
        en: "No vendors yet. Create one with: ccvet new \"Vendor name\"",
        zh: "还没有服务商。新建：ccvet new \"服务商名称\"",
    }
    VENDOR { en: "Vendor", zh: "服务商" }
    BAND { en: "Band", zh: "评级" }
    DONE { en: "Done", zh: "完成" }
    STATUS_SIGN_OFFS_STALE { en: "Status · sign-offs (~ stale)", zh: "状态 · 签核（~ 已过期）" }
    DISQUALIFIED { en: "DISQUALIFIED", zh: "不合格" }
    VERDICT { en: "Verdict", zh: "结论" }
    PROVISIONAL_QUESTIONS_STILL_OPEN { en: "provisional: questions still open", zh: "暂定：尚有未答问题" }
    RANGE_STILL_POSSIBLE { en: "Range still possible", zh: "可能区间" }
    COMPLETION { en: "Completion", zh: "完成度" }
    DISQUALIFIED_RED_LINES_CROSSED { en: "DISQUALIFIED: red lines crossed", zh: "不合格：触及红线" }
    NO_RED_LINE_CROSSED { en: "No red line crossed", zh: "未触及红线" }
    SIGN_OFFS { en: "Sign-offs", zh: "签核" }
    NO_SIGN_OFFS_YET { en: "No sign-offs yet.", zh: "尚无签核。" }
    DECISION { en: "Decision", zh: "决定" }
    ACCOUNT { en: "Account", zh: "账号" }
    TIME { en: "Time", zh: "时间" }
    STALE_THE_ANSWERS_CHANGED_SINCE { en: "~ stale: the answers changed since", zh: "~ 已过期：之后回答有改动" }
    UNVERIFIED_THE_FILE_IS_NOT {
        en: "⚠ unverified: the file is not owned by this account; not counted",
        zh: "⚠ 未验证：文件不属于该账号，不计入",
    }
    REVIEWERS_COMMENTS { en: "Reviewers' comments", zh: "评审意见" }
    WHO_ANSWERED { en: "Who answered", zh: "回答来源" }
    SECTIONS { en: "Sections", zh: "各部分" }
    QUESTION { en: "Question", zh: "问题" }
    ANSWER { en: "Answer", zh: "回答" }
    NOTE_AND_COMMENTS { en: "Note and comments", zh: "备注与评审意见" }
    ANSWERS_TO_REMOVED_QUESTIONS { en: "Answers to removed questions", zh: "已删除问题的答案" }
    SIGNATURES { en: "Signatures", zh: "签字" }
    ROLE { en: "Role", zh: "角色" }
    NAME { en: "Name", zh: "姓名" }
    SIGNATURE { en: "Signature", zh: "签名" }
    DATE { en: "Date", zh: "日期" }
    INTERVIEWER_HEADING { en: "Interviewer", zh: "访谈人" }
    REVIEWER { en: "Reviewer", zh: "评审人" }
    APPROVER { en: "Approver", zh: "审批人" }
    APPROVED { en: "approved", zh: "批准" }
    REJECTED { en: "rejected", zh: "否决" }
    NEEDS_INFORMATION { en: "needs information", zh: "需补充信息" }
    UNANSWERED { en: "unanswered", zh: "未答" }
    RED_LINE { en: "✗ RED LINE", zh: "✗ 红线" }
    NOT_SCORED { en: "not scored", zh: "不计分" }
    INVALID_ANSWER { en: "! invalid answer", zh: "! 答案无效" }
    HIDDEN_CONDITION_NOT_MET { en: "hidden (condition not met)", zh: "已隐藏（条件不满足）" }
    STATED_BY_THE_VENDOR_IMPORTED { en: "Stated by the vendor (imported workbook)", zh: "供应商自述（导入的工作簿）" }
    ASSESSED_ON { en: "Assessed on", zh: "评估日期" }
    QUESTIONNAIRE_HEADING { en: "Questionnaire", zh: "问卷" }
    STALE { en: " ~ stale", zh: " ~ 已过期" }
    UNVERIFIED { en: " ⚠ unverified", zh: " ⚠ 未验证" }
    VENDORS_SIDE_BY_SIDE { en: "vendors side by side", zh: "服务商对比" }
    QUESTION_BY_QUESTION { en: "Question by question", zh: "逐题对比" }
    // The CSV of `compare --csv`: the column headers, in order.
    CSV_RANK { en: "Rank", zh: "排名" }
    CSV_VENDOR { en: "Vendor", zh: "服务商" }
    CSV_SLUG { en: "Slug", zh: "标识" }
    CSV_SCORE { en: "Score", zh: "得分" }
    CSV_LOWEST { en: "Lowest possible", zh: "最低可能" }
    CSV_HIGHEST { en: "Highest possible", zh: "最高可能" }
    CSV_BAND { en: "Band", zh: "评级" }
    CSV_DISQUALIFIED { en: "Disqualified", zh: "不合格" }
    CSV_RED_LINE_IDS { en: "Red-line ids", zh: "红线题号" }
    CSV_ANSWERED { en: "Answered", zh: "已答" }
    CSV_QUESTIONS { en: "Questions", zh: "题数" }
    CSV_BAND_ID { en: "Band id", zh: "评级编号" }
    CSV_RED_LINES { en: "Red lines", zh: "触及红线" }
    CSV_SIGN_OFFS { en: "Sign-offs (~ stale)", zh: "签核（~ 已过期）" }
    // The vendor was assessed with another questionnaire (`score`, `validate`).
    OTHER_QUESTIONNAIRE {
        en: "this vendor was assessed with questionnaire `{id}`, but `{in_use}` is in use",
        zh: "该服务商是按问卷 `{id}` 评估的，但当前使用的是 `{in_use}`",
    }
    OTHER_QUESTIONNAIRE_VERSION {
        en: "this vendor was assessed with version {was} of `{id}`, but version {now} is in use",
        zh: "该服务商是按问卷 `{id}` 的第 {was} 版评估的，但当前使用的是第 {now} 版",
    }
}
