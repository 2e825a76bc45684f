//! Demo posts in Spanish and English across every state of the workflow,
//! with the approval trail a real team would leave behind.

use crate::model::{Caption, Lang, Network, PostStatus, Targeting, TeamId};
use crate::server::db::{AuditEntry, Db, PostWrite, StatusChange, StoreError};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

pub struct People<'a> {
    pub ids: &'a HashMap<&'static str, i64>,
    pub teams: &'a HashMap<&'static str, TeamId>,
    pub locations: &'a HashMap<&'static str, i64>,
    /// The "Social media policy" course some posts ask for.
    pub policy_course: i64,
}

struct Demo {
    title: &'static str,
    body: &'static str,
    link: &'static str,
    topics: &'static [&'static str],
    captions: &'static [(Network, &'static str)],
    important: bool,
    teams: &'static [&'static str],
    locations: &'static [&'static str],
    langs: &'static [Lang],
    /// Days from now: negative is in the past.
    publish_in_days: i64,
    /// Shared only by people certified in the social media policy.
    needs_policy: bool,
    expire_in_days: Option<i64>,
    end: End,
}

enum End {
    Draft,
    InReview,
    Approved,
    /// Sent back to draft with the approver's comment.
    Rejected(&'static str),
    Retracted(&'static str),
}

const fn demo(title: &'static str, body: &'static str, link: &'static str) -> Demo {
    Demo {
        title,
        body,
        link,
        topics: &[],
        captions: &[],
        important: false,
        teams: &[],
        locations: &[],
        langs: &[],
        publish_in_days: -1,
        needs_policy: false,
        expire_in_days: None,
        end: End::Approved,
    }
}

use Network::{Email, Facebook, Linkedin, Whatsapp, X};

const POSTS: &[Demo] = &[
    Demo {
        topics: &["Empresa", "Tecnología"],
        important: true,
        publish_in_days: -2,
        captions: &[
            (Linkedin, "Hoy abrimos nuestro nuevo centro de datos en Madrid: 100 % energía renovable y 60 empleos nuevos. Orgullosa de formar parte de este equipo."),
            (Linkedin, "Un hito para nuestro equipo de infraestructura: el centro de datos de Madrid ya está en marcha. Menos latencia para nuestros clientes y cero emisiones."),
            (X, "¡Nuevo centro de datos en Madrid! Energía 100 % renovable y 60 empleos nuevos."),
            (X, "Madrid ya tiene nuestro centro de datos más eficiente. Así lo hemos construido:"),
            (Whatsapp, "Mira lo que acabamos de inaugurar en Madrid 👇"),
        ],
        ..demo(
            "Abrimos nuestro nuevo centro de datos en Madrid",
            "Nuestro nuevo centro de datos en **Madrid** funciona con energía 100 % renovable.\n\n- 60 empleos nuevos\n- Un 40 % menos de latencia para clientes de la península\n- Certificación LEED Gold",
            "https://example.com/noticias/centro-de-datos-madrid",
        )
    },
    Demo {
        topics: &["Empleo"],
        publish_in_days: -4,
        expire_in_days: Some(26),
        captions: &[
            (Linkedin, "Buscamos 40 personas para ingeniería en Barcelona: backend, datos y plataforma. Si te apetece trabajar conmigo, escríbeme."),
            (X, "Contratamos 40 ingenieras e ingenieros en Barcelona. ¿Te unes?"),
            (Facebook, "¡Estamos contratando en Barcelona!"),
            (Email, "Hola: en mi empresa buscan 40 perfiles de ingeniería en Barcelona. Te dejo el enlace por si te interesa o conoces a alguien."),
        ],
        ..demo(
            "Estamos contratando: 40 plazas de ingeniería en Barcelona",
            "Ampliamos el equipo de **Ingeniería** en Barcelona con 40 plazas: backend, datos y plataforma. Trabajo híbrido, formación continua y un equipo que comparte lo que aprende.",
            "https://example.com/empleo/barcelona-ingenieria",
        )
    },
    Demo {
        topics: &["Sustainability"],
        langs: &[Lang::En],
        publish_in_days: -3,
        captions: &[
            (Linkedin, "Our 2026 sustainability report is out: emissions down 32% since 2022, and every office now runs on renewable power. Proud of the people who made it happen."),
            (X, "Emissions down 32% since 2022. Our 2026 sustainability report:"),
        ],
        ..demo(
            "Our 2026 sustainability report is out",
            "Emissions are down **32 %** since 2022 and every office runs on renewable electricity. The report details what worked, what did not, and our targets for 2030.",
            "https://example.com/en/sustainability-report-2026",
        )
    },
    Demo {
        topics: &["Producto"],
        teams: &["Ventas"],
        publish_in_days: -1,
        needs_policy: true,
        captions: &[
            (Linkedin, "Las pymes ya pueden contratar nuestro plan Negocio con tres meses gratis. Si tienes dudas, pregúntame: es mi día a día."),
            (Whatsapp, "Tres meses gratis del plan Negocio para pymes, por si te interesa:"),
        ],
        ..demo(
            "Plan Negocio: tres meses gratis para pymes",
            "Hasta el 31 de diciembre, las pymes que contraten el plan Negocio tienen **tres meses gratis**. Material para clientes en el enlace.",
            "https://example.com/pymes/plan-negocio",
        )
    },
    Demo {
        topics: &["Cultura"],
        locations: &["Madrid"],
        publish_in_days: -5,
        expire_in_days: Some(10),
        captions: &[(Linkedin, "Este sábado plantamos 500 árboles en la sierra de Madrid con compañeros y familias. ¡Nos vemos allí!")],
        ..demo(
            "Día del voluntariado: 500 árboles en la sierra de Madrid",
            "El sábado 5 salimos con familias y amigos a plantar 500 árboles. Inscripción abierta en la intranet.",
            "https://example.com/voluntariado/sierra-madrid",
        )
    },
    Demo {
        topics: &["Empresa", "Cultura"],
        important: true,
        publish_in_days: -6,
        captions: &[
            (Linkedin, "Nos han reconocido como una de las mejores empresas para trabajar de 2026. El mérito es de cada compañera y compañero."),
            (X, "Entre las mejores empresas para trabajar de 2026. ¡Gracias, equipo!"),
        ],
        ..demo(
            "Entre las mejores empresas para trabajar en 2026",
            "Great Place to Work nos sitúa entre las 10 mejores empresas de más de 1.000 personas en España.",
            "https://example.com/noticias/great-place-to-work-2026",
        )
    },
    Demo {
        topics: &["Producto", "Tecnología"],
        publish_in_days: 2,
        captions: &[(Linkedin, "Nuestra nueva app ya está aquí: todo tu negocio en el bolsillo.")],
        ..demo(
            "Lanzamiento de la nueva app móvil",
            "La app se publica el jueves en iOS y Android.",
            "https://example.com/app",
        )
    },
    Demo {
        topics: &["Empresa"],
        end: End::InReview,
        publish_in_days: 1,
        captions: &[(Linkedin, "Nuestra CTO explica en El País cómo usamos la IA sin perder de vista a las personas.")],
        ..demo(
            "Entrevista a nuestra CTO en El País",
            "Marina Soto habla de inteligencia artificial responsable y del equipo que la hace posible.",
            "https://example.com/prensa/entrevista-cto",
        )
    },
    Demo {
        end: End::Draft,
        ..demo("Resultados del tercer trimestre", "Borrador: a la espera de las cifras definitivas.", "https://example.com/inversores/q3")
    },
    Demo {
        topics: &["Empresa"],
        end: End::Rejected("Falta el dato de facturación y el enlace aún no está publicado."),
        ..demo(
            "Cerramos el año con récord de clientes",
            "Más de 2 millones de clientes confían en nosotros.",
            "https://example.com/noticias/record-clientes",
        )
    },
    Demo {
        topics: &["Empleo"],
        publish_in_days: -30,
        expire_in_days: Some(-7),
        captions: &[(Linkedin, "Nos vemos en la feria de empleo de la universidad: ven a conocernos.")],
        ..demo(
            "Feria de empleo universitaria 2026",
            "Estuvimos en la feria de empleo con 12 ofertas de prácticas.",
            "https://example.com/empleo/feria-2026",
        )
    },
    Demo {
        topics: &["Empresa"],
        publish_in_days: -10,
        end: End::Retracted("Las cifras publicadas eran provisionales y contenían un error. No compartir."),
        captions: &[(Linkedin, "Crecemos un 45 % este año.")],
        ..demo(
            "Crecemos un 45 % este año",
            "Cifras provisionales de crecimiento.",
            "https://example.com/noticias/crecimiento",
        )
    },
];

fn audit(
    actor: i64,
    action: &'static str,
    id: i64,
    at: DateTime<Utc>,
    from: Option<PostStatus>,
    to: PostStatus,
    comment: &str,
) -> AuditEntry {
    let detail = serde_json::json!({ "from": from, "to": to, "comment": comment }).to_string();
    AuditEntry {
        at,
        actor_id: Some(actor),
        action,
        subject_type: "post",
        subject_id: Some(id),
        detail,
    }
}

pub async fn seed(db: &Db, people: &People<'_>) -> Result<(), StoreError> {
    let editor = people.ids["editor@example.com"];
    let approver = people.ids["approver@example.com"];
    let now = Utc::now();
    for (i, d) in POSTS.iter().enumerate() {
        let created = now - Duration::days(14) + Duration::hours(i as i64);
        let publish_at = now + Duration::days(d.publish_in_days);
        let write = PostWrite {
            title: d.title.to_string(),
            body: d.body.to_string(),
            link_url: d.link.to_string(),
            image_id: None,
            topics: d.topics.iter().map(|t| t.to_string()).collect(),
            captions: d
                .captions
                .iter()
                .map(|(network, text)| Caption {
                    network: *network,
                    text: text.to_string(),
                })
                .collect(),
            captions_editable: true,
            disclosure: "#empleado".to_string(),
            targeting: Targeting {
                teams: d.teams.iter().map(|t| people.teams[t]).collect(),
                locations: d.locations.iter().map(|l| people.locations[l]).collect(),
                langs: d.langs.to_vec(),
            },
            important: d.important,
            publish_at: matches!(d.end, End::Approved | End::Retracted(_) | End::InReview)
                .then_some(publish_at),
            expire_at: d.expire_in_days.map(|e| now + Duration::days(e)),
            required_course: d.needs_policy.then_some(people.policy_course),
            status: PostStatus::Draft,
            author_id: Some(editor),
            suggested_by: None,
            suggestion_note: String::new(),
            now: created,
        };
        let id = db
            .create_post(
                &write,
                &audit(
                    editor,
                    "post.created",
                    0,
                    created,
                    None,
                    PostStatus::Draft,
                    "",
                ),
            )
            .await?;
        let mut status = PostStatus::Draft;
        let mut at = created;
        let mut step = |to: PostStatus, actor: i64, action: &'static str, comment: &'static str| {
            at += Duration::hours(3);
            let change = StatusChange {
                post_id: id,
                from: status,
                to,
                comment: (!comment.is_empty()).then(|| comment.to_string()),
                publish_if_unset: (to == PostStatus::Approved).then_some(at),
                now: at,
            };
            let entry = audit(actor, action, id, at, Some(status), to, comment);
            status = to;
            (change, entry)
        };
        let steps = match d.end {
            End::Draft => vec![],
            End::InReview => vec![step(PostStatus::InReview, editor, "post.submitted", "")],
            End::Approved => vec![
                step(PostStatus::InReview, editor, "post.submitted", ""),
                step(PostStatus::Approved, approver, "post.approved", ""),
            ],
            End::Rejected(why) => vec![
                step(PostStatus::InReview, editor, "post.submitted", ""),
                step(PostStatus::Draft, approver, "post.rejected", why),
            ],
            End::Retracted(why) => vec![
                step(PostStatus::InReview, editor, "post.submitted", ""),
                step(PostStatus::Approved, approver, "post.approved", ""),
                step(PostStatus::Retracted, approver, "post.retracted", why),
            ],
        };
        for (change, entry) in steps {
            db.change_post_status(&change, &entry).await?;
        }
    }

    // An ambassador's suggestion waiting in the editors' queue.
    let ana = people.ids["ana@example.com"];
    let suggestion = PostWrite {
        title: "expansion.com".into(),
        body: String::new(),
        link_url: "https://www.example.com/prensa/expansion-ranking-innovacion".into(),
        image_id: None,
        topics: vec![],
        captions: vec![],
        captions_editable: true,
        disclosure: "#empleado".into(),
        targeting: Targeting::default(),
        important: false,
        publish_at: None,
        expire_at: None,
        required_course: None,
        status: PostStatus::Draft,
        author_id: None,
        suggested_by: Some(ana),
        suggestion_note:
            "¡Salimos en el ranking de innovación de Expansión! Estaría bien compartirlo.".into(),
        now: now - Duration::hours(5),
    };
    db.create_post(
        &suggestion,
        &audit(
            ana,
            "post.suggested",
            0,
            now - Duration::hours(5),
            None,
            PostStatus::Draft,
            "",
        ),
    )
    .await?;
    Ok(())
}
