//! Messages: errors about files and the workspace (`src/storage`), put in
//! words where the reader's language is known. Each entry holds both
//! languages; see `crate::i18n`.

messages! {
    IO_NOT_FOUND { en: "no such file or folder", zh: "没有这个文件或文件夹" }
    IO_PERMISSION_DENIED { en: "permission denied", zh: "没有权限" }
    IO_DISK_FULL { en: "the disk is full", zh: "磁盘已满" }
    IO_READ_ONLY { en: "the file system is read-only", zh: "文件系统是只读的" }
    IO_ALREADY_EXISTS { en: "it already exists", zh: "已经存在" }
    /// `{path}: {why}`, the shape of every error about one file.
    AT_PATH { en: "{path}: {why}", zh: "{path}：{why}" }
    CONFLICT {
        en: "{path}: `{key}` was changed on disk by someone else since it was read; their answer is kept and yours was saved to {mine}",
        zh: "{path}：`{key}` 在读取之后已被他人在磁盘上修改；保留对方的答案，您的答案另存到 {mine}",
    }
    /// The parser's own words follow (in English).
    TOML_SYNTAX { en: "TOML syntax error: {detail}", zh: "文件无法解析（TOML 语法错误）：{detail}" }
    /// Before a problem found in a file that parsed (the detail in English).
    FILE_PROBLEM { en: "{detail}", zh: "文件内容有误：{detail}" }
    FILE_WARNING { en: "warning: {detail}", zh: "注意：{detail}" }
    NOT_UTF8 { en: "the file is not valid UTF-8 text", zh: "文件不是有效的 UTF-8 文本" }
    A_FOLDER { en: "this is a folder, not a file", zh: "这是文件夹，不是文件" }
    TOO_LARGE {
        en: "the file is {size} bytes; ccvet reads files of at most {max}",
        zh: "文件有 {size} 字节；ccvet 只读取不超过 {max} 字节的文件",
    }
    UNKNOWN_VENDOR { en: "no vendor with slug or name `{wanted}` in {dir}", zh: "{dir} 中没有简称或名称为 `{wanted}` 的服务商" }
    UNKNOWN_VENDOR_SOME_UNREADABLE {
        en: "no vendor with slug or name `{wanted}` in {dir} ({n} vendor file(s) could not be read; `ccvet compare` lists them)",
        zh: "{dir} 中没有简称或名称为 `{wanted}` 的服务商（{n} 个服务商文件无法读取；`ccvet compare` 会列出它们）",
    }
    VENDOR_NAME_TWICE {
        en: "{n} vendors are named `{wanted}`; name one by its slug: {slugs}",
        zh: "有 {n} 个服务商名为 `{wanted}`；请用简称指定其中一个：{slugs}",
    }
    VENDOR_NAME_INVISIBLE {
        en: "a vendor needs a name with visible characters",
        zh: "服务商名称需要含有可见字符",
    }
    VENDOR_EXISTS { en: "a vendor named `{name}` already exists", zh: "名为 `{name}` 的服务商已存在" }
    VENDOR_RENAMED {
        en: "`{wanted}` was renamed: it is now `{name}`, slug `{slug}`",
        zh: "`{wanted}` 已改名：现为 `{name}`，简称 `{slug}`",
    }
    VENDOR_ARCHIVED {
        en: "`{wanted}` is archived; `ccvet archive --restore {wanted}` brings it back",
        zh: "`{wanted}` 已归档；`ccvet archive --restore {wanted}` 可将其恢复",
    }
    RENAME_SAME_NAME { en: "the new name is the current one: nothing changed", zh: "新名称与当前名称相同：未做任何更改" }
    RENAME_NAME_TAKEN { en: "a vendor with that name exists already ({slug})", zh: "已有同名服务商（{slug}）" }
    RENAME_SLUG_TAKEN {
        en: "the file name vendors/{slug}.toml is taken by vendor `{vendor}`; choose a name that differs in letters or digits",
        zh: "文件名 vendors/{slug}.toml 已属于服务商“{vendor}”：请选一个字母或数字不同的名称",
    }
    RENAME_SLUG_IN_USE {
        en: "the file name {slug} is still used by {folder} (another vendor's reviews, evidence or history); choose another name",
        zh: "文件名 {slug} 仍被 {folder} 使用（另一服务商的评审、证据或历史）：请另选名称",
    }
    HOUSEKEEPING_LOCKED_BY { en: "{who} is writing this vendor; try again when they leave it", zh: "{who} 正在写入该服务商：待其离开后再试" }
    HOUSEKEEPING_LOCKED { en: "this vendor is open for writing; try again when it is left", zh: "该服务商正被写入：稍后再试" }
    HOUSEKEEPING_NOT_WRITABLE {
        en: "you may not create or remove files in {dir}; ask its owner or the team's administrator (ccvet doctor explains)",
        zh: "您无权在 {dir} 中创建或删除文件：请文件夹所有者或团队管理员处理（ccvet doctor 会说明）",
    }
    NOT_ARCHIVED { en: "no archived vendor with slug or name `{wanted}`", zh: "归档中没有名为或文件名为 `{wanted}` 的服务商" }
    // New cycles, evidence, reviews and vendor files.
    HISTORY_KEPT_ALREADY {
        en: "a history file of that cycle is already there; it is never replaced",
        zh: "该轮评估的历史文件已存在；历史文件从不覆盖",
    }
    CANNOT_EDIT { en: "cannot edit: {why}", zh: "无法编辑：{why}" }
    CYCLE_NO_DATE {
        en: "has no `assessed_on`; set it in the file before starting a new cycle",
        zh: "没有 `assessed_on`：请先在文件中填写，再开始新一轮评估",
    }
    CYCLE_NOT_AFTER {
        en: "a new cycle on {on} must start after the current cycle's assessed_on, {before}",
        zh: "{on} 开始的新一轮评估须晚于本轮的 assessed_on（{before}）",
    }
    CHANGED_WHILE_READING {
        en: "the vendor file changed while reading it; try again",
        zh: "读取服务商文件时文件发生了变化；请重试",
    }
    EVIDENCE_NAME_TAKEN { en: "too many files of that name already", zh: "同名文件已太多" }
    REVIEW_NOT_YOURS { en: "this review file is reviewer `{reviewer}`'s", zh: "此评审文件属于评审人 `{reviewer}`" }
    CANNOT_WRITE_REVIEW { en: "cannot write the review: {why}", zh: "无法写入评审：{why}" }
    NO_FREE_FILE_NAME { en: "no free file name for this vendor", zh: "无法为该服务商找到可用的文件名" }
    NOT_IN_CONFLICT { en: "`{key}` is not in conflict", zh: "`{key}` 没有冲突" }
    LOADER_FAILED { en: "a loader thread failed", zh: "加载线程出错" }
    CHANGED_NO_LONGER_READS {
        en: "the file was changed on disk and no longer reads ({why}); your change is not saved",
        zh: "文件已在磁盘上被改动且无法读取（{why}）；您的修改未保存",
    }
    CHANGED_WHILE_IMPORTING {
        en: "the file was changed on disk while importing; nothing is saved",
        zh: "导入期间文件已在磁盘上被改动；未保存任何内容",
    }
    CANNOT_RECORD_INTERVIEWER { en: "cannot record the new interviewer: {why}", zh: "无法记录新的访谈人：{why}" }
}
