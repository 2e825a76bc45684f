//! Brute-force throttling with exponential backoff, per account and per IP.
//! Counters are in the database so every app instance enforces the same
//! limits. No permanent lockout: a blocked key unblocks by itself, and a
//! quiet hour resets its count.

use crate::model::validate::Email;
use crate::server::db::{Db, StoreResult};
use chrono::{DateTime, Duration, Utc};
use std::net::IpAddr;

/// Failures before an account is slowed down.
pub const ACCOUNT_FREE_FAILURES: i64 = 5;
/// Failures before an address is slowed down (an office may share one IP).
pub const IP_FREE_FAILURES: i64 = 20;
pub const FIRST_BLOCK: Duration = Duration::seconds(15);
pub const MAX_BLOCK: Duration = Duration::minutes(15);
/// A key whose last failure is older than this starts counting again.
pub const WINDOW: Duration = Duration::hours(1);

fn backoff(failures: i64, free: i64) -> Duration {
    if failures < free {
        return Duration::zero();
    }
    // 15 s after the last free attempt, doubling: long enough to make
    // guessing pointless, short enough that a person who mistyped can retry.
    let exp = (failures - free).min(10) as u32;
    (FIRST_BLOCK * 2_i32.pow(exp)).min(MAX_BLOCK)
}

fn account_block(failures: i64) -> Duration {
    backoff(failures, ACCOUNT_FREE_FAILURES)
}

fn ip_block(failures: i64) -> Duration {
    backoff(failures, IP_FREE_FAILURES)
}

fn account_key(email: &Email) -> String {
    format!("account:{}", email.as_str())
}

fn ip_key(ip: IpAddr) -> String {
    // One IPv6 user usually holds a whole /64: count the prefix, not the address.
    match ip {
        IpAddr::V4(v4) => format!("ip:{v4}"),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("ip:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

fn keys(email: &Email, ip: Option<IpAddr>) -> Vec<String> {
    let mut keys = vec![account_key(email)];
    keys.extend(ip.map(ip_key));
    keys
}

/// Seconds until a new attempt is allowed, if the account or address is blocked.
pub async fn retry_after(
    db: &Db,
    email: &Email,
    ip: Option<IpAddr>,
    now: DateTime<Utc>,
) -> StoreResult<Option<u64>> {
    let until = db.blocked_until(&keys(email, ip), now).await?;
    Ok(until.map(|u| (u - now).num_seconds().max(1) as u64))
}

pub async fn record_failure(
    db: &Db,
    email: &Email,
    ip: Option<IpAddr>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    db.record_failure(&account_key(email), now, WINDOW, account_block)
        .await?;
    if let Some(ip) = ip {
        db.record_failure(&ip_key(ip), now, WINDOW, ip_block)
            .await?;
    }
    Ok(())
}

/// A successful sign-in clears the account's count. The address's count is
/// kept: otherwise an attacker could reset it with an account of their own.
pub async fn record_success(db: &Db, email: &Email) -> StoreResult<()> {
    db.clear_failures(&account_key(email)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_starts_after_the_free_attempts_and_doubles_up_to_the_cap() {
        assert_eq!(account_block(1), Duration::zero());
        assert_eq!(account_block(4), Duration::zero());
        assert_eq!(account_block(5), Duration::seconds(15));
        assert_eq!(account_block(6), Duration::seconds(30));
        assert_eq!(account_block(9), Duration::seconds(240));
        assert_eq!(account_block(11), MAX_BLOCK);
        assert_eq!(account_block(40), MAX_BLOCK);
        assert_eq!(ip_block(19), Duration::zero());
        assert_eq!(ip_block(21), Duration::seconds(30));
    }

    #[test]
    fn ipv6_addresses_are_counted_per_64_prefix() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        assert_eq!(ip_key(a), ip_key(b));
        assert_eq!(ip_key("192.0.2.7".parse().unwrap()), "ip:192.0.2.7");
    }
}
