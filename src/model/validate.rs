//! Parse, don't validate: input from forms becomes one of these types or a
//! field error. Shared by the browser (to warn while typing) and the server
//! (which decides).

use super::error::ErrorCode;
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 100;
pub const EMAIL_MAX: usize = 254;
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

/// A syntactically valid e-mail address, trimmed and lower-cased so that
/// `Ana@Example.com` and `ana@example.com` are the same person.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, ErrorCode> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(ErrorCode::Required);
        }
        if s.chars().count() > EMAIL_MAX {
            return Err(ErrorCode::TooLong {
                max: EMAIL_MAX as u32,
            });
        }
        let (local, domain) = s.split_once('@').ok_or(ErrorCode::InvalidEmail)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        let chars_ok =
            !s.chars().any(|c| c.is_whitespace() || c.is_control()) && !domain.contains('@');
        if local.is_empty() || !domain_ok || !chars_ok {
            return Err(ErrorCode::InvalidEmail);
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's display name: 1 to 100 characters once trimmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<PersonName, ErrorCode> {
        short_text(raw, NAME_MAX).map(PersonName)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A trimmed, non-empty text of at most `max` characters, without control
/// characters (names of teams, locations, people).
pub fn short_text(raw: &str, max: usize) -> Result<String, ErrorCode> {
    let s: String = raw.trim().chars().filter(|c| !c.is_control()).collect();
    if s.is_empty() {
        return Err(ErrorCode::Required);
    }
    if s.chars().count() > max {
        return Err(ErrorCode::TooLong { max: max as u32 });
    }
    Ok(s)
}

/// A new password: 8 to 128 characters, not one of the most common ones.
/// No composition rules (NIST 800-63B, OWASP ASVS 6.2).
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str) -> Result<NewPassword, ErrorCode> {
        let n = raw.chars().count();
        if n < PASSWORD_MIN {
            return Err(ErrorCode::TooShort {
                min: PASSWORD_MIN as u32,
            });
        }
        if n > PASSWORD_MAX {
            return Err(ErrorCode::TooLong {
                max: PASSWORD_MAX as u32,
            });
        }
        if is_common_password(raw) {
            return Err(ErrorCode::CommonPassword);
        }
        Ok(NewPassword(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(**redacted**)")
    }
}

/// The passwords that top every breach list, at 8 characters or more.
const COMMON_PASSWORDS: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "password",
    "password1",
    "password123",
    "qwertyuiop",
    "qwerty123",
    "11111111",
    "00000000",
    "12341234",
    "87654321",
    "iloveyou",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "superman",
    "trustno1",
    "welcome1",
    "welcome123",
    "abc12345",
    "abcd1234",
    "1q2w3e4r",
    "1qaz2wsx",
    "qwer1234",
    "zaq12wsx",
    "passw0rd",
    "p@ssw0rd",
    "letmein1",
    "admin123",
    "administrator",
    "changeme",
    "master123",
    "starwars",
    "whatever",
    "asdfghjkl",
    "asdf1234",
    "q1w2e3r4",
    "11223344",
    "12121212",
    "123123123",
    "contraseña",
    "contrasena",
    "contraseña1",
    "contrasena1",
    "123456789a",
    "portavoz",
    "portavoz1",
    "portavoz123",
    "bienvenido",
    "bienvenido1",
    "tequiero",
    "teamo123",
    "futbol123",
    "barcelona",
    "realmadrid",
    "qwertyui",
];

fn is_common_password(raw: &str) -> bool {
    let lower = raw.to_lowercase();
    COMMON_PASSWORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Ana@Example.COM ").unwrap().as_str(),
            "ana@example.com"
        );
        assert_eq!(Email::parse(""), Err(ErrorCode::Required));
        for bad in [
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "ana@@example.com",
            "a na@example.com",
            "ana@.example.com",
            "ana@example..com",
        ] {
            assert_eq!(Email::parse(bad), Err(ErrorCode::InvalidEmail), "{bad}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(ErrorCode::TooLong { max: 254 }));
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            PersonName::parse("  Ana García ").unwrap().as_str(),
            "Ana García"
        );
        assert_eq!(PersonName::parse("   "), Err(ErrorCode::Required));
        assert!(PersonName::parse(&"ñ".repeat(100)).is_ok());
        assert_eq!(
            PersonName::parse(&"ñ".repeat(101)),
            Err(ErrorCode::TooLong { max: 100 })
        );
    }

    #[test]
    fn passwords_follow_length_and_blocklist_only() {
        assert!(NewPassword::parse("correct horse").is_ok());
        assert!(NewPassword::parse("ñandúñandú").is_ok());
        assert!(matches!(
            NewPassword::parse("short"),
            Err(ErrorCode::TooShort { min: 8 })
        ));
        assert!(matches!(
            NewPassword::parse("Password1"),
            Err(ErrorCode::CommonPassword)
        ));
        assert!(matches!(
            NewPassword::parse(&"x".repeat(129)),
            Err(ErrorCode::TooLong { max: 128 })
        ));
        assert_eq!(
            format!("{:?}", NewPassword::parse("correct horse").unwrap()),
            "NewPassword(**redacted**)"
        );
    }
}
