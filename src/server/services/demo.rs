//! Demo mode: a believable organization in an empty database, so every
//! feature has something to show. Never runs on a database that has people.

use crate::model::{Lang, PersonStatus, Role};
use crate::server::auth::password::Hasher;
use crate::server::db::{AuditEntry, Db, NewPerson, StoreError};
use chrono::{Duration, Utc};
use std::collections::HashMap;

pub const DEMO_PASSWORD: &str = "portavoz-demo";

/// The accounts printed at start-up and documented in the README.
pub const DEMO_ACCOUNTS: &[(&str, &str)] = &[
    ("admin@example.com", "admin"),
    ("editor@example.com", "editor (comms)"),
    ("approver@example.com", "approver"),
    ("trainer@example.com", "trainer"),
    (
        "manager@example.com",
        "manager of Ventas and Atención al cliente",
    ),
    ("ana@example.com", "ambassador, Ventas, Madrid"),
    ("luis@example.com", "ambassador, Ingeniería, Barcelona"),
];

const TEAMS: &[&str] = &[
    "Comunicación",
    "Ventas",
    "Ingeniería",
    "Atención al cliente",
    "Personas",
    "Marketing",
];
const LOCATIONS: &[&str] = &[
    "Madrid",
    "Barcelona",
    "Ciudad de México",
    "Bogotá",
    "Buenos Aires",
    "Remoto",
];

struct DemoPerson {
    email: &'static str,
    name: &'static str,
    roles: &'static [Role],
    team: usize,
    location: usize,
    lang: Lang,
    manages: &'static [usize],
    status: PersonStatus,
}

const fn person(
    email: &'static str,
    name: &'static str,
    roles: &'static [Role],
    team: usize,
    location: usize,
    lang: Lang,
) -> DemoPerson {
    DemoPerson {
        email,
        name,
        roles,
        team,
        location,
        lang,
        manages: &[],
        status: PersonStatus::Active,
    }
}

use Role::{Admin, Ambassador, Approver, Editor, Manager, Trainer};

const PEOPLE: &[DemoPerson] = &[
    person(
        "admin@example.com",
        "Marta Ruiz",
        &[Admin, Ambassador],
        4,
        0,
        Lang::Es,
    ),
    person(
        "editor@example.com",
        "Elena Campos",
        &[Editor, Ambassador],
        0,
        0,
        Lang::Es,
    ),
    person(
        "approver@example.com",
        "Pablo Herrera",
        &[Approver, Ambassador],
        0,
        1,
        Lang::Es,
    ),
    person(
        "trainer@example.com",
        "Teresa Molina",
        &[Trainer, Ambassador],
        4,
        2,
        Lang::Es,
    ),
    DemoPerson {
        manages: &[1, 3],
        ..person(
            "manager@example.com",
            "Miguel Ortega",
            &[Manager, Ambassador],
            1,
            0,
            Lang::Es,
        )
    },
    person(
        "ana@example.com",
        "Ana García",
        &[Ambassador],
        1,
        0,
        Lang::Es,
    ),
    person(
        "luis@example.com",
        "Luis Fernández",
        &[Ambassador],
        2,
        1,
        Lang::En,
    ),
    person(
        "sofia.lopez@example.com",
        "Sofía López",
        &[Ambassador],
        1,
        2,
        Lang::Es,
    ),
    person(
        "carlos.mendoza@example.com",
        "Carlos Mendoza",
        &[Ambassador],
        1,
        3,
        Lang::Es,
    ),
    person(
        "lucia.romero@example.com",
        "Lucía Romero",
        &[Ambassador],
        3,
        0,
        Lang::Es,
    ),
    person(
        "javier.navarro@example.com",
        "Javier Navarro",
        &[Ambassador],
        3,
        4,
        Lang::Es,
    ),
    person(
        "valentina.rojas@example.com",
        "Valentina Rojas",
        &[Ambassador],
        3,
        3,
        Lang::Es,
    ),
    person(
        "diego.torres@example.com",
        "Diego Torres",
        &[Ambassador],
        2,
        5,
        Lang::Es,
    ),
    person(
        "camila.vargas@example.com",
        "Camila Vargas",
        &[Ambassador],
        2,
        2,
        Lang::Es,
    ),
    person(
        "mateo.silva@example.com",
        "Mateo Silva",
        &[Ambassador],
        2,
        4,
        Lang::Es,
    ),
    person(
        "isabel.castro@example.com",
        "Isabel Castro",
        &[Ambassador, Editor],
        5,
        0,
        Lang::Es,
    ),
    person(
        "andres.morales@example.com",
        "Andrés Morales",
        &[Ambassador],
        5,
        3,
        Lang::Es,
    ),
    person(
        "paula.jimenez@example.com",
        "Paula Jiménez",
        &[Ambassador],
        5,
        1,
        Lang::Es,
    ),
    person(
        "emma.wilson@example.com",
        "Emma Wilson",
        &[Ambassador],
        2,
        5,
        Lang::En,
    ),
    person(
        "james.carter@example.com",
        "James Carter",
        &[Ambassador],
        1,
        5,
        Lang::En,
    ),
    person(
        "olivia.brown@example.com",
        "Olivia Brown",
        &[Ambassador],
        5,
        5,
        Lang::En,
    ),
    person(
        "raul.gutierrez@example.com",
        "Raúl Gutiérrez",
        &[Ambassador],
        1,
        1,
        Lang::Es,
    ),
    person(
        "carmen.ortiz@example.com",
        "Carmen Ortiz",
        &[Ambassador],
        3,
        2,
        Lang::Es,
    ),
    person(
        "fernando.diaz@example.com",
        "Fernando Díaz",
        &[Ambassador, Manager],
        2,
        1,
        Lang::Es,
    ),
    DemoPerson {
        status: PersonStatus::Invited,
        ..person(
            "nuria.ramos@example.com",
            "Nuria Ramos",
            &[Ambassador],
            1,
            0,
            Lang::Es,
        )
    },
    DemoPerson {
        status: PersonStatus::Invited,
        ..person(
            "tomas.blanco@example.com",
            "Tomás Blanco",
            &[Ambassador],
            3,
            4,
            Lang::Es,
        )
    },
    DemoPerson {
        status: PersonStatus::Deactivated,
        ..person(
            "ignacio.vega@example.com",
            "Ignacio Vega",
            &[Ambassador],
            1,
            0,
            Lang::Es,
        )
    },
];

/// Fills an empty database. Returns false (and changes nothing) if it has people.
pub async fn seed(db: &Db, hasher: &Hasher) -> Result<bool, StoreError> {
    if db.count_people().await? > 0 {
        tracing::info!("demo mode: the database already has data, leaving it alone");
        return Ok(false);
    }
    let audit = |action| AuditEntry::new(None, action, "demo");
    let mut teams = Vec::new();
    for name in TEAMS {
        teams.push(db.create_team(name, &audit("team.created")).await?);
    }
    let mut locations = Vec::new();
    for name in LOCATIONS {
        locations.push(db.create_location(name, &audit("location.created")).await?);
    }
    // One hash for every demo account: they share the documented password.
    let hash = hasher
        .hash(DEMO_PASSWORD)
        .await
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let now = Utc::now();
    let mut ids = HashMap::new();
    for (i, p) in PEOPLE.iter().enumerate() {
        let mut managed: Vec<i64> = p.manages.iter().map(|t| teams[*t]).collect();
        if p.roles.contains(&Manager) && managed.is_empty() {
            managed.push(teams[p.team]);
        }
        let new = NewPerson {
            email: p.email.to_string(),
            name: p.name.to_string(),
            password_hash: (p.status != PersonStatus::Invited).then(|| hash.clone()),
            status: p.status,
            roles: p.roles.to_vec(),
            team_id: Some(teams[p.team]),
            location_id: Some(locations[p.location]),
            lang: p.lang,
            managed_team_ids: managed,
            now: now - Duration::days(90 - i as i64),
        };
        ids.insert(
            p.email,
            db.create_person(&new, &audit("person.created")).await?,
        );
    }
    let by_name = |names: &[&'static str], ids: &[i64]| -> HashMap<&'static str, i64> {
        names.iter().copied().zip(ids.iter().copied()).collect()
    };
    let teams = by_name(TEAMS, &teams);
    let locations = by_name(LOCATIONS, &locations);
    let policy_course = super::demo_training::seed(db, &ids).await?;
    super::demo_posts::seed(
        db,
        &super::demo_posts::People {
            ids: &ids,
            teams: &teams,
            locations: &locations,
            policy_course,
        },
    )
    .await?;
    super::demo_reach::seed(db, &ids).await?;
    tracing::info!(
        people = PEOPLE.len(),
        teams = TEAMS.len(),
        "demo data created"
    );
    Ok(true)
}
