//! Numbers, amounts and dates as each language writes them: 7,547.5 and
//! 2026-11-01 in English; 7.547,5 and 1/11/2026 in Spanish.

use crate::model::Lang;
use chrono::NaiveDate;

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        Lang::Es => ('.', ','),
    }
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number with thousands grouped.
pub fn number(lang: Lang, n: i64) -> String {
    let digits = group(&n.unsigned_abs().to_string(), separators(lang).0);
    if n < 0 {
        format!("-{digits}")
    } else {
        digits
    }
}

/// A number with `places` decimals, thousands grouped.
pub fn decimal(lang: Lang, v: f64, places: usize) -> String {
    let (thousands, point) = separators(lang);
    let text = format!("{:.*}", places, v.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    let whole = group(whole, thousands);
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{point}{fraction}")
    }
}

/// An amount with two decimals and its currency code.
pub fn money(lang: Lang, v: f64, currency: &str) -> String {
    format!("{}\u{a0}{currency}", decimal(lang, v, 2))
}

pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::En => d.format("%Y-%m-%d").to_string(),
        Lang::Es => d.format("%-d/%-m/%Y").to_string(),
    }
}

/// A day on a chart's axis.
pub fn short_date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::En => d.format("%b %-d").to_string(),
        Lang::Es => d.format("%-d/%-m").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_per_language() {
        assert_eq!(number(Lang::En, 7547), "7,547");
        assert_eq!(number(Lang::Es, 7547), "7.547");
        assert_eq!(number(Lang::Es, 1_234_567), "1.234.567");
        assert_eq!(number(Lang::En, 999), "999");
        assert_eq!(number(Lang::En, 0), "0");
        assert_eq!(number(Lang::En, -1234), "-1,234");
    }

    #[test]
    fn decimals_and_money() {
        assert_eq!(decimal(Lang::En, 1166.466, 2), "1,166.47");
        assert_eq!(decimal(Lang::Es, 1166.466, 2), "1.166,47");
        assert_eq!(decimal(Lang::Es, 0.5, 1), "0,5");
        assert_eq!(decimal(Lang::En, -0.001, 2), "0.00");
        assert_eq!(money(Lang::Es, 747.65, "EUR"), "747,65\u{a0}EUR");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert_eq!(date(Lang::Es, d), "1/11/2026");
        assert_eq!(date(Lang::En, d), "2026-11-01");
        assert_eq!(short_date(Lang::En, d), "Nov 1");
        assert_eq!(short_date(Lang::Es, d), "1/11");
    }
}
