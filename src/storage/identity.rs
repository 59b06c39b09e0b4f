//! Who is who: the OS account of this process and of a file's owner.
//!
//! Identity is the effective uid's name in the password database, never
//! `$USER`, `$LOGNAME` or a config file: anyone can set those, and a
//! sign-off is worth only as much as the guarantee of who made it. The
//! operating system makes that guarantee for file ownership, so ccvet
//! names review files, lock records and interviewers after the account.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// An account: its uid and its name (or `#<uid>` where the password
/// database has no entry, as in some containers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub uid: u32,
    pub name: String,
}

/// The account this process acts as (its effective uid).
pub fn me() -> Account {
    static ME: OnceLock<Account> = OnceLock::new();
    ME.get_or_init(|| {
        let uid = rustix::process::geteuid().as_raw();
        Account { uid, name: name_of(uid) }
    })
    .clone()
}

/// The name of account `uid`, looked up once per uid.
pub fn name_of(uid: u32) -> String {
    static NAMES: OnceLock<Mutex<HashMap<u32, String>>> = OnceLock::new();
    let names = NAMES.get_or_init(|| Mutex::new(HashMap::new()));
    if let Ok(cache) = names.lock()
        && let Some(name) = cache.get(&uid)
    {
        return name.clone();
    }
    let name = match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(user)) => user.name,
        _ => format!("#{uid}"),
    };
    if let Ok(mut cache) = names.lock() {
        cache.insert(uid, name.clone());
    }
    name
}

/// The uid of the account called `name`, if there is one.
pub fn uid_of(name: &str) -> Option<u32> {
    if let Some(raw) = name.strip_prefix('#') {
        return raw.parse().ok();
    }
    nix::unistd::User::from_name(name).ok().flatten().map(|u| u.uid.as_raw())
}

/// The gid of the group called `name` (or given as a number).
pub fn gid_of_group(name: &str) -> Option<u32> {
    if let Ok(gid) = name.parse::<u32>() {
        return Some(gid);
    }
    nix::unistd::Group::from_name(name).ok().flatten().map(|g| g.gid.as_raw())
}

/// The name of group `gid` (or the number where it has none).
pub fn group_name(gid: u32) -> String {
    match nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(gid)) {
        Ok(Some(group)) => group.name,
        _ => gid.to_string(),
    }
}

/// How a person is shown: `李伟 (li.wei)` with a display name from the
/// config, else the account alone. The display name never decides anything.
pub fn shown(account: &str, display_name: Option<&str>) -> String {
    match display_name.map(str::trim).filter(|n| !n.is_empty() && *n != account) {
        Some(name) => format!("{name} ({account})"),
        None => account.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_its_effective_uid_whatever_the_environment_says() {
        let me = me();
        assert_eq!(me.uid, rustix::process::geteuid().as_raw());
        assert_eq!(uid_of(&me.name), Some(me.uid));
        assert_eq!(name_of(me.uid), me.name);
    }

    #[test]
    fn a_display_name_is_shown_beside_the_account() {
        assert_eq!(shown("li.wei", Some("李伟")), "李伟 (li.wei)");
        assert_eq!(shown("li.wei", Some("  ")), "li.wei");
        assert_eq!(shown("li.wei", Some("li.wei")), "li.wei");
        assert_eq!(shown("li.wei", None), "li.wei");
    }

    #[test]
    fn numbers_stand_for_accounts_and_groups_without_names() {
        assert_eq!(uid_of("#4242"), Some(4242));
        assert_eq!(gid_of_group("4242"), Some(4242));
        assert_eq!(uid_of("no-such-account-ccvet"), None);
    }
}
