use super::Texts;
use crate::model::{PersonStatus, Phase, PostStatus, Role, Step};

fn hello(name: &str) -> String {
    format!("Hola, {name}")
}
fn invite_intro(email: &str) -> String {
    format!(
        "Te han invitado como {email}. Elige cómo se mostrará tu nombre y una contraseña, y listo."
    )
}
fn invitation_ready(email: &str) -> String {
    format!("La invitación para {email} está lista. Envíale este enlace:")
}
fn invitation_valid_until(date: &str) -> String {
    format!("Sirve una sola vez, hasta el {date}.")
}
fn confirm_deactivate(name: &str) -> String {
    format!("¿Desactivar a {name}? Se cerrarán todas sus sesiones a la vez y no podrá entrar hasta que se reactive.")
}
fn people_count(n: usize) -> String {
    match n {
        1 => "1 persona".to_string(),
        n => format!("{n} personas"),
    }
}
fn edit_person(name: &str) -> String {
    format!("Editar a {name}")
}
fn role_name(r: Role) -> &'static str {
    match r {
        Role::Admin => "Administración",
        Role::Editor => "Edición",
        Role::Approver => "Aprobación",
        Role::Trainer => "Formación",
        Role::Manager => "Responsable",
        Role::Ambassador => "Embajador/a",
    }
}
fn role_blurb(r: Role) -> &'static str {
    match r {
        Role::Admin => {
            "Invita a personas, asigna roles y equipos, y mantiene la plataforma segura."
        }
        Role::Editor => "Escribe las publicaciones que se comparten, con textos para cada red.",
        Role::Approver => {
            "Revisa las publicaciones antes de que salgan y puede pausar todo en una crisis."
        }
        Role::Trainer => "Publica cursos para aprender a hablar en nombre de la empresa.",
        Role::Manager => "Sigue cómo comparten y aprenden sus equipos.",
        Role::Ambassador => {
            "Comparte contenido aprobado y aprende a hablar en nombre de la empresa."
        }
    }
}
fn status_name(s: PersonStatus) -> &'static str {
    match s {
        PersonStatus::Invited => "Invitada",
        PersonStatus::Active => "Activa",
        PersonStatus::Deactivated => "Desactivada",
    }
}
fn date(d: &chrono::DateTime<chrono::Utc>) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn preview_phase(phase: &str) -> String {
    format!("Vista previa: esta publicación está en «{phase}». Solo se ve mientras está activa y dirigida a cada persona.")
}
fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::Draft => "Borrador",
        Phase::InReview => "En revisión",
        Phase::Scheduled => "Programada",
        Phase::Live => "Activa",
        Phase::Expired => "Caducada",
        Phase::Retracted => "Retirada",
    }
}
fn status_name_post(s: PostStatus) -> &'static str {
    match s {
        PostStatus::Draft => "Borrador",
        PostStatus::InReview => "En revisión",
        PostStatus::Approved => "Aprobada",
        PostStatus::Retracted => "Retirada",
    }
}
fn disclosure_note(d: &str) -> String {
    format!("Todo lo que compartas termina con «{d}», para que se sepa que trabajas aquí.")
}
fn studio_tab(key: &str) -> &'static str {
    match key {
        "todo" => "Pendientes",
        "scheduled" => "Programadas",
        "live" => "Activas",
        _ => "Caducadas y retiradas",
    }
}
fn suggested_by(name: &str) -> String {
    format!("Sugerida por {name}")
}
fn supply_aria(value: f64, target: f64) -> String {
    format!("{value:.1} publicaciones activas por cada 100 embajadores esta semana; el objetivo es {target:.1}")
}
fn supply_detail(live: i64, ambassadors: i64, target: f64) -> String {
    format!("{live} publicaciones se activaron en los últimos 7 días para {ambassadors} embajadores activos. Referencia: {target:.1} por cada 100.")
}
fn network_limit(n: usize) -> String {
    format!("hasta {n} caracteres")
}
fn chars_left(n: i64) -> String {
    if n >= 0 {
        format!("quedan {n}")
    } else {
        format!("sobran {}", -n)
    }
}
fn step_name(s: Step) -> &'static str {
    match s {
        Step::Edit => "Guardar",
        Step::Submit => "Enviar a revisión",
        Step::Withdraw => "Volver a borrador",
        Step::Approve => "Aprobar",
        Step::Reject => "Devolver",
        Step::Retract => "Retirar",
    }
}
fn action_name(a: &str) -> String {
    match a {
        "post.created" => "creó la publicación",
        "post.edited" => "editó",
        "post.submitted" => "la envió a revisión",
        "post.withdrawn" => "la devolvió a borrador",
        "post.approved" => "aprobó",
        "post.rejected" => "la devolvió",
        "post.retracted" => "la retiró",
        "post.suggested" => "la sugirió",
        "person.invited" => "invitó",
        "person.updated" => "cambió a una persona",
        "person.deactivated" => "desactivó",
        "person.reactivated" => "reactivó",
        "person.password_changed" => "cambió su contraseña",
        "invitation.accepted" => "aceptó la invitación",
        "invitation.issued" => "generó un enlace de invitación",
        "crisis.on" => "activó el modo crisis",
        "crisis.off" => "desactivó el modo crisis",
        "team.created" => "creó un equipo",
        "location.created" => "creó una sede",
        other => return other.to_string(),
    }
    .to_string()
}
fn subject_name(s: &str) -> &'static str {
    match s {
        "post" => "Publicaciones",
        "person" => "Personas",
        "team" => "Equipos",
        "location" => "Sedes",
        _ => "Ajustes",
    }
}

pub static ES: Texts = Texts {
    sharing: &super::sharing::ES,
    analytics: &super::analytics::ES,
    boards: &super::boards::ES,
    training: &super::training::ES,
    app_name: "Portavoz",
    tagline: "Tu gente, tu mejor voz.",
    skip_to_content: "Ir al contenido",
    nav_home: "Inicio",
    nav_profile: "Mi perfil",
    nav_people: "Personas",
    nav_teams: "Equipos y sedes",
    nav_my_team: "Mi equipo",
    nav_menu: "Menú",
    sign_out: "Cerrar sesión",
    language: "Idioma",
    loading: "Cargando…",
    save: "Guardar",
    saving: "Guardando…",
    saved: "Guardado",
    cancel: "Cancelar",
    close: "Cerrar",
    edit: "Editar",
    never: "Nunca",
    none: "Ninguno",
    search: "Buscar",
    all: "Todos",
    copy: "Copiar",
    copied: "¡Copiado!",

    sign_in_title: "Entrar",
    sign_in_intro: "Comparte lo que enorgullece a tu empresa y descubre hasta dónde llega.",
    email: "Correo electrónico",
    password: "Contraseña",
    sign_in: "Entrar",
    signing_in: "Entrando…",
    demo_hint: "Demo: ana@example.com / portavoz-demo",

    hello,
    home_intro: "Esto es lo que puedes hacer en Portavoz.",
    your_roles: "Tus roles",
    coming_next: "Llegan más cosas: el muro de contenidos, los cursos, el compartir con enlaces medidos y las clasificaciones.",

    invite_title: "Te damos la bienvenida a Portavoz",
    invite_intro,
    invite_invalid: "Este enlace de invitación ya no es válido: se usó, se sustituyó por uno más reciente o caducó. Pide un enlace nuevo a quien administra.",
    your_name: "Tu nombre",
    new_password: "Contraseña nueva",
    confirm_password: "Repite la contraseña",
    password_hint: "Al menos 8 caracteres. Una frase corta es fácil de recordar y difícil de adivinar.",
    create_account: "Crear mi cuenta",

    profile_title: "Mi perfil",
    profile_details: "Mis datos",
    team: "Equipo",
    location: "Sede",
    roles: "Roles",
    change_password: "Cambiar la contraseña",
    current_password: "Contraseña actual",
    password_changed: "Contraseña cambiada. Se cerraron tus otras sesiones.",

    people_title: "Personas",
    people_intro: "Invita a la plantilla, asigna roles y equipos, y gestiona las bajas con seguridad.",
    invite_someone: "Invitar a alguien",
    send_invitation: "Crear invitación",
    invitation_ready,
    invitation_valid_until,
    name: "Nombre",
    status: "Estado",
    last_sign_in: "Última entrada",
    actions: "Acciones",
    deactivate: "Desactivar",
    reactivate: "Reactivar",
    new_link: "Nuevo enlace de invitación",
    confirm_deactivate,
    no_one_matches: "Nadie coincide con estos filtros.",
    people_count,
    preferred_language: "Idioma preferido",
    manages_teams: "Equipos a su cargo",
    edit_person,
    no_team: "Sin equipo",
    no_location: "Sin sede",

    teams_title: "Equipos y sedes",
    teams_intro: "Las publicaciones y los cursos se pueden dirigir a equipos y sedes; cada responsable ve sus equipos.",
    teams: "Equipos",
    locations: "Sedes",
    new_team: "Equipo nuevo",
    new_location: "Sede nueva",
    add: "Añadir",
    members: "Personas",
    managers: "Responsables",
    no_teams_yet: "Aún no hay equipos. Añade el primero.",
    no_locations_yet: "Aún no hay sedes. Añade la primera.",

    my_team_title: "Mi equipo",
    my_team_intro: "Las personas de los equipos a tu cargo.",
    my_team_empty: "Tus equipos aún no tienen personas.",

    not_found_title: "Página no encontrada",
    not_found_body: "No hay nada en esta dirección. Puede que se haya movido o que el enlace tenga una errata.",
    forbidden_title: "No disponible para tu rol",
    forbidden_body: "Esta página es para otros roles. Si la necesitas, pídeselo a quien administra.",
    back_home: "Volver al inicio",

    nav_studio: "Estudio",
    nav_audit: "Registro",
    nav_crisis: "Modo crisis",
    nav_settings: "Ajustes",
    crisis_banner_title: "Compartir está en pausa.",
    crisis_procedure: "Qué hacer",
    feed_intro: "Publicaciones aprobadas para compartir. Las importantes, primero.",
    feed_paused: "Compartir está en pausa para todo el mundo (modo crisis). No compartas nada sobre la empresa hasta que se levante.",
    topics: "Temas",
    search_posts: "Buscar publicaciones",
    feed_no_match: "Ninguna publicación coincide. Prueba otro tema u otra palabra.",
    feed_empty: "Ahora mismo no hay nada que compartir. Las publicaciones nuevas aparecen aquí en cuanto se aprueban.",
    suggest_link: "Sugerir un enlace",
    important: "Importante",
    open_to_share: "Abrir para compartir",
    post_unavailable: "Esta publicación no está disponible",
    preview_phase,
    phase_name,
    suggested_captions: "Textos sugeridos",
    disclosure_note,
    suggest_title: "Sugerir un enlace",
    suggest_intro: "¿Has visto algo que la empresa debería compartir? Envíalo a comunicación: lo revisan, escriben los textos y lo publican.",
    link_to_share: "Enlace para compartir",
    note_for_editors: "Una nota para comunicación (opcional)",
    suggestion_sent: "¡Gracias! Comunicación ya tiene tu sugerencia.",
    send_suggestion: "Enviar sugerencia",
    studio_title: "Estudio",
    studio_intro: "Escribe publicaciones, revísalas y mantén el contenido fluyendo.",
    new_post: "Nueva publicación",
    edit_post: "Editar publicación",
    studio_tab,
    studio_empty: "Nada por aquí.",
    title: "Título",
    author: "Autoría",
    publish_at: "Publicar el",
    expire_at: "Caduca el",
    suggested_by,
    supply_title: "Oferta de contenido",
    supply_unit: "publicaciones activas por cada 100 embajadores (7 días)",
    supply_aria,
    supply_detail,
    supply_low: "Por debajo de la referencia: puede faltar contenido para compartir.",
    schedule_title: "Próximamente",
    schedule_empty: "Nada programado ni a punto de caducar.",
    goes_live: "se activa",
    expires: "caduca",
    network_limit,
    add_variant: "+ variante",
    caption: "texto",
    chars_left,
    linkedin_fold: "LinkedIn muestra los primeros 210 caracteres antes de «…ver más».",
    remove: "Quitar",
    approval: "Aprobación",
    last_comment: "Último comentario",
    comment_label: "Comentario (necesario para devolver o retirar)",
    step_name,
    history: "Historial",
    action_name,
    status_name_post,
    body: "Texto",
    markdown_hint: "Markdown: **negrita**, *cursiva*, [enlaces](https://…), listas.",
    image: "Imagen",
    image_hint: "PNG, JPEG, WebP o GIF, hasta 5 MB.",
    topics_placeholder: "Separados por comas, p. ej. Empleo, Sostenibilidad",
    disclosure: "Aviso",
    disclosure_hint: "Se añade siempre al final de lo que se comparte, p. ej. #empleado.",
    captions_editable: "Se puede editar el texto al compartir",
    audience: "Quién la ve",
    audience_everyone: "Todo el mundo. Marca equipos, sedes o idiomas para acotar.",
    audience_some: "Solo quien coincide con cada grupo marcado.",
    mark_important: "Importante: mostrar primero",
    sharing_window: "Periodo para compartir",
    publish_at_hint: "Vacío: en cuanto se apruebe.",
    saved_back_to_review: "Guardado. Ha vuelto a revisión.",
    edit_sends_to_review: "Guardar devuelve a revisión una publicación aprobada.",
    as_ambassadors_see_it: "Así la verán los embajadores",
    preview_text: "Ver el texto",
    audit_title: "Registro de actividad",
    audit_intro: "Cada cambio en publicaciones, personas y ajustes: quién, cuándo, qué.",
    audit_subject: "Sobre",
    subject_name,
    audit_action: "Acción",
    audit_empty: "No hay entradas que coincidan.",
    when: "Cuándo",
    who: "Quién",
    details: "Detalles",
    crisis_title: "Modo crisis",
    crisis_intro: "Un solo interruptor pausa todo lo que se comparte y muestra tu mensaje en cada página.",
    crisis_is_on: "El modo crisis está ACTIVADO",
    crisis_is_off: "El modo crisis está desactivado",
    since: "Desde",
    crisis_message: "Mensaje que verá todo el mundo",
    crisis_switch_on: "Pausar todo lo que se comparte",
    crisis_switch_off: "Reanudar",
    settings_title: "Ajustes",
    default_disclosure: "Aviso por defecto para publicaciones nuevas",
    allow_self_approval: "Permitir que quien aprueba apruebe sus propias publicaciones",

    role_name,
    role_blurb,
    status_name,
    date,
};
