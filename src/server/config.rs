//! Typed configuration from the environment, optionally from a file of
//! `KEY=value` lines named by `PORTAVOZ_CONFIG` (the environment wins).
//! Every setting has a default, so a new user runs with none.
//!
//! `SETTINGS` is the single list of what can be set: it drives both the
//! parser's lookups and the commented sample (`portavoz config-sample`).

use crate::model::Lang;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::Duration;

pub struct Setting {
    pub key: &'static str,
    pub default: &'static str,
    pub help: &'static str,
}

pub const SETTINGS: &[Setting] = &[
    Setting { key: "DATABASE_URL", default: "sqlite://data/portavoz.db", help: "Where data lives: sqlite://path/to/file.db (created on first start) or postgres://user:pass@host/db." },
    Setting { key: "LEPTOS_SITE_ADDR", default: "127.0.0.1:3000", help: "Address and port to listen on. Use 0.0.0.0:3000 to accept connections from other machines." },
    Setting { key: "LEPTOS_SITE_ROOT", default: "target/site", help: "Folder with the built front end (pkg/ with the JS, WebAssembly and CSS), made by `cargo leptos build`." },
    Setting { key: "PORTAVOZ_PUBLIC_URL", default: "", help: "The address people type, e.g. https://portavoz.example.com. Used in invitation links and to reject cross-site requests. Empty: derived from each request's Host header." },
    Setting { key: "PORTAVOZ_DEMO", default: "0", help: "1: fill an empty database with a demo organization (never touches a database that has data)." },
    Setting { key: "PORTAVOZ_ADMIN_EMAIL", default: "", help: "With PORTAVOZ_ADMIN_PASSWORD: create this first admin on start if the database has no people yet." },
    Setting { key: "PORTAVOZ_ADMIN_PASSWORD", default: "", help: "Password of the first admin (at least 8 characters). Remove it from the environment once the admin exists." },
    Setting { key: "PORTAVOZ_ADMIN_NAME", default: "Admin", help: "Display name of the first admin." },
    Setting { key: "PORTAVOZ_DEFAULT_LANG", default: "en", help: "Language for visitors whose browser asks for neither Spanish nor English: en or es." },
    Setting { key: "PORTAVOZ_DB_MAX_CONNECTIONS", default: "8", help: "Database connection pool size per app instance." },
    Setting { key: "PORTAVOZ_SESSION_IDLE_MINUTES", default: "720", help: "Sign people out after this long without activity." },
    Setting { key: "PORTAVOZ_SESSION_MAX_HOURS", default: "336", help: "Sign people out this long after they signed in, active or not (absolute lifetime)." },
    Setting { key: "PORTAVOZ_SECURE_COOKIES", default: "auto", help: "auto: Secure cookies with the __Host- prefix when PORTAVOZ_PUBLIC_URL is https. Or true / false." },
    Setting { key: "PORTAVOZ_INVITATION_DAYS", default: "7", help: "How long an invitation link stays valid." },
    Setting { key: "PORTAVOZ_CLIENT_IP_HEADER", default: "", help: "Behind a trusted reverse proxy only: the header it puts the client IP in (e.g. X-Real-IP, or X-Forwarded-For whose last entry is used). Empty: the TCP peer address." },
    Setting { key: "PORTAVOZ_PASSWORD_HASH_CONCURRENCY", default: "0", help: "How many password hashes may run at once (argon2id, ~19 MiB each). 0: one per CPU core." },
    Setting { key: "PORTAVOZ_SHUTDOWN_GRACE_SECONDS", default: "20", help: "On SIGTERM, how long in-flight requests may take to finish." },
    Setting { key: "PORTAVOZ_CLICK_QUEUE", default: "65536", help: "How many clicks may wait in memory for the writer. When full, visitors are still redirected and the lost click is counted in the log." },
    Setting { key: "PORTAVOZ_BENCH_ROUTES", default: "0", help: "1: also serve /bench/bare, a constant redirect the benchmark compares /s/{code} with. Leave off in production." },
    Setting { key: "RUST_LOG", default: "info", help: "Log filter, e.g. info, portavoz=debug,sqlx=warn. Set RUST_LOG_FORMAT=json for JSON lines." },
];

#[derive(Debug, thiserror::Error)]
#[error("configuration: {key}: {message}")]
pub struct ConfigError {
    pub key: &'static str,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CookieSecurity {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub site_addr: SocketAddr,
    pub site_root: String,
    pub public_url: Option<url::Url>,
    pub demo: bool,
    pub first_admin: Option<FirstAdmin>,
    pub default_lang: Lang,
    pub db_max_connections: u32,
    pub session_idle: Duration,
    pub session_max: Duration,
    pub cookie_security: CookieSecurity,
    pub invitation_ttl: chrono::Duration,
    pub client_ip_header: Option<String>,
    pub hash_concurrency: usize,
    pub shutdown_grace: Duration,
    pub click_queue: usize,
    pub bench_routes: bool,
}

#[derive(Clone)]
pub struct FirstAdmin {
    pub email: String,
    pub password: String,
    pub name: String,
}

impl std::fmt::Debug for FirstAdmin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirstAdmin")
            .field("email", &self.email)
            .field("password", &"**redacted**")
            .finish()
    }
}

impl Config {
    /// Reads the process environment (and `PORTAVOZ_CONFIG`, if set).
    pub fn from_env() -> Result<Config, ConfigError> {
        let mut values: HashMap<String, String> = HashMap::new();
        if let Ok(path) = std::env::var("PORTAVOZ_CONFIG") {
            let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
                key: "PORTAVOZ_CONFIG",
                message: format!("cannot read {path}: {e}"),
            })?;
            values.extend(parse_env_file(&text));
        }
        values.extend(std::env::vars());
        Config::from_map(&values)
    }

    pub fn from_map(values: &HashMap<String, String>) -> Result<Config, ConfigError> {
        let get = |key: &'static str| -> String {
            values
                .get(key)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| default_of(key).to_string())
        };
        let parse = |key: &'static str| -> Result<u64, ConfigError> {
            get(key).parse::<u64>().map_err(|_| ConfigError {
                key,
                message: format!("expected a whole number, got {:?}", get(key)),
            })
        };

        let site_addr = get("LEPTOS_SITE_ADDR").parse().map_err(|_| ConfigError {
            key: "LEPTOS_SITE_ADDR",
            message: "expected host:port, e.g. 127.0.0.1:3000".into(),
        })?;
        let public_url = match get("PORTAVOZ_PUBLIC_URL").as_str() {
            "" => None,
            raw => {
                let url = url::Url::parse(raw).map_err(|e| ConfigError {
                    key: "PORTAVOZ_PUBLIC_URL",
                    message: e.to_string(),
                })?;
                if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                    return Err(ConfigError {
                        key: "PORTAVOZ_PUBLIC_URL",
                        message: "must be an http:// or https:// address".into(),
                    });
                }
                Some(url)
            }
        };
        let first_admin = match (get("PORTAVOZ_ADMIN_EMAIL"), get("PORTAVOZ_ADMIN_PASSWORD")) {
            (email, password) if !email.is_empty() && !password.is_empty() => Some(FirstAdmin {
                email,
                password,
                name: get("PORTAVOZ_ADMIN_NAME"),
            }),
            (email, _) if !email.is_empty() => {
                return Err(ConfigError {
                    key: "PORTAVOZ_ADMIN_PASSWORD",
                    message: "PORTAVOZ_ADMIN_EMAIL is set, so a password is needed too".into(),
                })
            }
            _ => None,
        };
        let cookie_security = match get("PORTAVOZ_SECURE_COOKIES").to_lowercase().as_str() {
            "auto" => CookieSecurity::Auto,
            "1" | "true" | "yes" => CookieSecurity::Always,
            "0" | "false" | "no" => CookieSecurity::Never,
            other => {
                return Err(ConfigError {
                    key: "PORTAVOZ_SECURE_COOKIES",
                    message: format!("expected auto, true or false, got {other:?}"),
                })
            }
        };
        let default_lang = get("PORTAVOZ_DEFAULT_LANG")
            .parse()
            .map_err(|_| ConfigError {
                key: "PORTAVOZ_DEFAULT_LANG",
                message: "expected en or es".into(),
            })?;
        let idle = parse("PORTAVOZ_SESSION_IDLE_MINUTES")?;
        let max = parse("PORTAVOZ_SESSION_MAX_HOURS")?;
        if idle == 0 || max == 0 {
            return Err(ConfigError {
                key: "PORTAVOZ_SESSION_IDLE_MINUTES",
                message: "session timeouts must be positive".into(),
            });
        }
        let concurrency = match parse("PORTAVOZ_PASSWORD_HASH_CONCURRENCY")? {
            0 => std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            n => n as usize,
        };
        let header = get("PORTAVOZ_CLIENT_IP_HEADER");

        Ok(Config {
            database_url: get("DATABASE_URL"),
            site_addr,
            site_root: get("LEPTOS_SITE_ROOT"),
            public_url,
            demo: matches!(
                get("PORTAVOZ_DEMO").to_lowercase().as_str(),
                "1" | "true" | "yes"
            ),
            first_admin,
            default_lang,
            db_max_connections: parse("PORTAVOZ_DB_MAX_CONNECTIONS")?.clamp(1, 500) as u32,
            session_idle: Duration::from_secs(idle * 60),
            session_max: Duration::from_secs(max * 3600),
            cookie_security,
            invitation_ttl: chrono::Duration::days(
                parse("PORTAVOZ_INVITATION_DAYS")?.clamp(1, 90) as i64
            ),
            client_ip_header: (!header.is_empty()).then(|| header.to_ascii_lowercase()),
            hash_concurrency: concurrency.max(1),
            shutdown_grace: Duration::from_secs(parse("PORTAVOZ_SHUTDOWN_GRACE_SECONDS")?),
            click_queue: parse("PORTAVOZ_CLICK_QUEUE")?.clamp(1, 10_000_000) as usize,
            bench_routes: matches!(
                get("PORTAVOZ_BENCH_ROUTES").to_lowercase().as_str(),
                "1" | "true" | "yes"
            ),
        })
    }

    /// Whether cookies get `Secure` and the `__Host-` prefix.
    pub fn secure_cookies(&self) -> bool {
        match self.cookie_security {
            CookieSecurity::Always => true,
            CookieSecurity::Never => false,
            CookieSecurity::Auto => self
                .public_url
                .as_ref()
                .is_some_and(|u| u.scheme() == "https"),
        }
    }
}

fn default_of(key: &str) -> &'static str {
    SETTINGS
        .iter()
        .find(|s| s.key == key)
        .map(|s| s.default)
        .unwrap_or("")
}

/// `KEY=value` lines; `#` starts a comment; values may be quoted.
pub fn parse_env_file(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(v);
            (
                k.trim().trim_start_matches("export ").to_string(),
                v.to_string(),
            )
        })
        .collect()
}

/// The commented sample printed by `portavoz config-sample`.
pub fn sample() -> String {
    let mut out = String::from(
        "# Portavoz configuration. Every line is optional: the values shown are the defaults.\n\
         # Use as environment variables, or save as a file and point PORTAVOZ_CONFIG at it.\n\n",
    );
    for s in SETTINGS {
        out.push_str(&format!("# {}\n#{}={}\n\n", s.help, s.key, s.default));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn zero_configuration_gives_working_defaults() {
        let c = Config::from_map(&HashMap::new()).unwrap();
        assert_eq!(c.database_url, "sqlite://data/portavoz.db");
        assert_eq!(c.site_addr.to_string(), "127.0.0.1:3000");
        assert!(!c.demo);
        assert!(c.first_admin.is_none());
        assert!(!c.secure_cookies());
        assert_eq!(c.session_idle, Duration::from_secs(720 * 60));
    }

    #[test]
    fn bad_values_name_the_setting() {
        let e = Config::from_map(&map(&[("LEPTOS_SITE_ADDR", "nonsense")])).unwrap_err();
        assert_eq!(e.key, "LEPTOS_SITE_ADDR");
        let e = Config::from_map(&map(&[("PORTAVOZ_ADMIN_EMAIL", "a@b.c")])).unwrap_err();
        assert_eq!(e.key, "PORTAVOZ_ADMIN_PASSWORD");
        let e = Config::from_map(&map(&[("PORTAVOZ_PUBLIC_URL", "ftp://x")])).unwrap_err();
        assert_eq!(e.key, "PORTAVOZ_PUBLIC_URL");
    }

    #[test]
    fn https_public_url_turns_on_secure_cookies() {
        let c =
            Config::from_map(&map(&[("PORTAVOZ_PUBLIC_URL", "https://pv.example.com")])).unwrap();
        assert!(c.secure_cookies());
    }

    #[test]
    fn env_file_lines_are_parsed() {
        let parsed = parse_env_file(
            "# comment\nDATABASE_URL=\"postgres://x/y\"\n\nexport PORTAVOZ_DEMO=1\n",
        );
        assert_eq!(
            parsed,
            vec![
                ("DATABASE_URL".to_string(), "postgres://x/y".to_string()),
                ("PORTAVOZ_DEMO".to_string(), "1".to_string()),
            ]
        );
    }

    #[test]
    fn sample_lists_every_setting() {
        let s = sample();
        for setting in SETTINGS {
            assert!(s.contains(&format!("#{}=", setting.key)));
        }
    }
}
