use super::{audit, PgStore};
use crate::model::{FeedQuery, ImageId, PersonId, PostId, PostStatus};
use crate::server::db::rows::{CaptionDbRow, PostDbRow};
use crate::server::db::{
    escape_like, fold_for_search, AuditEntry, NewImage, PostRecord, PostStore, PostWrite,
    StatusChange, StoreError, StoreResult, Viewer,
};
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use sqlx::PgConnection;

const POST_SELECT: &str = "
    select p.post_id, p.title, p.body, p.link_url, p.image_id, p.status, p.important,
           p.captions_editable, p.disclosure, p.publish_at, p.expire_at, p.required_course,
           p.author_id, a.name as author_name, a.team_id as author_team_id,
           p.suggested_by, s.name as suggested_by_name, p.suggestion_note, p.last_comment,
           p.version, p.updated_at,
           (select string_agg(t.name, E'\\n') from post_topic pt join topic t on t.topic_id = pt.topic_id
             where pt.post_id = p.post_id) as topics,
           (select string_agg(x.team_id::text, ',') from post_team x where x.post_id = p.post_id) as teams,
           (select string_agg(x.location_id::text, ',') from post_location x where x.post_id = p.post_id) as locations,
           (select string_agg(x.lang, ',') from post_lang x where x.post_id = p.post_id) as langs
    from post p
    left join person a on a.person_id = p.author_id
    left join person s on s.person_id = p.suggested_by";

/// Live and targeted at the viewer. Parameters: $1 now, $2 team, $3 location, $4 language.
const VISIBLE: &str = "
    p.status = 'approved' and p.publish_at <= $1 and (p.expire_at is null or p.expire_at > $1)
    and (p.target_all or (
        (not exists (select 1 from post_team x where x.post_id = p.post_id)
            or exists (select 1 from post_team x where x.post_id = p.post_id and x.team_id = $2::bigint))
        and (not exists (select 1 from post_location x where x.post_id = p.post_id)
            or exists (select 1 from post_location x where x.post_id = p.post_id and x.location_id = $3::bigint))
        and (not exists (select 1 from post_lang x where x.post_id = p.post_id)
            or exists (select 1 from post_lang x where x.post_id = p.post_id and x.lang = $4::text))))";

/// Topics, targets and captions: replaced as a whole on every save.
async fn replace_children(
    conn: &mut PgConnection,
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
        sqlx::query(&format!("delete from {table} where post_id = $1"))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "insert into topic (name) select unnest($1::text[]) on conflict ((lower(name))) do nothing",
    )
    .bind(&post.topics)
    .execute(&mut *conn)
    .await?;
    let lowered: Vec<String> = post.topics.iter().map(|t| t.to_lowercase()).collect();
    sqlx::query(
        "insert into post_topic (post_id, topic_id) select $1, topic_id from topic where lower(name) = any($2)
         on conflict do nothing",
    )
    .bind(id)
    .bind(&lowered)
    .execute(&mut *conn)
    .await?;
    sqlx::query("insert into post_team (post_id, team_id) select $1, unnest($2::bigint[]) on conflict do nothing")
        .bind(id)
        .bind(&post.targeting.teams)
        .execute(&mut *conn)
        .await?;
    sqlx::query("insert into post_location (post_id, location_id) select $1, unnest($2::bigint[]) on conflict do nothing")
        .bind(id)
        .bind(&post.targeting.locations)
        .execute(&mut *conn)
        .await?;
    let langs: Vec<&str> = post.targeting.langs.iter().map(|l| l.code()).collect();
    sqlx::query("insert into post_lang (post_id, lang) select $1, unnest($2::text[]) on conflict do nothing")
        .bind(id)
        .bind(&langs)
        .execute(&mut *conn)
        .await?;
    let networks: Vec<&str> = post.captions.iter().map(|c| c.network.as_str()).collect();
    let texts: Vec<&str> = post.captions.iter().map(|c| c.text.as_str()).collect();
    sqlx::query(
        "insert into caption (post_id, network, position, text)
         select $1, n, (o - 1)::int, t from unnest($2::text[], $3::text[]) with ordinality as c(n, t, o)",
    )
    .bind(id)
    .bind(&networks)
    .bind(&texts)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn rows_to_records(rows: Vec<PostDbRow>) -> StoreResult<Vec<PostRecord>> {
    rows.into_iter().map(PostDbRow::into_record).collect()
}

#[async_trait]
impl PostStore for PgStore {
    async fn create_post(&self, post: &PostWrite, entry: &AuditEntry) -> StoreResult<PostId> {
        let mut tx = self.pool.begin().await?;
        let id: PostId = sqlx::query_scalar(
            "insert into post (title, body, link_url, image_id, status, important, captions_editable, disclosure,
                               target_all, publish_at, expire_at, author_id, suggested_by, suggestion_note,
                               created_at, updated_at, search_text, required_course)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17) returning post_id",
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
        .bind(post.publish_at)
        .bind(post.expire_at)
        .bind(post.author_id)
        .bind(post.suggested_by)
        .bind(&post.suggestion_note)
        .bind(post.now)
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
        let mut tx = self.pool.begin().await?;
        let version: Option<i64> = sqlx::query_scalar(
            "update post set title = $1, body = $2, link_url = $3, image_id = $4, status = $5, important = $6,
                    captions_editable = $7, disclosure = $8, target_all = $9, publish_at = $10, expire_at = $11,
                    author_id = coalesce(author_id, $12), version = version + 1, updated_at = $13,
                    search_text = $16, required_course = $17
             where post_id = $14 and version = $15 returning version",
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
        .bind(post.publish_at)
        .bind(post.expire_at)
        .bind(post.author_id)
        .bind(post.now)
        .bind(id)
        .bind(expected_version)
        .bind(post.search_text())
        .bind(post.required_course)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(version) = version else {
            let exists: bool =
                sqlx::query_scalar("select exists(select 1 from post where post_id = $1)")
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
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "update post set status = $1, last_comment = coalesce($2, last_comment),
                    publish_at = coalesce(publish_at, $3), version = version + 1, updated_at = $4
             where post_id = $5 and status = $6",
        )
        .bind(c.to.as_str())
        .bind(&c.comment)
        .bind(c.publish_if_unset)
        .bind(c.now)
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
                "select suggested_by from post p where post_id = $1 and suggested_by is not null
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
        let row: Option<PostDbRow> = sqlx::query_as(&format!("{POST_SELECT} where p.post_id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(mut record) = row.map(PostDbRow::into_record).transpose()? else {
            return Ok(None);
        };
        let captions: Vec<CaptionDbRow> = sqlx::query_as(
            "select network, text from caption where post_id = $1 order by position",
        )
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
               and ($5::text is null or exists (select 1 from post_topic pt join topic t on t.topic_id = pt.topic_id
                                                where pt.post_id = p.post_id and lower(t.name) = lower($5)))
               and ($6 = '' or p.search_text like '%' || $6 || '%' escape '\\')
             order by p.important desc, p.publish_at desc, p.post_id desc
             limit 200"
        ))
        .bind(now)
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
            "select t.name from topic t
             where exists (select 1 from post_topic pt join post p on p.post_id = pt.post_id
                           where pt.topic_id = t.topic_id and {VISIBLE})
             order by lower(t.name)"
        ))
        .bind(now)
        .bind(v.team_id)
        .bind(v.location_id)
        .bind(v.lang.code())
        .fetch_all(&self.pool)
        .await?)
    }

    async fn visible_to(&self, id: PostId, v: &Viewer, now: DateTime<Utc>) -> StoreResult<bool> {
        Ok(sqlx::query_scalar(&format!(
            "select exists(select 1 from post p where p.post_id = $5 and {VISIBLE})"
        ))
        .bind(now)
        .bind(v.team_id)
        .bind(v.location_id)
        .bind(v.lang.code())
        .bind(id)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn supply_counts(&self, now: DateTime<Utc>) -> StoreResult<(i64, i64)> {
        let live: i64 = sqlx::query_scalar(
            "select count(*) from post where status = 'approved' and publish_at > $1 and publish_at <= $2",
        )
        .bind(now - Duration::days(7))
        .bind(now)
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
             values ($1, $2, $3, $4, $5, $6) returning image_id",
        )
        .bind(&image.content_type)
        .bind(&image.bytes)
        .bind(image.bytes.len() as i32)
        .bind(&image.sha256)
        .bind(image.uploaded_by)
        .bind(image.now)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn image(&self, id: ImageId) -> StoreResult<Option<(String, Vec<u8>)>> {
        Ok(
            sqlx::query_as("select content_type, bytes from image where image_id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }
}
