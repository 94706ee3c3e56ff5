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

/// The instant before which rows expire, as text PostgreSQL reads. A cut
/// before year 1 keeps everything (`-infinity`), one after 9999
/// expires everything (`infinity`): no arithmetic here can overflow.
fn cut_of(now: NaiveDateTime, keep: Keep) -> String {
    use chrono::Datelike;
    let Keep::Days(days) = keep else {
        return "-infinity".into();
    };
    let cut =
        chrono::TimeDelta::try_days(days.into()).and_then(|days| now.checked_sub_signed(days));
    match cut {
        Some(cut) if (1..=9999).contains(&cut.year()) => {
            cut.format("%Y-%m-%d %H:%M:%S%.6f").to_string()
        }
        Some(cut) if cut.year() > 9999 => "infinity".into(),
        _ => "-infinity".into(),
    }
}

/// The root's cuts, with the overrides that apply to it.
pub(super) fn cuts(
    conn: &mut PgConnection,
    root: &Root,
    roots: &[&str],
    now: NaiveDateTime,
    overrides: &mut Overrides,
) -> Result<sql::Cuts, PurgeError> {
    let default = cut_of(now, Keep::Days(root.days));
    let mut per_tenant: BTreeMap<Uuid, Keep> = BTreeMap::new();
    match overrides {
        Overrides::None => {}
        Overrides::Table(name) => {
            for (tenant, keep) in table_overrides(conn, name, roots, &root.table.name)? {
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

/// The workspaces' retention of `root` from an overrides table. Every row
/// must name a root table or `*` (a typo would otherwise keep nothing
/// it was meant to keep); a row naming the table beats a `*` row, and of
/// two rows alike the longer retention wins.
fn table_overrides(
    conn: &mut PgConnection,
    name: &str,
    roots: &[&str],
    root: &str,
) -> Result<BTreeMap<Uuid, Keep>, PurgeError> {
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
        "SELECT tenant_id::text AS tenant, table_name::text AS table_name, days::bigint AS days FROM {}",
        crate::quote::ident(name)
    );
    let rows: Vec<Row> = diesel::sql_query(query)
        .load(conn)
        .map_err(|error| overrides_error(name, error))?;
    // (specific to the table, retention) per workspace; larger wins.
    let mut chosen: BTreeMap<Uuid, (bool, Keep)> = BTreeMap::new();
    for row in rows {
        let specific = row.table_name == root;
        if row.table_name != "*" && !roots.contains(&row.table_name.as_str()) {
            return Err(PurgeError::Overrides(format!(
                "`{name}` names `{}`, which is not a table that expires; name one of {} or `*`",
                row.table_name,
                roots.join(", ")
            )));
        }
        let tenant: Uuid = row.tenant.parse().map_err(|_| {
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
        if !specific && row.table_name != "*" {
            continue;
        }
        let longer = |a: Keep, b: Keep| match (a, b) {
            (Keep::Forever, _) | (_, Keep::Forever) => Keep::Forever,
            (Keep::Days(a), Keep::Days(b)) => Keep::Days(a.max(b)),
        };
        let entry = chosen.entry(tenant).or_insert((specific, keep));
        if specific && !entry.0 {
            *entry = (true, keep);
        } else if specific == entry.0 {
            entry.1 = longer(entry.1, keep);
        }
    }
    Ok(chosen
        .into_iter()
        .map(|(tenant, (_, keep))| (tenant, keep))
        .collect())
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
    in_transaction(conn, &begin(options), |conn| {
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
    })
}

/// Runs `work` in a transaction opened by `begin`: committed when it
/// returns `Ok`, rolled back otherwise (a failed `COMMIT` is an error too,
/// never `Ok`).
pub(super) fn in_transaction<T>(
    conn: &mut PgConnection,
    begin: &str,
    work: impl FnOnce(&mut PgConnection) -> Result<T, PurgeError>,
) -> Result<T, PurgeError> {
    conn.batch_execute(begin)?;
    match work(conn) {
        Ok(value) => {
            conn.batch_execute("COMMIT")?;
            Ok(value)
        }
        Err(error) => {
            let _ = conn.batch_execute("ROLLBACK");
            Err(error)
        }
    }
}

/// A batch's `BEGIN` with its lock timeout, in whole milliseconds rounded
/// up: PostgreSQL reads 0 as "wait for ever".
pub(super) fn begin(options: &PurgeOptions) -> String {
    let millis = options.lock_timeout.as_micros().div_ceil(1000).max(1);
    format!("BEGIN; SET LOCAL lock_timeout = '{millis}ms'")
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
            // Read back as a restore would: a row PostgreSQL would refuse
            // then (a `\u0000` in a json column) stops the batch now.
            diesel::sql_query(sql::restorable(table))
                .bind::<Text, _>(format!("[{}]", rows.join(",")))
                .execute(conn)
                .map_err(|error| PurgeError::Unarchivable {
                    table: table.to_owned(),
                    reason: error.to_string(),
                })?;
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
