//! Tells people from machines on the redirect. Link-preview crawlers,
//! other bots, `HEAD` requests and prefetches still get the redirect (so
//! previews work) but are counted apart from human clicks.

use aho_corasick::AhoCorasick;
use axum::http::{HeaderMap, HeaderName, Method};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visit {
    Human,
    Bot,
}

/// Lower-case fragments of the user agents of crawlers, link unfurlers,
/// e-mail security scanners and HTTP libraries.
const BOT_AGENTS: &[&str] = &[
    "linkedinbot",
    "twitterbot",
    "facebookexternalhit",
    "facebot",
    "facebookcatalog",
    "meta-externalagent",
    "slackbot",
    "slack-imgproxy",
    "whatsapp",
    "telegrambot",
    "discordbot",
    "skypeuripreview",
    "microsoftpreview",
    "teams",
    "bingpreview",
    "googlebot",
    "google-inspectiontool",
    "googleother",
    "adsbot-google",
    "mediapartners-google",
    "feedfetcher-google",
    "google-read-aloud",
    "bingbot",
    "applebot",
    "yandex",
    "baiduspider",
    "duckduckbot",
    "pinterest",
    "redditbot",
    "embedly",
    "quora link preview",
    "iframely",
    "vkshare",
    "viber",
    "snapchat",
    "mastodon",
    "bluesky",
    "tumblr",
    "outbrain",
    "w3c_validator",
    "ahrefs",
    "semrush",
    "mj12bot",
    "dotbot",
    "petalbot",
    "bytespider",
    "gptbot",
    "chatgpt-user",
    "claudebot",
    "perplexitybot",
    "ccbot",
    "amazonbot",
    "proofpoint",
    "mimecast",
    "barracuda",
    "symantec",
    "trendmicro",
    "forcepoint",
    "safelinks",
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "aiohttp",
    "httpx",
    "go-http-client",
    "java/",
    "okhttp",
    "axios/",
    "node-fetch",
    "undici",
    "libwww-perl",
    "apache-httpclient",
    "headlesschrome",
    "phantomjs",
    "lighthouse",
    "pingdom",
    "uptimerobot",
];

/// Words that mark the rest; checked after removing the few real phones and
/// apps whose names contain them.
const BOT_WORDS: &[&str] = &[
    "bot", "crawler", "spider", "crawl", "scanner", "preview", "fetcher", "monitor",
];
const HUMAN_LOOKALIKES: &[&str] = &["cubot"];

/// Every pattern above in one automaton, matched case-insensitively in a
/// single pass over the user agent: this runs on every click.
struct Matcher {
    automaton: AhoCorasick,
    /// Pattern ids below this are `BOT_AGENTS`; then `BOT_WORDS`, then the rest.
    words_from: usize,
    lookalikes_from: usize,
    mozilla: usize,
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let patterns: Vec<&str> = BOT_AGENTS
            .iter()
            .chain(BOT_WORDS)
            .chain(HUMAN_LOOKALIKES)
            .chain(["mozilla/"].iter())
            .copied()
            .collect();
        Matcher {
            automaton: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(&patterns)
                .expect("static patterns"),
            words_from: BOT_AGENTS.len(),
            lookalikes_from: BOT_AGENTS.len() + BOT_WORDS.len(),
            mozilla: patterns.len() - 1,
        }
    })
}

pub fn is_bot_agent(agent: &str) -> bool {
    let agent = agent.trim();
    if agent.is_empty() {
        return true;
    }
    let m = matcher();
    let (mut word, mut mozilla) = (false, false);
    // Overlapping matches: "cubot" must not hide a real "bot" elsewhere.
    for hit in m.automaton.find_overlapping_iter(agent) {
        let id = hit.pattern().as_usize();
        if id < m.words_from {
            return true;
        } else if id == m.mozilla {
            mozilla = true;
        } else if id < m.lookalikes_from && !lookalike_covers(agent, hit.start(), hit.end()) {
            word = true;
        }
    }
    // Every browser says Mozilla/…; a bare token like "MyApp/1.0" is a program.
    word || !mozilla
}

/// Whether a generic word match lies inside a human look-alike ("bot" in "CUBOT").
fn lookalike_covers(agent: &str, start: usize, end: usize) -> bool {
    HUMAN_LOOKALIKES.iter().any(|h| {
        let n = h.len();
        (start.saturating_sub(n)..=start).any(|s| {
            agent
                .get(s..s + n)
                .is_some_and(|w| w.eq_ignore_ascii_case(h) && s + n >= end)
        })
    })
}

/// Prefetches and prerenders (`Sec-Purpose`, `Purpose`, `X-Purpose`,
/// `X-Moz`) are the browser guessing, not a person clicking.
fn is_prefetch(headers: &HeaderMap) -> bool {
    // Built once, not per click: looked up without parsing the names.
    static PURPOSE_HEADERS: [HeaderName; 4] = [
        HeaderName::from_static("sec-purpose"),
        HeaderName::from_static("purpose"),
        HeaderName::from_static("x-purpose"),
        HeaderName::from_static("x-moz"),
    ];
    PURPOSE_HEADERS
        .iter()
        .filter_map(|h| headers.get(h))
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("prefetch") || v.contains("prerender") || v.contains("preview")
        })
}

/// What a visit is, and its user agent: shared with the verdict cache, so
/// a click carries the agent to the writer without copying it.
pub fn classify(method: &Method, headers: &HeaderMap) -> (Visit, Arc<str>) {
    let agent = headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let (bot, agent) = remembered_is_bot(agent);
    let visit = if bot || method != Method::GET || is_prefetch(headers) {
        Visit::Bot
    } else {
        Visit::Human
    };
    (visit, agent)
}

/// Verdicts for user agents seen recently. Real traffic repeats a few
/// thousand browser builds, so most clicks skip the automaton. Bounded: at
/// most `REMEMBER` agents of at most `REMEMBER_LEN` bytes, forgotten all
/// at once when full.
const REMEMBER: usize = 4096;
const REMEMBER_LEN: usize = 512;

fn remembered_is_bot(agent: &str) -> (bool, Arc<str>) {
    // foldhash rather than SipHash: as seeded per process, cheaper on
    // 100-byte keys, and the map is bounded whatever a client sends.
    type Seen = HashMap<Arc<str>, bool, foldhash::fast::RandomState>;
    static SEEN: OnceLock<RwLock<Seen>> = OnceLock::new();
    let seen = SEEN.get_or_init(Default::default);
    if let Some(hit) = seen
        .read()
        .ok()
        .and_then(|m| m.get_key_value(agent).map(|(a, v)| (*v, a.clone())))
    {
        return hit;
    }
    let verdict = is_bot_agent(agent);
    let agent: Arc<str> = agent.into();
    if agent.len() <= REMEMBER_LEN {
        if let Ok(mut m) = seen.write() {
            if m.len() >= REMEMBER {
                m.clear();
            }
            m.insert(agent.clone(), verdict);
        }
    }
    (verdict, agent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    /// Real user agents, as sent by the programs named.
    const BOTS: &[(&str, &str)] = &[
        ("LinkedIn unfurler", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"),
        ("X/Twitter card", "Twitterbot/1.0"),
        ("Facebook", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
        ("Facebook bot", "Mozilla/5.0 (compatible; Facebot/1.0; +https://developers.facebook.com/docs/sharing/webmasters/crawler)"),
        ("Meta agent", "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)"),
        ("Slack", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"),
        ("Slack images", "Slack-ImgProxy (+https://api.slack.com/robots)"),
        ("WhatsApp", "WhatsApp/2.23.20.0 A"),
        ("WhatsApp iOS", "WhatsApp/2.24.1.76 i"),
        ("Telegram", "TelegramBot (like TwitterBot)"),
        ("Discord", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)"),
        ("Skype/Teams", "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com"),
        ("Teams", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.114 Safari/537.36 Teams/1.5.00.17656"),
        ("Google", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
        ("Google smartphone", "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
        ("Bing", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"),
        ("Apple", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)"),
        ("Pinterest", "Pinterest/0.2 (+https://www.pinterest.com/bot.html)"),
        ("Reddit", "Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)"),
        ("Yandex", "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)"),
        ("Ahrefs", "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"),
        ("GPTBot", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)"),
        ("Embedly", "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)"),
        ("iframely", "Iframely/1.3.1 (+https://iframely.com/docs/about) Atlas"),
        ("Mastodon", "http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/) Bot"),
        ("curl", "curl/8.5.0"),
        ("wget", "Wget/1.21.4"),
        ("python", "python-requests/2.31.0"),
        ("Go", "Go-http-client/1.1"),
        ("Java", "Java/17.0.2"),
        ("okhttp", "okhttp/4.12.0"),
        ("node", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"),
        ("headless Chrome", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36"),
        ("Lighthouse", "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse"),
        ("UptimeRobot", "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"),
        ("e-mail scanner", "Mozilla/5.0 (compatible; proofpoint-urldefense)"),
        ("unknown program", "MyIntranetTool/2.3"),
        ("empty", ""),
    ];

    const HUMANS: &[(&str, &str)] = &[
        ("Chrome on Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
        ("Edge", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"),
        ("Firefox", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"),
        ("Safari on Mac", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"),
        ("Safari on iPhone", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"),
        ("Chrome on Android", "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36"),
        ("Samsung Internet", "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36"),
        ("LinkedIn app browser", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.8914"),
        ("Facebook app browser", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.38.108;FBBV/611209364;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBCR/;FBID/phone;FBLC/es_ES;FBOP/80]"),
        ("Instagram app browser", "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/127.0.6533.103 Mobile Safari/537.36 Instagram 343.0.0.33.101 Android"),
        ("X app browser", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.50"),
        ("Cubot phone", "Mozilla/5.0 (Linux; Android 11; CUBOT P50) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"),
        ("Opera", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0"),
    ];

    #[test]
    fn crawlers_and_programs_are_bots() {
        for (who, ua) in BOTS {
            assert!(is_bot_agent(ua), "{who} should be a bot: {ua}");
        }
    }

    #[test]
    fn browsers_including_in_app_browsers_are_people() {
        for (who, ua) in HUMANS {
            assert!(!is_bot_agent(ua), "{who} should be a person: {ua}");
        }
    }

    fn headers(ua: &str, extra: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("user-agent", HeaderValue::from_str(ua).unwrap());
        for (k, v) in extra {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn remembered_verdicts_are_the_same_verdicts() {
        for _ in 0..2 {
            for (who, ua) in BOTS.iter().chain(HUMANS) {
                let (bot, agent) = remembered_is_bot(ua);
                assert_eq!(bot, is_bot_agent(ua), "{who}");
                assert_eq!(&*agent, *ua, "the click carries the agent it came with");
            }
        }
        let long = format!("Mozilla/5.0 {}", "x".repeat(REMEMBER_LEN));
        assert!(!remembered_is_bot(&long).0 && !remembered_is_bot(&long).0);
    }

    #[test]
    fn head_requests_and_prefetches_are_not_clicks() {
        let chrome = HUMANS[0].1;
        assert_eq!(
            classify(&Method::GET, &headers(chrome, &[])).0,
            Visit::Human
        );
        assert_eq!(classify(&Method::HEAD, &headers(chrome, &[])).0, Visit::Bot);
        for (k, v) in [
            ("sec-purpose", "prefetch"),
            ("sec-purpose", "prefetch;prerender"),
            ("purpose", "prefetch"),
            ("x-purpose", "preview"),
            ("x-moz", "prefetch"),
        ] {
            assert_eq!(
                classify(&Method::GET, &headers(chrome, &[(k, v)])).0,
                Visit::Bot,
                "{k}: {v}"
            );
        }
        assert_eq!(
            classify(&Method::GET, &HeaderMap::new()).0,
            Visit::Bot,
            "no user agent"
        );
    }
}
