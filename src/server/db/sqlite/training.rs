use super::{audit, SqliteStore};
use crate::model::training::{CourseInput, CourseStatus};
use crate::model::{PersonId, TeamId};
use crate::server::db::rows::{course_doc, course_status, CourseDbRow};
use crate::server::db::{
    AttemptRecord, AuditEntry, CertificateRecord, CourseRecord, EnrollmentRecord, NewAttempt,
    ProgressRecords, RosterRow, StoreError, StoreResult, TrainingStore,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

const COURSE_SELECT: &str =
    "select course_id, status, edition, version, doc, updated_at from course";
const CERTIFICATE_SELECT: &str =
    "select code, course_id, person_id, round, edition, issued_at, valid_until from certificate";

#[async_trait]
impl TrainingStore for SqliteStore {
    async fn create_course(
        &self,
        doc: &CourseInput,
        by: PersonId,
        now: DateTime<Utc>,
        entry: &AuditEntry,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "insert into course (status, translation_of, doc, created_by, created_at, updated_at)
             values ('draft', ?, ?, ?, ?, ?) returning course_id",
        )
        .bind(doc.translation_of)
        .bind(course_doc(doc)?)
        .bind(by)
        .bind(now.timestamp())
        .bind(now.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        audit(&mut tx, &entry.clone().subject(id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn update_course(
        &self,
        id: i64,
        expected_version: i64,
        doc: &CourseInput,
        now: DateTime<Utc>,
        entry: &AuditEntry,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let version: Option<i64> = sqlx::query_scalar(
            "update course set doc = ?, translation_of = ?, version = version + 1, updated_at = ?
             where course_id = ? and version = ? returning version",
        )
        .bind(course_doc(doc)?)
        .bind(doc.translation_of)
        .bind(now.timestamp())
        .bind(id)
        .bind(expected_version)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(version) = version else {
            let exists: bool =
                sqlx::query_scalar("select exists(select 1 from course where course_id = ?)")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
            return Err(if exists {
                StoreError::Conflict
            } else {
                StoreError::NotFound
            });
        };
        audit(&mut tx, &entry.clone().subject(id)).await?;
        tx.commit().await?;
        Ok(version)
    }

    async fn set_course_status(
        &self,
        id: i64,
        status: CourseStatus,
        new_edition: bool,
        now: DateTime<Utc>,
        entry: &AuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let changed = sqlx::query(
            "update course set status = ?, edition = edition + ?, updated_at = ? where course_id = ?",
        )
        .bind(course_status(status))
        .bind(i64::from(new_edition))
        .bind(now.timestamp())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        audit(&mut tx, &entry.clone().subject(id)).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn course(&self, id: i64) -> StoreResult<Option<CourseRecord>> {
        let row: Option<CourseDbRow> =
            sqlx::query_as(&format!("{COURSE_SELECT} where course_id = ?"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(CourseDbRow::into_record).transpose()
    }

    async fn courses(&self) -> StoreResult<Vec<CourseRecord>> {
        let rows: Vec<CourseDbRow> = sqlx::query_as(&format!(
            "{COURSE_SELECT} order by updated_at desc, course_id desc"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(CourseDbRow::into_record).collect()
    }

    async fn enroll(
        &self,
        course: i64,
        person: PersonId,
        now: DateTime<Utc>,
    ) -> StoreResult<EnrollmentRecord> {
        sqlx::query(
            "insert into enrollment (course_id, person_id, started_at) values (?, ?, ?)
             on conflict (course_id, person_id) do nothing",
        )
        .bind(course)
        .bind(person)
        .bind(now.timestamp())
        .execute(&self.pool)
        .await?;
        Ok(sqlx::query_as(
            "select person_id, round, started_at, last_item from enrollment
             where course_id = ? and person_id = ?",
        )
        .bind(course)
        .bind(person)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn set_last_item(&self, course: i64, person: PersonId, item: i64) -> StoreResult<()> {
        sqlx::query("update enrollment set last_item = ? where course_id = ? and person_id = ?")
            .bind(item)
            .bind(course)
            .bind(person)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn start_round(&self, course: i64, person: PersonId, from: i32) -> StoreResult<()> {
        sqlx::query(
            "update enrollment set round = round + 1, last_item = null
             where course_id = ? and person_id = ? and round = ?",
        )
        .bind(course)
        .bind(person)
        .bind(from)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn mark_done(
        &self,
        course: i64,
        person: PersonId,
        round: i32,
        item: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "insert into item_done (course_id, person_id, round, item_id, at) values (?, ?, ?, ?, ?)
             on conflict do nothing",
        )
        .bind(course)
        .bind(person)
        .bind(round)
        .bind(item)
        .bind(now.timestamp())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn record_attempt(&self, a: &NewAttempt) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let inserted = sqlx::query(
            "insert into quiz_attempt (course_id, person_id, round, item_id, attempt, score, passed, result, at)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
        )
        .bind(a.course_id)
        .bind(a.person_id)
        .bind(a.round)
        .bind(a.item_id)
        .bind(a.attempt)
        .bind(a.score)
        .bind(a.passed)
        .bind(&a.result)
        .bind(a.at.timestamp())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Err(StoreError::Duplicate);
        }
        if a.passed {
            sqlx::query(
                "insert into item_done (course_id, person_id, round, item_id, at) values (?, ?, ?, ?, ?)
                 on conflict do nothing",
            )
            .bind(a.course_id)
            .bind(a.person_id)
            .bind(a.round)
            .bind(a.item_id)
            .bind(a.at.timestamp())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn issue_certificate(&self, c: &CertificateRecord) -> StoreResult<CertificateRecord> {
        let mut tx = self.write().await?;
        let issued = sqlx::query(
            "insert into certificate (code, course_id, person_id, round, edition, issued_at, valid_until)
             values (?, ?, ?, ?, ?, ?, ?) on conflict (course_id, person_id, round) do nothing",
        )
        .bind(&c.code)
        .bind(c.course_id)
        .bind(c.person_id)
        .bind(c.round)
        .bind(c.edition)
        .bind(c.issued_at.timestamp())
        .bind(c.valid_until.map(|t| t.timestamp()))
        .execute(&mut *tx)
        .await?;
        if issued.rows_affected() == 1 {
            let day = crate::server::sharing::clicks::day_number(c.issued_at);
            let delta = crate::server::db::CounterDelta {
                courses_completed: 1,
                ..Default::default()
            };
            super::boards::add_counters(&mut tx, c.person_id, day, &delta).await?;
        }
        let stored = sqlx::query_as(&format!(
            "{CERTIFICATE_SELECT} where course_id = ? and person_id = ? and round = ?"
        ))
        .bind(c.course_id)
        .bind(c.person_id)
        .bind(c.round)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(stored)
    }

    async fn certificate(&self, code: &str) -> StoreResult<Option<(CertificateRecord, String)>> {
        let Some(cert): Option<CertificateRecord> =
            sqlx::query_as(&format!("{CERTIFICATE_SELECT} where code = ?"))
                .bind(code)
                .fetch_optional(&self.pool)
                .await?
        else {
            return Ok(None);
        };
        let name: String = sqlx::query_scalar("select name from person where person_id = ?")
            .bind(cert.person_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(Some((cert, name)))
    }

    async fn certificates_of(&self, person: PersonId) -> StoreResult<Vec<CertificateRecord>> {
        Ok(sqlx::query_as(&format!(
            "{CERTIFICATE_SELECT} where person_id = ? order by issued_at desc"
        ))
        .bind(person)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn progress(
        &self,
        course: i64,
        person: Option<PersonId>,
    ) -> StoreResult<ProgressRecords> {
        let enrollments: Vec<EnrollmentRecord> = sqlx::query_as(
            "select person_id, round, started_at, last_item from enrollment
             where course_id = ?1 and (?2 is null or person_id = ?2)",
        )
        .bind(course)
        .bind(person)
        .fetch_all(&self.pool)
        .await?;
        let done: Vec<(PersonId, i32, i64)> = sqlx::query_as(
            "select person_id, round, item_id from item_done
             where course_id = ?1 and (?2 is null or person_id = ?2)",
        )
        .bind(course)
        .bind(person)
        .fetch_all(&self.pool)
        .await?;
        let attempts: Vec<AttemptRecord> = sqlx::query_as(
            "select person_id, round, item_id, attempt, score, passed, result from quiz_attempt
             where course_id = ?1 and (?2 is null or person_id = ?2) order by attempt",
        )
        .bind(course)
        .bind(person)
        .fetch_all(&self.pool)
        .await?;
        let certificates: Vec<CertificateRecord> = sqlx::query_as(&format!(
            "{CERTIFICATE_SELECT} where course_id = ?1 and (?2 is null or person_id = ?2)
             order by issued_at"
        ))
        .bind(course)
        .bind(person)
        .fetch_all(&self.pool)
        .await?;
        Ok(ProgressRecords {
            enrollments,
            done,
            attempts,
            certificates,
        })
    }

    async fn roster(&self) -> StoreResult<Vec<RosterRow>> {
        Ok(sqlx::query_as(
            "select p.person_id, p.name, p.team_id, t.name as team_name, p.location_id, p.lang
             from person p left join team t on t.team_id = p.team_id
             where p.status = 'active' order by p.name",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    async fn managed_teams(&self, manager: PersonId) -> StoreResult<Vec<TeamId>> {
        Ok(
            sqlx::query_scalar("select team_id from team_manager where person_id = ?")
                .bind(manager)
                .fetch_all(&self.pool)
                .await?,
        )
    }
}
