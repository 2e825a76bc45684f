//! `portavoz bench-boards`: generates an organization of the given size in
//! an empty database, then measures the leaderboard queries on the kept
//! counters (boards, my rank, the analytics page) against the naive GROUP
//! BY over raw events, checks that both
//! agree, and reports the database size per click. A benchmark, not a test:
//! it prints numbers and fails only if the counters disagree.

use super::db::{self, Db, LoadSpec, COMPANY_SCOPE};
use super::services;
use crate::model::analytics::AnalyticsScope;
use crate::model::leaderboard::{day_number, period_key, BoardScope, Period, PeriodKey};
use crate::model::{CurrentUser, Lang, Role};
use anyhow::{bail, Context};
use chrono::{Datelike, Utc};
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::future::Future;
use std::time::{Duration, Instant};

pub struct BenchOptions {
    pub spec: LoadSpec,
    pub iterations: usize,
    pub naive_iterations: usize,
}

/// p50, p95 and max of `n` runs of `f`, in milliseconds.
async fn measure<F, Fut, T>(n: usize, mut f: F) -> anyhow::Result<(f64, f64, f64)>
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = anyhow::Result<T>>,
{
    let mut times: Vec<Duration> = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        f(i).await?;
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at =
        |q: f64| ms(times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1]);
    Ok((
        at(0.5),
        at(0.95),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
    ))
}

fn row(name: &str, fast: (f64, f64, f64), naive: (f64, f64, f64)) {
    println!(
        "{name:<28} {:>8.2} {:>8.2} {:>8.2}   {:>10.1} {:>10.1}   {:>8.0}x",
        fast.0,
        fast.1,
        fast.2,
        naive.0,
        naive.1,
        naive.0 / fast.1.max(0.001)
    );
}

pub async fn run(database_url: &str, o: BenchOptions) -> anyhow::Result<()> {
    let store: Db = db::connect(database_url, 4).await?;
    if store.count_people().await? > 0 {
        bail!("bench-boards fills a database of its own: point DATABASE_URL at an empty one");
    }
    let s = o.spec;
    println!(
        "== generating {} people in {} teams, {} posts, {} tracked links, {} clicks over {} days ({:?})",
        s.people, s.teams, s.posts, s.links, s.clicks, s.days, store.backend()
    );
    let now = Utc::now();
    let t = Instant::now();
    store.fill_load(&s, now).await.context("generating")?;
    println!("raw events written in {:.1} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    store.rebuild_counters().await?;
    println!(
        "counters built from them in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let (stored, recomputed) = store.counters_check().await?;
    let agree = stored == recomputed;
    println!(
        "counters vs a recount of the raw events: {} ({} person-days, {:.1} s)",
        if agree { "identical" } else { "DIFFERENT" },
        stored.len(),
        t.elapsed().as_secs_f64()
    );
    if !agree {
        bail!("the counters disagree with the raw events");
    }
    let bytes = store.database_bytes().await?;
    println!(
        "database: {:.1} MiB, {:.0} bytes per click (everything included)",
        bytes as f64 / 1_048_576.0,
        bytes as f64 / s.clicks.max(1) as f64
    );

    // After the size: the product keeps no such index, the naive way would.
    let t = Instant::now();
    store.index_clicks_for_naive().await?;
    println!(
        "raw clicks indexed by link for the naive queries in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let month = period_key(Period::Month, now).context("month")?;
    let all = period_key(Period::AllTime, now).context("all time")?;
    let month_start = now
        .date_naive()
        .with_day(1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc());
    let mut rng = StdRng::seed_from_u64(7);
    let people: Vec<i64> = (0..o.iterations)
        .map(|_| rng.gen_range(1..=s.people))
        .collect();
    let teams: Vec<i64> = (0..o.iterations)
        .map(|_| rng.gen_range(1..=s.teams))
        .collect();

    // The same answers both ways, before timing anything.
    let fast_top = store.board_top(month, BoardScope::Company, 100).await?;
    let naive_top = store.naive_top(month_start, None, 100).await?;
    let fast: Vec<(i64, i64)> = fast_top.iter().map(|r| (r.person_id, r.points)).collect();
    if fast != naive_top {
        bail!("the month's top 100 differs between counters and raw events");
    }
    println!("top 100 of the month: identical from counters and from raw events");
    let month_from = month_start.context("month start")?;
    let (from_day, to_day) = (
        day_number(month_from.date_naive()),
        day_number(now.date_naive()),
    );
    let kept: Vec<(i32, String, i64, i64, i64)> = store
        .analytics_days(&[COMPANY_SCOPE], from_day, to_day)
        .await?
        .into_iter()
        .filter(|r| !r.channel.is_empty())
        .map(|r| (r.day, r.channel, r.shares, r.human_clicks, r.bot_hits))
        .collect();
    if kept != store.naive_days(month_from, None).await? {
        bail!("the month's analytics differ between counters and raw events");
    }
    println!(
        "analytics of the month per day and network: identical from counters and from raw events"
    );
    let scopes = [COMPANY_SCOPE];
    let from_totals = store
        .analytics_posts(&scopes, Some(month), from_day, to_day, 100)
        .await?;
    if from_totals
        != store
            .analytics_posts(&scopes, None, from_day, to_day, 100)
            .await?
    {
        bail!("the month's top posts differ between the running totals and the days");
    }
    println!("top 100 posts of the month: identical from the running totals and from the days");

    println!(
        "\n{:<28} {:>8} {:>8} {:>8}   {:>10} {:>10}   {:>9}",
        "query (ms)", "p50", "p95", "max", "naive p50", "naive p95", "speed-up"
    );
    let n = o.iterations;
    let k = o.naive_iterations;
    // The month's naive top 100 is also what the board pages are set against.
    let mut company_top = (0.0, 0.0, 0.0);
    for (name, key, from) in [
        ("top 100, this month", month, month_start),
        ("top 100, all time", all, None),
    ] {
        let fast = measure(n, |_| async {
            Ok(store.board_top(key, BoardScope::Company, 100).await?)
        })
        .await?;
        let naive = measure(k, |_| async { Ok(store.naive_top(from, None, 100).await?) }).await?;
        row(name, fast, naive);
        if key == month {
            company_top = naive;
        }
    }
    let fast = measure(n, |i| {
        let store = &store;
        let team = teams[i];
        async move { Ok(store.board_top(month, BoardScope::Team(team), 100).await?) }
    })
    .await?;
    let naive = measure(k, |i| {
        let store = &store;
        let team = teams[i];
        async move { Ok(store.naive_top(month_start, Some(team), 100).await?) }
    })
    .await?;
    row("team board, this month", fast, naive);
    let fast = measure(n, |i| {
        let store = &store;
        let person = people[i];
        async move { my_rank(store, month, person).await }
    })
    .await?;
    let naive = measure(k, |i| {
        let store = &store;
        let person = people[i];
        async move {
            let mine = store.score_of(month, person).await?.map_or(0, |r| r.points);
            Ok(store.naive_above(month_start, mine).await?)
        }
    })
    .await?;
    row("my rank, this month", fast, naive);
    // The whole board page, as the service serves it: the viewer's standing,
    // the picker and the board, for a different admin each run.
    for (name, scope) in [("board page, company", false), ("board page, a team", true)] {
        let fast = measure(n, |i| {
            let store = &store;
            let viewer = admin(people[i]);
            let scope = if scope {
                BoardScope::Team(teams[i])
            } else {
                BoardScope::Company
            };
            async move {
                services::boards::board(store, &viewer, Some(scope), Period::Month)
                    .await
                    .map_err(|e| anyhow::anyhow!("board page: {e:?}"))
            }
        })
        .await?;
        row(name, fast, company_top);
    }
    let company = vec![None; n];
    let one_team: Vec<Option<i64>> = teams.iter().copied().map(Some).collect();
    let page = PageRange {
        month,
        from: from_day,
        to: to_day,
    };
    for (name, scope) in [("company", &company), ("team", &one_team)] {
        analytics_rows(&store, name, scope, &people, page, month_from, k).await?;
    }
    Ok(())
}

/// The month the analytics page is measured over.
#[derive(Clone, Copy)]
struct PageRange {
    month: PeriodKey,
    from: i32,
    to: i32,
}

/// The analytics page for one scope (`scope[i]` in run i: the company, or
/// a team per run, seen by admin `viewers[i]`), as the service serves it,
/// then each of its queries on its own, all against the naive query per day
/// and network over the same scope's raw clicks.
async fn analytics_rows(
    store: &Db,
    name: &str,
    scope: &[Option<i64>],
    viewers: &[i64],
    p: PageRange,
    month_from: chrono::DateTime<Utc>,
    naive_runs: usize,
) -> anyhow::Result<()> {
    let n = scope.len();
    let scopes = |i: usize| [scope[i].unwrap_or(COMPANY_SCOPE)];
    let teams = |i: usize| scope[i].map(|t| vec![t]);
    let fast = measure(n, |i| analytics_page(store, viewers[i], scope[i])).await?;
    let naive = measure(naive_runs.min(n), |i| async move {
        Ok(store.naive_days(month_from, scope[i]).await?)
    })
    .await?;
    row(&format!("analytics, {name}, month"), fast, naive);
    let fast = measure(n, |i| async move {
        Ok(store.analytics_days(&scopes(i), p.from, p.to).await?)
    })
    .await?;
    row("  per day and network", fast, naive);
    for (label, key) in [
        ("  top posts", Some(p.month)),
        ("  top posts, from the days", None),
    ] {
        let fast = measure(n, |i| async move {
            Ok(store
                .analytics_posts(&scopes(i), key, p.from, p.to, 10)
                .await?)
        })
        .await?;
        row(label, fast, naive);
    }
    for (label, key) in [
        ("  top topics", Some(p.month)),
        ("  top topics, from the days", None),
    ] {
        let fast = measure(n, |i| async move {
            Ok(store
                .analytics_topics(&scopes(i), key, p.from, p.to, 10)
                .await?)
        })
        .await?;
        row(label, fast, naive);
    }
    let fast = measure(n, |i| async move {
        Ok(store
            .participation(teams(i).as_deref(), Some(p.month), p.from, p.to)
            .await?)
    })
    .await?;
    row("  participation", fast, naive);
    Ok(())
}

/// An admin of the company, as the pages see one.
fn admin(id: i64) -> CurrentUser {
    CurrentUser {
        id,
        name: String::new(),
        email: String::new(),
        roles: [Role::Admin].into_iter().collect(),
        lang: Lang::Es,
        team_id: None,
        team_name: None,
        location_id: None,
    }
}

/// The analytics page of the month, as the service serves it.
async fn analytics_page(store: &Db, viewer: i64, team: Option<i64>) -> anyhow::Result<()> {
    let scope = team.map_or(AnalyticsScope::Company, AnalyticsScope::Team);
    services::analytics::analytics(store, &admin(viewer), Some(scope), Period::Month)
        .await
        .map_err(|e| anyhow::anyhow!("analytics page: {e:?}"))?;
    Ok(())
}

/// What the board page asks for the viewer: their total, then how many are above.
async fn my_rank(store: &Db, key: PeriodKey, person: i64) -> anyhow::Result<(i64, i64)> {
    let points = store.score_of(key, person).await?.map_or(0, |r| r.points);
    Ok(store.board_rank(key, BoardScope::Company, points).await?)
}
