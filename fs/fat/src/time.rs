//! FAT timestamps <-> seconds since 2000-01-01 (MicroPython's epoch).

fn year_days(year: u32) -> u32 {
    if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) {
        366
    } else {
        365
    }
}

fn month_days(year: u32, month: u32) -> u32 {
    match month {
        2 => year_days(year) - 337,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// (date, time) fields of a FAT directory entry for `secs` since 2000-01-01 00:00.
/// Counting loops rather than calendar formulas: a few more cycles, less code.
pub fn to_fat(secs: u32) -> (u16, u16) {
    let mut days = secs / 86_400;
    let rem = secs % 86_400;
    let mut year = 2000;
    while days >= year_days(year) {
        days -= year_days(year);
        year += 1;
    }
    let mut month = 1;
    while days >= month_days(year, month) {
        days -= month_days(year, month);
        month += 1;
    }
    let date = ((year - 1980) << 9) | (month << 5) | (days + 1);
    let time = ((rem / 3600) << 11) | ((rem / 60 % 60) << 5) | ((rem % 60) / 2);
    (date as u16, time as u16)
}

/// Seconds since 2000-01-01 for FAT (date, time); dates before 2000 give 0.
pub fn from_fat(date: u16, time: u16) -> u32 {
    let (date, time) = (u32::from(date), u32::from(time));
    let year = (date >> 9) + 1980;
    if year < 2000 {
        return 0;
    }
    let mut days = (date & 31).max(1) - 1;
    days += (2000..year).map(year_days).sum::<u32>();
    days += (1..((date >> 5) & 15).clamp(1, 12))
        .map(|m| month_days(year, m))
        .sum::<u32>();
    days * 86_400 + (time >> 11) * 3600 + ((time >> 5) & 63) * 60 + (time & 31) * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_dates() {
        assert_eq!(to_fat(0), ((20 << 9) | (1 << 5) | 1, 0));
        // 2024-02-29 13:14:16 = 762_527_656 s after 2000-01-01
        let t = 762_527_656;
        let (d, tm) = to_fat(t);
        assert_eq!(d, (44 << 9) | (2 << 5) | 29);
        assert_eq!(tm, (13 << 11) | (14 << 5) | 8);
        assert_eq!(from_fat(d, tm), t);
        assert_eq!(from_fat(0, 0), 0);
        // 2000-12-31 23:59:58 and 2001-03-01 (leap years: 2000 is, 2100 is not)
        for t in [31_622_398, 36_720_000, 3_155_760_000, 3_160_857_600] {
            assert_eq!(from_fat(to_fat(t).0, to_fat(t).1), t);
        }
    }
}
