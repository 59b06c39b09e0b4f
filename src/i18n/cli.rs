//! Messages: cli. Each entry holds both languages; see `crate::i18n`.

messages! {
    GIT_DRIVERS_REGISTERED_IN { en: "git drivers registered in", zh: "git 驱动已登记于" }
    LOCK_AND_SIDE_FILES_STAY { en: "lock and side files stay out of git", zh: "锁文件与冲突副本不进入 git" }
    VENDOR_AND_REVIEW_FILES_USE {
        en: "vendor and review files use ccvet's merge and diff drivers",
        zh: "供应商与评审文件使用 ccvet 的合并与 diff 驱动",
    }
    INSIDE_A_GIT_REPOSITORY_RUN {
        en: "inside a git repository: run `ccvet git-setup` to use ccvet's drivers there",
        zh: "位于 git 仓库之内：运行 `ccvet git-setup` 以启用 ccvet 驱动",
    }
    GIT_DRIVERS_REGISTERED_CCVET_GIT {
        en: "git drivers registered (ccvet git-setup)",
        zh: "git 驱动已登记（ccvet git-setup）",
    }
    NOT_A_GIT_REPOSITORY_AFTER {
        en: "not a git repository: after `git init` (or in each clone) run `ccvet git-setup`",
        zh: "不是 git 仓库：`git init` 之后（或在每个克隆中）运行 `ccvet git-setup`",
    }
    WAS_CHANGED_DIFFERENTLY_ON_BOTH {
        en: "was changed differently on both sides: ours is kept, theirs and the base are recorded beside it; settle it with `ccvet resolve VENDOR KEY --ours|--theirs`",
        zh: "两边改得不同：保留我方，对方与共同祖先记录在旁；用 `ccvet resolve VENDOR KEY --ours|--theirs` 解决",
    }
    OURS { en: "ours", zh: "我方" }
    THEIRS { en: "theirs", zh: "对方" }
    RESOLVED_KEEPING { en: "resolved, keeping", zh: "已解决，采用" }
    CONFLICTS_LEFT { en: "conflicts left\n", zh: "处冲突待解决\n" }
    REVIEWER { en: "Reviewer: ", zh: "评审人：" }
    SIGN_OFF { en: "Sign-off: ", zh: "签核：" }
    THE_VENDOR { en: "the vendor", zh: "服务商" }
    VENDOR { en: "Vendor: ", zh: "供应商：" }
    ASSESSED { en: "Assessed: ", zh: "评估日期：" }
    INTERVIEWER { en: "interviewer", zh: "访谈人" }
    SCORE_COLON { en: "Score: ", zh: "得分：" }
    DISQUALIFIED { en: " ✗ DISQUALIFIED", zh: " ✗ 不合格" }
    ANSWER { en: "answer: ", zh: "回答：" }
    NOTE { en: "note: ", zh: "备注：" }
    SCORE_COLON_LC { en: "score: ", zh: "得分：" }
    CONFLICT_THEIRS { en: "CONFLICT: theirs", zh: "冲突：对方" }
    BASE { en: "base", zh: "共同祖先" }
    NO_SUCH_QUESTION { en: "(no such question)", zh: "（问卷中无此问题）" }
    RED_LINE { en: " ✗ red line", zh: " ✗ 红线" }
    N_A { en: "N/A", zh: "不适用" }
    HIDDEN_CONDITION_NOT_MET { en: "hidden (condition not met)", zh: "已隐藏（条件不满足）" }
    SCORE_LC { en: "score", zh: "得分" }
    NO_ANSWER_HAS_CHANGED_IN { en: "no answer has changed in the git history", zh: "git 历史中没有答案变更" }
    NOW { en: "now", zh: "现在" }
    NO_ANSWERS_DIFFER { en: "no answers differ", zh: "答案没有差别" }
    NO_OPEN_FOLLOW_UPS { en: "No open follow-ups.", zh: "没有待补充的材料。" }
    PLEASE_PROVIDE { en: "Please provide: ", zh: "需提供：" }
    DUE { en: "Due: ", zh: "截止日期：" }
    IS_INTERVIEWING { en: "is interviewing", zh: "正在访谈" }
    NO_SIGN_OFFS_YET { en: "no sign-offs yet", zh: "暂无签核" }
    STALE_ANSWERS_CHANGED_SINCE { en: "  STALE: answers changed since", zh: "  已过期" }
    UNVERIFIED_NOT_COUNTED { en: "  ⚠ UNVERIFIED: not counted", zh: "  ⚠ 未验证：不计入" }
    UNVERIFIED { en: " ⚠ unverified", zh: " ⚠ 未验证" }
    NOTHING_DUE { en: "Nothing due.", zh: "没有到期事项。" }
    RE_ASSESSMENT_DUE { en: "re-assessment due", zh: "需重新评估" }
    ANSWER_DATE_ENDS { en: "answer date ends", zh: "答案日期到期" }
    EVIDENCE_EXPIRES { en: "evidence expires", zh: "证明材料到期" }
    FOLLOW_UP_OVERDUE { en: "follow-up overdue", zh: "补充材料逾期" }
    WORKSPACE_READY { en: "workspace ready:", zh: "工作区已就绪：" }
    TEAM_WORKSPACE_OF_GROUP { en: "team workspace of group", zh: "团队工作区，组" }
    FOLDERS { en: "folders", zh: "文件夹" }
    REVIEW_FOLDERS { en: "review folders", zh: "评审文件夹" }
    FILES { en: "files", zh: "文件" }
    VENDORS_ONE_FILE_PER_VENDOR {
        en: "vendors/: one file per vendor (ccvet new \"Vendor name\")",
        zh: "vendors/：每个服务商一个文件（ccvet new \"名称\"）",
    }
    REVIEWS_REVIEWERS_COMMENTS_AND_SIGN { en: "reviews/: reviewers' comments and sign-offs", zh: "reviews/：评审意见与签核" }
    NO_WORKSPACE_HERE_CCVET_INIT { en: "no workspace here (ccvet init makes one)", zh: "此处没有工作区（用 ccvet init 创建）" }
    THE_WORKSPACE_IS_IN_ORDER { en: "the workspace is in order", zh: "工作区一切正常" }
    PROBLEM_S_CCVET_DOCTOR_FIX {
        en: "problem(s); `ccvet doctor --fix` repairs what your account may",
        zh: "个问题；`ccvet doctor --fix` 可修复您的账户有权修复的部分",
    }
    SSHD_HAS_NO_CLIENTALIVEINTERVAL_A {
        en: "sshd has no ClientAliveInterval: a frozen SSH link keeps its vendor locked until TCP gives up (hours); set ClientAliveInterval 60 and ClientAliveCountMax 3 in /etc/ssh/sshd_config",
        zh: "sshd 未设置 ClientAliveInterval：冻结的 SSH 连接会长时间锁住服务商；请在 /etc/ssh/sshd_config 中设置 ClientAliveInterval 60 与 ClientAliveCountMax 3",
    }

    // Errors of the command line, in the reader's language.
    UNKNOWN_QUESTION { en: "no question `{key}` in questionnaire `{id}`", zh: "问卷 `{id}` 中没有问题 `{key}`" }
    UNKNOWN_QUESTION_HOW {
        en: "no question `{key}` in questionnaire `{id}`; name one as section.question",
        zh: "问卷 `{id}` 中没有问题 `{key}`；请写成 章节.问题 的形式",
    }
    UNKNOWN_QUESTION_EXAMPLE {
        en: "no question `{key}` in questionnaire `{id}`; name one as section.question, e.g. {example}",
        zh: "问卷 `{id}` 中没有问题 `{key}`；请写成 章节.问题 的形式，例如 {example}",
    }
    QUESTION_NO_NA { en: "question `{key}` does not allow N/A", zh: "问题 `{key}` 不允许填“不适用”" }
    NOT_AN_ANSWER { en: "`{text}` is not an answer to `{key}`: {why}", zh: "`{text}` 不是问题 `{key}` 的有效答案：{why}" }
    SOMEONE { en: "someone", zh: "他人" }
    LOCK_HOLDER { en: "{user} on {host} (pid {pid}, since {since})", zh: "{host} 上的 {user}（pid {pid}，自 {since} 起）" }
    VENDOR_LOCKED {
        en: "{vendor} is open for writing by {who}; try again when they leave it",
        zh: "{vendor} 正由 {who} 打开写入；请待对方离开后再试",
    }
    GIT_NOT_INSTALLED { en: "the `git` program is not installed or not on PATH", zh: "未安装 `git` 程序，或它不在 PATH 中" }
    GIT_NOT_A_REPO {
        en: "{path} is not in a git repository (run `git init` there first, then `ccvet git-setup`)",
        zh: "{path} 不在 git 仓库中（请先在该处运行 `git init`，再运行 `ccvet git-setup`）",
    }
    // `ccvet review`, `init` and `doctor`.
    REVIEW_UNVERIFIED {
        en: "the review file of `{user}` is owned by account `{owner}`: unverified",
        zh: "`{user}` 的评审文件属于账户 `{owner}`：未验证",
    }
    INIT_QUESTIONNAIRE_COPIED {
        en: "questionnaire.toml: a copy of the default questionnaire, yours to customise",
        zh: "questionnaire.toml：默认问卷的副本，可自行修改",
    }
    INIT_QUESTIONNAIRE_KEPT {
        en: "questionnaire.toml: already there, left as it is",
        zh: "questionnaire.toml：已存在，保持不变",
    }
    REPAIR_FIXED { en: "✓ fixed: {what}", zh: "✓ 已修复：{what}" }
    REPAIR_NEEDS_OWNER {
        en: "✗ {what} (only its owner `{who}` or root can change it)",
        zh: "✗ {what}（只有所有者 `{who}` 或 root 能修改）",
    }
    REPAIR_FAILED { en: "✗ {what} (the repair failed: {why})", zh: "✗ {what}（修复失败：{why}）" }
    DOCTOR_OPEN_TO_OTHERS {
        en: "{path} is open to every account on this machine; vendor assessments are confidential: chmod {want} {full}",
        zh: "{path} 对本机所有账户开放，而服务商评估是保密的：chmod {want} {full}",
    }
    DOCTOR_WRONG_GROUP {
        en: "{path} belongs to group `{has}`, not the team's `{group}`, so the team cannot use it: chgrp {group} {full}",
        zh: "{path} 属于组 `{has}` 而非团队的 `{group}`，团队无法使用：chgrp {group} {full}",
    }
    DOCTOR_WRONG_MODE {
        en: "{path} has mode {has} where the workspace needs {want}: chmod {want} {full}",
        zh: "{path} 的权限为 {has}，工作区需要 {want}：chmod {want} {full}",
    }
    DOCTOR_UNVERIFIED_REVIEW {
        en: "{path} carries `{named}`'s name but belongs to account `{owner}`: it is shown as unverified and never counts; `{owner}` or root should remove it",
        zh: "{path} 以 `{named}` 命名却属于账户 `{owner}`：显示为未验证且不计入；应由 `{owner}` 或 root 删除",
    }
    DOCTOR_SIDE_FILE {
        en: "{path} keeps a change that met someone else's on the same answer: compare it with the vendor file, keep what is right, then delete it",
        zh: "{path} 保存了与他人同一答案冲突的修改：与服务商文件对比并保留正确内容后删除",
    }
    LOCK_HOLDER_NO_SINCE { en: "{user} on {host} (pid {pid})", zh: "{host} 上的 {user}（pid {pid}）" }
    // Whether this clone has ccvet's git drivers (`ccvet doctor`, the app).
    SETUP_NOT_A_REPO { en: "the workspace is not in a git repository", zh: "工作区不在 git 仓库中" }
    SETUP_NO_GIT { en: "git is not installed", zh: "未安装 git" }
    SETUP_MISSING {
        en: "this clone lacks ccvet's merge and diff drivers (missing {keys}): run `ccvet git-setup`",
        zh: "此克隆未登记 ccvet 的合并与 diff 驱动（缺少 {keys}）：请运行 `ccvet git-setup`",
    }
    SETUP_STALE {
        en: "the ccvet merge driver names {program}, which is not there: run `ccvet git-setup` again",
        zh: "ccvet 合并驱动指向不存在的程序 {program}：请重新运行 `ccvet git-setup`",
    }
    SETUP_NO_ATTRIBUTES {
        en: ".gitattributes does not route vendor files to the ccvet drivers: run `ccvet init`",
        zh: ".gitattributes 未把供应商文件交给 ccvet 驱动：请运行 `ccvet init`",
    }
    SETUP_READY { en: "the git drivers are set up", zh: "git 驱动已就绪" }
    // The letter asking a vendor for documents (`ccvet followups --letter`).
    /// " on 2026-11-24" / "于2026年11月24日", inside LETTER_OPENING.
    LETTER_MET_ON { en: " on {date}", zh: "于{date}" }
    LETTER_OPENING {
        en: "# Documents requested: {name}\n\nDear {name} team,\n\nThank you for meeting us{met} for our due-diligence review of your cloud call-center service. To complete the assessment, please send us the following:\n",
        zh: "# 补充材料清单：{name}\n\n尊敬的{name}：\n\n您好！感谢贵司{met}配合我方开展云呼叫中心服务供应商尽职调查访谈。为完成本次评估，烦请贵司补充提供以下材料：\n",
    }
    LETTER_CLOSING {
        en: "Please send these by the dates given (scans or electronic copies). If anything is unclear, do not hesitate to contact us.\n\nThank you for your cooperation.\n\nKind regards,\n\n",
        zh: "请于各项截止日期前将上述材料（加盖公章的扫描件或电子版）发送给我方；如有疑问，请随时与我方联系。\n\n感谢贵司的支持与配合！\n\n此致\n敬礼！\n\n",
    }
    // `ccvet validate` and `ccvet new`.
    VALIDATE_OK {
        en: "{path}: ok: `{id}` v{version}, {sections} sections, {questions} questions ({scored} scored), {bands} bands{warnings}",
        zh: "{path}：通过：`{id}` v{version}，{sections} 个章节，{questions} 个问题（{scored} 个计分），{bands} 个评级{warnings}",
    }
    VALIDATE_ONE_WARNING { en: ", 1 warning", zh: "，1 条提醒" }
    VALIDATE_WARNINGS { en: ", {n} warnings", zh: "，{n} 条提醒" }
    ONE_ERROR_FOUND { en: "1 error found", zh: "发现 1 处错误" }
    ERRORS_FOUND { en: "{n} errors found", zh: "发现 {n} 处错误" }
    DATE_FLAG {
        en: "{flag} takes a real date written YYYY-MM-DD, not `{text}`",
        zh: "{flag} 需要写成 YYYY-MM-DD 的真实日期，而不是 `{text}`",
    }
    CREATED { en: "created {name} [{slug}]: {path}", zh: "已创建 {name} [{slug}]：{path}" }
    // What a command still needs, or a flag that takes something else.
    ANSWER_NEEDS_WHAT { en: "give a VALUE, --na, --clear or --note", zh: "请给出 VALUE（答案）、--na、--clear 或 --note" }
    DECISION_FLAG {
        en: "--decision takes approve, reject or needs-info, not `{d}`",
        zh: "--decision 只能是 approve、reject 或 needs-info，而不是 `{d}`",
    }
    REVIEW_NEEDS_WHAT { en: "give --decision, or --comment with some text", zh: "请给出 --decision，或带文字的 --comment" }
    DIFF_NEEDS_WHAT { en: "give a second vendor, or --since REV", zh: "请给出第二个服务商，或 --since REV" }
    STATUS_FLAG {
        en: "--status takes requested, received or closed, not `{s}`",
        zh: "--status 只能是 requested、received 或 closed，而不是 `{s}`",
    }
    FOLLOWUP_EMPTY {
        en: "the follow-up's TEXT is empty: say what the vendor should provide",
        zh: "待补充事项的 TEXT 为空：请写明服务商应提供什么",
    }
    FOLLOWUP_NEEDS_WHAT { en: "give TEXT, --due or --status", zh: "请给出 TEXT、--due 或 --status" }
    CYCLE_NOT_AFTER {
        en: "--on {on} must be after the current cycle's assessed_on, {before}",
        zh: "--on {on} 必须晚于本周期的 assessed_on（{before}）",
    }
    NO_SUCH_GROUP { en: "there is no Unix group `{group}` on this machine", zh: "本机没有名为 `{group}` 的 Unix 组" }
    CYCLE_FLAG {
        en: "--cycle takes a date written YYYY-MM-DD, not `{text}`",
        zh: "--cycle 需要写成 YYYY-MM-DD 的日期，而不是 `{text}`",
    }
    MOVED { en: "moved:", zh: "已移动：" }
    ARCHIVED_VENDORS_IN { en: "Archived vendors in", zh: "已归档的服务商：" }
    NONE { en: "none", zh: "无" }
    ASSESSED_ON { en: "assessed on", zh: "评估于" }
    RENAMED_FROM_TO { en: "renamed {old} [{old_slug}] to {new} [{slug}]: {path}", zh: "已将 {old} [{old_slug}] 更名为 {new} [{slug}]：{path}" }
    STAYS_FOUND_THROUGH_ALIAS {
        en: "stays: {dir} ({why}); found through `renamed_from`",
        zh: "保留原处：{dir}（{why}）；通过 `renamed_from` 查找",
    }
    RESTORED_TO { en: "restored {name} [{slug}]: {path}", zh: "已恢复 {name} [{slug}]：{path}" }
    ARCHIVED_TO {
        en: "archived {name} [{slug}]: {path} (ccvet archive --restore {slug} brings it back)",
        zh: "已归档 {name} [{slug}]：{path}（ccvet archive --restore {slug} 可恢复）",
    }
    NOT_A_QUESTION_OF {
        en: "`{key}` is not a question of `{id}` (a typo, or a question since removed): it is kept but never scored",
        zh: "`{key}` 不是问卷 `{id}` 中的问题（拼写错误或问题已删除）：保留但不计分",
    }
    VENDOR_FILE_OK_ONE {
        en: "{path}: ok: vendor `{name}`, {answers} answer checked against `{id}` v{version}{warnings}",
        zh: "{path}：通过：服务商“{name}”，{answers} 条答案已按问卷 `{id}` v{version} 检查{warnings}",
    }
    VENDOR_FILE_OK_MANY {
        en: "{path}: ok: vendor `{name}`, {answers} answers checked against `{id}` v{version}{warnings}",
        zh: "{path}：通过：服务商“{name}”，{answers} 条答案已按问卷 `{id}` v{version} 检查{warnings}",
    }
    // `ccvet answer` and `ccvet review`.
    ANSWER_SAVED {
        en: "saved {key} = {value} · {vendor} score {score}{dq}",
        zh: "已保存 {key} = {value} · {vendor} 得分 {score}{dq}",
    }
    /// After a save that met someone else's changes to other answers.
    MERGED_THEIRS_KEPT {
        en: "(the file had been changed by someone else; their changes are kept)",
        zh: "（文件已被他人修改；对方的修改均已保留）",
    }
    SELF_SIGNOFF_REFUSED {
        en: "{vendor} is interviewed by you ({user}): the interviewer cannot sign off their own vendor (a workspace may allow it with `[policy] self_signoff = true` in ccvet.toml)",
        zh: "{vendor} 由您（{user}）访谈：访谈人不能签核自己访谈的服务商（工作区可在 ccvet.toml 中以 `[policy] self_signoff = true` 允许）",
    }
    NOT_SIGNED_FORCE {
        en: "not signed: {why}; add --force to sign off all the same",
        zh: "未签核：{why}；如仍要签核，请加 --force",
    }
    SIGNED_OFF_AS {
        en: "signed off `{decision}` on {vendor} as {me}",
        zh: "已以 {me} 的身份签核 {vendor}：`{decision}`",
    }
    COMMENTED_AS { en: "commented on {vendor} as {me}", zh: "已以 {me} 的身份对 {vendor} 发表评论" }
    // `ccvet evidence`, `ccvet reassess`, `ccvet followup`.
    NOT_A_FILE {
        en: "{shown} is not a file; give a file or an http(s) URL",
        zh: "{shown} 不是文件；请给出文件或 http(s) 网址",
    }
    EVIDENCE_ADDED_FILE {
        en: "{vendor} {key}: evidence {file} (sha256 {sha256}){expires}",
        zh: "{vendor} {key}：已添加证明材料 {file}（sha256 {sha256}）{expires}",
    }
    EVIDENCE_ADDED_URL { en: "{vendor} {key}: evidence {url}{expires}", zh: "{vendor} {key}：已添加证明材料 {url}{expires}" }
    /// After EVIDENCE_ADDED_*.
    EVIDENCE_EXPIRES_ON { en: ", expires {date}", zh: "，{date} 到期" }
    EVIDENCE_MISSING { en: "missing", zh: "文件缺失" }
    EVIDENCE_CHANGED {
        en: "changed since it was added (sha256 now {now}, recorded {recorded})",
        zh: "添加后已被改动（现在的 sha256 为 {now}，记录的是 {recorded}）",
    }
    EVIDENCE_UNREADABLE { en: "cannot be read: {why}", zh: "无法读取：{why}" }
    EVIDENCE_PROBLEM_AT { en: "{file}: {problem} ({slug} {key})", zh: "{file}：{problem}（{slug} {key}）" }
    EVIDENCE_CHECKED_ONE {
        en: "{files} evidence file checked, {bad} missing or changed",
        zh: "已检查 {files} 个证明材料文件，{bad} 个缺失或被改动",
    }
    EVIDENCE_CHECKED_MANY {
        en: "{files} evidence files checked, {bad} missing or changed",
        zh: "已检查 {files} 个证明材料文件，{bad} 个缺失或被改动",
    }
    REASSESS_NO_DATE {
        en: "{vendor} has no `assessed_on`; set it in the file before starting a new cycle",
        zh: "{vendor} 没有 `assessed_on`：请先在文件中填写，再开始新一轮评估",
    }
    REASSESS_LOCKED {
        en: "{vendor} is open for writing by someone; try again when they leave it",
        zh: "{vendor} 正由他人打开写入；请待对方离开后再试",
    }
    REASSESSED {
        en: "{vendor}: new cycle assessed on {on}; the cycle of {before} is kept as {history}; answers carried over, to confirm",
        zh: "{vendor}：已开始 {on} 的新一轮评估；{before} 那一轮保存在 {history}；答案已沿用，待确认",
    }
    TODAY_ENV {
        en: "$CCVET_TODAY must be a real date written YYYY-MM-DD, not `{text}`",
        zh: "$CCVET_TODAY 必须是写成 YYYY-MM-DD 的真实日期，而不是 `{text}`",
    }
    NO_FOLLOWUP_ON {
        en: "{vendor} has no follow-up on `{key}`; ask one first: ccvet followup {slug} {key} \"what to provide\"",
        zh: "{vendor} 在 `{key}` 上没有补充材料请求；请先提出：ccvet followup {slug} {key} \"需提供的材料\"",
    }
    FOLLOWUP_SAVED { en: "{vendor} {key}: {status} · {ask}{due}", zh: "{vendor} {key}：{status} · {ask}{due}" }
    /// After FOLLOWUP_SAVED.
    FOLLOWUP_DUE_ON { en: " · due {date}", zh: " · 截止 {date}" }
    SOME_VENDOR_FILES_DO_NOT_READ { en: "some vendor files do not read:\n{list}", zh: "部分服务商文件无法读取：\n{list}" }
    // `ccvet log` and `ccvet diff`.
    NOT_IN_THE_GIT_REPO { en: "{path} is not inside the git repository", zh: "{path} 不在该 git 仓库之内" }
    DID_NOT_EXIST_AT { en: "{vendor} did not exist at `{rev}`", zh: "在 `{rev}` 时还没有 {vendor}" }
    // The command line itself.
    LANG_FLAG { en: "--lang takes zh or en, not `{code}`", zh: "--lang 只能是 zh 或 en，而不是 `{code}`" }
    LANG_ENV { en: "CCVET_LANG takes zh or en, not `{code}`", zh: "CCVET_LANG 只能是 zh 或 en，而不是 `{code}`" }
    CANNOT_WRITE_OUTPUT { en: "cannot write the output: {why}", zh: "无法写出输出：{why}" }
    REPORT_COMPARE_NOT_XLSX {
        en: "report --compare writes md or html; for a workbook use compare --xlsx",
        zh: "report --compare 只能输出 md 或 html；要生成工作簿请用 compare --xlsx",
    }
    // `ccvet init` and `ccvet resolve`.
    INIT_NOT_EMPTY {
        en: "{path} is not empty and not a workspace; give an empty or new folder",
        zh: "{path} 不是空文件夹，也不是工作区；请给出空文件夹或新文件夹",
    }
    INIT_CANNOT_CHGRP {
        en: "cannot give {path} to group `{group}`: {why} (you must own the folder and be in the group, or be root)",
        zh: "无法把 {path} 交给组 `{group}`：{why}（您须是该文件夹的所有者且属于该组，或是 root）",
    }
    RESOLVE_LOCKED {
        en: "{vendor} is open for writing by someone else; try again when they leave it",
        zh: "{vendor} 正由他人打开写入；请待对方离开后再试",
    }
    NO_MERGE_CONFLICTS { en: "{vendor} has no merge conflicts", zh: "{vendor} 没有合并冲突" }
    NOT_IN_CONFLICT_THESE { en: "`{key}` is not in conflict; these are: {open}", zh: "`{key}` 没有冲突；有冲突的是：{open}" }
    // Before clap's own words when the command line is refused (Chinese only:
    // in English clap's words say it).
    USAGE_UNKNOWN_COMMAND { en: "no such command; `ccvet --help` lists them", zh: "没有这个命令；`ccvet --help` 列出全部命令" }
    USAGE_UNKNOWN_OPTION { en: "no such option for this command", zh: "该命令没有这个选项" }
    USAGE_MISSING { en: "something this command needs is missing", zh: "缺少该命令必需的参数" }
    USAGE_INVALID_VALUE { en: "a value on the command line is not valid", zh: "命令行中的某个值无效" }
    USAGE_OTHER { en: "the command line is not right", zh: "命令行用法有误" }
}
