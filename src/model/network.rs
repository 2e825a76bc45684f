//! The networks people share to, and what each one accepts.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    Linkedin,
    X,
    Facebook,
    Whatsapp,
    Email,
}

/// What X counts for any link, whatever its length (t.co wrapping).
pub const X_LINK_LENGTH: usize = 23;
/// Where LinkedIn cuts a post with "…see more".
pub const LINKEDIN_FOLD: usize = 210;

impl Network {
    pub const ALL: [Network; 5] = [
        Network::Linkedin,
        Network::X,
        Network::Facebook,
        Network::Whatsapp,
        Network::Email,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Network::Linkedin => "linkedin",
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::Whatsapp => "whatsapp",
            Network::Email => "email",
        }
    }

    pub fn parse(s: &str) -> Option<Network> {
        Network::ALL.into_iter().find(|n| n.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Network::Linkedin => "LinkedIn",
            Network::X => "X",
            Network::Facebook => "Facebook",
            Network::Whatsapp => "WhatsApp",
            Network::Email => "E-mail",
        }
    }

    /// The most characters a shared text may have on this network.
    pub fn max_chars(self) -> usize {
        match self {
            Network::Linkedin => 3000,
            Network::X => 280,
            Network::Facebook => 63_206,
            Network::Whatsapp => 4096,
            Network::Email => 10_000,
        }
    }

    /// Whether the network puts the link in the text (so it counts against the limit).
    fn link_in_text(self) -> bool {
        matches!(self, Network::X | Network::Whatsapp | Network::Email)
    }

    /// How long the text an ambassador shares will be on this network: the
    /// caption, the mandatory disclosure, and the link where the network
    /// counts it (X counts every link as 23 characters).
    pub fn shared_length(self, caption: &str, disclosure: &str, link: &str) -> usize {
        let mut n = caption.trim().chars().count();
        let disclosure = disclosure.trim();
        if !disclosure.is_empty() {
            n += 1 + disclosure.chars().count();
        }
        if self.link_in_text() {
            let link_len = if self == Network::X {
                X_LINK_LENGTH
            } else {
                link.chars().count()
            };
            n += 1 + link_len;
        }
        n
    }

    /// Characters left for the caption itself on this network.
    pub fn remaining(self, caption: &str, disclosure: &str, link: &str) -> i64 {
        self.max_chars() as i64 - self.shared_length(caption, disclosure, link) as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_counts_every_link_as_23_characters() {
        let long_link = format!("https://example.com/{}", "a".repeat(200));
        let caption = "a".repeat(280 - 23 - 1 - 9 - 1);
        assert_eq!(
            Network::X.shared_length(&caption, "#empleado", &long_link),
            280
        );
        assert_eq!(Network::X.remaining(&caption, "#empleado", &long_link), 0);
        assert_eq!(
            Network::X.remaining(&format!("{caption}b"), "#empleado", "https://x.co"),
            -1
        );
    }

    #[test]
    fn linkedin_counts_caption_and_disclosure_but_not_the_link() {
        assert_eq!(
            Network::Linkedin.shared_length("Hola", "#empleado", "https://example.com/x"),
            4 + 1 + 9
        );
        assert_eq!(Network::Linkedin.max_chars(), 3000);
    }

    #[test]
    fn counting_is_by_character_not_byte() {
        assert_eq!(
            Network::Facebook.shared_length("ñandú", "", "https://e.com"),
            5
        );
    }

    #[test]
    fn names_round_trip() {
        for n in Network::ALL {
            assert_eq!(Network::parse(n.as_str()), Some(n));
        }
        assert_eq!(Network::parse("myspace"), None);
    }
}
