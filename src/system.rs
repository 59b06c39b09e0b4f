//! Facts about the running system: today's date, the host, who holds a
//! lock. Kept here so the domain and storage stay functions of their inputs.

use crate::domain::date::Date;
use crate::storage::lock::Holder;

/// Today's date where the user is (the assessment date of a new vendor).
pub fn today() -> Date {
    let now = jiff::ZonedDateTime::now();
    Date::new(i32::from(now.year()), now.month().unsigned_abs(), now.day().unsigned_abs()).unwrap_or(Date::EPOCH)
}

pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "unknown".to_string())
}

/// This process, as written into a lock file.
pub fn holder(user: &str) -> Holder {
    Holder { user: user.to_string(), host: hostname(), pid: std::process::id(), since: now_rfc3339() }
}

/// A Unix time as local "MM-DD HH:MM" (the vendor list's "changed").
pub fn local_short(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::system()).strftime("%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// Now, as RFC 3339 with the local offset (comment and sign-off times).
pub fn now_rfc3339() -> String {
    jiff::ZonedDateTime::now().strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}
