//! Texts of tracked sharing and reach, in both languages.

use crate::model::Channel;

pub struct SharingTexts {
    pub nav_reach: &'static str,
    pub share_title: &'static str,
    pub share_on: fn(&str) -> String,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub caption_copied: fn(&str) -> String,
    pub caption_locked: &'static str,
    pub variant: fn(usize) -> String,
    pub always_added: &'static str,
    pub shared_times: fn(i64) -> String,
    pub paused: &'static str,
    pub your_link: &'static str,
    pub reach_title: &'static str,
    pub reach_intro: &'static str,
    pub reach_empty: &'static str,
    pub go_to_feed: &'static str,
    pub shares: &'static str,
    pub human_clicks: &'static str,
    pub unique_visitors: &'static str,
    pub bot_hits: &'static str,
    pub potential_reach: &'static str,
    pub earned_value: &'static str,
    pub def_shares: &'static str,
    pub def_human_clicks: &'static str,
    pub def_unique_visitors: &'static str,
    pub def_bot_hits: &'static str,
    pub def_potential_reach: &'static str,
    pub def_earned_value: &'static str,
    pub what_is_this: &'static str,
    pub last_30_days: &'static str,
    pub chart_aria: fn(i64, i64) -> String,
    pub by_post: &'static str,
    pub by_network: &'static str,
    pub network: &'static str,
    pub post: &'static str,
    pub best_network: fn(&str) -> String,
    pub missing_followers: &'static str,
    pub followers_title: &'static str,
    pub followers_intro: &'static str,
    pub followers_label: fn(Channel) -> &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub sharing_settings: &'static str,
    pub utm_medium: &'static str,
    pub utm_medium_hint: &'static str,
    pub safe_url: &'static str,
    pub safe_url_hint: &'static str,
    pub currency: &'static str,
    pub value_rates: &'static str,
    pub value_rates_hint: &'static str,
    pub per_click: &'static str,
    pub per_mille: &'static str,
}

fn es_share_on(n: &str) -> String {
    format!("Compartir en {n}")
}
fn en_share_on(n: &str) -> String {
    format!("Share on {n}")
}
fn es_caption_copied(n: &str) -> String {
    format!("Texto copiado: pégalo en {n} (Ctrl+V).")
}
fn en_caption_copied(n: &str) -> String {
    format!("Caption copied: paste it into {n} (Ctrl+V).")
}
fn es_variant(i: usize) -> String {
    format!("Opción {}", i + 1)
}
fn en_variant(i: usize) -> String {
    format!("Option {}", i + 1)
}
fn es_shared_times(n: i64) -> String {
    match n {
        0 => "Aún no lo has compartido.".into(),
        1 => "Lo has compartido 1 vez.".into(),
        n => format!("Lo has compartido {n} veces."),
    }
}
fn en_shared_times(n: i64) -> String {
    match n {
        0 => "You have not shared this yet.".into(),
        1 => "You have shared this once.".into(),
        n => format!("You have shared this {n} times."),
    }
}
fn es_chart_aria(shares: i64, clicks: i64) -> String {
    format!("Últimos 30 días: {shares} veces compartido, {clicks} clics de personas")
}
fn en_chart_aria(shares: i64, clicks: i64) -> String {
    format!("Last 30 days: {shares} shares, {clicks} human clicks")
}
fn es_best(n: &str) -> String {
    format!("{n} es donde mejor te funciona.")
}
fn en_best(n: &str) -> String {
    format!("{n} works best for you.")
}
fn es_followers_label(c: Channel) -> &'static str {
    match c {
        Channel::Linkedin => "Contactos y seguidores en LinkedIn",
        Channel::X => "Seguidores en X",
        Channel::Facebook => "Amistades y seguidores en Facebook",
        Channel::Whatsapp => "Contactos a los que sueles reenviar por WhatsApp",
        Channel::Email => "Personas a las que sueles escribir",
        Channel::Link => "",
    }
}
fn en_followers_label(c: Channel) -> &'static str {
    match c {
        Channel::Linkedin => "Connections and followers on LinkedIn",
        Channel::X => "Followers on X",
        Channel::Facebook => "Friends and followers on Facebook",
        Channel::Whatsapp => "Contacts you usually forward to on WhatsApp",
        Channel::Email => "People you usually e-mail",
        Channel::Link => "",
    }
}

pub static ES: SharingTexts = SharingTexts {
    nav_reach: "Mi alcance",
    share_title: "Compartir",
    share_on: es_share_on,
    copy_link: "Copiar enlace",
    link_copied: "Enlace copiado.",
    caption_copied: es_caption_copied,
    caption_locked: "Esta publicación se comparte con uno de los textos aprobados, tal cual.",
    variant: es_variant,
    always_added: "Se añade siempre:",
    shared_times: es_shared_times,
    paused: "Compartir está en pausa (modo crisis). Vuelve a intentarlo más tarde.",
    your_link: "Tu enlace con seguimiento",
    reach_title: "Mi alcance",
    reach_intro: "Lo que consigues cuando compartes: cuántas personas llegan por tus enlaces y cuánto vale.",
    reach_empty: "Aún no has compartido nada. Elige una publicación y compártela en dos clics.",
    go_to_feed: "Ir a las publicaciones",
    shares: "Compartidos",
    human_clicks: "Clics de personas",
    unique_visitors: "Visitantes únicos",
    bot_hits: "Visitas de robots",
    potential_reach: "Alcance potencial",
    earned_value: "Valor generado",
    def_shares: "Cada vez que pulsas un botón de compartir o copias tu enlace.",
    def_human_clicks: "Visitas a tus enlaces hechas por personas. No cuentan los robots que generan vistas previas (LinkedIn, WhatsApp, Slack…), otros robots, las peticiones HEAD ni las precargas del navegador.",
    def_unique_visitors: "Clics de personas contando una sola vez a cada visitante por enlace y día. No guardamos direcciones IP: solo una huella cifrada que cambia cada día.",
    def_bot_hits: "Visitas de robots y programas. Siguen al destino (para que las vistas previas funcionen) pero se cuentan aparte.",
    def_potential_reach: "La suma, por cada vez que compartes, de tus seguidores en esa red (los que indicas en tu perfil).",
    def_earned_value: "Lo que costaría conseguirlo con publicidad: clics × coste por clic + alcance potencial × coste por mil impresiones ÷ 1000, con los valores por red que fija la administración.",
    what_is_this: "¿Qué es?",
    last_30_days: "Últimos 30 días",
    chart_aria: es_chart_aria,
    by_post: "Por publicación",
    by_network: "Por red",
    network: "Red",
    post: "Publicación",
    best_network: es_best,
    missing_followers: "Indica tus seguidores en tu perfil para calcular tu alcance potencial.",
    followers_title: "Tus seguidores",
    followers_intro: "Sirven para calcular tu alcance potencial. Solo tú y tus responsables veis estas cifras.",
    followers_label: es_followers_label,
    save: "Guardar",
    saved: "Guardado.",
    sharing_settings: "Enlaces con seguimiento",
    utm_medium: "utm_medium",
    utm_medium_hint: "Cómo aparecen estas visitas en tu analítica web. Por defecto: employee_advocacy.",
    safe_url: "Página segura",
    safe_url_hint: "Adónde van las visitas de una publicación retirada o en modo crisis. Vacío: una página de Portavoz que dice que el contenido ya no está disponible.",
    currency: "Moneda",
    value_rates: "Valor por red",
    value_rates_hint: "Coste por clic y por mil impresiones con publicidad de pago: con ellos se calcula el valor generado. Los valores iniciales son orientativos.",
    per_click: "Por clic",
    per_mille: "Por 1000 impresiones",
};

pub static EN: SharingTexts = SharingTexts {
    nav_reach: "My reach",
    share_title: "Share",
    share_on: en_share_on,
    copy_link: "Copy link",
    link_copied: "Link copied.",
    caption_copied: en_caption_copied,
    caption_locked: "This post is shared with one of the approved texts, as written.",
    variant: en_variant,
    always_added: "Always added:",
    shared_times: en_shared_times,
    paused: "Sharing is paused (crisis mode). Please try again later.",
    your_link: "Your tracked link",
    reach_title: "My reach",
    reach_intro: "What your sharing achieves: how many people arrive through your links, and what that is worth.",
    reach_empty: "You have not shared anything yet. Pick a post and share it in two clicks.",
    go_to_feed: "Go to the posts",
    shares: "Shares",
    human_clicks: "Human clicks",
    unique_visitors: "Unique visitors",
    bot_hits: "Bot hits",
    potential_reach: "Potential reach",
    earned_value: "Earned media value",
    def_shares: "Each time you press a share button or copy your link.",
    def_human_clicks: "Visits to your links by people. Link-preview crawlers (LinkedIn, WhatsApp, Slack…), other bots, HEAD requests and browser prefetches are not counted.",
    def_unique_visitors: "Human clicks counting each visitor once per link and day. No IP address is stored: only a salted hash that changes every day.",
    def_bot_hits: "Visits by bots and programs. They still reach the page (so previews work) but are counted apart.",
    def_potential_reach: "For every share, your followers on that network (as set in your profile), added up.",
    def_earned_value: "What it would cost in paid advertising: clicks × cost per click + potential reach × cost per thousand impressions ÷ 1000, with the per-network values your admin sets.",
    what_is_this: "What is this?",
    last_30_days: "Last 30 days",
    chart_aria: en_chart_aria,
    by_post: "By post",
    by_network: "By network",
    network: "Network",
    post: "Post",
    best_network: en_best,
    missing_followers: "Add your follower counts in your profile to see your potential reach.",
    followers_title: "Your followers",
    followers_intro: "Used to work out your potential reach. Only you and your managers see these figures.",
    followers_label: en_followers_label,
    save: "Save",
    saved: "Saved.",
    sharing_settings: "Tracked links",
    utm_medium: "utm_medium",
    utm_medium_hint: "How these visits show in your web analytics. Default: employee_advocacy.",
    safe_url: "Safe page",
    safe_url_hint: "Where visitors of a retracted post, or of any post in crisis mode, are sent. Empty: a Portavoz page saying the content is no longer available.",
    currency: "Currency",
    value_rates: "Value per network",
    value_rates_hint: "Cost per click and per thousand impressions in paid advertising, used for earned media value. The starting values are typical figures.",
    per_click: "Per click",
    per_mille: "Per 1,000 impressions",
};
