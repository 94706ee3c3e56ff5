//! A seeded random run: several threads, each on its own connection of one
//! pool, do a few thousand mixed operations through tenant scopes on two
//! look-alike workspaces (inserts, every kind of read, renames, soft and
//! hard deletes, composable queries, savepoints), as members of every role,
//! and a shared model of what each workspace owns checks every answer.
//!
//! It proves, under concurrency and for sequences no one wrote by hand,
//! that a read in one workspace never returns a row of the other; that
//! every row committed before a read began and untouched while it ran is
//! found; that a write the member's role does not allow is refused with
//! `Error::Forbidden`, and a duplicate key inside a savepoint undoes the
//! savepoint and nothing else; and that the database ends holding exactly
//! what the model says, row by row. It runs three times: on PostgreSQL
//! connected as the superuser, where the types are the only wall, and as
//! the service role, under row-level security; and on MariaDB (Dify's
//! `DB_TYPE=mysql`), where the types are the only wall there is. One body
//! (`random_ops/body.rs`) serves both backends: each module below gives it
//! the dialect, its connections and how the run's database is made.
//!
//! `DIFY_RANDOM_OPS` sets the operations per run (default 2,000, shared by
//! the threads), `DIFY_RANDOM_SEED` the seed (default fixed; printed with
//! the figures and in every failure). A seed fixes each thread's choices;
//! which rows exist when a thread chooses also depends on how the threads
//! interleave, so a replay repeats the choices, not always the schedule.

/// PostgreSQL: a database with the schema, the crate's pool.
mod postgres {
    use diesel::PgConnection;
    use dify_models::SCHEMA;
    use dify_schema::pool::{self, PoolOptions};
    use dify_tests::{TestDatabase, TestRole};

    type D = dify_schema::dialect::Postgres;
    type AdminConnection = PgConnection;
    type PooledConnection = dify_schema::pool::PooledConnection;
    type Scope<'t, C = dify_schema::scope::Member> = dify_schema::Scope<'t, C, D>;
    /// How a duplicate conversation id is named: PostgreSQL reports the
    /// constraint.
    const CONVERSATION_KEY: &str = "conversation_pkey";

    include!("random_ops/body.rs");

    #[test]
    fn random_operations_as_the_superuser() {
        run(Wall::Types);
    }

    #[test]
    fn random_operations_under_row_level_security() {
        run(Wall::RowLevelSecurity);
    }

    struct Setup {
        /// The role first, then the database: the role's objects are
        /// dropped in the database before it goes.
        guard: (Option<TestRole>, TestDatabase),
        admin: PgConnection,
        pool: dify_schema::pool::Pool,
        workspaces: (Workspace, Workspace),
    }

    fn setup(wall: Wall) -> Option<Setup> {
        let (db, mut admin) = crate::fixtures::database_with_schema();
        let workspaces = crate::fixtures::two_workspaces(&mut admin);
        let role = (wall == Wall::RowLevelSecurity).then(|| TestRole::create(&db));
        let url = match &role {
            None => db.url().to_owned(),
            Some(role) => {
                // The run means nothing if the policies are not in force for it.
                dify_schema::rls::ensure(&mut role.connect(), &SCHEMA)
                    .expect("row-level security is in force for the service role");
                role.url()
            }
        };
        let pool = pool::open(
            &url,
            PoolOptions {
                min_idle: THREADS as u32,
                max_size: THREADS as u32,
                connection_timeout: Duration::from_secs(30),
                ..Default::default()
            },
        )
        .expect("the pool opens");
        Some(Setup {
            guard: (role, db),
            admin,
            pool,
            workspaces,
        })
    }
}

/// MariaDB: Dify's MySQL schema restored, an r2d2 pool.
mod mysql {
    use dify_schema::mysql::MysqlConnection;
    use dify_tests::mysql::MysqlTestDatabase;

    type D = dify_schema::dialect::MySql;
    type AdminConnection = MysqlConnection;
    type PooledConnection = dify_schema::mysql::PooledMysqlConnection;
    type Scope<'t, C = dify_schema::scope::Member> = dify_schema::Scope<'t, C, D>;
    /// How a duplicate conversation id is named: MySQL names the key
    /// (every primary key is `PRIMARY`) in its message.
    const CONVERSATION_KEY: &str = "for key 'PRIMARY'";

    include!("random_ops/body.rs");

    #[test]
    fn random_operations_on_mariadb() {
        run(Wall::MySql);
    }

    struct Setup {
        guard: MysqlTestDatabase,
        admin: MysqlConnection,
        pool: dify_schema::mysql::MysqlPool,
        workspaces: (Workspace, Workspace),
    }

    fn setup(_wall: Wall) -> Option<Setup> {
        let db = MysqlTestDatabase::dify_created()?;
        let mut admin = db.connect();
        let workspaces = crate::fixtures::two_workspaces(&mut admin);
        let pool = dify_schema::mysql::pool(db.url(), THREADS as u32).expect("the pool opens");
        Some(Setup {
            guard: db,
            admin,
            pool,
            workspaces,
        })
    }
}
