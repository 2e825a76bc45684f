//! Texts of the analytics page, in both languages. Figure names and their
//! definitions are shared with the reach page (`SharingTexts`).

use crate::model::Lang;

pub struct AnalyticsTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub scope: &'static str,
    pub company: &'static str,
    pub my_teams: &'static str,
    pub team: fn(&str) -> String,
    pub range: fn(&str, &str) -> String,
    pub over_time: &'static str,
    pub chart_aria: fn(&str, &str) -> String,
    pub participation: &'static str,
    pub def_participation: &'static str,
    pub sharers_of: fn(i64, i64) -> String,
    pub networks: &'static str,
    pub networks_aria: &'static str,
    pub training_title: &'static str,
    pub training_intro: &'static str,
    pub certified: &'static str,
    pub not_certified: &'static str,
    pub shared_of: fn(i64, i64) -> String,
    pub courses_completed: &'static str,
    pub top_posts: &'static str,
    pub top_topics: &'static str,
    pub topic: &'static str,
    pub posts: &'static str,
    pub csv: &'static str,
    pub empty: &'static str,
    pub nothing_listed: &'static str,
    pub apply_dates: &'static str,
    pub back: &'static str,
    pub max: fn(&str) -> String,
    pub def_shares: &'static str,
    pub def_human_clicks: &'static str,
    pub def_unique_visitors: &'static str,
    pub def_bot_hits: &'static str,
    pub def_potential_reach: &'static str,
    pub def_earned_value: &'static str,
}

pub static ES: AnalyticsTexts = AnalyticsTexts {
    nav: "Analítica",
    title: "Analítica",
    intro: "Qué consigue el programa de embajadores: alcance en el tiempo, cuánta gente participa, qué se comparte y dónde funciona.",
    scope: "Ver",
    company: "Toda la empresa",
    my_teams: "Todos mis equipos",
    team: |n| format!("Equipo {n}"),
    range: |a, b| format!("Del {a} al {b}"),
    over_time: "En el tiempo",
    chart_aria: |metric, total| format!("{metric} por día; total {total}"),
    participation: "Participación",
    def_participation: "Porcentaje de las personas activas en este ámbito que compartieron al menos una vez en el periodo.",
    sharers_of: |s, e| {
        let n = |v| super::numbers::number(Lang::Es, v);
        if e == 1 {
            format!("{} de 1 persona compartió", n(s))
        } else {
            format!("{} de {} personas compartieron", n(s), n(e))
        }
    },
    networks: "Por red",
    networks_aria: "Clics de personas por red",
    training_title: "Formación y participación",
    training_intro: "Quién comparte, según tenga o no un certificado de algún curso.",
    certified: "Con certificado",
    not_certified: "Sin certificado",
    shared_of: |s, n| {
        let f = |v| super::numbers::number(Lang::Es, v);
        format!("{} de {} compartieron", f(s), f(n))
    },
    courses_completed: "Cursos completados",
    top_posts: "Publicaciones con más clics",
    top_topics: "Temas con más clics",
    topic: "Tema",
    posts: "Publicaciones",
    csv: "Descargar CSV",
    empty: "Nadie de este ámbito compartió nada ni recibió clics en este periodo.",
    nothing_listed: "Nada en este periodo.",
    apply_dates: "Aplicar fechas",
    back: "Volver a la analítica",
    max: |v| format!("máx. {v}"),
    def_shares: "Cuántas veces las personas de este ámbito compartieron una publicación.",
    def_human_clicks: "Clics de personas en sus enlaces de seguimiento (sin robots, vistas previas ni precargas).",
    def_unique_visitors: "Clics de personas contados una vez por visitante, enlace y día.",
    def_bot_hits: "Visitas de robots y programas a sus enlaces: llegan a la página (así funcionan las vistas previas), pero se cuentan aparte.",
    def_potential_reach: "Por cada vez que alguien compartió, sus seguidores en esa red (según su perfil), sumados.",
    def_earned_value: "Lo que costaría en publicidad de pago: clics × coste por clic + alcance potencial × coste por mil impresiones ÷ 1000, con los valores por red que fija la administración.",
};

pub static EN: AnalyticsTexts = AnalyticsTexts {
    nav: "Analytics",
    title: "Analytics",
    intro: "What the ambassador programme achieves: reach over time, how many people take part, what gets shared and where it works.",
    scope: "Show",
    company: "Whole company",
    my_teams: "All my teams",
    team: |n| format!("Team {n}"),
    range: |a, b| format!("From {a} to {b}"),
    over_time: "Over time",
    chart_aria: |metric, total| format!("{metric} per day; total {total}"),
    participation: "Participation",
    def_participation: "Share of the active people in this scope who shared at least once in the period.",
    sharers_of: |s, e| {
        let n = |v| super::numbers::number(Lang::En, v);
        if e == 1 {
            format!("{} of 1 person shared", n(s))
        } else {
            format!("{} of {} people shared", n(s), n(e))
        }
    },
    networks: "By network",
    networks_aria: "Human clicks per network",
    training_title: "Training and participation",
    training_intro: "Who shares, by whether they hold a certificate of any course.",
    certified: "Certified",
    not_certified: "Not certified",
    shared_of: |s, n| {
        let f = |v| super::numbers::number(Lang::En, v);
        format!("{} of {} shared", f(s), f(n))
    },
    courses_completed: "Courses completed",
    top_posts: "Posts with most clicks",
    top_topics: "Topics with most clicks",
    topic: "Topic",
    posts: "Posts",
    csv: "Download CSV",
    empty: "Nobody in this scope shared or got a click in this period.",
    nothing_listed: "Nothing in this period.",
    apply_dates: "Apply dates",
    back: "Back to analytics",
    max: |v| format!("max {v}"),
    def_shares: "How many times people in this scope shared a post.",
    def_human_clicks: "Clicks by people on their tracked links (no bots, link previews or prefetches).",
    def_unique_visitors: "Human clicks counted once per visitor, link and day.",
    def_bot_hits: "Visits to their links by bots and programs: they reach the page (so previews work) but are counted apart.",
    def_potential_reach: "For every share, the sharer's followers on that network (as set in their profile), added up.",
    def_earned_value: "What it would cost in paid advertising: clicks × cost per click + potential reach × cost per thousand impressions ÷ 1000, with the per-network values your admin sets.",
};
