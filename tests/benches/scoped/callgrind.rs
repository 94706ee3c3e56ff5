//! `--callgrind-op=OP --url=URL --ops=N`: N finds of one message by id
//! (or N inserts of a message, rolled back), and nothing else worth counting, for `valgrind --tool=callgrind`
//! (`tests/benches/callgrind.sh` runs two op counts per variant and takes
//! the difference, so connecting and the first, preparing, call cancel
//! out).

use std::hint::black_box;

use diesel::sql_types::Uuid as SqlUuid;
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use dify_models::app::App;
use dify_models::conversation::{Conversation, Message};
use dify_schema::{with_tenant, Error, Row};
use uuid::Uuid;

use super::{forms, hand};

pub const OPS: &[&str] = &[
    "scoped",
    "scoped-per-op",
    "diesel",
    "postgres",
    "scoped-insert",
    "diesel-insert",
    "postgres-insert",
];

/// The query text of inserted messages; the inserts are rolled back.
const QUERY: &str = "callgrind: rolled back";

#[derive(QueryableByName)]
struct Target {
    #[diesel(sql_type = SqlUuid)]
    tenant: Uuid,
    #[diesel(sql_type = SqlUuid)]
    owner: Uuid,
    #[diesel(sql_type = SqlUuid)]
    message: Uuid,
    #[diesel(sql_type = SqlUuid)]
    app: Uuid,
    #[diesel(sql_type = SqlUuid)]
    conversation: Uuid,
}

pub fn run(op: &str, url: &str, ops: usize) -> Result<(), String> {
    let mut conn = PgConnection::establish(url).map_err(|e| format!("{url}: {e}"))?;
    let target: Target = diesel::sql_query(
        "SELECT a.tenant_id AS tenant, j.account_id AS owner, m.id AS message, \
                m.app_id AS app, m.conversation_id AS conversation \
         FROM messages m JOIN apps a ON a.id = m.app_id \
         JOIN tenant_account_joins j ON j.tenant_id = a.tenant_id AND j.role = 'owner' \
         ORDER BY m.id LIMIT 1",
    )
    .get_result(&mut conn)
    .map_err(|e| e.to_string())?;
    let (tenant, owner, id) = (target.tenant, target.owner, target.message);
    let (app, conversation) = (target.app, target.conversation);
    // Inserts run in one transaction that is rolled back.
    let rolled_back = || Error::Forbidden {
        need: "nothing: roll back",
        role: dify_schema::Role::Owner,
    };
    match op {
        "scoped" => {
            with_tenant(&mut conn, tenant, owner, |scope| -> Result<(), Error> {
                for _ in 0..ops {
                    black_box(scope.lookup::<Message>(id)?.expect("message"));
                }
                Ok(())
            })
            .map_err(|e| e.to_string())?;
        }
        "scoped-per-op" => {
            for _ in 0..ops {
                let row = with_tenant(&mut conn, tenant, owner, |scope| -> Result<_, Error> {
                    Ok(scope.lookup::<Message>(id)?.map(Row::into_inner))
                })
                .map_err(|e| e.to_string())?;
                black_box(row.expect("message"));
            }
        }
        "diesel" => {
            conn.transaction(|c| -> diesel::QueryResult<()> {
                for _ in 0..ops {
                    black_box(hand::diesel_find_message(c, tenant, id)?.expect("message"));
                }
                Ok(())
            })
            .map_err(|e| e.to_string())?;
        }
        "postgres" => {
            let mut client = super::data::connect_client(url);
            let prepared = hand::Prepared::new(&mut client).map_err(|e| e.to_string())?;
            let mut tx = client.transaction().map_err(|e| e.to_string())?;
            for _ in 0..ops {
                let row = hand::pg_find_message(&mut tx, &prepared, tenant, id);
                black_box(row.map_err(|e| e.to_string())?.expect("message"));
            }
            tx.commit().map_err(|e| e.to_string())?;
        }
        "scoped-insert" => {
            let _ = with_tenant(&mut conn, tenant, owner, |scope| -> Result<(), Error> {
                let app = scope.lookup::<App>(app)?.expect("app");
                let conversation = scope
                    .lookup::<Conversation>(conversation)?
                    .expect("conversation");
                for _ in 0..ops {
                    let new = forms::new_message(app.id(), conversation.id(), QUERY);
                    black_box(scope.insert::<Message>(new)?);
                }
                Err(rolled_back())
            });
        }
        "diesel-insert" => {
            let _ = conn.transaction(|c| -> diesel::QueryResult<()> {
                for _ in 0..ops {
                    let new = hand::NewMessageRow::sample(app, conversation, QUERY);
                    black_box(hand::diesel_insert_message(c, &new)?);
                }
                Err(diesel::result::Error::RollbackTransaction)
            });
        }
        "postgres-insert" => {
            let mut client = super::data::connect_client(url);
            let prepared = hand::Prepared::new(&mut client).map_err(|e| e.to_string())?;
            let mut tx = client.transaction().map_err(|e| e.to_string())?;
            for _ in 0..ops {
                let row = hand::pg_insert_message(
                    &mut tx,
                    &prepared.insert_message,
                    app,
                    conversation,
                    QUERY,
                );
                black_box(row.map_err(|e| e.to_string())?);
            }
            tx.rollback().map_err(|e| e.to_string())?;
        }
        other => {
            return Err(format!(
                "--callgrind-op={other}: expected one of {}",
                OPS.join(", ")
            ))
        }
    }
    Ok(())
}
