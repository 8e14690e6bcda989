//! Civil dates and naive local timestamps, without a date crate.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub y: i64,
    pub m: i64,
    pub d: i64,
}

impl Date {
    pub const fn new(y: i64, m: i64, d: i64) -> Self {
        Date { y, m, d }
    }

    /// The date `z` days after 1970-01-01 (H. Hinnant's civil_from_days).
    pub fn from_days(z: i64) -> Self {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        Date::new(yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    /// Days since 1970-01-01 (days_from_civil).
    pub fn days(self) -> i64 {
        let y = self.y - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = if self.m > 2 { self.m - 3 } else { self.m + 9 };
        let doy = (153 * mp + 2) / 5 + self.d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    pub fn add(self, n: i64) -> Self {
        Date::from_days(self.days() + n)
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> usize {
        (self.days() + 3).rem_euclid(7) as usize
    }

    pub fn day_of_year(self) -> i64 {
        self.days() - Date::new(self.y, 1, 1).days()
    }

    pub fn is_month_end(self) -> bool {
        self.add(1).d == 1
    }

    /// `YYYY-MM`, the month key of audit.toml.
    pub fn month(self) -> String {
        format!("{:04}-{:02}", self.y, self.m)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// A naive wall-clock time in the account's time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    pub date: Date,
    pub minute: i64,
}

impl Stamp {
    pub fn add_minutes(self, n: i64) -> Self {
        let total = self.minute + n;
        Stamp {
            date: self.date.add(total.div_euclid(1440)),
            minute: total.rem_euclid(1440),
        }
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:02}:{:02}",
            self.date,
            self.minute / 60,
            self.minute % 60
        )
    }
}
