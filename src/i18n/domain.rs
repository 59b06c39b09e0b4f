//! Messages: domain. Each entry holds both languages; see `crate::i18n`.

messages! {
    THIS_QUESTION_DOES_NOT_ALLOW { en: "this question does not allow N/A", zh: "本题不允许填“不适用”" }
    A_YES_NO_QUESTION_TAKES { en: "a yes/no question takes yes or no (是 or 否)", zh: "是非题只能填“是”或“否”（yes / no）" }
    NO_OPTION_NAMED_WRITE_NONE { en: "no option named; write (none) to choose none", zh: "未填选项；一个都不选请填“（无）”" }
    A_NUMBER_QUESTION_TAKES_A {
        en: "a number question takes a number, such as 1000 or 2.5",
        zh: "数值题只能填数字，例如 1000 或 2.5",
    }
    A_DATE_QUESTION_TAKES_A {
        en: "a date question takes a real date, such as 2028-05-31",
        zh: "日期题只能填有效日期，例如 2028-05-31",
    }
    CARRIED_OVER_FROM_THE_LAST { en: "Carried over from the last assessment: to confirm", zh: "沿用上一周期的答案：待确认" }
    REQUESTED { en: "requested", zh: "已请求" }
    RECEIVED_TO_REVIEW { en: "received, to review", zh: "已收到，待核对" }
    DUE { en: ", due ", zh: "，截止 " }
    FOLLOW_UP { en: "Follow-up", zh: "待补充材料" }
    EVIDENCE { en: "Evidence", zh: "证明材料" }
    SEEN { en: "seen", zh: "查验于" }
    EXPIRES { en: "expires", zh: "有效期至" }

    // What a question kind accepts, said when a typed answer does not fit.
    INPUT_YESNO { en: "a yes/no question takes `yes` or `no`", zh: "是非题只能填 `yes`（是）或 `no`（否）" }
    INPUT_CHOICE { en: "a choice question takes one option id: {options}", zh: "单选题只能填一个选项 id：{options}" }
    INPUT_MULTI_UNKNOWN {
        en: "`{id}` is not an option; a multi question takes option ids separated by commas: {options}",
        zh: "`{id}` 不是选项；多选题填用逗号分隔的选项 id：{options}",
    }
    INPUT_MULTI_EMPTY_NONE {
        en: "a multi question takes at least one option id; if none applies, answer `{none}`",
        zh: "多选题至少要填一个选项 id；都不符合时请填 `{none}`",
    }
    INPUT_MULTI_EMPTY {
        en: "a multi question takes at least one option id; to remove the answer use --clear",
        zh: "多选题至少要填一个选项 id；要删除答案请用 --clear",
    }
    INPUT_MULTI_ALONE {
        en: "`{id}` is chosen alone or not at all, not together with other options",
        zh: "`{id}` 只能单独选择，不能与其他选项同时选",
    }
    INPUT_RATING { en: "a rating question takes a whole number from 0 to {max}", zh: "评分题只能填 0 到 {max} 的整数" }
    INPUT_NUMBER {
        en: "a number question takes a number, such as 1000, 5,000 or 2.5",
        zh: "数值题只能填数字，例如 1000、5,000 或 2.5",
    }
    // A unit typed after a number (`domain::number`).
    UNIT_NONE_TAKEN {
        en: "“{shown}” is not a unit this question takes: give the number alone",
        zh: "本题不带单位，“{shown}”不适用：请只填写数字",
    }
    UNIT_NOT_THIS {
        en: "“{shown}” is not this question's unit: give the number in {expected}",
        zh: "单位“{shown}”与本题不符：请按{expected}填写数字",
    }
    UNIT_HOURS_NOT_WHOLE_MINUTES {
        en: "{plain} hours is not a whole number of minutes: give the number in {expected}",
        zh: "{plain} 小时换算成分钟不是整数：请按{expected}填写",
    }
    UNIT_FEN_AMBIGUOUS {
        en: "“分” could mean minutes or points: give the number in {expected}, or write 分钟",
        zh: "“分”可能指分钟也可能指分数：请按{expected}填写，或写“分钟”",
    }
    UNIT_MINUTES_NOT_ROUND_HOURS {
        en: "{plain} minutes is not a round number of hours (two decimals at most): give the number in {expected}",
        zh: "{plain} 分钟换算成小时超过两位小数：请按{expected}填写",
    }
    // Answers and scores put in words (`domain::present`).
    DISQUALIFIED_MARK { en: "✗ DISQUALIFIED", zh: "✗ 不合格" }
    COUNTS_SCORED_AND_TEXT {
        en: "{answered}/{total} scored + {text_answered}/{texts} text",
        zh: "{answered}/{total} 计分题 + {text_answered}/{texts} 文字题",
    }
    /// Before the bands a provisional score still allows.
    POSSIBLE { en: "possible: ", zh: "可能：" }
    NA { en: "N/A", zh: "不适用" }
    NONE_CHOSEN { en: "(none)", zh: "（无）" }
    YES { en: "yes", zh: "是" }
    NO { en: "no", zh: "否" }
    STATED_BY_VENDOR { en: "stated by the vendor", zh: "供应商自述" }
    /// Between the options of a condition: "Finance or Healthcare".
    OR { en: " or ", zh: "或" }
    BETWEEN { en: "between {lo} and {hi}", zh: "介于 {lo} 与 {hi} 之间" }
    AT_LEAST { en: "at least {lo}", zh: "不少于 {lo}" }
    AT_MOST { en: "at most {hi}", zh: "不超过 {hi}" }
    ONLY_IF { en: "Only if “{text}” is {test}.", zh: "仅当“{text}”为{test}时作答。" }
    // Second thoughts before a sign-off (`domain::signoff`).
    CAUTION_DISQUALIFIED { en: "the vendor is ✗ DISQUALIFIED (a red line)", zh: "该服务商 ✗ 不合格（触及红线）" }
    CAUTION_INCOMPLETE {
        en: "only {answered} of {total} scored questions are answered",
        zh: "计分问题仅回答 {answered}/{total}",
    }
    // What a spreadsheet cell takes (`domain::cell`, `ccvet import`).
    CELL_NOT_AN_OPTION {
        en: "`{item}` is not an option; list options separated by commas, from: {options}",
        zh: "“{item}”不是选项；多个选项用逗号分隔，可选：{options}",
    }
    CELL_PICK_ONE { en: "pick one of the options: {options}", zh: "请从选项中选一个：{options}" }
    CELL_RATING { en: "a rating takes a whole number from 0 to {max}", zh: "评分只能填 0 到 {max} 的整数" }
    ELSE { en: "else", zh: "其余" }
    SCORES_BY_WHOLE_MONTHS_LEFT { en: "Scores by whole months left: ", zh: "按剩余整月数计分：" }
    EXPIRED { en: "expired", zh: "已过期" }
    SCORES_IN_UNIT { en: "Scores ({unit}): ", zh: "计分（{unit}）：" }
    SCORES_LEAD { en: "Scores: ", zh: "计分：" }
    RED_LINE_AFTER { en: " ✗ red line", zh: " ✗ 红线" }
}
