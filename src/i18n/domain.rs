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
}
