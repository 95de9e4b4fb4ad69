//! An exact decimal: news numbers such as `1.5 مليون` must come out as 1500000, not
//! 1499999.9999999998, so values are kept as an integer mantissa and a count of decimals.

use std::fmt;

/// `mantissa / 10^decimals`, exact. Always kept with no trailing zero decimals, so equal
/// values compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Num {
    mantissa: i128,
    decimals: u8,
}

/// The most decimals kept: more than any news figure needs, few enough that `10^decimals`
/// times any parsed mantissa stays inside `i128`.
const MAX_DECIMALS: u8 = 18;

impl Num {
    pub const ZERO: Num = Num {
        mantissa: 0,
        decimals: 0,
    };

    pub fn int(v: i128) -> Num {
        Num {
            mantissa: v,
            decimals: 0,
        }
    }

    /// Parse plain ASCII `123`, `1.25`, `.5` (no separators, no sign). `None` when the digits
    /// do not fit.
    pub fn parse_plain(s: &str) -> Option<Num> {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > MAX_DECIMALS as usize || int.len() + frac.len() > 36 {
            return None;
        }
        let mut m: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            m = m.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        }
        Some(Num::tidy(Num {
            mantissa: m,
            decimals: frac.len() as u8,
        }))
    }

    fn tidy(mut self) -> Num {
        while self.decimals > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.decimals -= 1;
        }
        self
    }

    fn aligned(self, other: Num) -> Option<(i128, i128, u8)> {
        let d = self.decimals.max(other.decimals);
        let a = self
            .mantissa
            .checked_mul(10i128.checked_pow(u32::from(d - self.decimals))?)?;
        let b = other
            .mantissa
            .checked_mul(10i128.checked_pow(u32::from(d - other.decimals))?)?;
        Some((a, b, d))
    }

    pub fn checked_add(self, other: Num) -> Option<Num> {
        let (a, b, d) = self.aligned(other)?;
        Some(
            Num {
                mantissa: a.checked_add(b)?,
                decimals: d,
            }
            .tidy(),
        )
    }

    pub fn checked_mul(self, other: Num) -> Option<Num> {
        let decimals = self.decimals.checked_add(other.decimals)?;
        if decimals > MAX_DECIMALS * 2 {
            return None;
        }
        Some(
            Num {
                mantissa: self.mantissa.checked_mul(other.mantissa)?,
                decimals,
            }
            .tidy(),
        )
    }

    pub fn negated(self) -> Num {
        Num {
            mantissa: -self.mantissa,
            ..self
        }
    }

    /// `self` followed by `frac`'s digits after the point: `1 فاصلة 25` is 1.25.
    pub fn with_fraction_digits(self, frac: Num) -> Option<Num> {
        if !self.is_integer() || !frac.is_integer() || frac.mantissa < 0 {
            return None;
        }
        let digits = frac.mantissa.to_string().len() as u32;
        let f = Num {
            mantissa: frac.mantissa,
            decimals: u8::try_from(digits).ok()?,
        };
        self.checked_add(f)
    }

    pub fn is_integer(self) -> bool {
        self.decimals == 0
    }

    /// The integer value, when it is one.
    pub fn as_integer(self) -> Option<i128> {
        self.is_integer().then_some(self.mantissa)
    }

    /// Is this a whole number in `lo..=hi`?
    pub fn is_int_in(self, lo: i128, hi: i128) -> bool {
        self.as_integer().is_some_and(|v| (lo..=hi).contains(&v))
    }

    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(i32::from(self.decimals))
    }

    /// As a JSON number: an integer when whole, else the shortest decimal.
    pub fn to_json(self) -> serde_json::Value {
        if let Some(i) = self.as_integer()
            && let Ok(i) = i64::try_from(i)
        {
            return serde_json::Value::from(i);
        }
        serde_json::Number::from_f64(self.to_f64())
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null)
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.decimals == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let digits = format!(
            "{:0>width$}",
            self.mantissa.unsigned_abs(),
            width = self.decimals as usize + 1
        );
        let (i, d) = digits.split_at(digits.len() - self.decimals as usize);
        write!(f, "{sign}{i}.{d}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_scaled_decimals() {
        let v = Num::parse_plain("1.5")
            .unwrap()
            .checked_mul(Num::int(1_000_000))
            .unwrap();
        assert_eq!(v, Num::int(1_500_000));
        let v = Num::parse_plain("1.2")
            .unwrap()
            .checked_mul(Num::int(1_000_000_000))
            .unwrap();
        assert_eq!(v.as_integer(), Some(1_200_000_000));
    }

    #[test]
    fn trailing_zeros_are_equal() {
        assert_eq!(Num::parse_plain("4.0"), Some(Num::int(4)));
        assert_eq!(Num::parse_plain("01.10"), Num::parse_plain("1.1"));
        assert_eq!(Num::parse_plain(".77").unwrap().to_string(), "0.77");
    }

    #[test]
    fn rejects_junk_and_overflow() {
        assert_eq!(Num::parse_plain(""), None);
        assert_eq!(Num::parse_plain("."), None);
        assert_eq!(Num::parse_plain("1a"), None);
        assert_eq!(Num::parse_plain(&"9".repeat(60)), None);
    }

    #[test]
    fn fraction_digits() {
        let v = Num::int(1).with_fraction_digits(Num::int(25)).unwrap();
        assert_eq!(v.to_string(), "1.25");
        assert_eq!(Num::int(-3).to_string(), "-3");
        assert_eq!(
            Num::parse_plain("0.05").unwrap().negated().to_string(),
            "-0.05"
        );
    }
}
