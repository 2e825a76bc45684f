//! Posts as editors write them and ambassadors see them.

use super::error::{ErrorCode, FieldError};
use super::validate::short_text;
use super::workflow::{Phase, PostStatus};
use super::{Lang, LocationId, Network, PersonId, TeamId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub type PostId = i64;
pub type ImageId = i64;

pub const TITLE_MAX: usize = 150;
pub const BODY_MAX: usize = 20_000;
pub const LINK_MAX: usize = 2048;
pub const TOPIC_MAX: usize = 40;
pub const TOPICS_MAX: usize = 8;
pub const VARIANTS_MAX: usize = 5;
pub const DISCLOSURE_MAX: usize = 60;
pub const NOTE_MAX: usize = 1000;
pub const COMMENT_MAX: usize = 1000;
pub const IMAGE_MAX_BYTES: usize = 5 * 1024 * 1024;

/// Who a post is for. Empty lists mean "no restriction"; a person must
/// match every dimension that has entries (any entry within it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Targeting {
    pub teams: Vec<TeamId>,
    pub locations: Vec<LocationId>,
    pub langs: Vec<Lang>,
}

impl Targeting {
    pub fn everyone(&self) -> bool {
        self.teams.is_empty() && self.locations.is_empty() && self.langs.is_empty()
    }

    pub fn includes(&self, team: Option<TeamId>, location: Option<LocationId>, lang: Lang) -> bool {
        let team_ok = self.teams.is_empty() || team.is_some_and(|t| self.teams.contains(&t));
        let location_ok =
            self.locations.is_empty() || location.is_some_and(|l| self.locations.contains(&l));
        let lang_ok = self.langs.is_empty() || self.langs.contains(&lang);
        team_ok && location_ok && lang_ok
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    pub network: Network,
    pub text: String,
}

/// The editor's form. `version` is the version the editor started from:
/// saving over a newer version is refused, so nobody's work is overwritten.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PostInput {
    pub version: i64,
    pub title: String,
    pub body: String,
    pub link_url: String,
    pub image_id: Option<ImageId>,
    pub topics: Vec<String>,
    pub captions: Vec<Caption>,
    pub captions_editable: bool,
    pub disclosure: String,
    pub targeting: Targeting,
    pub important: bool,
    pub publish_at: Option<DateTime<Utc>>,
    pub expire_at: Option<DateTime<Utc>>,
    /// A course whose valid certificate an ambassador needs to share this post.
    #[serde(default)]
    pub required_course: Option<crate::model::training::CourseId>,
}

/// A link an ambassador suggests to the comms team.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub link_url: String,
    pub note: String,
}

/// A card in the ambassador's feed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedItem {
    pub id: PostId,
    pub title: String,
    pub summary: String,
    pub link_host: String,
    pub image_url: Option<String>,
    pub topics: Vec<String>,
    pub important: bool,
    pub publish_at: DateTime<Utc>,
    pub expire_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedQuery {
    pub topic: Option<String>,
    pub q: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feed {
    pub items: Vec<FeedItem>,
    /// Topics of every post visible to this person, for the filter chips.
    pub topics: Vec<String>,
    pub crisis: Option<CrisisNotice>,
}

/// A post's page: what an ambassador needs to read and share it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostView {
    pub id: PostId,
    pub title: String,
    /// Markdown rendered to HTML on the server and sanitized.
    pub body_html: String,
    pub link_url: String,
    pub link_host: String,
    pub image_url: Option<String>,
    pub topics: Vec<String>,
    pub important: bool,
    pub captions: Vec<Caption>,
    pub captions_editable: bool,
    pub disclosure: String,
    pub publish_at: DateTime<Utc>,
    pub expire_at: Option<DateTime<Utc>>,
    pub phase: Phase,
}

/// A row of the editors' and approvers' lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostRow {
    pub id: PostId,
    pub title: String,
    pub status: PostStatus,
    pub phase: Phase,
    pub author_name: Option<String>,
    pub suggested_by_name: Option<String>,
    pub important: bool,
    pub publish_at: DateTime<Utc>,
    pub expire_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub everyone: bool,
}

/// Everything the editor screen shows about one post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostDetail {
    pub id: PostId,
    pub input: PostInput,
    pub status: PostStatus,
    pub phase: Phase,
    pub author_id: Option<PersonId>,
    pub author_name: Option<String>,
    pub suggested_by_name: Option<String>,
    pub suggestion_note: String,
    /// The approver's comment when it was last sent back, or the retraction reason.
    pub last_comment: Option<String>,
    pub image_url: Option<String>,
    pub history: Vec<HistoryItem>,
}

/// One line of a post's approval trail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryItem {
    pub at: DateTime<Utc>,
    pub actor_name: Option<String>,
    pub action: String,
    pub from: Option<PostStatus>,
    pub to: Option<PostStatus>,
    pub comment: String,
}

/// The comms dashboard: the queues and the supply indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Studio {
    pub posts: Vec<PostRow>,
    pub supply: Supply,
}

/// Content supply: posts that went live in the last 7 days per 100 active
/// ambassadors, against the rule of thumb of 3.5.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Supply {
    pub live_last_7_days: i64,
    pub active_ambassadors: i64,
    pub per_100: f64,
    pub target_per_100: f64,
}

pub const SUPPLY_TARGET_PER_100: f64 = 3.5;

impl Supply {
    pub fn new(live_last_7_days: i64, active_ambassadors: i64) -> Supply {
        let per_100 = if active_ambassadors > 0 {
            live_last_7_days as f64 * 100.0 / active_ambassadors as f64
        } else {
            0.0
        };
        Supply {
            live_last_7_days,
            active_ambassadors,
            per_100,
            target_per_100: SUPPLY_TARGET_PER_100,
        }
    }
}

/// Organization-wide content rules, set by admins.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentSettings {
    /// Editors who are also approvers may approve their own posts.
    pub self_approval: bool,
    /// The disclosure new posts start with, e.g. `#empleado`.
    pub disclosure: String,
}

/// Crisis mode as every page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CrisisNotice {
    pub message: String,
    pub procedure: String,
    pub since: DateTime<Utc>,
}

/// A link that may be shared: http or https, with a host, at most 2048 characters.
pub fn parse_link(raw: &str) -> Result<String, ErrorCode> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(ErrorCode::Required);
    }
    if s.chars().count() > LINK_MAX {
        return Err(ErrorCode::TooLong {
            max: LINK_MAX as u32,
        });
    }
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or(ErrorCode::LinkScheme)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    if host.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ErrorCode::InvalidLink);
    }
    Ok(s.to_string())
}

/// The host part of a link, for display ("example.com").
pub fn link_host(link: &str) -> String {
    let rest = link.split_once("://").map(|(_, r)| r).unwrap_or(link);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    host.trim_start_matches("www.").to_string()
}

/// Checks an editor's form; every problem is reported at once, per field.
pub fn validate_post(input: &PostInput) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut field = |name: &str, r: Result<(), ErrorCode>| {
        if let Err(code) = r {
            errors.push(FieldError::new(name, code));
        }
    };
    field("title", short_text(&input.title, TITLE_MAX).map(|_| ()));
    field(
        "body",
        if input.body.chars().count() > BODY_MAX {
            Err(ErrorCode::TooLong {
                max: BODY_MAX as u32,
            })
        } else {
            Ok(())
        },
    );
    field("link_url", parse_link(&input.link_url).map(|_| ()));
    field(
        "disclosure",
        short_text(&input.disclosure, DISCLOSURE_MAX).map(|_| ()),
    );
    field(
        "topics",
        if input.topics.len() > TOPICS_MAX {
            Err(ErrorCode::TooMany {
                max: TOPICS_MAX as u32,
            })
        } else {
            input
                .topics
                .iter()
                .try_for_each(|t| short_text(t, TOPIC_MAX).map(|_| ()))
        },
    );
    for network in Network::ALL {
        let variants: Vec<&Caption> = input
            .captions
            .iter()
            .filter(|c| c.network == network)
            .collect();
        let name = format!("caption.{}", network.as_str());
        if variants.len() > VARIANTS_MAX {
            field(
                &name,
                Err(ErrorCode::TooMany {
                    max: VARIANTS_MAX as u32,
                }),
            );
        }
        for (i, c) in variants.iter().enumerate() {
            let over = network.shared_length(&c.text, &input.disclosure, &input.link_url)
                > network.max_chars();
            if over {
                field(
                    &format!("{name}.{i}"),
                    Err(ErrorCode::OverNetworkLimit {
                        max: network.max_chars() as u32,
                    }),
                );
            }
            if c.text.trim().is_empty() {
                field(&format!("{name}.{i}"), Err(ErrorCode::Required));
            }
        }
    }
    if let (Some(p), Some(e)) = (input.publish_at, input.expire_at) {
        if e <= p {
            field("expire_at", Err(ErrorCode::ExpiresBeforePublish));
        }
    }
    errors
}

/// Topics as stored: trimmed, without duplicates (ignoring case), in order.
pub fn normalize_topics(topics: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in topics {
        let t = t.trim().trim_start_matches('#').trim().to_string();
        if !t.is_empty() && !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> PostInput {
        PostInput {
            title: "Nuevo centro de datos en Madrid".into(),
            link_url: "https://example.com/news?id=1#top".into(),
            disclosure: "#empleado".into(),
            captions: vec![Caption {
                network: Network::X,
                text: "¡Orgullosa de mi equipo!".into(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn a_good_post_has_no_errors() {
        assert_eq!(validate_post(&valid()), vec![]);
    }

    #[test]
    fn links_must_be_http_or_https_and_short_enough() {
        assert!(parse_link("https://example.com").is_ok());
        assert!(parse_link("HTTP://Example.com/path").is_ok());
        assert_eq!(parse_link(""), Err(ErrorCode::Required));
        for bad in [
            "javascript:alert(1)",
            "ftp://example.com/x",
            "data:text/html,hi",
            "example.com",
            "//example.com",
        ] {
            assert_eq!(parse_link(bad), Err(ErrorCode::LinkScheme), "{bad}");
        }
        assert_eq!(parse_link("https:///path"), Err(ErrorCode::InvalidLink));
        assert_eq!(
            parse_link("https://exa mple.com"),
            Err(ErrorCode::InvalidLink)
        );
        let long = format!("https://example.com/{}", "a".repeat(2048));
        assert_eq!(parse_link(&long), Err(ErrorCode::TooLong { max: 2048 }));
    }

    #[test]
    fn every_bad_field_is_reported() {
        let mut p = valid();
        p.title = " ".into();
        p.link_url = "javascript:alert(1)".into();
        p.captions.push(Caption {
            network: Network::X,
            text: "x".repeat(300),
        });
        let now = Utc::now();
        p.publish_at = Some(now);
        p.expire_at = Some(now - chrono::Duration::hours(1));
        let fields: Vec<String> = validate_post(&p).into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec!["title", "link_url", "caption.x.1", "expire_at"]
        );
    }

    #[test]
    fn an_x_caption_that_fits_only_without_the_link_is_refused() {
        let mut p = valid();
        // 280 - 23 (link) - 1 - 9 (#empleado) - 1 = 246 characters fit.
        p.captions = vec![Caption {
            network: Network::X,
            text: "a".repeat(246),
        }];
        assert!(validate_post(&p).is_empty());
        p.captions = vec![Caption {
            network: Network::X,
            text: "a".repeat(247),
        }];
        assert_eq!(
            validate_post(&p)[0].code,
            ErrorCode::OverNetworkLimit { max: 280 }
        );
    }

    #[test]
    fn targeting_matches_every_given_dimension() {
        let everyone = Targeting::default();
        assert!(everyone.everyone());
        assert!(everyone.includes(None, None, Lang::En));
        let t = Targeting {
            teams: vec![1, 2],
            locations: vec![],
            langs: vec![Lang::Es],
        };
        assert!(t.includes(Some(2), None, Lang::Es));
        assert!(!t.includes(Some(3), None, Lang::Es), "wrong team");
        assert!(!t.includes(Some(1), None, Lang::En), "wrong language");
        assert!(!t.includes(None, Some(1), Lang::Es), "no team at all");
        let l = Targeting {
            teams: vec![],
            locations: vec![7],
            langs: vec![],
        };
        assert!(l.includes(Some(99), Some(7), Lang::En));
        assert!(!l.includes(Some(99), Some(8), Lang::En));
    }

    #[test]
    fn topics_are_trimmed_and_deduplicated() {
        let t = normalize_topics(&[
            "  Empleo ".into(),
            "#empleo".into(),
            "".into(),
            "Cultura".into(),
        ]);
        assert_eq!(t, vec!["Empleo".to_string(), "Cultura".to_string()]);
    }

    #[test]
    fn hosts_are_shown_without_www() {
        assert_eq!(link_host("https://www.example.com/a?b"), "example.com");
        assert_eq!(
            link_host("https://user@blog.example.org:8443/x"),
            "blog.example.org:8443"
        );
    }

    #[test]
    fn supply_is_per_hundred_active_ambassadors() {
        let s = Supply::new(7, 200);
        assert!((s.per_100 - 3.5).abs() < 1e-9);
        assert_eq!(Supply::new(3, 0).per_100, 0.0);
    }
}
