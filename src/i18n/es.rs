use super::Texts;
use crate::model::{PersonStatus, Role};

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

pub static ES: Texts = Texts {
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

    role_name,
    role_blurb,
    status_name,
    date,
};
