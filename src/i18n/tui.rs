//! Messages: tui. Each entry holds both languages; see `crate::i18n`.

messages! {
    TERMINAL_TOO_SMALL_CCVET_NEEDS { en: "terminal too small: ccvet needs", zh: "终端太小：至少需要" }
    NOW { en: "now", zh: "当前" }
    NEW_VENDOR_NAME { en: "New vendor: name", zh: "新建服务商：名称" }
    ENTER_CREATES_ESC_CANCELS { en: "Enter creates · Esc cancels", zh: "Enter 创建 · Esc 取消" }
    COMMENT_ON { en: "Comment on", zh: "评论" }
    COMMENT_ON_THE_VENDOR { en: "Comment on the vendor", zh: "评论服务商" }
    ENTER_SAVES_IN_YOUR_OWN {
        en: "Enter saves (in your own review file) · Esc closes, keeping a draft",
        zh: "Enter 保存（写入您自己的评审文件）· Esc 关闭并保留草稿",
    }
    VENDORS { en: "Vendors", zh: "服务商" }
    KEYS { en: "Keys", zh: "按键" }
    EVERY_CHANGE_IS_SAVED_AT { en: "Every change is saved at once. Esc or ? closes.", zh: "每次修改都会立即保存。Esc 或 ? 关闭。" }
    VENDOR { en: "Vendor", zh: "服务商" }
    SCORE { en: "Score", zh: "得分" }
    BAND { en: "Band", zh: "评级" }
    DONE { en: "Done", zh: "完成" }
    STATUS { en: "Status", zh: "状态" }
    CHANGED { en: "Changed", zh: "修改时间" }
    OPEN_BY { en: "Open by", zh: "正在访谈" }
    NO_VENDORS_YET_PRESS_N { en: "No vendors yet: press n to add one.", zh: "还没有服务商：按 n 新建。" }
    NO_VENDOR_MATCHES_THE_FILTER { en: "No vendor matches the filter.", zh: "没有匹配的服务商。" }
    DISQUALIFIED { en: "DISQUALIFIED", zh: "不合格" }
    UNREADABLE { en: "unreadable:", zh: "无法读取：" }
    THE_FILE_ON_DISK_DOES {
        en: "! the file on disk does not read; showing the last good version:",
        zh: "! 磁盘上的文件无法读取，显示最后一个有效版本：",
    }
    HIDDEN_ITS_CONDITION_IS_NOT { en: "hidden: its condition is not met; not scored", zh: "已隐藏：条件不满足，不计分" }
    WEIGHT { en: "weight", zh: "权重" }
    NOT_SCORED { en: "not scored", zh: "不计分" }
    RED_LINE { en: "red line", zh: "红线" }
    VALUE { en: "value", zh: "数值" }
    ENTER_KEEPS_THE_VALUE_ESC { en: "Enter keeps the value · Esc cancels", zh: "Enter 保存 · Esc 取消" }
    NO_ANSWER_ENTER_TO_TYPE { en: "(no answer: Enter to type one)", zh: "（未作答：按 Enter 输入）" }
    NOT_APPLICABLE { en: "– not applicable", zh: "– 不适用" }
    SCORES { en: "scores", zh: "得分" }
    RED_LINE_CAPS { en: "RED LINE", zh: "红线" }
    MERGE_CONFLICT_THEIRS { en: "merge conflict: theirs", zh: "合并冲突：对方" }
    BASE { en: "base", zh: "共同祖先" }
    KEEP_OURS_TAKE_THEIRS { en: "< keep ours, > take theirs", zh: "< 保留我方，> 采用对方" }
    NOTE_ESC_CLOSES_TEXT_KEPT { en: "Note (Esc closes, text kept; Enter new line):", zh: "备注（Esc 关闭并保留文字；Enter 换行）：" }
    NOTE { en: "Note:", zh: "备注：" }
    NOTE_E_EDITS { en: "Note (e edits):", zh: "备注（e 编辑）：" }
    NO_NOTE { en: "No note", zh: "无备注" }
    NO_NOTE_E_ADDS_ONE { en: "No note (e adds one)", zh: "无备注（按 e 添加）" }
    EVIDENCE_TO_ASK_FOR { en: "Evidence to ask for:", zh: "需索取的证据：" }
    MORE_PGUP { en: "↑ more (PgUp)", zh: "↑ 更多（PgUp）" }
    MORE_PGDN { en: "↓ more (PgDn)", zh: "↓ 更多（PgDn）" }
    HISTORY_OF { en: "History of", zh: "历史：" }
    NO_CHANGE_OF_THIS_ANSWER { en: "no change of this answer in the git history", zh: "git 历史中此答案没有变更" }
    SCORE_LC { en: "score", zh: "得分" }
    ESC_CLOSES { en: "Esc closes", zh: "Esc 关闭" }
    SCORE_PANEL { en: "Score", zh: "评分" }
    RANGE { en: "range", zh: "区间" }
    ANSWERED { en: "answered", zh: "已答" }
    UNSAVED { en: "unsaved", zh: "条未保存" }
    MORE_SECTIONS { en: "more sections", zh: "个部分未显示" }
    RED_LINES_CROSSED { en: "Red lines crossed:", zh: "触及的红线：" }
    MORE_SEE_THE_QUESTION_LIST { en: "more (see the question list)", zh: "项（见问题列表）" }
    QUESTIONS { en: "Questions", zh: "问题" }
    COMPARISON { en: "Comparison", zh: "对比" }
    TOTAL { en: "Total", zh: "总分" }
    NO_VENDORS_TO_COMPARE_YET { en: "No vendors to compare yet.", zh: "还没有可对比的服务商。" }
    TAKE_OVER_AS_INTERVIEWER { en: "Take over as interviewer?", zh: "接手访谈？" }
    Y_YES_DO_IT_N { en: "y yes, do it · n or Esc: no", zh: "y 是，执行 · n 或 Esc：否" }
    APPROVED { en: "approved", zh: "批准" }
    REJECTED { en: "rejected", zh: "拒绝" }
    NEEDS_INFO { en: "needs info", zh: "需补充信息" }
    DISQUALIFIED_RED_LINES_CROSSED { en: "✗ DISQUALIFIED: red lines crossed", zh: "✗ 不合格：触及红线" }
    REVIEWS_AND_SIGN_OFFS { en: "Reviews and sign-offs", zh: "评审与签核" }
    IS_INTERVIEWING_ANSWERS_MAY_STILL { en: "is interviewing: answers may still change", zh: "正在访谈：答案仍可能变化" }
    THE_VENDOR_FILE_DOES_NOT { en: "the vendor file does not read; signing is refused:", zh: "服务商文件无法读取，暂不能签核：" }
    A_REVIEW_FILE_DOES_NOT { en: "a review file does not read:", zh: "评审文件无法读取：" }
    SIGN_OFFS { en: "Sign-offs", zh: "签核" }
    NONE_YET_NOT_YOURS {
        en: "  none yet (you interviewed this vendor: another reviewer signs it off)",
        zh: "  暂无（您是该服务商的访谈人：须由其他评审人签核）",
    }
    NONE_YET_A_APPROVE_X { en: "  none yet (A approve · X reject · N needs info)", zh: "  暂无（A 批准 · X 拒绝 · N 需补充）" }
    STALE_ANSWERS_CHANGED_SINCE { en: "STALE: answers changed since", zh: "已过期：签核后答案有改动" }
    UNVERIFIED_NOT_WRITTEN_BY_THIS { en: "UNVERIFIED: not written by this account; not counted", zh: "未验证：非本账户所写，不计入" }
    ON_THE_VENDOR { en: "On the vendor", zh: "关于服务商" }
    NO_COMMENTS_C_ADDS_ONE { en: "  no comments (c adds one)", zh: "  无评论（按 c 添加）" }
    ANSWER { en: "answer:", zh: "回答：" }
    LOADED { en: "loaded…", zh: "已载入…" }
    COMPARISON_RANKED { en: "Comparison, ranked", zh: "对比（按排名）" }
    REVIEWS { en: "Reviews", zh: "评审" }
    READ_ONLY_NOT_WRITING {
        en: "◉ read-only · {who} is not writing now{idle} · T takes over",
        zh: "◉ 只读 · {who} 当前未在作答{idle} · 按 T 接手",
    }
    READ_ONLY_NO_INTERVIEWER { en: "◉ read-only · no interviewer · T to answer", zh: "◉ 只读 · 无访谈人 · 按 T 作答" }
    FOLLOWING_LIVE {
        en: "◉ {user} is interviewing (since {since}{idle}), following live · read-only",
        zh: "◉ {user} 正在访谈（自 {since} 起{idle}），实时跟随 · 只读",
    }
    /// After "since 10:02" while the writer is quiet: ", idle 14 min".
    IDLE { en: ", idle {amount}", zh: "，已 {amount} 无改动" }
    TAKE_OVER_FROM {
        en: "{who} is this vendor's interviewer. Take over: you answer from now on, and the file records you as its interviewer.",
        zh: "{who} 是该服务商的访谈人。接手后由您作答，文件将记录您为访谈人。",
    }
    BECOME_INTERVIEWER {
        en: "No one is interviewing this vendor. Become its interviewer?",
        zh: "该服务商无人访谈。由您担任访谈人？",
    }
    DECIDE_APPROVE { en: "Approve", zh: "批准" }
    DECIDE_REJECT { en: "Reject", zh: "拒绝" }
    DECIDE_NEEDS_INFO { en: "Ask for more information", zh: "要求补充材料" }
    /// Confirming a sign-off despite cautions; `word` is one of DECIDE_*.
    ALL_THE_SAME { en: "{word} all the same?", zh: "仍要{word}？" }
    REVIEW_SCORE_LINE {
        en: "score {score} · {band} · range {range} · answered {answered}/{total}",
        zh: "得分 {score} · {band} · 区间 {range} · 已答 {answered}/{total}",
    }
    /// ASCII in both languages: Chinese could not be read where it shows.
    ASCII_NOTICE {
        en: "ASCII mode: Chinese text needs a UTF-8 terminal (shown as pinyin here; CCVET_ASCII=0 forces UTF-8)",
        zh: "ASCII mode: Zhongwen xuyao UTF-8 zhongduan / Chinese text needs a UTF-8 terminal (CCVET_ASCII=0 forces UTF-8)",
        same,
    }
    RENAME_VENDOR_NEW_NAME { en: "Rename vendor: new name", zh: "服务商改名：新名称" }
    ENTER_RENAMES_REVIEWS_EVIDENCE_FOLLOW { en: "Enter renames (reviews, evidence follow) · Esc cancels", zh: "Enter 改名（评审、证据随之移动）· Esc 取消" }
    ENTER_NEXT_ESC_CANCEL { en: "Enter: next · Esc: cancel", zh: "Enter 下一步 · Esc 取消" }
    ENTER_SAVE_ESC_BACK { en: "Enter: save · Esc: back", zh: "Enter 保存 · Esc 返回" }
    COLON { en: ": ", zh: "：" }
    ERROR { en: "Error", zh: "错误" }
    ARCHIVED_VENDORS { en: "Archived vendors", zh: "已归档的服务商" }
    ENTER_RESTORES_ESC_CLOSES { en: "Enter restores · Esc closes", zh: "Enter 恢复 · Esc 关闭" }
    UNVERIFIED_NOT_WRITTEN_HERE { en: "UNVERIFIED (not written by this account)", zh: "未验证（非本账户所写）" }
    NAME_THE_CYCLE_ASSESSED_ON { en: "{name}: the cycle assessed on {from} is kept as {kept}. The new cycle, assessed on {on}, carries every answer over, marked to confirm; closed follow-ups are dropped, open ones kept.", zh: "{name}：{from} 的评估保存为 {kept}。{on} 开始的新一轮评估沿用全部答案并标为待确认；已关闭的补充材料请求删除，未关闭的保留。" }
    START_A_NEW_ASSESSMENT_CYCLE { en: "Start a new assessment cycle on {on}?", zh: "开始 {on} 的新一轮评估？" }
    NAME_LEAVES_THE_VENDOR_LIST { en: "“{name}” leaves the vendor list, rankings, comparison, due list and reports; its reviews, evidence and history stay. A on the vendor list brings it back.", zh: "“{name}”将移出服务商列表、排名、对比、到期清单和报告；其评审、证据和历史保留。在服务商列表按 A 可恢复。" }
    ARCHIVE_NAME { en: "Archive {name}?", zh: "归档 {name}？" }
    TITLE_FOLLOWUPS_NONE_LATE { en: "│ +{open} open follow-up(s) ", zh: "│ 待补充 +{open} " }
    TITLE_FOLLOWUPS { en: "│ +{open} follow-up(s), !{late} overdue ", zh: "│ 待补充 +{open}，逾期 !{late} " }
    REVIEWERS_COMMENTS { en: "{mark} Reviewers' comments ({n}):", zh: "{mark} 评审意见（{n} 条）：" }
    NEW_FOLLOWUP { en: "New follow-up", zh: "新建补充材料请求" }
    EDIT_FOLLOWUP { en: "Edit the follow-up", zh: "编辑补充材料请求" }
    FOLLOWUP_ASK { en: "What should the vendor provide?", zh: "需服务商提供什么？" }
    FOLLOWUP_DUE { en: "Due (YYYY-MM-DD; empty: no due date): ", zh: "截止日期（YYYY-MM-DD；留空则不设）：" }
    ADD_EVIDENCE { en: "Add evidence", zh: "添加证明材料" }
    EVIDENCE_PATH {
        en: "File (relative to the workspace, or absolute) or http(s) URL:",
        zh: "文件（相对工作区或绝对路径）或 http(s) 网址：",
    }
    EVIDENCE_EXPIRES { en: "Expires (YYYY-MM-DD; empty: no expiry): ", zh: "有效期至（YYYY-MM-DD；留空则不设）：" }
    HELP_SCROLL { en: "{from}–{to} of {all} · ↑↓ PgUp PgDn scroll · Esc closes", zh: "第 {from}–{to} 项，共 {all} 项 · ↑↓ PgUp PgDn 滚动 · Esc 关闭" }
    /// A section's header in the question list: scored answered/total, and
    /// its text questions apart.
    SECTION_COUNTS_WITH_TEXT { en: "{answered}/{total} + {texts} text", zh: "{answered}/{total} + {texts} 文字题" }
}
