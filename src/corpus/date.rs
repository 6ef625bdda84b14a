//! Publication dates as corpora write them. A record's `date` is kept as given (it is shown in
//! reports); for the timeline it is parsed here, or counted as unparsed and left out.
//!
//! Accepted: ISO 8601 (`2021-03-01`, `2021-03-01T10:00:00Z`, `2021-03-01 10:00`, basic
//! `20210301`, `20210301T120000Z`, a month alone `2021-03`), RFC 2822 (`Mon, 01 Mar 2021 10:00:00 +0000`), month
//! names (`March 1, 2021`, `1 March 2021`, `Mar 1 2021`, `Mon 01 Mar 2021`), `2021/03/01`, and
//! numeric day-month-year or month-day-year (`/`, `.` or `-` between) when the order is
//! unambiguous (`13/03/2021`, `03/13/2021`, or both numbers equal). Years outside 1800–2200 are
//! refused: a news corpus has none, and a five-digit or negative year is an error in the data.

use chrono::{Datelike, NaiveDate};

/// The first and last year accepted.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// A date's year and month (for the timeline), or None when it cannot be read unambiguously.
pub fn month(date: &str) -> Option<(i32, u32)> {
    let s = date.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let ym = parse_day(s)
        .map(|d| (d.year(), d.month()))
        .or_else(|| year_month(s))?;
    YEARS.contains(&ym.0).then_some(ym)
}

/// `YYYY-MM` of a date, as the timeline shows it.
pub fn month_key(date: &str) -> Option<String> {
    month(date).map(|(y, m)| format!("{y:04}-{m:02}"))
}

/// `2021-03` alone.
fn year_month(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !all_digits(y) || !all_digits(m) {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A full date in one of the accepted forms.
fn parse_day(s: &str) -> Option<NaiveDate> {
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    // ISO with a time of day: the date part decides.
    if s.len() > 10 && s.is_char_boundary(10) {
        let (day, rest) = s.split_at(10);
        if rest.starts_with(['T', ' ']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
            if let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d") {
                return Some(d);
            }
        }
    }
    if s.len() == 8 && all_digits(s) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    // Basic ISO with a time of day (GDELT's `seendate`, `20230101T120000Z`).
    if s.len() > 9 && s.is_char_boundary(8) && all_digits(&s[..8]) && s[8..].starts_with('T') {
        return NaiveDate::parse_from_str(&s[..8], "%Y%m%d").ok();
    }
    const FORMATS: [&str; 10] = [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%B %d, %Y",
        "%B %d %Y",
        "%d %B %Y",
        "%d %B, %Y",
        "%a %d %B %Y",
        "%a, %d %B %Y",
        "%A, %B %d, %Y",
        "%A %d %B %Y",
    ];
    for f in FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            // `%Y` also takes signed and five-digit years: only four digits are a year here.
            if s.contains(&format!("{:04}", d.year())) && d.year() >= 1000 {
                return Some(d);
            }
        }
    }
    numeric(s)
}

/// `D/M/YYYY` or `M/D/YYYY` (also with `.` or `-`), when only one reading is a date.
fn numeric(s: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let [a, b, y] = parts[..] else {
        return None;
    };
    if y.len() != 4 || ![a, b, y].iter().all(|p| all_digits(p) && p.len() <= 4) {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    let dm = NaiveDate::from_ymd_opt(y, b, a);
    let md = NaiveDate::from_ymd_opt(y, a, b);
    match (dm, md) {
        (Some(x), Some(z)) if x == z => Some(x),
        (Some(x), None) => Some(x),
        (None, Some(z)) => Some(z),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_forms_are_read() {
        for (s, want) in [
            ("2021-03-01", Some((2021, 3))),
            ("2021-03-01T10:00:00Z", Some((2021, 3))),
            ("2021-03-01T10:00:00+03:00", Some((2021, 3))),
            ("2021-03-01 10:00", Some((2021, 3))),
            ("2021-03", Some((2021, 3))),
            ("20210301", Some((2021, 3))),
            ("20230105T120000Z", Some((2023, 1))),
            ("20231305T120000Z", None),
            ("Mon, 01 Mar 2021 10:00:00 +0000", Some((2021, 3))),
            ("March 3, 2021", Some((2021, 3))),
            ("3 March 2021", Some((2021, 3))),
            ("Mar 3 2021", Some((2021, 3))),
            ("Wed 05 Apr 2017", Some((2017, 4))),
            ("2021/03/01", Some((2021, 3))),
            ("13/03/2021", Some((2021, 3))),
            ("03/13/2021", Some((2021, 3))),
            ("13.03.2021", Some((2021, 3))),
            ("05/05/2021", Some((2021, 5))),
        ] {
            assert_eq!(month(s), want, "{s}");
        }
        assert_eq!(month_key("2021-03-01").as_deref(), Some("2021-03"));
    }

    #[test]
    fn invalid_or_ambiguous_dates_are_not_read() {
        for s in [
            "",
            "yesterday",
            "2021-13-45",
            "2021-13",
            "-2021-01-01",
            "99999-01-01",
            "03/04/2021",
            "2021-02-30",
            "0000-01-01",
            "1700-01-01",
            "é2021-01-01",
            "2021-01-01xyz",
        ] {
            assert_eq!(month(s), None, "{s}");
        }
    }
}
