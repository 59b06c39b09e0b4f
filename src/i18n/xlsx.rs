//! Messages: xlsx. Each entry holds both languages; see `crate::i18n`.

messages! {
    QUESTIONS { en: "Questions", zh: "逐题对比" }
    RANKING { en: "Ranking", zh: "排名" }
    VENDOR { en: "Vendor", zh: "服务商" }
    SCORE { en: "Score", zh: "得分" }
    BAND { en: "Band", zh: "评级" }
    LOWEST_POSSIBLE { en: "Lowest possible", zh: "最低可能" }
    HIGHEST_POSSIBLE { en: "Highest possible", zh: "最高可能" }
    COMPLETION { en: "Completion", zh: "完成度" }
    STATUS { en: "Status", zh: "状态" }
    RED_LINES { en: "Red lines", zh: "触及红线" }
    SIGN_OFFS_STALE { en: "Sign-offs (~ stale)", zh: "签核（~ 已过期）" }
    DISQUALIFIED { en: "DISQUALIFIED", zh: "不合格" }
    STALE { en: " ~ stale", zh: " ~ 已过期" }
    UNVERIFIED { en: " ⚠ unverified", zh: " ⚠ 未验证" }
    SECTION { en: "Section", zh: "部分" }
    QUESTION { en: "Question", zh: "问题" }
    ANSWER { en: "Answer", zh: "回答" }
    NOTE { en: "Note", zh: "备注" }
    SOURCE { en: "Source", zh: "来源" }
    STATE { en: "State", zh: "状态" }
    EVIDENCE_TO_ASK_FOR { en: "Evidence to ask for", zh: "需提供的证明" }
    INTERVIEWER { en: "interviewer", zh: "访谈记录" }
    OPEN { en: "open", zh: "未答" }
    N_A { en: "N/A", zh: "不适用" }
    RED_LINE { en: "RED LINE", zh: "红线" }
    SCORED { en: "scored", zh: "已计分" }
    NOT_SCORED { en: "not scored", zh: "不计分" }
    OPEN_NOT_SCORED { en: "open (not scored)", zh: "未答（不计分）" }
    HIDDEN_CONDITION_NOT_MET { en: "hidden (condition not met)", zh: "已隐藏（条件不满足）" }
    SIGN_OFFS { en: "Sign-offs", zh: "签核" }
    QUESTIONS_2 { en: "Questions", zh: "问卷" }
    INSTRUCTIONS { en: "Instructions", zh: "填写说明" }
    VENDOR_QUESTIONNAIRE { en: "Vendor questionnaire", zh: "供应商问卷" }
    YOUR_COMPANY { en: "(your company)", zh: "（贵公司名称）" }
    VENDOR_2 { en: "Vendor", zh: "供应商" }
    DATE { en: "Date", zh: "日期" }
    QUESTIONNAIRE { en: "Questionnaire", zh: "问卷" }
    QUESTIONS_3 { en: "Questions", zh: "题数" }
    HOW_TO_FILL_IT_IN { en: "How to fill it in", zh: "填写方法" }
    SECTION_2 { en: "section", zh: "部分" }
    QUESTION_2 { en: "question", zh: "问题" }
    ANSWER_2 { en: "answer", zh: "answer 回答" }
    NOTE_2 { en: "note", zh: "note 备注" }
    EVIDENCE_TO_PROVIDE { en: "evidence to provide", zh: "需提供的证明" }
    UNIT { en: "unit", zh: "单位" }
    HOW_TO_ANSWER { en: "how to answer", zh: "填写方式" }
    N_A_ALLOWED { en: "; N/A allowed", zh: "；可填“不适用”" }
    NOT_AN_ANSWER_TO_THIS { en: "Not an answer to this question", zh: "不是本题的有效回答" }
    THIS_ROW_HAS_NO_QUESTION {
        en: "this row has no question id, so the answer belongs to no question",
        zh: "此行没有题目 id，回答无法对应到题目",
    }
    NO_SHEET_HAS_A_HEADER {
        en: "no sheet has a header row with `id` and `answer` columns (is this a workbook from `ccvet form`?)",
        zh: "没有任何工作表带有 `id` 和 `answer` 列的表头（这是 `ccvet form` 生成的工作簿吗？）",
    }
    NOTE_3 { en: "note", zh: "备注" }
}
