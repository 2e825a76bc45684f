//! Tracked links: their short codes, where they send visitors (the post's
//! link with UTM parameters), and the networks' share pages that carry them.

use crate::model::Channel;
use rand::Rng;
use url::Url;

const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
/// 57^8 ≈ 1.1e14 codes: guessing one that exists is hopeless at any rate
/// the server would answer.
pub const CODE_LEN: usize = 8;

/// A new random short code (no 0/O, 1/l/I look-alikes).
pub fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    (0..CODE_LEN)
        .map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// Whether `s` could be a code at all: lets the redirect answer 404 for junk
/// without looking anything up.
pub fn looks_like_code(s: &str) -> bool {
    s.len() == CODE_LEN && s.bytes().all(|b| IN_ALPHABET[b as usize])
}

/// `CODE_ALPHABET` as a table by byte: every click checks its code, and a
/// table read per byte is cheaper than searching the alphabet.
const IN_ALPHABET: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < CODE_ALPHABET.len() {
        table[CODE_ALPHABET[i] as usize] = true;
        i += 1;
    }
    table
};

/// The UTM parameters of one tracked link.
pub struct Utm<'a> {
    pub source: &'a str,
    pub medium: &'a str,
    pub campaign: &'a str,
    pub content: &'a str,
}

const UTM_KEYS: [&str; 5] = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
];

/// The post's link with our UTM parameters: the link's own query (minus any
/// UTM parameters it carried) and fragment are kept; scheme, host and path
/// never change. `None` if the stored link is not http(s) with a host.
pub fn tracked_target(link: &str, utm: &Utm) -> Option<String> {
    let mut url = Url::parse(link).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return None;
    }
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !UTM_KEYS.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    {
        let mut q = url.query_pairs_mut();
        q.clear();
        for (k, v) in &kept {
            q.append_pair(k, v);
        }
        q.append_pair("utm_source", utm.source)
            .append_pair("utm_medium", utm.medium)
            .append_pair("utm_campaign", utm.campaign)
            .append_pair("utm_content", utm.content);
    }
    Some(url.into())
}

/// `utm_campaign` for a post: its number and a readable slug of its title.
pub fn campaign(post_id: i64, title: &str) -> String {
    let mut slug = String::new();
    for c in crate::server::db::fold_for_search(title).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("post-{post_id}")
    } else {
        format!("post-{post_id}-{slug}")
    }
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// The network's own share page for `tracked` with what it accepts:
/// LinkedIn and Facebook only the URL (the caption goes by clipboard), X the
/// text and URL, WhatsApp and e-mail the text with the link in it. `None`
/// for a copied link, which opens nothing.
pub fn share_page(channel: Channel, tracked: &str, text: &str, title: &str) -> Option<String> {
    Some(match channel {
        Channel::Linkedin => format!(
            "https://www.linkedin.com/sharing/share-offsite/?url={}",
            enc(tracked)
        ),
        Channel::X => format!(
            "https://x.com/intent/tweet?text={}&url={}",
            enc(text),
            enc(tracked)
        ),
        Channel::Facebook => format!(
            "https://www.facebook.com/sharer/sharer.php?u={}",
            enc(tracked)
        ),
        Channel::Whatsapp => format!("https://wa.me/?text={}", enc(&format!("{text}\n{tracked}"))),
        Channel::Email => format!(
            "mailto:?subject={}&body={}",
            enc(title),
            enc(&format!("{text}\n\n{tracked}"))
        ),
        Channel::Link => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utm() -> Utm<'static> {
        Utm {
            source: "linkedin",
            medium: "employee_advocacy",
            campaign: "post-7-nuevo-catalogo",
            content: "a1b2c3d4e5",
        }
    }

    #[test]
    fn utm_parameters_are_appended_keeping_query_and_fragment() {
        let t =
            tracked_target("https://example.com/catalogo?src=web&a=1#novedades", &utm()).unwrap();
        assert_eq!(
            t,
            "https://example.com/catalogo?src=web&a=1&utm_source=linkedin&utm_medium=employee_advocacy\
             &utm_campaign=post-7-nuevo-catalogo&utm_content=a1b2c3d4e5#novedades"
        );
        let t = tracked_target("http://example.com", &utm()).unwrap();
        assert!(
            t.starts_with("http://example.com/?utm_source=linkedin&"),
            "{t}"
        );
    }

    #[test]
    fn utm_parameters_already_in_the_link_are_replaced_not_doubled() {
        let t = tracked_target(
            "https://example.com/?utm_source=newsletter&utm_term=x&id=4",
            &utm(),
        )
        .unwrap();
        assert_eq!(t.matches("utm_source=").count(), 1);
        assert!(t.contains("utm_source=linkedin") && t.contains("id=4") && !t.contains("utm_term"));
    }

    #[test]
    fn only_http_links_with_a_host_are_targets() {
        for bad in [
            "javascript:alert(1)",
            "ftp://example.com/x",
            "mailto:a@b.c",
            "not a url",
            "https://",
        ] {
            assert_eq!(tracked_target(bad, &utm()), None, "{bad}");
        }
    }

    #[test]
    fn campaigns_are_readable_and_ascii() {
        assert_eq!(
            campaign(7, "¡Nuevo catálogo de primavera!"),
            "post-7-nuevo-catalogo-de-primavera"
        );
        assert_eq!(campaign(9, "¿¡!?"), "post-9");
    }

    #[test]
    fn codes_are_random_and_recognisable() {
        let a = new_code();
        assert!(looks_like_code(&a), "{a}");
        assert_ne!(a, new_code());
        assert!(!looks_like_code("abc"));
        assert!(!looks_like_code("../etc/p"));
        assert!(!looks_like_code("AAAAAAA0"));
        assert!(!looks_like_code("AAAAAAAé"), "not a byte of the alphabet");
        for b in 0..=255u8 {
            let code = format!("AAAAAAA{}", b as char);
            assert_eq!(looks_like_code(&code), CODE_ALPHABET.contains(&b), "{b}");
        }
    }

    #[test]
    fn share_pages_carry_what_each_network_accepts() {
        let tracked = "https://pv.example/s/Ab3dE9xy";
        let x = share_page(Channel::X, tracked, "Hola & adiós #empleado", "T").unwrap();
        assert_eq!(
            x,
            "https://x.com/intent/tweet?text=Hola%20%26%20adi%C3%B3s%20%23empleado&url=https%3A%2F%2Fpv.example%2Fs%2FAb3dE9xy"
        );
        let li = share_page(Channel::Linkedin, tracked, "ignored", "T").unwrap();
        assert!(
            li.starts_with("https://www.linkedin.com/sharing/share-offsite/?url=https%3A")
                && !li.contains("ignored")
        );
        let fb = share_page(Channel::Facebook, tracked, "ignored", "T").unwrap();
        assert!(!fb.contains("ignored"));
        let wa = share_page(Channel::Whatsapp, tracked, "Mira", "T").unwrap();
        assert_eq!(
            wa,
            "https://wa.me/?text=Mira%0Ahttps%3A%2F%2Fpv.example%2Fs%2FAb3dE9xy"
        );
        let mail = share_page(Channel::Email, tracked, "Mira", "Título").unwrap();
        assert!(mail.starts_with("mailto:?subject=T%C3%ADtulo&body=Mira"));
        assert_eq!(share_page(Channel::Link, tracked, "", ""), None);
    }

    proptest! {
        /// Whatever the link's path, query and fragment and whatever the UTM
        /// values, the visitor lands on the same scheme, host and port.
        #[test]
        fn the_host_never_changes(
            host in "[a-z]{1,12}(\\.[a-z]{2,6}){1,2}",
            https in any::<bool>(),
            port in proptest::option::of(1u16..65535),
            path in "(/[a-zA-Z0-9%._~@:-]{0,12}){0,4}",
            query in proptest::option::of("[ -~]{0,40}"),
            fragment in proptest::option::of("[ -~]{0,20}"),
            source in "[ -~]{0,20}", medium in "[ -~]{0,20}", campaign in "\\PC{0,20}", content in "[ -~]{0,20}",
        ) {
            let scheme = if https { "https" } else { "http" };
            let mut link = format!("{scheme}://{host}");
            if let Some(p) = port { link.push_str(&format!(":{p}")); }
            link.push_str(&path);
            if let Some(q) = &query { link.push('?'); link.push_str(q); }
            if let Some(f) = &fragment { link.push('#'); link.push_str(f); }
            let Ok(original) = Url::parse(&link) else { return Ok(()); };
            let utm = Utm { source: &source, medium: &medium, campaign: &campaign, content: &content };
            let target = tracked_target(&link, &utm).expect("an http link is a target");
            let target = Url::parse(&target).expect("the target parses");
            prop_assert_eq!(target.scheme(), original.scheme());
            prop_assert_eq!(target.host_str(), original.host_str());
            prop_assert_eq!(target.port_or_known_default(), original.port_or_known_default());
            prop_assert_eq!(target.path(), original.path());
            prop_assert_eq!(target.fragment(), original.fragment());
            let pairs: Vec<(String, String)> = target.query_pairs().into_owned().collect();
            let get = |k: &str| pairs.iter().filter(|(key, _)| key == k).map(|(_, v)| v.clone()).collect::<Vec<_>>();
            prop_assert_eq!(get("utm_source"), vec![source.clone()]);
            prop_assert_eq!(get("utm_medium"), vec![medium.clone()]);
            prop_assert_eq!(get("utm_campaign"), vec![campaign.clone()]);
            prop_assert_eq!(get("utm_content"), vec![content.clone()]);
        }
    }
}
