//! Invariants of the day and month arithmetic behind `due` (§11).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ccvet::domain::date::Date;
use ccvet::domain::followup::{add_days, add_months, days, from_days};
use proptest::prelude::*;

fn date() -> impl Strategy<Value = Date> {
    (1i32..9999, 1u8..=12, 1u8..=31).prop_filter_map("a real day", |(y, m, d)| Date::new(y, m, d))
}

proptest! {
    #[test]
    fn days_round_trip_and_follow_the_calendar(d in date(), n in -100_000i64..100_000) {
        prop_assert_eq!(from_days(days(d)), Some(d));
        if let Some(next) = add_days(d, 1) {
            prop_assert!(next > d);
            prop_assert_eq!(days(next) - days(d), 1);
        }
        if let Some(later) = add_days(d, n) {
            prop_assert_eq!(days(later) - days(d), n);
            prop_assert_eq!(later > d, n > 0);
        }
    }

    #[test]
    fn months_land_in_the_right_month_clamped_to_its_end(d in date(), m in -240i64..240) {
        if let Some(x) = add_months(d, m) {
            let total = i64::from(d.year()) * 12 + i64::from(d.month()) - 1 + m;
            prop_assert_eq!(i64::from(x.year()), total.div_euclid(12));
            prop_assert_eq!(i64::from(x.month()), total.rem_euclid(12) + 1);
            prop_assert!(x.day() <= d.day());
            // Only a day the month lacks moves, and then to the month's last day.
            if x.day() < d.day() {
                prop_assert!(add_days(x, 1).unwrap().month() != x.month());
            }
        }
    }
}
