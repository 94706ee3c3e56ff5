//! One batch of a purge, and the statements it runs: the cuts a root's
//! rows expire by, the root's next rows, their children deepest first,
//! each delete (returning the rows when they are archived).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::pg::Pg;
use diesel::sql_types::{Array, BigInt, Nullable, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use uuid::Uuid;

use super::archive::Writer;
use super::error::PurgeError;
use super::options::{Keep, Overrides, PurgeOptions, Throttle};
use super::plan::{Child, Root};
use super::sql;

pub(super) fn now(
    conn: &mut PgConnection,
    given: Option<NaiveDateTime>,
) -> Result<NaiveDateTime, PurgeError> {
    #[derive(QueryableByName)]
    struct Now {
        #[diesel(sql_type = diesel::sql_types::Timestamp)]
        now: NaiveDateTime,
    }
    match given {
        Some(now) => Ok(now),
        None => Ok(
            diesel::sql_query("SELECT (now() AT TIME ZONE 'UTC')::timestamp AS now")
                .get_result::<Now>(conn)?
                .now,
        ),
    }
}

fn cut_of(now: NaiveDateTime, keep: Keep) -> String {
    match keep {
        Keep::Forever => "-infinity".into(),
        Keep::Days(days) => (now - chrono::Duration::days(days.into()))
            .format("%Y-%m-%d %H:%M:%S%.6f")
            .to_string(),
    }
}

/// The root's cuts, with the overrides that apply to it.
pub(super) fn cuts(
    conn: &mut PgConnection,
    root: &Root,
    now: NaiveDateTime,
    overrides: &mut Overrides,
) -> Result<sql::Cuts, PurgeError> {
    let default = cut_of(now, Keep::Days(root.days));
    let mut per_tenant: BTreeMap<Uuid, Keep> = BTreeMap::new();
    match overrides {
        Overrides::None => {}
        Overrides::Table(name) => {
            #[derive(QueryableByName)]
            struct Row {
                #[diesel(sql_type = Text)]
                tenant: String,
                #[diesel(sql_type = Text)]
                table_name: String,
                #[diesel(sql_type = Nullable<BigInt>)]
                days: Option<i64>,
            }
            let query = format!(
                "SELECT tenant_id::text AS tenant, table_name::text AS table_name, days::bigint AS days FROM {} WHERE table_name IN ('*', $1) ORDER BY (table_name = '*') DESC",
                crate::quote::ident(name)
            );
            let rows: Vec<Row> = diesel::sql_query(query)
                .bind::<Text, _>(root.table.name.as_ref())
                .load(conn)
                .map_err(|error| overrides_error(name, error))?;
            // `*` first, so a table's own row wins.
            for row in rows {
                let tenant = row.tenant.parse().map_err(|_| {
                    PurgeError::Overrides(format!("`{}` is not a workspace id", row.tenant))
                })?;
                let keep = match row.days {
                    None => Keep::Forever,
                    Some(days) => Keep::Days(u32::try_from(days).map_err(|_| {
                        PurgeError::Overrides(format!(
                            "workspace {tenant}, `{}`: {days} is not a number of days",
                            row.table_name
                        ))
                    })?),
                };
                per_tenant.insert(tenant, keep);
            }
        }
        Overrides::Callback(callback) => {
            #[derive(QueryableByName)]
            struct Tenant {
                #[diesel(sql_type = diesel::sql_types::Uuid)]
                id: Uuid,
            }
            let tenants: Vec<Tenant> =
                diesel::sql_query("SELECT id FROM tenants ORDER BY id").load(conn)?;
            for tenant in tenants {
                if let Some(keep) = callback(tenant.id, &root.table.name) {
                    per_tenant.insert(tenant.id, keep);
                }
            }
        }
    }
    let overrides: Vec<(String, String)> = per_tenant
        .into_iter()
        .map(|(tenant, keep)| (tenant.to_string(), cut_of(now, keep)))
        .collect();
    // Timestamps in this one format (and `-infinity`) order as text.
    let latest = overrides
        .iter()
        .map(|(_, cut)| cut.clone())
        .filter(|cut| cut != "-infinity")
        .chain([default.clone()])
        .max()
        .expect("the default is there");
    Ok(sql::Cuts {
        default,
        latest,
        overrides,
    })
}

fn overrides_error(table: &str, error: diesel::result::Error) -> PurgeError {
    PurgeError::Overrides(format!(
        "reading `{table}` (columns tenant_id, table_name, days): {error}"
    ))
}

/// One deleted batch: rows per table and the cursor after it.
pub(super) struct Batch {
    pub(super) deleted: Vec<(String, u64)>,
    pub(super) last: (String, String),
}

/// Deletes the next batch of `root`, or `None` when nothing has expired.
pub(super) fn batch(
    conn: &mut PgConnection,
    root: &Root,
    cuts: &sql::Cuts,
    cursor: Option<&(String, String)>,
    options: &PurgeOptions,
    archive: Option<&mut Writer>,
) -> Result<Option<Batch>, PurgeError> {
    #[derive(QueryableByName)]
    struct Expired {
        #[diesel(sql_type = Text)]
        id: String,
        #[diesel(sql_type = Text)]
        at: String,
        #[diesel(sql_type = Text)]
        day: String,
    }
    conn.batch_execute(&format!(
        "BEGIN; SET LOCAL lock_timeout = '{}ms'",
        options.lock_timeout.as_millis()
    ))?;
    let result = (|| {
        let statement = sql::root_batch(
            root,
            cuts,
            cursor.map(|(at, id)| (at.as_str(), id.as_str())),
            options.batch_size,
        );
        let mut rows = load::<Expired>(conn, &statement)?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        // One day per batch, so an archive file holds one day.
        let day = first.day.clone();
        rows.retain(|row| row.day == day);
        let last = rows
            .last()
            .map(|row| (row.at.clone(), row.id.clone()))
            .expect("one row");
        let keys: Vec<String> = rows.into_iter().map(|row| row.id).collect();
        let mut deleted = Vec::new();
        let mut archived = Vec::new();
        let keep = archive.is_some();
        delete_children(
            conn,
            &root.children,
            &root.key.sql_type,
            &keys,
            keep,
            &mut deleted,
            &mut archived,
        )?;
        let statement = sql::delete(
            &root.table.name,
            root.key.name,
            &root.key.sql_type,
            keys,
            keep,
        );
        let n = run_delete(conn, &statement, keep, &root.table.name, &mut archived)?;
        deleted.push((root.table.name.to_string(), n));
        if let Some(archive) = archive {
            // On disk (synced, in the manifest) before the delete commits.
            archive.write_batch(&day, archived)?;
        }
        Ok(Some(Batch { deleted, last }))
    })();
    match result {
        Ok(batch) => {
            conn.batch_execute("COMMIT")?;
            Ok(batch)
        }
        Err(error) => {
            let _ = conn.batch_execute("ROLLBACK");
            Err(error)
        }
    }
}

/// Deletes, deepest first, the rows of `children` whose parents are `keys`.
pub(super) fn delete_children(
    conn: &mut PgConnection,
    children: &[Child],
    parent_type: &str,
    keys: &[String],
    archive: bool,
    deleted: &mut Vec<(String, u64)>,
    archived: &mut Vec<(String, Vec<String>)>,
) -> Result<(), PurgeError> {
    #[derive(QueryableByName)]
    struct Key {
        #[diesel(sql_type = Text)]
        id: String,
    }
    for child in children {
        if !child.children.is_empty() {
            let statement = sql::child_keys(child, parent_type, keys.to_vec());
            let own: Vec<String> = load::<Key>(conn, &statement)?
                .into_iter()
                .map(|k| k.id)
                .collect();
            if !own.is_empty() {
                delete_children(
                    conn,
                    &child.children,
                    &child.key.sql_type,
                    &own,
                    archive,
                    deleted,
                    archived,
                )?;
            }
        }
        let statement = sql::delete(
            &child.table.name,
            child.column,
            parent_type,
            keys.to_vec(),
            archive,
        );
        let n = run_delete(conn, &statement, archive, &child.table.name, archived)?;
        deleted.push((child.table.name.to_string(), n));
    }
    Ok(())
}

fn run_delete(
    conn: &mut PgConnection,
    statement: &sql::Statement,
    archive: bool,
    table: &str,
    archived: &mut Vec<(String, Vec<String>)>,
) -> Result<u64, PurgeError> {
    #[derive(QueryableByName)]
    struct Json {
        #[diesel(sql_type = Text)]
        row: String,
    }
    if archive {
        let rows: Vec<String> = load::<Json>(conn, statement)?
            .into_iter()
            .map(|r| r.row)
            .collect();
        let n = rows.len() as u64;
        if n > 0 {
            archived.push((table.to_owned(), rows));
        }
        Ok(n)
    } else {
        Ok(boxed(statement).execute(conn)? as u64)
    }
}

fn boxed(
    statement: &sql::Statement,
) -> diesel::query_builder::BoxedSqlQuery<'static, Pg, diesel::query_builder::SqlQuery> {
    let mut query = diesel::sql_query(statement.sql.clone()).into_boxed::<Pg>();
    for bind in &statement.binds {
        query = match bind {
            sql::Bind::Text(text) => query.bind::<Text, _>(text.clone()),
            sql::Bind::TextArray(items) => query.bind::<Array<Text>, _>(items.clone()),
            sql::Bind::Int(n) => query.bind::<BigInt, _>(*n),
        };
    }
    query
}

pub(super) fn load<T: QueryableByName<Pg> + 'static>(
    conn: &mut PgConnection,
    statement: &sql::Statement,
) -> Result<Vec<T>, PurgeError> {
    Ok(boxed(statement).load(conn)?)
}

pub(super) fn is_lock_timeout(error: &diesel::result::Error) -> bool {
    // 55P03 lock_not_available: Diesel has no kind for it; PostgreSQL's
    // message is stable.
    matches!(error, diesel::result::Error::DatabaseError(_, info)
        if info.message().contains("lock timeout"))
}

pub(super) fn throttle(throttle: Throttle, rows: u64, started: Instant) {
    match throttle {
        Throttle::None => {}
        Throttle::Pause(pause) => std::thread::sleep(pause),
        Throttle::RowsPerSecond(rate) => {
            let due = Duration::from_secs_f64(rows as f64 / f64::from(rate.max(1)));
            if let Some(wait) = due.checked_sub(started.elapsed()) {
                std::thread::sleep(wait);
            }
        }
    }
}
