use super::{audit, SqliteStore};
use crate::model::{FeedQuery, ImageId, PersonId, PostId, PostStatus};
use crate::server::db::rows::{CaptionDbRow, PostDbRow};
use crate::server::db::{
    escape_like, fold_for_search, AuditEntry, NewImage, PostRecord, PostStore, PostWrite,
    StatusChange, StoreError, StoreResult, Viewer,
};
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

const POST_SELECT: &str = "
    select p.post_id, p.title, p.body, p.link_url, p.image_id, p.status, p.important,
           p.captions_editable, p.disclosure, p.publish_at, p.expire_at, p.required_course,
           p.author_id, a.name as author_name, a.team_id as author_team_id,
           p.suggested_by, s.name as suggested_by_name, p.suggestion_note, p.last_comment,
           p.version, p.updated_at,
           (select group_concat(t.name, char(10)) from post_topic pt join topic t on t.topic_id = pt.topic_id
             where pt.post_id = p.post_id) as topics,
           (select group_concat(x.team_id) from post_team x where x.post_id = p.post_id) as teams,
           (select group_concat(x.location_id) from post_location x where x.post_id = p.post_id) as locations,
           (select group_concat(x.lang) from post_lang x where x.post_id = p.post_id) as langs
    from post p
    left join person a on a.person_id = p.author_id
    left join person s on s.person_id = p.suggested_by";

/// Live and targeted at the viewer. Parameters: ?1 now, ?2 team, ?3 location, ?4 language.
const VISIBLE: &str = "
    p.status = 'approved' and p.publish_at <= ?1 and (p.expire_at is null or p.expire_at > ?1)
    and (p.target_all = 1 or (
        (not exists (select 1 from post_team x where x.post_id = p.post_id)
            or exists (select 1 from post_team x where x.post_id = p.post_id and x.team_id = ?2))
        and (not exists (select 1 from post_location x where x.post_id = p.post_id)
            or exists (select 1 from post_location x where x.post_id = p.post_id and x.location_id = ?3))
        and (not exists (select 1 from post_lang x where x.post_id = p.post_id)
            or exists (select 1 from post_lang x where x.post_id = p.post_id and x.lang = ?4))))";

/// Topics, targets and captions: replaced as a whole on every save.
async fn replace_children(
    conn: &mut SqliteConnection,
    id: PostId,
    post: &PostWrite,
) -> StoreResult<()> {
    for table in [
        "post_topic",
        "post_team",
        "post_location",
        "post_lang",
        "caption",
    ] {
        sqlx::query(&format!("delete from {table} where post_id = ?"))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    for topic in &post.topics {
        sqlx::query("insert into topic (name) values (?) on conflict (name) do nothing")
            .bind(topic)
            .execute(&mut *conn)
            .await?;
        sqlx::query("insert or ignore into post_topic (post_id, topic_id) select ?, topic_id from topic where name = ?")
            .bind(id)
            .bind(topic)
            .execute(&mut *conn)
            .await?;
    }
    for team in &post.targeting.teams {
        sqlx::query("insert or ignore into post_team (post_id, team_id) values (?, ?)")
            .bind(id)
            .bind(team)
            .execute(&mut *conn)
            .await?;
    }
    for location in &post.targeting.locations {
        sqlx::query("insert or ignore into post_location (post_id, location_id) values (?, ?)")
            .bind(id)
            .bind(location)
            .execute(&mut *conn)
            .await?;
    }
    for lang in &post.targeting.langs {
        sqlx::query("insert or ignore into post_lang (post_id, lang) values (?, ?)")
            .bind(id)
            .bind(lang.code())
            .execute(&mut *conn)
            .await?;
    }
    for (position, caption) in post.captions.iter().enumerate() {
        sqlx::query("insert into caption (post_id, network, position, text) values (?, ?, ?, ?)")
            .bind(id)
            .bind(caption.network.as_str())
            .bind(position as i64)
            .bind(&caption.text)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

fn rows_to_records(rows: Vec<PostDbRow>) -> StoreResult<Vec<PostRecord>> {
    rows.into_iter().map(PostDbRow::into_record).collect()
}

#[async_trait]
impl PostStore for SqliteStore {
    async fn create_post(&self, post: &PostWrite, entry: &AuditEntry) -> StoreResult<PostId> {
        let mut tx = self.write().await?;
        let now = post.now.timestamp();
        let id: PostId = sqlx::query_scalar(
            "insert into post (title, body, link_url, image_id, status, important, captions_editable, disclosure,
                               target_all, publish_at, expire_at, author_id, suggested_by, suggestion_note,
                               created_at, updated_at, search_text, required_course)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning post_id",
        )
        .bind(&post.title)
        .bind(&post.body)
        .bind(&post.link_url)
        .bind(post.image_id)
        .bind(post.status.as_str())
        .bind(post.important)
        .bind(post.captions_editable)
        .bind(&post.disclosure)
        .bind(post.targeting.everyone())
        .bind(post.publish_at.map(|t| t.timestamp()))
        .bind(post.expire_at.map(|t| t.timestamp()))
        .bind(post.author_id)
        .bind(post.suggested_by)
        .bind(&post.suggestion_note)
        .bind(now)
        .bind(now)
        .bind(post.search_text())
        .bind(post.required_course)
        .fetch_one(&mut *tx)
        .await?;
        replace_children(&mut tx, id, post).await?;
        audit(&mut tx, &entry.clone().subject(id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn update_post(
        &self,
        id: PostId,
        expected_version: i64,
        post: &PostWrite,
        entry: &AuditEntry,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let version: Option<i64> = sqlx::query_scalar(
            "update post set title = ?, body = ?, link_url = ?, image_id = ?, status = ?, important = ?,
                    captions_editable = ?, disclosure = ?, target_all = ?, publish_at = ?, expire_at = ?,
                    author_id = coalesce(author_id, ?), version = version + 1, updated_at = ?,
                    search_text = ?, required_course = ?
             where post_id = ? and version = ? returning version",
        )
        .bind(&post.title)
        .bind(&post.body)
        .bind(&post.link_url)
        .bind(post.image_id)
        .bind(post.status.as_str())
        .bind(post.important)
        .bind(post.captions_editable)
        .bind(&post.disclosure)
        .bind(post.targeting.everyone())
        .bind(post.publish_at.map(|t| t.timestamp()))
        .bind(post.expire_at.map(|t| t.timestamp()))
        .bind(post.author_id)
        .bind(post.now.timestamp())
        .bind(post.search_text())
        .bind(post.required_course)
        .bind(id)
        .bind(expected_version)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(version) = version else {
            let exists: bool =
                sqlx::query_scalar("select exists(select 1 from post where post_id = ?)")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
            return Err(if exists {
                StoreError::Conflict
            } else {
                StoreError::NotFound
            });
        };
        replace_children(&mut tx, id, post).await?;
        audit(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(version)
    }

    async fn change_post_status(&self, c: &StatusChange, entry: &AuditEntry) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "update post set status = ?, last_comment = coalesce(?, last_comment),
                    publish_at = coalesce(publish_at, ?), version = version + 1, updated_at = ?
             where post_id = ? and status = ?",
        )
        .bind(c.to.as_str())
        .bind(&c.comment)
        .bind(c.publish_if_unset.map(|t| t.timestamp()))
        .bind(c.now.timestamp())
        .bind(c.post_id)
        .bind(c.from.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict);
        }
        if c.to == PostStatus::Approved {
            // An ambassador's suggestion scores once, when first approved.
            let first: Option<PersonId> = sqlx::query_scalar(
                "select suggested_by from post p where post_id = ? and suggested_by is not null
                 and not exists (select 1 from audit_event a where a.action = 'post.approved'
                     and a.subject_type = 'post' and a.subject_id = p.post_id)",
            )
            .bind(c.post_id)
            .fetch_optional(&mut *tx)
            .await?
            .flatten();
            if let Some(person) = first {
                let delta = crate::server::db::CounterDelta {
                    suggestions_approved: 1,
                    ..Default::default()
                };
                // The day of the approval's audit record, which a rebuild counts from.
                let day = crate::server::sharing::clicks::day_number(entry.at);
                super::boards::add_counters(&mut tx, person, day, &delta).await?;
            }
        }
        audit(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn post(&self, id: PostId) -> StoreResult<Option<PostRecord>> {
        let row: Option<PostDbRow> = sqlx::query_as(&format!("{POST_SELECT} where p.post_id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(mut record) = row.map(PostDbRow::into_record).transpose()? else {
            return Ok(None);
        };
        let captions: Vec<CaptionDbRow> =
            sqlx::query_as("select network, text from caption where post_id = ? order by position")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        record.captions = captions
            .into_iter()
            .map(CaptionDbRow::into_caption)
            .collect::<StoreResult<_>>()?;
        Ok(Some(record))
    }

    async fn list_posts(&self) -> StoreResult<Vec<PostRecord>> {
        let rows: Vec<PostDbRow> = sqlx::query_as(&format!(
            "{POST_SELECT} order by p.updated_at desc, p.post_id desc limit 500"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows_to_records(rows)
    }

    async fn feed(
        &self,
        v: &Viewer,
        query: &FeedQuery,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<PostRecord>> {
        let q = escape_like(&fold_for_search(query.q.trim()));
        let rows: Vec<PostDbRow> = sqlx::query_as(&format!(
            "{POST_SELECT} where {VISIBLE}
               and (?5 is null or exists (select 1 from post_topic pt join topic t on t.topic_id = pt.topic_id
                                          where pt.post_id = p.post_id and t.name = ?5))
               and (?6 = '' or p.search_text like '%' || ?6 || '%' escape '\\')
             order by p.important desc, p.publish_at desc, p.post_id desc
             limit 200"
        ))
        .bind(now.timestamp())
        .bind(v.team_id)
        .bind(v.location_id)
        .bind(v.lang.code())
        .bind(query.topic.as_deref())
        .bind(&q)
        .fetch_all(&self.pool)
        .await?;
        rows_to_records(rows)
    }

    async fn feed_topics(&self, v: &Viewer, now: DateTime<Utc>) -> StoreResult<Vec<String>> {
        Ok(sqlx::query_scalar(&format!(
            "select distinct t.name from topic t
               join post_topic pt on pt.topic_id = t.topic_id
               join post p on p.post_id = pt.post_id
             where {VISIBLE}
             order by t.name collate nocase"
        ))
        .bind(now.timestamp())
        .bind(v.team_id)
        .bind(v.location_id)
        .bind(v.lang.code())
        .fetch_all(&self.pool)
        .await?)
    }

    async fn visible_to(&self, id: PostId, v: &Viewer, now: DateTime<Utc>) -> StoreResult<bool> {
        Ok(sqlx::query_scalar(&format!(
            "select exists(select 1 from post p where p.post_id = ?5 and {VISIBLE})"
        ))
        .bind(now.timestamp())
        .bind(v.team_id)
        .bind(v.location_id)
        .bind(v.lang.code())
        .bind(id)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn supply_counts(&self, now: DateTime<Utc>) -> StoreResult<(i64, i64)> {
        let live: i64 = sqlx::query_scalar(
            "select count(*) from post where status = 'approved' and publish_at > ? and publish_at <= ?",
        )
        .bind((now - Duration::days(7)).timestamp())
        .bind(now.timestamp())
        .fetch_one(&self.pool)
        .await?;
        let ambassadors: i64 = sqlx::query_scalar(
            "select count(*) from person p join person_role r on r.person_id = p.person_id
             where r.role = 'ambassador' and p.status = 'active'",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok((live, ambassadors))
    }

    async fn save_image(&self, image: &NewImage) -> StoreResult<ImageId> {
        Ok(sqlx::query_scalar(
            "insert into image (content_type, bytes, byte_size, sha256, uploaded_by, created_at)
             values (?, ?, ?, ?, ?, ?) returning image_id",
        )
        .bind(&image.content_type)
        .bind(&image.bytes)
        .bind(image.bytes.len() as i64)
        .bind(&image.sha256)
        .bind(image.uploaded_by)
        .bind(image.now.timestamp())
        .fetch_one(&self.pool)
        .await?)
    }

    async fn image(&self, id: ImageId) -> StoreResult<Option<(String, Vec<u8>)>> {
        Ok(
            sqlx::query_as("select content_type, bytes from image where image_id = ?")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }
}
