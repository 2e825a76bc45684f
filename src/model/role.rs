//! Roles a person can hold. A person holds any set of them; what each one
//! allows is decided on the server (see `server::auth`), the browser only
//! uses them to decide what to show.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Editor,
    Approver,
    Trainer,
    Manager,
    Ambassador,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Ambassador,
        Role::Editor,
        Role::Approver,
        Role::Trainer,
        Role::Manager,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Approver => "approver",
            Role::Trainer => "trainer",
            Role::Manager => "manager",
            Role::Ambassador => "ambassador",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

/// A small ordered set of roles, cheap to copy. On the wire it is a list of
/// role names (`["ambassador", "editor"]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Roles(u8);

impl Serialize for Roles {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Roles {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<Role>::deserialize(d)?.into_iter().collect())
    }
}

impl Roles {
    fn bit(role: Role) -> u8 {
        1 << (role as u8)
    }

    pub fn none() -> Self {
        Roles(0)
    }

    pub fn contains(self, role: Role) -> bool {
        self.0 & Self::bit(role) != 0
    }

    pub fn insert(&mut self, role: Role) {
        self.0 |= Self::bit(role);
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.contains(*r))
    }
}

impl FromIterator<Role> for Roles {
    fn from_iter<I: IntoIterator<Item = Role>>(iter: I) -> Self {
        let mut roles = Roles::none();
        for r in iter {
            roles.insert(r);
        }
        roles
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
        }
        assert!("root".parse::<Role>().is_err());
    }

    #[test]
    fn role_set_holds_exactly_what_was_inserted() {
        let set: Roles = [Role::Editor, Role::Manager].into_iter().collect();
        assert!(set.contains(Role::Editor));
        assert!(set.contains(Role::Manager));
        assert!(!set.contains(Role::Admin));
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            vec![Role::Editor, Role::Manager]
        );
        assert!(Roles::none().is_empty());
    }
}
