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
    OPEN_FOLLOW_UPS { en: "Open follow-ups", zh: "待补充材料" }
    OVERDUE { en: "Overdue", zh: "已逾期" }
    FOLLOW_UP { en: "Follow-up", zh: "待补充材料" }
    EVIDENCE { en: "Evidence", zh: "证明材料" }
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
    QUESTIONS_SHEET { en: "Questions", zh: "问卷" }
    INSTRUCTIONS { en: "Instructions", zh: "填写说明" }
    VENDOR_QUESTIONNAIRE { en: "Vendor questionnaire", zh: "供应商问卷" }
    YOUR_COMPANY { en: "(your company)", zh: "（贵公司名称）" }
    VENDOR_FORM { en: "Vendor", zh: "供应商" }
    DATE { en: "Date", zh: "日期" }
    QUESTIONNAIRE { en: "Questionnaire", zh: "问卷" }
    QUESTION_COUNT { en: "Questions", zh: "题数" }
    HOW_TO_FILL_IT_IN { en: "How to fill it in", zh: "填写方法" }
    FORM_SECTION { en: "section", zh: "部分" }
    FORM_QUESTION { en: "question", zh: "问题" }
    FORM_ANSWER { en: "answer", zh: "answer 回答" }
    FORM_NOTE { en: "note", zh: "note 备注" }
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
    NOTE_WORD { en: "note", zh: "备注" }
    // How to fill in the form (its first sheet), step by step.
    STEP_YELLOW_CELLS {
        en: "1. On the sheet “{sheet}”, fill in the yellow cells: column D (answer) and column E (note).",
        zh: "1. 在“{sheet}”工作表中填写黄色单元格：D 列（回答）和 E 列（备注）。",
    }
    STEP_DROPDOWNS {
        en: "2. Where a cell has a dropdown, pick the answer from it; type numbers as plain numbers and dates as YYYY-MM-DD.",
        zh: "2. 有下拉列表的单元格请从列表中选择；数字直接填数字，日期按 YYYY-MM-DD 填写。",
    }
    STEP_SEVERAL {
        en: "3. Several options: write them separated by commas, e.g. “A, B”; write {none} to choose none.",
        zh: "3. 多选题：多个选项用逗号分隔，例如“A, B”；一个都不选请填“{none}”。",
    }
    STEP_NA {
        en: "4. Not applicable: write N/A (only where column H says the question allows it).",
        zh: "4. 不适用：填“不适用”（仅限 H 列注明允许的题目）。",
    }
    STEP_EVIDENCE {
        en: "5. Column F says what evidence we ask for: attach it to your reply, or describe it in the note.",
        zh: "5. F 列说明需要提供的证明材料：请随回复附上，或在备注中说明。",
    }
    STEP_DO_NOT_CHANGE {
        en: "6. Do not change the hidden id column, the header row or the order of the rows; send the file back as .xlsx.",
        zh: "6. 请勿修改隐藏的 id 列、表头和行的顺序；请以 .xlsx 格式发回。",
    }
    STEP_EMPTY {
        en: "7. A cell left empty changes nothing; an answer we already have is never overwritten without asking you.",
        zh: "7. 留空的单元格不会改变任何内容；我们已有的回答不会在未经确认的情况下被覆盖。",
    }
    // What an answer cell takes (column H and the cell's input message).
    TAKES_YES_NO { en: "yes or no (dropdown)", zh: "是 或 否（下拉选择）" }
    TAKES_ONE_OPTION { en: "one option (dropdown): {options}", zh: "单选（下拉选择）：{options}" }
    TAKES_ANY_OPTIONS {
        en: "any options, separated by commas ({none} for none): {options}",
        zh: "多选，用逗号分隔（都不选填“{none}”）：{options}",
    }
    TAKES_RATING { en: "a whole number from 0 to {max} (dropdown)", zh: "0 到 {max} 的整数（下拉选择）" }
    TAKES_NUMBER { en: "a number", zh: "数字" }
    TAKES_DATE { en: "a date, YYYY-MM-DD", zh: "日期，YYYY-MM-DD" }
    TAKES_TEXT { en: "free text", zh: "自由填写" }
    // `ccvet import`: what was read, and what was not.
    NOT_A_WORKBOOK {
        en: "not a workbook ccvet can read (.xlsx, .xls or .ods): {e}",
        zh: "不是 ccvet 能读取的工作簿（.xlsx、.xls 或 .ods）：{e}",
    }
    ROW_UNKNOWN_QUESTION {
        en: "{at}: `{id}` is not a question of questionnaire `{q}`",
        zh: "{at}: “{id}”不是问卷“{q}”中的题目",
    }
    ROW_TWICE { en: "{at}: question `{id}` appears twice (first at {first})", zh: "{at}: 题目“{id}”出现了两次（第一次在 {first}）" }
    BAD_CELLS { en: "{n} bad cell(s): nothing imported", zh: "{n} 个单元格有误：未导入任何内容" }
    CONFLICT_REPLACED {
        en: "{shown}:{at}: {key}: replaced the interviewer's “{ours}” with the workbook's “{theirs}”",
        zh: "{shown}:{at}: {key}：访谈者的“{ours}”已替换为工作簿中的“{theirs}”",
    }
    CONFLICT_KEPT {
        en: "{shown}:{at}: {key}: kept the interviewer's “{ours}”; the workbook says “{theirs}” (--overwrite takes it)",
        zh: "{shown}:{at}: {key}：保留访谈者的“{ours}”；工作簿中为“{theirs}”（加 --overwrite 采用工作簿的）",
    }
    OVERWRITTEN { en: "overwritten", zh: "覆盖" }
    KEPT { en: "kept", zh: "保留" }
    IMPORTED {
        en: "imported {n} answer(s) from {shown} into {vendor}; {conflicts} conflict(s) {how} · score {score}",
        zh: "已从 {shown} 导入 {n} 条回答到 {vendor}；{how} {conflicts} 处冲突 · 得分 {score}",
    }
    REQUESTED { en: "requested", zh: "已请求" }
    RECEIVED { en: "received", zh: "已收到" }
    CLOSED { en: "closed", zh: "已关闭" }
    DUE { en: ", due ", zh: "，截止 " }
    COLON { en: ": ", zh: "：" }
    SEEN { en: "seen", zh: "查验于" }
    EXPIRES { en: "expires", zh: "有效期至" }
}
