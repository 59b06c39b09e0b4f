//! Facts about the running system: today's date, the host, who holds a
//! lock. Kept here so the domain and storage stay functions of their inputs.

use crate::domain::date::Date;
use crate::storage::lock::Holder;

/// The user's time zone, read once.
///
/// jiff's `TimeZone::system()` reads the whole time zone database to name
/// the zone `/etc/localtime` points to: 0.7 ms, a fifth of the first
/// frame's budget. Only the offsets matter here, so the file itself is
/// read; `TZ`, when set, still goes through jiff.
pub fn local_zone() -> jiff::tz::TimeZone {
    static ZONE: std::sync::OnceLock<jiff::tz::TimeZone> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        let from_file = || {
            let bytes = std::fs::read("/etc/localtime").ok()?;
            jiff::tz::TimeZone::tzif("localtime", &bytes).ok()
        };
        match std::env::var_os("TZ") {
            Some(tz) if !tz.is_empty() => jiff::tz::TimeZone::system(),
            _ => from_file().unwrap_or_else(jiff::tz::TimeZone::system),
        }
    })
    .clone()
}

/// Today's date where the user is (the assessment date of a new vendor).
pub fn today() -> Date {
    let now = jiff::Timestamp::now().to_zoned_datetime(local_zone());
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
        .map(|t| t.to_zoned_datetime(local_zone()).strftime("%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// Now, as RFC 3339 with the local offset (comment and sign-off times).
pub fn now_rfc3339() -> String {
    jiff::Timestamp::now().to_zoned_datetime(local_zone()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// Lowers the calling thread's priority (nice 10): background work (saving,
/// loading vendors) then never takes a core from the thread that draws, or
/// from sshd shipping the frame, on a small server.
pub fn background_thread() {
    // On Linux a thread id names one thread; elsewhere it would be the process.
    #[cfg(target_os = "linux")]
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 10);
}
