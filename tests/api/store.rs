//! The storage layer itself, the same tests on each backend.

use crate::helpers::{fresh_database, Backend};
use chrono::{Duration, Utc};
use portavoz::model::{Lang, PersonStatus, Role};
use portavoz::server::db::{
    self, AcceptInvitation, AuditEntry, AuditFilter, Db, NewInvitation, NewPerson, SessionRow,
    StoreError,
};

macro_rules! store_tests {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                if let Some(db) = super::open(crate::helpers::Backend::Sqlite).await { super::$name(db).await }
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(db) = super::open(crate::helpers::Backend::Postgres).await { super::$name(db).await }
            }
        }
    )*};
}

store_tests!(
    sessions_round_trip_expire_and_are_never_resurrected,
    throttle_counts_block_and_reset,
    an_invitation_is_consumed_exactly_once_under_concurrency,
    every_change_leaves_an_audit_record,
    settings_are_upserted,
    duplicate_emails_are_reported_as_duplicates,
);

async fn open(backend: Backend) -> Option<Db> {
    let url = fresh_database(backend).await?;
    Some(db::connect(&url, 4).await.expect("connect and migrate"))
}

fn person(email: &str, status: PersonStatus) -> NewPerson {
    NewPerson {
        email: email.to_string(),
        name: "Test Person".to_string(),
        password_hash: Some("$argon2id$fake".to_string()),
        status,
        roles: vec![Role::Ambassador],
        team_id: None,
        location_id: None,
        lang: Lang::Es,
        managed_team_ids: vec![],
        now: Utc::now(),
    }
}

fn audit(action: &'static str) -> AuditEntry {
    AuditEntry::new(None, action, "test")
}

async fn sessions_round_trip_expire_and_are_never_resurrected(db: Db) {
    let id = db
        .create_person(&person("s@example.com", PersonStatus::Active), &audit("t"))
        .await
        .unwrap();
    let now = Utc::now();
    let row = SessionRow {
        id: "abc".into(),
        person_id: Some(id),
        data: r#"{"pid":1}"#.into(),
        expires_at: now + Duration::hours(1),
    };
    db.insert_session(&row).await.unwrap();
    assert!(matches!(
        db.insert_session(&row).await,
        Err(StoreError::Duplicate)
    ));
    let loaded = db.load_session("abc", now).await.unwrap().expect("stored");
    assert_eq!(loaded.person_id, Some(id));
    assert_eq!(loaded.data, row.data);
    assert_eq!(loaded.expires_at.timestamp(), row.expires_at.timestamp());
    assert!(
        db.load_session("abc", now + Duration::hours(2))
            .await
            .unwrap()
            .is_none(),
        "expired"
    );
    assert_eq!(db.count_sessions(id).await.unwrap(), 1);

    db.set_status(
        id,
        PersonStatus::Deactivated,
        &audit("person.deactivated").subject(id),
    )
    .await
    .unwrap();
    assert_eq!(db.count_sessions(id).await.unwrap(), 0);
    // A request that was in flight during deactivation saves its session at the end: refused.
    db.save_session(&row).await.unwrap();
    assert!(db.load_session("abc", now).await.unwrap().is_none());

    let anonymous = SessionRow {
        id: "anon".into(),
        person_id: None,
        data: "{}".into(),
        expires_at: now - Duration::seconds(1),
    };
    db.save_session(&anonymous).await.unwrap();
    assert_eq!(db.delete_expired_sessions(now).await.unwrap(), 1);
}

fn block(failures: i64) -> Duration {
    if failures >= 3 {
        Duration::seconds(60)
    } else {
        Duration::zero()
    }
}

async fn throttle_counts_block_and_reset(db: Db) {
    let now = Utc::now();
    let key = "account:x@example.com".to_string();
    for expected in 1..=2 {
        assert_eq!(
            db.record_failure(&key, now, Duration::hours(1), block)
                .await
                .unwrap(),
            expected
        );
    }
    assert_eq!(
        db.blocked_until(std::slice::from_ref(&key), now)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        db.record_failure(&key, now, Duration::hours(1), block)
            .await
            .unwrap(),
        3
    );
    let until = db
        .blocked_until(&[key.clone(), "ip:1.2.3.4".into()], now)
        .await
        .unwrap()
        .expect("blocked");
    assert_eq!(until.timestamp(), (now + Duration::seconds(60)).timestamp());
    assert_eq!(
        db.blocked_until(std::slice::from_ref(&key), now + Duration::seconds(61))
            .await
            .unwrap(),
        None,
        "unblocks by itself"
    );
    // After a quiet window the count starts again.
    assert_eq!(
        db.record_failure(&key, now + Duration::hours(2), Duration::hours(1), block)
            .await
            .unwrap(),
        1
    );
    db.clear_failures(&key).await.unwrap();
    assert_eq!(
        db.record_failure(&key, now, Duration::hours(1), block)
            .await
            .unwrap(),
        1
    );
}

async fn an_invitation_is_consumed_exactly_once_under_concurrency(db: Db) {
    let id = db
        .create_person(
            &NewPerson {
                password_hash: None,
                ..person("i@example.com", PersonStatus::Invited)
            },
            &audit("t"),
        )
        .await
        .unwrap();
    let now = Utc::now();
    db.create_invitation(
        &NewInvitation {
            person_id: id,
            token_hash: "h1".into(),
            created_by: None,
            created_at: now,
            expires_at: now + Duration::days(1),
        },
        &audit("invitation.issued"),
    )
    .await
    .unwrap();
    let accept = |name: &str| AcceptInvitation {
        token_hash: "h1".into(),
        name: name.into(),
        password_hash: "$argon2id$x".into(),
        now,
    };
    let (first, second) = (accept("A"), accept("B"));
    let (a, b) = tokio::join!(db.accept_invitation(&first), db.accept_invitation(&second));
    let oks = [a.is_ok(), b.is_ok()].iter().filter(|x| **x).count();
    assert_eq!(oks, 1, "exactly one acceptance: {a:?} {b:?}");
    assert!(matches!(
        db.accept_invitation(&accept("C")).await,
        Err(StoreError::NotFound)
    ));
    let p = db.get_person(id).await.unwrap().unwrap();
    assert_eq!(p.status, PersonStatus::Active);
    assert!(p.name == "A" || p.name == "B");
}

async fn every_change_leaves_an_audit_record(db: Db) {
    let admin = db
        .create_person(
            &person("a@example.com", PersonStatus::Active),
            &audit("person.created"),
        )
        .await
        .unwrap();
    let target = db
        .create_person(
            &person("t@example.com", PersonStatus::Active),
            &AuditEntry::new(Some(admin), "person.invited", "person"),
        )
        .await
        .unwrap();
    db.set_status(
        target,
        PersonStatus::Deactivated,
        &AuditEntry::new(Some(admin), "person.deactivated", "person")
            .subject(target)
            .detail("offboarding"),
    )
    .await
    .unwrap();
    let log = db
        .audit_log(&AuditFilter {
            subject_type: Some("person".into()),
            subject_id: Some(target),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec!["person.deactivated", "person.invited"],
        "newest first"
    );
    assert_eq!(log[0].actor_id, Some(admin));
    assert_eq!(log[0].actor_name.as_deref(), Some("Test Person"));
    assert_eq!(log[0].detail, "offboarding");
    let by_action = db
        .audit_log(&AuditFilter {
            action: Some("person.deact".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_action.len(), 1);
}

async fn settings_are_upserted(db: Db) {
    assert_eq!(db.setting("crisis").await.unwrap(), None);
    db.put_setting("crisis", "on", &audit("setting.changed"))
        .await
        .unwrap();
    db.put_setting("crisis", "off", &audit("setting.changed"))
        .await
        .unwrap();
    assert_eq!(db.setting("crisis").await.unwrap().as_deref(), Some("off"));
}

async fn duplicate_emails_are_reported_as_duplicates(db: Db) {
    db.create_person(&person("d@example.com", PersonStatus::Active), &audit("t"))
        .await
        .unwrap();
    assert!(matches!(
        db.create_person(&person("d@example.com", PersonStatus::Active), &audit("t"))
            .await,
        Err(StoreError::Duplicate)
    ));
    assert_eq!(
        db.count_people().await.unwrap(),
        1,
        "the failed insert left nothing behind"
    );
    let log = db
        .audit_log(&AuditFilter {
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(log.len(), 1, "nor an audit record");
}
