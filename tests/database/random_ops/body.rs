use std::collections::{HashMap, HashSet};
use std::fmt;
use std::panic::resume_unwind;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use diesel::result::{DatabaseErrorKind, Error as Diesel};
use dify_models::app::{App, AppChanges, NewApp};
use dify_models::conversation::{
    Conversation, ConversationChanges, Message, NewConversation, NewMessage,
};

use dify_schema::error::Retry;
use dify_schema::scope::ScopedAccess;
use dify_schema::scope::{Allows, Capability, Editing};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Page, Role, Row, StringEnum};

use crate::fixtures::{new_app, new_conversation, new_message, Workspace};

const THREADS: usize = 4;
const DEFAULT_OPS: usize = 2_000;
const DEFAULT_SEED: u64 = 0xD1F7_5EED;
/// The most rows a prefix query asks for; below it, the answer must be complete.
const QUERY_LIMIT: i64 = 200;

/// What stands between the workspaces in a run. Each backend's module
/// runs only its own walls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)]
enum Wall {
    /// Connected as the superuser: row-level security does not apply, the
    /// scopes' types and tenant predicates are all there is.
    Types,
    /// Connected as the service role (`dify_service`): the policies too.
    RowLevelSecurity,
    /// On MariaDB, which has no row-level security: the types only.
    MySql,
}

impl fmt::Display for Wall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Wall::Types => "superuser, types only",
            Wall::RowLevelSecurity => "service role, row-level security",
            Wall::MySql => "MariaDB, types only",
        })
    }
}

fn run(wall: Wall) {
    let ops = env_number("DIFY_RANDOM_OPS").unwrap_or(DEFAULT_OPS as u64) as usize;
    let seed = env_number("DIFY_RANDOM_SEED").unwrap_or(DEFAULT_SEED);
    println!("random_ops ({wall}): seed {seed} (DIFY_RANDOM_SEED={seed}), {ops} operations, {THREADS} threads");

    let Some(Setup {
        guard: _database,
        mut admin,
        pool,
        workspaces: (a, b),
    }) = setup(wall)
    else {
        return;
    };
    let shared = Shared {
        seed,
        ops,
        wall,
        workspaces: [a, b],
        model: Mutex::new(Model::seeded(&[a, b])),
        stop: AtomicBool::new(false),
    };

    let started = Instant::now();
    let per_thread = ops.div_ceil(THREADS);
    let mut figures = Figures::default();
    std::thread::scope(|threads| {
        let handles: Vec<_> = (0..THREADS)
            .map(|thread| {
                let (shared, pool) = (&shared, &pool);
                threads.spawn(move || {
                    let mut conn = pool.get().unwrap_or_else(|error| {
                        panic!("seed {seed}, thread {thread}: no pooled connection: {error}")
                    });
                    let mut worker = Worker::new(shared, thread);
                    for number in 0..per_thread.min(ops.saturating_sub(thread * per_thread)) {
                        if shared.stop.load(Ordering::Relaxed) {
                            break;
                        }
                        worker.step(&mut conn, number);
                        // Now and then the connection goes back to the pool
                        // and the thread takes whichever is free: a scope
                        // leaves nothing on a connection for the next user.
                        if worker.rng.chance(5) {
                            drop(conn);
                            conn = pool.get().unwrap_or_else(|error| {
                                worker.fail(format_args!(
                                    "expected a pooled connection back, seen {error}"
                                ))
                            });
                            worker.figures.checkouts += 1;
                        }
                    }
                    worker.figures
                })
            })
            .collect();
        // Joined here, so that a failure is reported with its own message,
        // not as "a scoped thread panicked" (the first one raised stops the
        // other threads, which then end without failing).
        let mut failure = None;
        for handle in handles {
            match handle.join() {
                Ok(done) => figures.add(done),
                Err(panic) => {
                    failure.get_or_insert(panic);
                }
            }
        }
        if let Some(panic) = failure {
            resume_unwind(panic);
        }
    });
    let ran = started.elapsed();

    // Nothing is in flight any more: what the scopes count must be exactly
    // what the model says is visible, and the database exactly the model.
    let mut conn = pool.get().expect("a pooled connection for the last look");
    let model = shared.model();
    let scoped = check_scoped_counts(&shared, &model, &mut conn);
    drop(conn);
    let stored = check_database(&shared, &model, &mut admin);
    figures.print(&shared, ran, started.elapsed(), scoped, &stored);
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    let value = value.trim().replace('_', "");
    let parsed = match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => value.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name} is not a number: {value:?}")))
}

// ---------------------------------------------------------------------------
// The model

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    App,
    Conversation,
    Message,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::App, Kind::Conversation, Kind::Message];

    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Its insert is under way: it may be committed already.
    Pending,
    Live,
    /// A conversation's `is_deleted`: stored, not visible to scopes.
    SoftDeleted,
    Deleted,
    /// Its insert was refused, rolled back or never sent: it never existed.
    Absent,
}

/// One row of the model.
#[derive(Debug, Clone)]
struct Entry {
    kind: Kind,
    /// 0 for workspace A, 1 for B.
    workspace: usize,
    /// The app a conversation or message belongs to (its workspace is the app's).
    app: Option<Uuid>,
    /// A message's conversation.
    conversation: Option<Uuid>,
    /// An app's or conversation's name, a message's query.
    name: String,
    state: State,
    /// An app's `created_by`: the account of the scope that inserted it.
    created_by: Option<Uuid>,
    /// An app's `updated_by` after a rename.
    renamed_by: Option<Uuid>,
    /// The `Model::clock` at the last start or end of a change.
    changed_at: u64,
    /// A scope that changes the row (its insert included) is running.
    in_flight: bool,
}

/// What the two workspaces hold, as far as committed scopes tell.
///
/// Invariants, which keep it exact while threads run:
/// * Every row a scope could ever return is here, with its workspace,
///   before the insert that makes it is sent (`Pending`): the ids are
///   chosen by the test. So any id a read returns has a known workspace,
///   and an id that is not here is a row no one made.
/// * A row's state changes only after the scope that changed it returned
///   `Ok` (a scope's error means nothing of it was committed). While that
///   scope runs the row is `in_flight`; the start and the end of a change
///   each stamp `changed_at` with the next `clock`. A row that is not in
///   flight after a read, and whose `changed_at` is at most the clock read
///   before the read began, was in its model state for the whole read:
///   the read must agree with it exactly ("settled").
/// * Only the thread that made a row renames or deletes it; any thread
///   reads it or adds children to it. So two changes of one row never race.
/// * A conversation or message is visible to scopes when it is `Live` and
///   its app is `Live`: Dify has no foreign keys, so a deleted app's
///   children stay in the table, out of every workspace's reach.
#[derive(Default)]
struct Model {
    clock: u64,
    rows: HashMap<Uuid, Entry>,
    /// Ids by workspace and kind, in the order they were added.
    ids: [[Vec<Uuid>; 3]; 2],
}

impl Model {
    /// The fixtures: one app, conversation and message in each workspace,
    /// with the same names in both.
    fn seeded(workspaces: &[Workspace; 2]) -> Model {
        let mut model = Model::default();
        for (workspace, seeded) in workspaces.iter().enumerate() {
            let entry = |kind, name: &str| Entry {
                kind,
                workspace,
                app: (kind != Kind::App).then_some(seeded.app),
                conversation: (kind == Kind::Message).then_some(seeded.conversation),
                name: name.into(),
                state: State::Live,
                created_by: (kind == Kind::App).then_some(seeded.owner),
                renamed_by: None,
                changed_at: 0,
                in_flight: false,
            };
            model.add(seeded.app, entry(Kind::App, "Support bot"));
            model.add(seeded.conversation, entry(Kind::Conversation, "Refund"));
            model.add(seeded.message, entry(Kind::Message, "Where is my refund?"));
        }
        model
    }

    fn add(&mut self, id: Uuid, entry: Entry) {
        self.ids[entry.workspace][entry.kind.index()].push(id);
        self.rows.insert(id, entry);
    }

    fn get(&self, id: Uuid) -> &Entry {
        &self.rows[&id]
    }

    fn visible(&self, id: Uuid) -> bool {
        let entry = self.get(id);
        entry.state == State::Live
            && entry
                .app
                .is_none_or(|app| self.get(app).state == State::Live)
    }

    /// The rows whose state decides what a read of `id` sees: itself and
    /// its app, and for a join its conversation.
    fn deps(&self, id: Uuid, join: bool) -> Vec<Uuid> {
        let entry = self.get(id);
        let mut deps = vec![id];
        deps.extend(entry.app);
        if join {
            deps.extend(entry.conversation);
        }
        deps
    }

    /// Whether none of `ids` changed or was changing since `since`.
    fn settled(&self, ids: &[Uuid], since: u64) -> bool {
        ids.iter().all(|id| {
            let entry = self.get(*id);
            !entry.in_flight && entry.changed_at <= since
        })
    }

    fn stamp(&mut self, ids: &[Uuid], in_flight: bool) {
        self.clock += 1;
        for id in ids {
            let entry = self.rows.get_mut(id).expect("a modelled row");
            entry.in_flight = in_flight;
            entry.changed_at = self.clock;
        }
    }

    /// Ids of `workspace`'s rows of `kind` for which `keep` holds.
    fn select(&self, workspace: usize, kind: Kind, keep: impl Fn(&Entry) -> bool) -> Vec<Uuid> {
        self.ids[workspace][kind.index()]
            .iter()
            .copied()
            .filter(|id| keep(self.get(*id)))
            .collect()
    }
}

// ---------------------------------------------------------------------------
// What a read returned, taken off the scope's rows

/// A row as a read returned it.
#[derive(Debug, Clone)]
struct Seen {
    kind: Kind,
    id: Uuid,
    name: String,
    /// An app's `tenant_id`.
    tenant: Option<Uuid>,
    app: Option<Uuid>,
    conversation: Option<Uuid>,
    is_deleted: bool,
}

/// The three entities of the run, for the reads that do not care which.
trait Modelled: ScopedAccess<D> {
    fn seen(&self) -> Seen;
}

impl Modelled for App {
    fn seen(&self) -> Seen {
        Seen {
            kind: Kind::App,
            id: self.id,
            name: self.name.clone(),
            tenant: Some(self.tenant_id),
            app: None,
            conversation: None,
            is_deleted: false,
        }
    }
}

impl Modelled for Conversation {
    fn seen(&self) -> Seen {
        Seen {
            kind: Kind::Conversation,
            id: self.id,
            name: self.name.clone(),
            tenant: None,
            app: Some(self.app_id),
            conversation: None,
            is_deleted: self.is_deleted,
        }
    }
}

impl Modelled for Message {
    fn seen(&self) -> Seen {
        Seen {
            kind: Kind::Message,
            id: self.id,
            name: self.query.clone(),
            tenant: None,
            app: Some(self.app_id),
            conversation: Some(self.conversation_id),
            is_deleted: false,
        }
    }
}

fn lookup_seen<E: Modelled>(scope: &mut Scope<'_>, id: Uuid) -> Result<Option<Seen>, Error> {
    Ok(scope.lookup::<E>(id)?.map(|row| row.seen()))
}

fn lookup_kind(scope: &mut Scope<'_>, kind: Kind, id: Uuid) -> Result<Option<Seen>, Error> {
    match kind {
        Kind::App => lookup_seen::<App>(scope, id),
        Kind::Conversation => lookup_seen::<Conversation>(scope, id),
        Kind::Message => lookup_seen::<Message>(scope, id),
    }
}

/// `lookup`, then `find` with the id the lookup branded.
fn lookup_then_find<E: Modelled>(
    scope: &mut Scope<'_>,
    id: Uuid,
) -> Result<(Option<Seen>, Option<Seen>), Error> {
    let Some(row) = scope.lookup::<E>(id)? else {
        return Ok((None, None));
    };
    let again = scope.find(row.id())?.map(|row| row.seen());
    Ok((Some(row.seen()), again))
}

fn lookup_many_seen<E: Modelled>(scope: &mut Scope<'_>, ids: &[Uuid]) -> Result<Vec<Seen>, Error> {
    Ok(scope
        .lookup_many::<E>(ids)?
        .iter()
        .map(|row| row.seen())
        .collect())
}

/// Every row of `E`, page by page on the keyset cursor (`list`, or
/// `list_each` with every row required readable).
fn list_seen<E: Modelled>(
    scope: &mut Scope<'_>,
    size: i64,
    each: bool,
) -> Result<Vec<Seen>, Error> {
    pages(scope, size, |scope, page| {
        if each {
            scope.list_each::<E>(page)?.into_iter().collect()
        } else {
            scope.list::<E>(page)
        }
    })
}

fn count_kind(scope: &mut Scope<'_>, kind: Kind) -> Result<i64, Error> {
    match kind {
        Kind::App => scope.count::<App>(),
        Kind::Conversation => scope.count::<Conversation>(),
        Kind::Message => scope.count::<Message>(),
    }
}

// ---------------------------------------------------------------------------
// Operations

/// A read under check: the workspace whose scope ran it, and the model's
/// clock just before it began.
#[derive(Debug, Clone, Copy)]
struct Read {
    workspace: usize,
    since: u64,
}

/// One operation of a thread's sequence, each in its own scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    InsertApp,
    InsertConversation,
    InsertMessage,
    Find,
    Lookup,
    LookupMany,
    List,
    ListEach,
    Count,
    Children,
    QueryPrefix,
    QueryJoin,
    QueryCount,
    Subquery,
    Rename,
    SoftDelete,
    Delete,
    Savepoint,
}

impl Op {
    /// Each operation with its weight (out of 100).
    const ALL: [(Op, u32); 18] = [
        (Op::InsertApp, 8),
        (Op::InsertConversation, 10),
        (Op::InsertMessage, 12),
        (Op::Find, 6),
        (Op::Lookup, 8),
        (Op::LookupMany, 6),
        (Op::List, 3),
        (Op::ListEach, 3),
        (Op::Count, 4),
        (Op::Children, 5),
        (Op::QueryPrefix, 5),
        (Op::QueryJoin, 4),
        (Op::QueryCount, 4),
        (Op::Subquery, 4),
        (Op::Rename, 6),
        (Op::SoftDelete, 3),
        (Op::Delete, 5),
        (Op::Savepoint, 4),
    ];
}

/// How an operation that may legitimately not happen ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Outcome {
    /// A write the member's role lacks the capability for.
    Forbidden,
    /// A duplicate key inside a savepoint (or a savepoint inside one),
    /// rolled back to it.
    DuplicateKeyInSavepoint,
    /// A savepoint whose closure swallowed its failed statement:
    /// `Error::RolledBack`, rolled back to it all the same.
    SwallowedInSavepoint,
    /// `require::<Editing>()` refused inside a savepoint.
    ForbiddenInSavepoint,
    /// A scope whose closure swallowed a failed statement outside any
    /// savepoint: `Error::RolledBack`, nothing of it committed.
    ScopeRolledBack,
    /// A parent was deleted by its thread before the child's insert
    /// looked it up or locked it.
    ParentGone,
    /// An unlocked parent app was deleted before the child's insert, which
    /// row-level security then refused.
    ParentGoneRefusedByPolicy,
    /// The thread's own row became unreachable (its app deleted by another
    /// thread).
    RowGone,
}

const OUTCOMES: [Outcome; 8] = [
    Outcome::Forbidden,
    Outcome::DuplicateKeyInSavepoint,
    Outcome::SwallowedInSavepoint,
    Outcome::ForbiddenInSavepoint,
    Outcome::ScopeRolledBack,
    Outcome::ParentGone,
    Outcome::ParentGoneRefusedByPolicy,
    Outcome::RowGone,
];

/// What the savepoint operation does inside its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SavepointCase {
    /// A duplicate key inside: the savepoint's error, its insert undone.
    Duplicate,
    /// Nothing fails: the savepoint's insert is kept.
    Clean,
    /// The duplicate's error swallowed inside: `Error::RolledBack` all the
    /// same, the insert undone.
    Swallowed,
    /// `require::<Editing>()` inside: refused for a member without it,
    /// which undoes the insert before it.
    Capability,
    /// A savepoint inside the savepoint fails on a duplicate key; the
    /// outer one keeps its insert.
    Nested,
    /// The duplicate's error swallowed outside any savepoint: the whole
    /// scope is rolled back although its closure returned `Ok`.
    ScopeSwallowed,
}

impl SavepointCase {
    const ALL: [SavepointCase; 6] = [
        SavepointCase::Duplicate,
        SavepointCase::Clean,
        SavepointCase::Swallowed,
        SavepointCase::Capability,
        SavepointCase::Nested,
        SavepointCase::ScopeSwallowed,
    ];
}

/// What the threads share.
struct Shared {
    seed: u64,
    ops: usize,
    wall: Wall,
    workspaces: [Workspace; 2],
    model: Mutex<Model>,
    /// Set by the first failure, so the other threads stop soon after.
    stop: AtomicBool,
}

impl Shared {
    fn model(&self) -> MutexGuard<'_, Model> {
        // A thread that failed while holding the lock left the model as
        // it was; its own message is the one worth reading.
        self.model
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn clock(&self) -> u64 {
        self.model().clock
    }
}

#[derive(Default)]
struct Figures {
    ops: [u64; Op::ALL.len()],
    outcomes: HashMap<Outcome, u64>,
    /// Read statements whose answer was checked against the model.
    reads: u64,
    /// Rows those reads returned, each checked against the model.
    rows: u64,
    /// Rows the model required a read to return (settled and visible).
    required: u64,
    /// Times a thread gave its connection back and took one again.
    checkouts: u64,
}

impl Figures {
    fn add(&mut self, other: Figures) {
        for (total, more) in self.ops.iter_mut().zip(other.ops) {
            *total += more;
        }
        for (outcome, n) in other.outcomes {
            *self.outcomes.entry(outcome).or_default() += n;
        }
        self.reads += other.reads;
        self.rows += other.rows;
        self.required += other.required;
        self.checkouts += other.checkouts;
    }

    fn print(
        &self,
        shared: &Shared,
        ran: Duration,
        total: Duration,
        scoped: usize,
        stored: &Stored,
    ) {
        let ops = Op::ALL
            .iter()
            .zip(self.ops)
            .map(|((op, _), n)| format!("{op:?} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let outcomes = OUTCOMES
            .iter()
            .map(|outcome| format!("{outcome:?} {}", self.outcomes.get(outcome).unwrap_or(&0)))
            .collect::<Vec<_>>()
            .join(", ");
        println!(
            "random_ops ({wall}): seed {seed} (DIFY_RANDOM_SEED={seed}), {} operations on {THREADS} threads in {ran:.2?} ({total:.2?} with the final checks), {} connection checkouts\n  \
             operations: {ops}\n  \
             expected refusals: {outcomes}; unexpected errors: 0\n  \
             reads checked: {}, rows they returned checked: {}, rows the model required and found: {}\n  \
             at the end: {scoped} scoped counts and lists exact; stored as the model says: {} apps, {} conversations ({} soft-deleted), {} messages; {} of the conversations and messages orphaned by an app's delete; {} rows deleted or never committed, absent",
            self.ops.iter().sum::<u64>(),
            self.checkouts,
            self.reads,
            self.rows,
            self.required,
            stored.rows[0],
            stored.rows[1],
            stored.soft_deleted,
            stored.rows[2],
            stored.orphans,
            stored.absent,
            wall = shared.wall,
            seed = shared.seed,
        );
    }
}

/// What the database held at the end (all of it as the model said).
struct Stored {
    /// Apps, conversations, messages.
    rows: [usize; 3],
    soft_deleted: usize,
    /// Conversations and messages whose app was deleted.
    orphans: usize,
    /// Rows the model has as deleted or never committed.
    absent: usize,
}

/// The xorshift64* generator: tiny, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    /// A generator for `thread` of the run seeded `seed` (splitmix64, so
    /// that neighbouring seeds and threads start far apart).
    fn new(seed: u64, thread: usize) -> Rng {
        let mut z = seed ^ (thread as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(items.len())])
    }

    fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    fn op(&mut self) -> Op {
        let total: u32 = Op::ALL.iter().map(|(_, weight)| weight).sum();
        let mut at = (self.next() % u64::from(total)) as u32;
        for (op, weight) in Op::ALL {
            if at < weight {
                return op;
            }
            at -= weight;
        }
        unreachable!("the weights add up to the total")
    }
}

/// One thread of the run.
struct Worker<'a> {
    shared: &'a Shared,
    thread: usize,
    rng: Rng,
    figures: Figures,
    /// The rows this thread made, which it alone changes.
    own: Vec<Uuid>,
    /// Numbers the names this thread gives.
    names: u64,
    /// For failure messages: the operation under way and its context.
    number: usize,
    op: Op,
    context: String,
}

impl<'a> Worker<'a> {
    fn new(shared: &'a Shared, thread: usize) -> Worker<'a> {
        Worker {
            shared,
            thread,
            rng: Rng::new(shared.seed, thread),
            figures: Figures::default(),
            own: Vec::new(),
            names: 0,
            number: 0,
            op: Op::Find,
            context: String::new(),
        }
    }

    fn step(&mut self, conn: &mut PooledConnection, number: usize) {
        let op = self.rng.op();
        self.number = number;
        self.op = op;
        self.context.clear();
        self.figures.ops[op as usize] += 1;
        match op {
            Op::InsertApp => self.insert_app(conn),
            Op::InsertConversation => self.insert_conversation(conn),
            Op::InsertMessage => self.insert_message(conn),
            Op::Find => self.find(conn),
            Op::Lookup => self.lookup(conn),
            Op::LookupMany => self.lookup_many(conn),
            Op::List => self.list(conn, false),
            Op::ListEach => self.list(conn, true),
            Op::Count => self.count(conn),
            Op::Children => self.children(conn),
            Op::QueryPrefix => self.query_prefix(conn),
            Op::QueryJoin => self.query_join(conn),
            Op::QueryCount => self.query_count(conn),
            Op::Subquery => self.subquery(conn),
            Op::Rename => self.rename(conn),
            Op::SoftDelete => self.soft_delete(conn),
            Op::Delete => self.delete(conn),
            Op::Savepoint => self.savepoint(conn),
        }
    }

    // --- helpers -----------------------------------------------------------

    /// Stops the run with what was expected and what was seen, and how to
    /// replay it.
    #[track_caller]
    fn fail(&self, what: impl fmt::Display) -> ! {
        self.shared.stop.store(true, Ordering::Relaxed);
        panic!(
            "random_ops ({}): seed {seed}, thread {}, operation {} ({:?}{}{}): {what}\n\
             replay: DIFY_RANDOM_SEED={seed} DIFY_RANDOM_OPS={} cargo test -p dify-tests --test database random_ops",
            self.shared.wall,
            self.thread,
            self.number,
            self.op,
            if self.context.is_empty() { "" } else { ", " },
            self.context,
            self.shared.ops,
            seed = self.shared.seed,
        )
    }

    #[track_caller]
    fn unexpected(&self, what: &str, error: &Error) -> ! {
        self.fail(format_args!(
            "{what}: expected Ok, seen the error {error} ({error:?}; retry: {:?})",
            error.retry()
        ))
    }

    fn note(&mut self, outcome: Outcome) {
        *self.figures.outcomes.entry(outcome).or_default() += 1;
    }

    /// A workspace and one of its members, for the operation's scope.
    fn member(&mut self, workspace: usize) -> (Uuid, Role, Uuid) {
        let seeded = self.shared.workspaces[workspace];
        let (role, account) = match self.rng.below(4) {
            0 => (Role::Owner, seeded.owner),
            1 => (Role::Editor, seeded.editor),
            2 => (Role::Normal, seeded.normal),
            _ => (Role::DatasetOperator, seeded.dataset_operator),
        };
        self.context = format!("workspace {} as {}", ["A", "B"][workspace], role.as_str());
        (seeded.tenant, role, account)
    }

    fn name(&mut self, kind: Kind) -> String {
        self.names += 1;
        let letter = ["a", "c", "m"][kind.index()];
        format!("t{}-{letter}{}", self.thread, self.names)
    }

    /// Adds a row about to be inserted (see the model's invariants).
    fn register(&mut self, id: Uuid, entry: Entry) {
        let mut model = self.shared.model();
        model.add(id, entry);
        model.stamp(&[id], true);
    }

    fn pending(&self, kind: Kind, workspace: usize, name: &str) -> Entry {
        Entry {
            kind,
            workspace,
            app: None,
            conversation: None,
            name: name.into(),
            state: State::Pending,
            created_by: None,
            renamed_by: None,
            changed_at: 0,
            in_flight: true,
        }
    }

    /// Ends the change of `ids` begun before the scope, applying `change`
    /// to the model when the scope committed.
    fn settle(&self, ids: &[Uuid], change: impl FnOnce(&mut Model)) {
        let mut model = self.shared.model();
        change(&mut model);
        model.stamp(ids, false);
    }

    /// Checks rows a read in `workspace` returned: each is a row of that
    /// workspace (its app too), never of the other, never one that was
    /// not committed; and where the model was settled for the whole read,
    /// visible and named as the model says.
    fn check_rows(&mut self, read: &Read, what: &str, seen: &[Seen]) {
        let Read { workspace, since } = *read;
        let shared = self.shared;
        let model = shared.model();
        let tenant = shared.workspaces[workspace].tenant;
        self.figures.reads += 1;
        self.figures.rows += seen.len() as u64;
        let mut ids = HashSet::new();
        for row in seen {
            let Some(entry) = model.rows.get(&row.id) else {
                self.fail(format_args!(
                    "{what}: expected only rows of workspace {}, seen {:?} {} {:?}, which no thread made",
                    ["A", "B"][workspace], row.kind, row.id, row.name
                ))
            };
            if entry.workspace != workspace {
                self.fail(format_args!(
                    "{what}: expected only rows of workspace {}, seen {:?} {} {:?} of workspace {} (the wall was crossed)",
                    ["A", "B"][workspace], row.kind, row.id, row.name, ["A", "B"][entry.workspace]
                ))
            }
            if entry.kind != row.kind {
                self.fail(format_args!(
                    "{what}: {} is a {:?}, seen as a {:?}",
                    row.id, entry.kind, row.kind
                ))
            }
            if !ids.insert(row.id) {
                self.fail(format_args!(
                    "{what}: expected each row once, seen {:?} {} twice",
                    row.kind, row.id
                ))
            }
            if let Some(seen_tenant) = row.tenant {
                if seen_tenant != tenant {
                    self.fail(format_args!(
                        "{what}: expected tenant_id {tenant} on app {}, seen {seen_tenant}",
                        row.id
                    ))
                }
            }
            if row.app != entry.app || row.conversation != entry.conversation {
                self.fail(format_args!(
                    "{what}: expected {:?} {} under app {:?}, conversation {:?}; seen app {:?}, conversation {:?}",
                    row.kind, row.id, entry.app, entry.conversation, row.app, row.conversation
                ))
            }
            if row.is_deleted {
                self.fail(format_args!(
                    "{what}: expected no soft-deleted row, seen conversation {}",
                    row.id
                ))
            }
            if matches!(entry.state, State::Absent) {
                self.fail(format_args!(
                    "{what}: expected nothing of an insert that was refused or rolled back, seen {:?} {}",
                    row.kind, row.id
                ))
            }
            if model.settled(&model.deps(row.id, false), since) {
                if !model.visible(row.id) {
                    self.fail(format_args!(
                        "{what}: expected {:?} {} to be out of sight ({:?}, app {:?}), seen it",
                        row.kind,
                        row.id,
                        entry.state,
                        entry.app.map(|app| model.get(app).state)
                    ))
                }
                if row.name != entry.name {
                    self.fail(format_args!(
                        "{what}: expected {:?} {} named {:?}, seen {:?}",
                        row.kind, row.id, entry.name, row.name
                    ))
                }
            }
        }
    }

    /// Checks that a read returned exactly the rows of its workspace and
    /// `kind` that are visible and that `wanted` picks, as far as the model
    /// was settled for the whole read: each such row is there, and each row
    /// there is such a row. `through_conversation`: what the read sees of a
    /// message depends on its conversation too (a join, a subquery).
    fn check_complete(
        &mut self,
        read: &Read,
        kind: Kind,
        what: &str,
        seen: &[Seen],
        through_conversation: bool,
        wanted: impl Fn(&Model, Uuid, &Entry) -> bool,
    ) {
        let Read { workspace, since } = *read;
        let shared = self.shared;
        let model = shared.model();
        let settled = |id: Uuid| model.settled(&model.deps(id, through_conversation), since);
        let belongs = |id: Uuid| model.visible(id) && wanted(&model, id, model.get(id));
        let returned: HashSet<Uuid> = seen.iter().map(|row| row.id).collect();
        for id in &model.ids[workspace][kind.index()] {
            if !settled(*id) || !belongs(*id) {
                continue;
            }
            self.figures.required += 1;
            if !returned.contains(id) {
                self.fail(format_args!(
                    "{what}: expected {kind:?} {id} {:?} (committed and unchanged since before the read), not returned; {} rows returned",
                    model.get(*id).name,
                    seen.len()
                ))
            }
        }
        // `check_rows` has made sure each returned row is a modelled row
        // of this workspace.
        for row in seen {
            if settled(row.id) && !belongs(row.id) {
                let entry = model.get(row.id);
                self.fail(format_args!(
                    "{what}: expected only rows the read picks, seen {row:?}, which the model has as {entry:?} (conversation {:?})",
                    entry.conversation.map(|conversation| model.get(conversation))
                ))
            }
        }
    }

    /// The smallest and largest counts a read of `workspace`'s rows of
    /// `kind` that `wanted` picks may return: the settled visible ones, plus
    /// every one that changed meanwhile.
    fn bounds(&self, read: &Read, kind: Kind, wanted: impl Fn(&Entry) -> bool) -> (i64, i64) {
        let Read { workspace, since } = *read;
        let model = self.shared.model();
        let (mut low, mut unsettled) = (0, 0);
        for id in &model.ids[workspace][kind.index()] {
            if !model.settled(&model.deps(*id, false), since) {
                unsettled += 1;
            } else if model.visible(*id) && wanted(model.get(*id)) {
                low += 1;
            }
        }
        (low, low + unsettled)
    }

    /// A lookup's answer for a row of its own workspace: when settled, found
    /// exactly when visible.
    fn check_found(&mut self, read: &Read, what: &str, id: Uuid, found: Option<&Seen>) {
        let since = read.since;
        let found: Vec<Seen> = found.into_iter().cloned().collect();
        self.check_rows(read, what, &found);
        let found = found.first();
        let shared = self.shared;
        let model = shared.model();
        if model.settled(&model.deps(id, false), since) {
            let visible = model.visible(id);
            if found.is_none() && visible {
                self.figures.required += 1;
                let entry = model.get(id);
                self.fail(format_args!(
                    "{what}: expected {:?} {id} {:?} (committed, live, unchanged since before the read), seen None",
                    entry.kind, entry.name
                ))
            }
        }
    }

    /// A read in one workspace of an id of the other: always nothing.
    fn check_other(&mut self, what: &str, found: Option<&Seen>) {
        self.figures.reads += 1;
        if let Some(row) = found {
            self.fail(format_args!(
                "{what}: expected None for the other workspace's {:?} {}, seen {:?}",
                row.kind, row.id, row
            ))
        }
    }

    /// A random id of `workspace`'s rows of `kind`, whatever their state.
    fn any_id(&mut self, workspace: usize, kind: Kind) -> Option<Uuid> {
        let ids = self.shared.model().ids[workspace][kind.index()].clone();
        self.rng.pick(&ids)
    }

    /// A random visible row of `workspace` of `kind`.
    fn visible_id(&mut self, workspace: usize, kind: Kind) -> Option<Uuid> {
        let candidates = {
            let model = self.shared.model();
            model.ids[workspace][kind.index()]
                .iter()
                .copied()
                .filter(|id| model.visible(*id))
                .collect::<Vec<_>>()
        };
        self.rng.pick(&candidates)
    }

    /// A random row this thread made, of one of `kinds`, still live.
    fn own_live(&mut self, kinds: &[Kind]) -> Option<(Uuid, Entry)> {
        let candidates = {
            let model = self.shared.model();
            self.own
                .iter()
                .copied()
                .filter(|id| {
                    let entry = model.get(*id);
                    kinds.contains(&entry.kind) && entry.state == State::Live
                })
                .collect::<Vec<_>>()
        };
        let id = self.rng.pick(&candidates)?;
        let entry = self.shared.model().get(id).clone();
        Some((id, entry))
    }

    /// A prefix of a random name of either workspace (so that a filter
    /// names rows of both), or `""` for everything.
    fn prefix(&mut self, kind: Kind) -> String {
        let workspace = self.rng.below(2);
        let Some(id) = self.any_id(workspace, kind) else {
            return String::new();
        };
        let name = self.shared.model().get(id).name.clone();
        let chars: Vec<char> = name.chars().collect();
        let keep = self.rng.below(chars.len() + 1);
        chars[..keep].iter().collect()
    }

    /// A refusal for lack of `Editing`: only for a role without it.
    fn check_forbidden(&mut self, role: Role, error: &Error) {
        match error {
            Error::Forbidden {
                need,
                role: refused,
            } if !role.is_editing() && *need == "Editing" && *refused == role => {
                if error.retry() != Retry::Pointless {
                    self.fail(format_args!(
                        "expected Forbidden to be Retry::Pointless, seen {:?}",
                        error.retry()
                    ))
                }
                self.note(Outcome::Forbidden);
            }
            _ => self.unexpected(
                &format!(
                    "an app write as {} (editing: {})",
                    role.as_str(),
                    role.is_editing()
                ),
                error,
            ),
        }
    }

    // --- inserts -----------------------------------------------------------

    /// An app, which needs `Editing`: a normal member's or a dataset
    /// operator's insert is refused, and leaves nothing.
    fn insert_app(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, role, account) = self.member(workspace);
        let id = self.rng.uuid();
        let name = self.name(Kind::App);
        self.register(
            id,
            Entry {
                created_by: Some(account),
                ..self.pending(Kind::App, workspace, &name)
            },
        );
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            let entered_as = scope.role();
            let scope = scope.require::<Editing>()?;
            let row = scope.insert::<App>(NewApp {
                id: Some(id),
                ..new_app(&name)
            })?;
            Ok((entered_as, row.seen(), row.created_by))
        });
        match result {
            Ok((entered_as, seen, created_by)) => {
                if !role.is_editing() || entered_as != role {
                    self.fail(format_args!(
                        "expected a {} to be refused an app insert, seen it inserted (scope role {})",
                        role.as_str(),
                        entered_as.as_str()
                    ))
                }
                if seen.tenant != Some(tenant) || seen.name != name || created_by != Some(account) {
                    self.fail(format_args!(
                        "expected the inserted app in tenant {tenant}, named {name:?}, created by {account}; seen {seen:?} created by {created_by:?}"
                    ))
                }
                self.own.push(id);
                self.settle(&[id], |model| {
                    model.rows.get_mut(&id).unwrap().state = State::Live
                });
            }
            Err(error) => {
                self.settle(&[id], |model| {
                    model.rows.get_mut(&id).unwrap().state = State::Absent
                });
                self.check_forbidden(role, &error);
            }
        }
    }

    /// A conversation under any live app of the workspace, whoever made
    /// it. A member who may edit apps locks the app first, so that its
    /// thread's delete waits for this insert (or went first, and the lock
    /// finds nothing). The others cannot lock it: PostgreSQL applies an
    /// app's UPDATE policy (`Editing`) to `SELECT ... FOR UPDATE`, so under
    /// row-level security their lock finds nothing (the types let them
    /// call it); they insert unlocked, and a delete that commits first
    /// leaves the conversation orphaned (superuser) or has the insert
    /// refused by the policy (service role).
    fn insert_conversation(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, role, account) = self.member(workspace);
        let Some(app) = self.visible_id(workspace, Kind::App) else {
            return;
        };
        let id = self.rng.uuid();
        let name = self.name(Kind::Conversation);
        self.register(
            id,
            Entry {
                app: Some(app),
                ..self.pending(Kind::Conversation, workspace, &name)
            },
        );
        let since = self.shared.clock();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            let Some(row) = scope.lookup::<App>(app)? else {
                return Ok(Err("lookup"));
            };
            let mut parent = row.id();
            if role.is_editing() {
                let Some(locked) = scope.require::<Editing>()?.lock(parent)? else {
                    return Ok(Err("lock"));
                };
                parent = locked.id();
            }
            let row = scope.insert::<Conversation>(NewConversation {
                id: Some(id),
                ..new_conversation(parent, &name)
            })?;
            Ok(Ok(vec![row.seen()]))
        });
        self.end_insert(workspace, since, &[id], &[app], result);
    }

    /// A message in any live conversation of the workspace, under its
    /// app, or a few at once (`insert_many`). The conversation is locked
    /// (any member may: its writes need no more than membership); the app
    /// too, first, by a member who may edit apps (see
    /// `insert_conversation`).
    fn insert_message(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, role, account) = self.member(workspace);
        let Some(conversation) = self.visible_id(workspace, Kind::Conversation) else {
            return;
        };
        let app = self
            .shared
            .model()
            .get(conversation)
            .app
            .expect("a conversation's app");
        let many = if self.rng.chance(25) {
            2 + self.rng.below(4)
        } else {
            1
        };
        let mut news = Vec::new();
        for _ in 0..many {
            let id = self.rng.uuid();
            let query = self.name(Kind::Message);
            self.register(
                id,
                Entry {
                    app: Some(app),
                    conversation: Some(conversation),
                    ..self.pending(Kind::Message, workspace, &query)
                },
            );
            news.push((id, query));
        }
        let since = self.shared.clock();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            let Some(row) = scope.lookup::<Conversation>(conversation)? else {
                return Ok(Err("lookup"));
            };
            let mut app = row.parent::<App>();
            if role.is_editing() {
                let Some(locked) = scope.require::<Editing>()?.lock(app)? else {
                    return Ok(Err("lock of the app"));
                };
                app = locked.id();
            }
            let Some(conversation) = scope.lock(row.id())? else {
                return Ok(Err("lock of the conversation"));
            };
            let mut forms = news.iter().map(|(id, query)| NewMessage {
                id: Some(*id),
                ..new_message(app, conversation.id(), query)
            });
            let rows = if news.len() == 1 {
                vec![scope.insert::<Message>(forms.next().expect("one form"))?]
            } else {
                scope.insert_many::<Message>(forms.collect())?
            };
            Ok(Ok(rows.iter().map(|row| row.seen()).collect()))
        });
        let ids: Vec<Uuid> = news.iter().map(|(id, _)| *id).collect();
        self.end_insert(workspace, since, &ids, &[app, conversation], result);
    }

    /// Ends a child's insert: committed and as asked (rows in the order
    /// given); or not sent because a parent was gone, or refused by
    /// row-level security because the unlocked app was deleted first,
    /// which only a change of a parent explains.
    fn end_insert(
        &mut self,
        workspace: usize,
        since: u64,
        ids: &[Uuid],
        parents: &[Uuid],
        result: Result<Result<Vec<Seen>, &'static str>, Error>,
    ) {
        let (gone, refused) = match result {
            Ok(Ok(seen)) => {
                let expected: Vec<Entry> = {
                    let model = self.shared.model();
                    ids.iter().map(|id| model.get(*id).clone()).collect()
                };
                let as_asked = seen.len() == ids.len()
                    && seen
                        .iter()
                        .zip(ids)
                        .zip(&expected)
                        .all(|((seen, id), entry)| {
                            seen.id == *id
                                && seen.app == entry.app
                                && seen.conversation == entry.conversation
                                && seen.name == entry.name
                        });
                if !as_asked {
                    self.fail(format_args!(
                        "expected the inserted rows {ids:?} as {expected:?}, in that order; seen {seen:?}"
                    ))
                }
                self.check_rows(&Read { workspace, since }, "the inserted rows", &seen);
                self.own.extend_from_slice(ids);
                self.settle(ids, |model| {
                    for id in ids {
                        model.rows.get_mut(id).unwrap().state = State::Live;
                    }
                });
                return;
            }
            Ok(Err(step)) => (format!("the {step} of the parent found nothing"), false),
            Err(error)
                if self.shared.wall == Wall::RowLevelSecurity
                    && error
                        .to_string()
                        .contains("violates row-level security policy") =>
            {
                let why = format!("the insert was refused by row-level security ({error})");
                (why, true)
            }
            Err(error) => self.unexpected("inserting a child of a live row", &error),
        };
        let shared = self.shared;
        let model = shared.model();
        let mut deps = Vec::new();
        for parent in parents {
            deps.extend(model.deps(*parent, false));
        }
        if model.settled(&deps, since) && parents.iter().all(|parent| model.visible(*parent)) {
            let states: Vec<_> = parents
                .iter()
                .map(|parent| (parent, model.get(*parent).state))
                .collect();
            self.fail(format_args!(
                "{gone}; expected the parents live and unchanged since before the scope: {states:?}"
            ))
        }
        drop(model);
        self.note(if refused {
            Outcome::ParentGoneRefusedByPolicy
        } else {
            Outcome::ParentGone
        });
        self.settle(ids, |model| {
            for id in ids {
                model.rows.get_mut(id).unwrap().state = State::Absent;
            }
        });
    }

    // --- reads -------------------------------------------------------------

    /// `lookup` then `find` with the branded id, and for a conversation or
    /// a message `find` of its app through `parent()`.
    fn find(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let kind = Kind::ALL[self.rng.below(3)];
        let Some(id) = self.any_id(workspace, kind) else {
            return;
        };
        let since = self.shared.clock();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            let (looked_up, found) = match kind {
                Kind::App => lookup_then_find::<App>(scope, id)?,
                Kind::Conversation => lookup_then_find::<Conversation>(scope, id)?,
                Kind::Message => lookup_then_find::<Message>(scope, id)?,
            };
            let parent = match kind {
                Kind::App => None,
                Kind::Conversation => match scope.lookup::<Conversation>(id)? {
                    Some(row) => Some(scope.find::<App>(row.parent())?.map(|app| app.seen())),
                    None => None,
                },
                Kind::Message => match scope.lookup::<Message>(id)? {
                    Some(row) => Some(scope.find::<App>(row.parent())?.map(|app| app.seen())),
                    None => None,
                },
            };
            Ok((looked_up, found, parent))
        });
        let (looked_up, found, parent) =
            result.unwrap_or_else(|error| self.unexpected("lookup and find", &error));
        self.check_found(&Read { workspace, since }, "lookup", id, looked_up.as_ref());
        if looked_up.is_some() {
            self.check_found(
                &Read { workspace, since },
                "find by the branded id",
                id,
                found.as_ref(),
            );
        }
        if let Some(parent) = parent {
            let app = self.shared.model().get(id).app.expect("a via row's app");
            self.check_found(
                &Read { workspace, since },
                "find of the parent app",
                app,
                parent.as_ref(),
            );
        }
    }

    /// A lookup of an id of the workspace and of one of the other: the
    /// other's is always None.
    fn lookup(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let kind = Kind::ALL[self.rng.below(3)];
        let (Some(own), Some(other)) = (
            self.any_id(workspace, kind),
            self.any_id(1 - workspace, kind),
        ) else {
            return;
        };
        let since = self.shared.clock();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            Ok((
                lookup_kind(scope, kind, own)?,
                lookup_kind(scope, kind, other)?,
            ))
        });
        let (own_row, other_row) =
            result.unwrap_or_else(|error| self.unexpected("lookups", &error));
        self.check_found(
            &Read { workspace, since },
            "lookup of the workspace's id",
            own,
            own_row.as_ref(),
        );
        self.check_other("lookup of the other workspace's id", other_row.as_ref());
    }

    /// `lookup_many` of ids of both workspaces and one no row has.
    fn lookup_many(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let kind = Kind::ALL[self.rng.below(3)];
        let mut ids = vec![self.rng.uuid()];
        for _ in 0..1 + self.rng.below(12) {
            let side = self.rng.below(2);
            ids.extend(self.any_id(side, kind));
        }
        let since = self.shared.clock();
        let asked = ids.clone();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            match kind {
                Kind::App => lookup_many_seen::<App>(scope, &asked),
                Kind::Conversation => lookup_many_seen::<Conversation>(scope, &asked),
                Kind::Message => lookup_many_seen::<Message>(scope, &asked),
            }
        });
        let seen = result.unwrap_or_else(|error| self.unexpected("lookup_many", &error));
        if let Some(stray) = seen.iter().find(|row| !ids.contains(&row.id)) {
            self.fail(format_args!(
                "lookup_many: expected only asked-for ids, seen {stray:?}"
            ))
        }
        self.check_rows(&Read { workspace, since }, "lookup_many", &seen);
        let asked: HashSet<Uuid> = ids.into_iter().collect();
        self.check_complete(
            &Read { workspace, since },
            kind,
            "lookup_many",
            &seen,
            false,
            |_, id, _| asked.contains(&id),
        );
    }

    /// Every row of a kind, page by page on the keyset cursor.
    fn list(&mut self, conn: &mut PooledConnection, each: bool) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let kind = Kind::ALL[self.rng.below(3)];
        let size = 1 + self.rng.below(100) as i64;
        let since = self.shared.clock();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            match kind {
                Kind::App => list_seen::<App>(scope, size, each),
                Kind::Conversation => list_seen::<Conversation>(scope, size, each),
                Kind::Message => list_seen::<Message>(scope, size, each),
            }
        });
        let what = if each { "list_each" } else { "list" };
        let seen = result.unwrap_or_else(|error| self.unexpected(what, &error));
        self.check_rows(&Read { workspace, since }, what, &seen);
        self.check_complete(
            &Read { workspace, since },
            kind,
            what,
            &seen,
            false,
            |_, _, _| true,
        );
    }

    /// `count`: between the rows settled as visible and those plus every
    /// row that changed meanwhile.
    fn count(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let kind = Kind::ALL[self.rng.below(3)];
        let since = self.shared.clock();
        let result = with_tenant(conn, tenant, account, |scope| count_kind(scope, kind));
        let counted = result.unwrap_or_else(|error| self.unexpected("count", &error));
        self.check_count(&Read { workspace, since }, "count", kind, counted, |_| true);
    }

    fn check_count(
        &mut self,
        read: &Read,
        what: &str,
        kind: Kind,
        counted: i64,
        wanted: impl Fn(&Entry) -> bool,
    ) {
        self.figures.reads += 1;
        let (low, high) = self.bounds(read, kind, wanted);
        if counted < low || counted > high {
            self.fail(format_args!(
                "{what} of {kind:?}: expected between {low} and {high}, seen {counted}"
            ))
        }
    }

    /// The conversations and the messages of one app (`children`,
    /// `children_each`), paged.
    fn children(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let Some(app) = self.any_id(workspace, Kind::App) else {
            return;
        };
        let size = 1 + self.rng.below(60) as i64;
        let since = self.shared.clock();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            let Some(row) = scope.lookup::<App>(app)? else {
                return Ok(None);
            };
            let parent = row.id();
            let conversations = pages(scope, size, |scope, page| {
                scope.children::<Conversation, _>(parent, page)
            })?;
            let messages = pages(scope, size, |scope, page| {
                scope
                    .children_each::<Message, _>(parent, page)?
                    .into_iter()
                    .collect()
            })?;
            Ok(Some((row.seen(), conversations, messages)))
        });
        let result = result.unwrap_or_else(|error| self.unexpected("children", &error));
        let Some((row, conversations, messages)) = result else {
            self.check_found(
                &Read { workspace, since },
                "lookup of the parent app",
                app,
                None,
            );
            return;
        };
        self.check_found(
            &Read { workspace, since },
            "lookup of the parent app",
            app,
            Some(&row),
        );
        for (kind, seen) in [
            (Kind::Conversation, conversations),
            (Kind::Message, messages),
        ] {
            let what = format!("children {kind:?} of app {app}");
            if let Some(stray) = seen.iter().find(|row| row.app != Some(app)) {
                self.fail(format_args!(
                    "{what}: expected only the app's rows, seen {stray:?}"
                ))
            }
            self.check_rows(&Read { workspace, since }, &what, &seen);
            self.check_complete(
                &Read { workspace, since },
                kind,
                &what,
                &seen,
                false,
                |_, _, entry| entry.app == Some(app),
            );
        }
    }

    /// A composable query filtered by a name prefix (rows of both
    /// workspaces carry it), ordered and limited; and `first()` of an id of
    /// the other workspace, which finds nothing.
    fn query_prefix(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let kind = Kind::ALL[self.rng.below(3)];
        let prefix = self.prefix(kind);
        let Some(other) = self.any_id(1 - workspace, kind) else {
            return;
        };
        let pattern = format!("{prefix}%");
        let since = self.shared.clock();
        let like = pattern.clone();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            let (rows, other) = match kind {
                Kind::App => (
                    seen_rows(
                        scope
                            .query::<App>()
                            .filter(|a| a.name.like(like))
                            .order_by(|a| a.name.asc())
                            .limit(QUERY_LIMIT)
                            .load()?,
                    ),
                    scope
                        .query::<App>()
                        .filter(|a| a.id.eq(other))
                        .first()?
                        .map(|row| row.seen()),
                ),
                Kind::Conversation => (
                    seen_rows(
                        scope
                            .query::<Conversation>()
                            .filter(|c| c.name.like(like))
                            .order_by(|c| (c.created_at.desc(), c.id.desc()))
                            .limit(QUERY_LIMIT)
                            .load()?,
                    ),
                    scope
                        .query::<Conversation>()
                        .filter(|c| c.id.eq(other))
                        .first()?
                        .map(|row| row.seen()),
                ),
                Kind::Message => (
                    seen_rows(
                        scope
                            .query::<Message>()
                            .filter(|m| m.query.like(like))
                            .order_by(|m| m.id)
                            .limit(QUERY_LIMIT)
                            .load_each()?
                            .into_iter()
                            .collect::<Result<Vec<_>, _>>()?,
                    ),
                    scope
                        .query::<Message>()
                        .filter(|m| m.id.eq(other))
                        .first()?
                        .map(|row| row.seen()),
                ),
            };
            Ok((rows, other))
        });
        let what = format!("query of {kind:?} named like {pattern:?}");
        let (rows, other) = result.unwrap_or_else(|error| self.unexpected(&what, &error));
        if let Some(stray) = rows.iter().find(|row| !row.name.starts_with(&prefix)) {
            self.fail(format_args!(
                "{what}: expected only names starting with {prefix:?}, seen {stray:?}"
            ))
        }
        self.check_rows(&Read { workspace, since }, &what, &rows);
        if (rows.len() as i64) < QUERY_LIMIT {
            self.check_complete(
                &Read { workspace, since },
                kind,
                &what,
                &rows,
                false,
                |_, _, entry| entry.name.starts_with(&prefix),
            );
        }
        self.check_other("first() of the other workspace's id", other.as_ref());
    }

    /// Messages joined with their conversation (and app), filtered on the
    /// conversation's name: every side keeps its own workspace.
    fn query_join(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let prefix = self.prefix(Kind::Conversation);
        let pattern = format!("{prefix}%");
        let with_app = self.rng.chance(50);
        let since = self.shared.clock();
        let like = pattern.clone();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            let query = scope.query::<Message>().join(|m| m.conversation_id);
            Ok(if with_app {
                query
                    .join(|m| m.app_id)
                    .filter_joined::<Conversation, _>(|c| c.name.like(like))
                    .load()?
                    .iter()
                    .map(|(m, c, a)| (m.seen(), c.seen(), Some(a.seen())))
                    .collect::<Vec<_>>()
            } else {
                query
                    .filter_joined::<Conversation, _>(|c| c.name.like(like))
                    .load()?
                    .iter()
                    .map(|(m, c)| (m.seen(), c.seen(), None))
                    .collect()
            })
        });
        let what = format!("join of messages with conversations named like {pattern:?}");
        let joined = result.unwrap_or_else(|error| self.unexpected(&what, &error));
        let (mut messages, mut conversations, mut apps) =
            (Vec::new(), HashMap::new(), HashMap::new());
        for (message, conversation, app) in joined {
            if message.conversation != Some(conversation.id)
                || !conversation.name.starts_with(&prefix)
            {
                self.fail(format_args!(
                    "{what}: expected the message's own conversation, named like the pattern; seen {message:?} with {conversation:?}"
                ))
            }
            if let Some(app) = app {
                if message.app != Some(app.id) {
                    self.fail(format_args!(
                        "{what}: expected the message's own app, seen {message:?} with {app:?}"
                    ))
                }
                apps.insert(app.id, app);
            }
            conversations.insert(conversation.id, conversation);
            messages.push(message);
        }
        self.check_rows(&Read { workspace, since }, &what, &messages);
        self.check_rows(
            &Read { workspace, since },
            &what,
            &conversations.into_values().collect::<Vec<_>>(),
        );
        self.check_rows(
            &Read { workspace, since },
            &what,
            &apps.into_values().collect::<Vec<_>>(),
        );
        self.check_complete(
            &Read { workspace, since },
            Kind::Message,
            &what,
            &messages,
            true,
            |model, _, entry| {
                let conversation = entry.conversation.expect("a message's conversation");
                model.visible(conversation) && model.get(conversation).name.starts_with(&prefix)
            },
        );
    }

    /// A composable `count()` of an app's conversations or messages; for
    /// an app of the other workspace, exactly 0.
    fn query_count(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let kind = [Kind::Conversation, Kind::Message][self.rng.below(2)];
        let of_other = self.rng.chance(25);
        let Some(app) = self.any_id(if of_other { 1 - workspace } else { workspace }, Kind::App)
        else {
            return;
        };
        let since = self.shared.clock();
        let result = with_tenant(conn, tenant, account, |scope| match kind {
            Kind::Conversation => scope
                .query::<Conversation>()
                .filter(|c| c.app_id.eq(app))
                .count(),
            _ => scope
                .query::<Message>()
                .filter(|m| m.app_id.eq(app))
                .count(),
        });
        let what = format!("count of {kind:?} of app {app}");
        let counted = result.unwrap_or_else(|error| self.unexpected(&what, &error));
        if of_other {
            self.figures.reads += 1;
            if counted != 0 {
                self.fail(format_args!(
                    "{what} of the other workspace: expected 0, seen {counted}"
                ))
            }
        } else {
            self.check_count(&Read { workspace, since }, &what, kind, counted, |entry| {
                entry.app == Some(app)
            });
        }
    }

    /// Subqueries of the same scope: conversations of the apps named like a
    /// prefix; messages of the conversations named like one; messages whose
    /// conversation is not among the workspace's live ones (`not_in`).
    fn subquery(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, _role, account) = self.member(workspace);
        let variant = self.rng.below(3);
        let prefix = self.prefix([Kind::App, Kind::Conversation, Kind::Conversation][variant]);
        let pattern = format!("{prefix}%");
        let since = self.shared.clock();
        let like = pattern.clone();
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            Ok(match variant {
                0 => {
                    let apps = scope
                        .subquery::<App>()
                        .filter(|a| a.name.like(like))
                        .select(|a| a.id);
                    seen_rows(
                        scope
                            .query::<Conversation>()
                            .filter(move |c| c.app_id.is_in(apps))
                            .load()?,
                    )
                }
                1 => {
                    let conversations = scope
                        .subquery::<Conversation>()
                        .filter(|c| c.name.like(like))
                        .select(|c| c.id);
                    seen_rows(
                        scope
                            .query::<Message>()
                            .filter(move |m| m.conversation_id.is_in(conversations))
                            .load()?,
                    )
                }
                _ => {
                    let live = scope.subquery::<Conversation>().select(|c| c.id);
                    seen_rows(
                        scope
                            .query::<Message>()
                            .filter(move |m| m.conversation_id.not_in(live))
                            .load()?,
                    )
                }
            })
        });
        let what = match variant {
            0 => format!("conversations of the apps named like {pattern:?} (subquery)"),
            1 => format!("messages of the conversations named like {pattern:?} (subquery)"),
            _ => "messages whose conversation is not live (not_in subquery)".to_owned(),
        };
        let seen = result.unwrap_or_else(|error| self.unexpected(&what, &error));
        self.check_rows(&Read { workspace, since }, &what, &seen);
        match variant {
            0 => self.check_complete(
                &Read { workspace, since },
                Kind::Conversation,
                &what,
                &seen,
                false,
                |model, _, entry| {
                    model
                        .get(entry.app.expect("a conversation's app"))
                        .name
                        .starts_with(&prefix)
                },
            ),
            1 => self.check_complete(
                &Read { workspace, since },
                Kind::Message,
                &what,
                &seen,
                true,
                |model, _, entry| {
                    let conversation = entry.conversation.expect("a message's conversation");
                    model.visible(conversation) && model.get(conversation).name.starts_with(&prefix)
                },
            ),
            _ => self.check_complete(
                &Read { workspace, since },
                Kind::Message,
                &what,
                &seen,
                true,
                |model, _, entry| {
                    !model.visible(entry.conversation.expect("a message's conversation"))
                },
            ),
        }
    }

    // --- changes of the thread's own rows ---------------------------------

    /// The thread's own row was not found although it is live: only its
    /// app's deletion (by another thread, meanwhile or before) explains it.
    fn check_gone(&mut self, id: Uuid, since: u64, what: &str) {
        let shared = self.shared;
        let model = shared.model();
        let entry = model.get(id);
        let app_settled_live = entry
            .app
            .is_none_or(|app| model.settled(&[app], since) && model.get(app).state == State::Live);
        if app_settled_live {
            self.fail(format_args!(
                "{what}: expected the thread's own live {:?} {id} {:?} (app {:?}), seen nothing",
                entry.kind, entry.name, entry.app
            ))
        }
        drop(model);
        self.note(Outcome::RowGone);
    }

    /// Renames one of the thread's apps (`Editing`) or conversations.
    fn rename(&mut self, conn: &mut PooledConnection) {
        let Some((id, entry)) = self.own_live(&[Kind::App, Kind::Conversation]) else {
            return;
        };
        let (tenant, role, account) = self.member(entry.workspace);
        let name = format!("{}-r", self.name(entry.kind));
        let since = self.shared.clock();
        self.shared.model().stamp(&[id], true);
        let kind = entry.kind;
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            if kind == Kind::App {
                let scope = scope.require::<Editing>()?;
                let Some(row) = scope.lookup::<App>(id)? else {
                    return Ok(None);
                };
                let changes = AppChanges {
                    name: Some(name.clone()),
                    ..Default::default()
                };
                let row = scope.update(row.id(), changes)?;
                Ok(Some(row.map(|row| (row.seen(), row.updated_by))))
            } else {
                let Some(row) = scope.lookup::<Conversation>(id)? else {
                    return Ok(None);
                };
                let changes = ConversationChanges {
                    name: Some(name.clone()),
                    ..Default::default()
                };
                let row = scope.update(row.id(), changes)?;
                Ok(Some(row.map(|row| (row.seen(), Some(account)))))
            }
        });
        match result {
            Ok(Some(Some((seen, updated_by)))) => {
                if seen.id != id || seen.name != name || updated_by != Some(account) {
                    self.fail(format_args!(
                        "expected {kind:?} {id} renamed to {name:?} by {account}, seen {seen:?} updated by {updated_by:?}"
                    ))
                }
                if kind == Kind::App && !role.is_editing() {
                    self.fail(format_args!(
                        "expected a {} to be refused renaming an app, seen it renamed",
                        role.as_str()
                    ))
                }
                self.settle(&[id], |model| {
                    let entry = model.rows.get_mut(&id).unwrap();
                    entry.name = name;
                    if kind == Kind::App {
                        entry.renamed_by = Some(account);
                    }
                });
            }
            Ok(_) => {
                self.check_gone(id, since, "rename");
                self.settle(&[id], |_| {});
            }
            Err(error) => {
                self.settle(&[id], |_| {});
                self.check_forbidden(role, &error);
            }
        }
    }

    /// Soft-deletes one of the thread's conversations: gone from every read
    /// at once, a second soft delete finds nothing, the row stays stored.
    fn soft_delete(&mut self, conn: &mut PooledConnection) {
        let Some((id, entry)) = self.own_live(&[Kind::Conversation]) else {
            return;
        };
        let (tenant, _role, account) = self.member(entry.workspace);
        let since = self.shared.clock();
        self.shared.model().stamp(&[id], true);
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            let Some(row) = scope.lookup::<Conversation>(id)? else {
                return Ok(None);
            };
            let marked = scope.soft_delete(row.id())?;
            let again = scope.soft_delete(row.id())?;
            let found = scope.lookup::<Conversation>(id)?.is_some();
            let counted = scope
                .query::<Conversation>()
                .filter(|c| c.id.eq(id))
                .count()?;
            Ok(Some((marked, again, found, counted)))
        });
        match result {
            Ok(Some((true, false, false, 0))) => self.settle(&[id], |model| {
                model.rows.get_mut(&id).unwrap().state = State::SoftDeleted;
            }),
            Ok(Some(seen)) => self.fail(format_args!(
                "expected (soft-deleted, not again, not found, counted 0) = (true, false, false, 0), seen {seen:?}"
            )),
            Ok(None) => {
                self.check_gone(id, since, "soft_delete");
                self.settle(&[id], |_| {});
            }
            Err(error) => self.unexpected("soft_delete", &error),
        }
    }

    /// Deletes one of the thread's apps (`Editing`), conversations or
    /// messages; a second delete finds nothing.
    fn delete(&mut self, conn: &mut PooledConnection) {
        let Some((id, entry)) = self.own_live(&[Kind::App, Kind::Conversation, Kind::Message])
        else {
            return;
        };
        let (tenant, role, account) = self.member(entry.workspace);
        let kind = entry.kind;
        let since = self.shared.clock();
        self.shared.model().stamp(&[id], true);
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            match kind {
                Kind::App => delete_row::<App, _>(scope.require::<Editing>()?, id),
                Kind::Conversation => delete_row::<Conversation, _>(scope, id),
                Kind::Message => delete_row::<Message, _>(scope, id),
            }
        });
        match result {
            Ok(Some((true, false, false))) => {
                if kind == Kind::App && !role.is_editing() {
                    self.fail(format_args!(
                        "expected a {} to be refused deleting an app, seen it deleted",
                        role.as_str()
                    ))
                }
                self.settle(&[id], |model| {
                    model.rows.get_mut(&id).unwrap().state = State::Deleted
                });
            }
            Ok(Some(seen)) => self.fail(format_args!(
                "expected (deleted, not again, not found) = (true, false, false), seen {seen:?}"
            )),
            Ok(None) => {
                self.check_gone(id, since, "delete");
                self.settle(&[id], |_| {});
            }
            Err(error) => {
                self.settle(&[id], |_| {});
                self.check_forbidden(role, &error);
            }
        }
    }

    /// A conversation inserted, then a savepoint that inserts another and
    /// then, depending on the case, hits a duplicate key (of that first
    /// conversation, or a seeded one of either workspace), swallows it,
    /// is refused a capability, or nests a failing savepoint; the scope
    /// goes on and renames the first conversation. Or the duplicate key
    /// swallowed outside any savepoint, which rolls the whole scope back.
    fn savepoint(&mut self, conn: &mut PooledConnection) {
        let workspace = self.rng.below(2);
        let (tenant, role, account) = self.member(workspace);
        let case = SavepointCase::ALL[self.rng.below(SavepointCase::ALL.len())];
        self.context.push_str(&format!(", {case:?}"));
        let seeded_app = self.shared.workspaces[workspace].app;
        let (kept, undone) = (self.rng.uuid(), self.rng.uuid());
        let kept_name = self.name(Kind::Conversation);
        let undone_name = self.name(Kind::Conversation);
        for (id, name) in [(kept, &kept_name), (undone, &undone_name)] {
            self.register(
                id,
                Entry {
                    app: Some(seeded_app),
                    ..self.pending(Kind::Conversation, workspace, name)
                },
            );
        }
        let seeded = self.shared.workspaces;
        let taken = [kept, seeded[0].conversation, seeded[1].conversation][self.rng.below(3)];
        let renamed = format!("{kept_name}-s");
        let result = with_tenant(conn, tenant, account, |scope| -> Result<_, Error> {
            // The seeded app: no thread deletes it.
            let Some(app) = scope.lookup::<App>(seeded_app)? else {
                return Ok(None);
            };
            let parent = app.id();
            let duplicate = |name: &str| NewConversation {
                id: Some(taken),
                ..new_conversation(parent, name)
            };
            let first = scope.insert::<Conversation>(NewConversation {
                id: Some(kept),
                ..new_conversation(parent, &kept_name)
            })?;
            if case == SavepointCase::ScopeSwallowed {
                // What a careless "insert or ignore" does: the transaction
                // is aborted, and the scope must not report a commit.
                let _ = scope.insert::<Conversation>(duplicate("duplicate"));
                return Ok(None);
            }
            let mut nested = None;
            let inner = scope.savepoint(|scope| -> Result<(), Error> {
                scope.insert::<Conversation>(NewConversation {
                    id: Some(undone),
                    ..new_conversation(parent, &undone_name)
                })?;
                match case {
                    SavepointCase::Duplicate => {
                        scope.insert::<Conversation>(duplicate("duplicate"))?;
                    }
                    SavepointCase::Swallowed => {
                        let _ = scope.insert::<Conversation>(duplicate("duplicate"));
                    }
                    SavepointCase::Capability => {
                        scope.require::<Editing>()?;
                    }
                    SavepointCase::Nested => {
                        nested = Some(scope.savepoint(|scope| -> Result<(), Error> {
                            scope.insert::<Conversation>(duplicate("nested duplicate"))?;
                            Ok(())
                        }));
                    }
                    SavepointCase::Clean | SavepointCase::ScopeSwallowed => {}
                }
                Ok(())
            });
            let undone_found = scope.lookup::<Conversation>(undone)?.is_some();
            let changes = ConversationChanges {
                name: Some(renamed.clone()),
                ..Default::default()
            };
            let first = scope.update(first.id(), changes)?.map(|row| row.seen());
            Ok(Some((inner, nested, undone_found, first)))
        });
        let is_duplicate = |error: &Error| {
            matches!(
                error,
                Error::Database(Diesel::DatabaseError(DatabaseErrorKind::UniqueViolation, info))
                    if info.constraint_name() == Some(CONVERSATION_KEY)
                        || info.message().contains(CONVERSATION_KEY)
            ) && error.retry() == Retry::Pointless
        };
        let rolled_back_for_duplicate = |error: &Error| {
            matches!(error, Error::RolledBack { first_failure } if first_failure.contains(CONVERSATION_KEY))
                && error.retry() == Retry::Pointless
        };
        if case == SavepointCase::ScopeSwallowed {
            match result {
                Err(error) if rolled_back_for_duplicate(&error) => {}
                other => self.fail(format_args!(
                    "expected Error::RolledBack naming {CONVERSATION_KEY} for a scope that swallowed its duplicate key, seen {other:?}"
                )),
            }
            self.note(Outcome::ScopeRolledBack);
            return self.settle(&[kept, undone], |model| {
                for id in [kept, undone] {
                    model.rows.get_mut(&id).unwrap().state = State::Absent;
                }
            });
        }
        let (inner, nested, undone_found, first) = match result {
            Ok(Some(seen)) => seen,
            Ok(None) => self.fail("expected the workspace's seeded app, seen None"),
            Err(error) => self.unexpected("a scope with a savepoint", &error),
        };
        let (as_expected, outcome, keeps) = match case {
            SavepointCase::Duplicate => (
                inner.as_ref().is_err_and(is_duplicate),
                Some(Outcome::DuplicateKeyInSavepoint),
                false,
            ),
            SavepointCase::Clean => (inner.is_ok(), None, true),
            SavepointCase::Swallowed => (
                inner.as_ref().is_err_and(rolled_back_for_duplicate),
                Some(Outcome::SwallowedInSavepoint),
                false,
            ),
            SavepointCase::Capability if role.is_editing() => (inner.is_ok(), None, true),
            SavepointCase::Capability => (
                matches!(&inner, Err(Error::Forbidden { need: "Editing", role: refused }) if *refused == role),
                Some(Outcome::ForbiddenInSavepoint),
                false,
            ),
            SavepointCase::Nested => (
                inner.is_ok()
                    && nested
                        .as_ref()
                        .is_some_and(|nested| nested.as_ref().is_err_and(is_duplicate)),
                Some(Outcome::DuplicateKeyInSavepoint),
                true,
            ),
            SavepointCase::ScopeSwallowed => unreachable!("handled above"),
        };
        if !as_expected {
            self.fail(format_args!(
                "savepoint ({case:?}, duplicate of {taken}): expected it to end as the case says, seen {inner:?} (nested: {nested:?})"
            ))
        }
        if let Some(outcome) = outcome {
            self.note(outcome);
        }
        if undone_found != keeps {
            self.fail(format_args!(
                "expected the savepoint's own insert {} after it, seen it {}",
                if keeps { "there" } else { "undone" },
                if undone_found { "there" } else { "missing" }
            ))
        }
        match first {
            Some(seen) if seen.id == kept && seen.name == renamed => {}
            _ => self.fail(format_args!(
                "expected the scope's first conversation {kept}, renamed to {renamed:?} after the savepoint, seen {first:?}"
            )),
        }
        self.own.push(kept);
        if keeps {
            self.own.push(undone);
        }
        self.settle(&[kept, undone], |model| {
            let entry = model.rows.get_mut(&kept).unwrap();
            entry.state = State::Live;
            entry.name = renamed;
            model.rows.get_mut(&undone).unwrap().state =
                if keeps { State::Live } else { State::Absent };
        });
    }
}

fn seen_rows<E: Modelled>(rows: Vec<Row<'_, E>>) -> Vec<Seen> {
    rows.iter().map(|row| row.seen()).collect()
}

/// Deletes a row by the id a lookup branded: (deleted, deleted again,
/// found afterwards), or `None` when the lookup found nothing.
fn delete_row<E: Modelled, C: Capability + Allows<E::Need>>(
    scope: &mut Scope<'_, C>,
    id: Uuid,
) -> Result<Option<(bool, bool, bool)>, Error> {
    let Some(row) = scope.lookup::<E>(id)? else {
        return Ok(None);
    };
    let deleted = scope.delete(row.id())?;
    let again = scope.delete(row.id())?;
    let found = scope.lookup::<E>(id)?.is_some();
    Ok(Some((deleted, again, found)))
}

/// Pages through `fetch` on the keyset cursor until a page is short.
fn pages<'t, E: Modelled>(
    scope: &mut Scope<'t>,
    size: i64,
    mut fetch: impl FnMut(&mut Scope<'t>, Page) -> Result<Vec<Row<'t, E>>, Error>,
) -> Result<Vec<Seen>, Error> {
    let mut seen = Vec::new();
    let mut page = Page::first(size);
    loop {
        let rows = fetch(scope, page)?;
        if let Some(last) = rows.last() {
            page = Page::after(last.cursor(), size);
        }
        seen.extend(rows.iter().map(|row| row.seen()));
        if (rows.len() as i64) < size {
            return Ok(seen);
        }
    }
}

// ---------------------------------------------------------------------------
// The last look

/// With every thread done, nothing is in flight: each workspace's scoped
/// counts and lists are exactly the rows the model says are visible.
fn check_scoped_counts(shared: &Shared, model: &Model, conn: &mut PooledConnection) -> usize {
    let mut checked = 0;
    for (workspace, seeded) in shared.workspaces.iter().enumerate() {
        let result = with_tenant(
            conn,
            seeded.tenant,
            seeded.normal,
            |scope| -> Result<_, Error> {
                let mut seen = Vec::new();
                for kind in Kind::ALL {
                    let counted = count_kind(scope, kind)?;
                    let listed = match kind {
                        Kind::App => list_seen::<App>(scope, 500, false)?,
                        Kind::Conversation => list_seen::<Conversation>(scope, 500, false)?,
                        Kind::Message => list_seen::<Message>(scope, 500, true)?,
                    };
                    seen.push((kind, counted, listed));
                }
                Ok(seen)
            },
        );
        let seen = result.unwrap_or_else(|error| {
            panic!(
                "random_ops ({}): seed {}, at the end: the last scoped look failed: {error}",
                shared.wall, shared.seed
            )
        });
        for (kind, counted, listed) in seen {
            let expected: HashSet<Uuid> = model
                .select(workspace, kind, |_| true)
                .into_iter()
                .filter(|id| model.visible(*id))
                .collect();
            let listed: HashSet<Uuid> = listed.iter().map(|row| row.id).collect();
            if counted != expected.len() as i64 || listed != expected {
                panic!(
                    "random_ops ({}): seed {}, at the end, workspace {}: expected {} visible {kind:?} rows, seen a count of {counted} and {} listed ({} unexpected, {} missing)",
                    shared.wall,
                    shared.seed,
                    ["A", "B"][workspace],
                    expected.len(),
                    listed.len(),
                    listed.difference(&expected).count(),
                    expected.difference(&listed).count(),
                );
            }
            checked += 2;
        }
    }
    checked
}

/// The database against the model, row by row, read past the scopes on the
/// superuser's connection: every stored row is one the model has, in the
/// workspace it says, with the name, parents, soft-delete flag and audit
/// accounts it says; every row the model says was deleted or never
/// committed is not there.
fn check_database(shared: &Shared, model: &Model, conn: &mut AdminConnection) -> Stored {
    let fail = |what: String| -> ! {
        panic!(
            "random_ops ({}): seed {seed}, at the end: {what}\nreplay: DIFY_RANDOM_SEED={seed} DIFY_RANDOM_OPS={} cargo test -p dify-tests --test database random_ops",
            shared.wall,
            shared.ops,
            seed = shared.seed,
        )
    };
    let mut system = bypass_tenant_isolation(conn, "test: the random run's rows against its model");
    let apps: HashMap<Uuid, App> = system
        .list::<App>()
        .unwrap()
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let conversations: HashMap<Uuid, Conversation> = system
        .list::<Conversation>()
        .unwrap()
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let messages: HashMap<Uuid, Message> = system
        .list::<Message>()
        .unwrap()
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let mut per_workspace = [[0usize; 3]; 2];
    for (id, entry) in &model.rows {
        if entry.in_flight || entry.state == State::Pending {
            fail(format!(
                "{:?} {id} is still {:?} after every thread ended",
                entry.kind, entry.state
            ));
        }
        let expected = matches!(entry.state, State::Live | State::SoftDeleted);
        let stored = match entry.kind {
            Kind::App => apps.get(id).map(|row| {
                (
                    Some(row.tenant_id),
                    row.name.clone(),
                    None,
                    None,
                    false,
                    (row.created_by, row.updated_by),
                )
            }),
            Kind::Conversation => conversations.get(id).map(|row| {
                (
                    None,
                    row.name.clone(),
                    Some(row.app_id),
                    None,
                    row.is_deleted,
                    (None, None),
                )
            }),
            Kind::Message => messages.get(id).map(|row| {
                (
                    None,
                    row.query.clone(),
                    Some(row.app_id),
                    Some(row.conversation_id),
                    false,
                    (None, None),
                )
            }),
        };
        let Some((tenant, name, app, conversation, is_deleted, (created_by, updated_by))) = stored
        else {
            if expected {
                fail(format!(
                    "expected {:?} {id} {:?} ({:?}) stored, seen nothing",
                    entry.kind, entry.name, entry.state
                ));
            }
            continue;
        };
        if !expected {
            fail(format!(
                "expected no {:?} {id} ({:?}), seen it stored as {name:?}",
                entry.kind, entry.state
            ));
        }
        let tenant_expected =
            (entry.kind == Kind::App).then_some(shared.workspaces[entry.workspace].tenant);
        let updated_expected = entry.renamed_by.map(Some);
        if tenant != tenant_expected
            || name != entry.name
            || app != entry.app
            || conversation != entry.conversation
            || is_deleted != (entry.state == State::SoftDeleted)
            || (entry.kind == Kind::App && created_by != entry.created_by)
            || updated_expected.is_some_and(|account| updated_by != account)
        {
            fail(format!(
                "expected {:?} {id} as {entry:?}, seen tenant {tenant:?}, name {name:?}, app {app:?}, conversation {conversation:?}, is_deleted {is_deleted}, created_by {created_by:?}, updated_by {updated_by:?}",
                entry.kind
            ));
        }
        per_workspace[entry.workspace][entry.kind.index()] += 1;
    }
    let stored_ids = apps
        .keys()
        .map(|id| (Kind::App, id))
        .chain(conversations.keys().map(|id| (Kind::Conversation, id)))
        .chain(messages.keys().map(|id| (Kind::Message, id)));
    for (kind, id) in stored_ids {
        if model.rows.get(id).is_none_or(|entry| entry.kind != kind) {
            fail(format!("{kind:?} {id} is stored, and no thread made it"));
        }
    }
    // Each workspace's stored rows, counted by the tenant the database
    // gives them (a child's through its app's modelled workspace, since its
    // app may be deleted).
    let mut stored_per_workspace = [[0usize; 3]; 2];
    let workspace_of_tenant = |tenant: Uuid| {
        shared
            .workspaces
            .iter()
            .position(|seeded| seeded.tenant == tenant)
            .unwrap_or_else(|| fail(format!("an app of an unknown tenant {tenant}")))
    };
    for row in apps.values() {
        stored_per_workspace[workspace_of_tenant(row.tenant_id)][0] += 1;
    }
    for row in conversations.values() {
        stored_per_workspace[model.get(row.app_id).workspace][1] += 1;
    }
    for row in messages.values() {
        stored_per_workspace[model.get(row.app_id).workspace][2] += 1;
    }
    if stored_per_workspace != per_workspace {
        fail(format!(
            "expected stored rows per workspace (apps, conversations, messages) {per_workspace:?}, seen {stored_per_workspace:?}"
        ));
    }
    let orphans = conversations
        .values()
        .map(|row| row.app_id)
        .chain(messages.values().map(|row| row.app_id))
        .filter(|app| !apps.contains_key(app))
        .count();
    Stored {
        rows: [apps.len(), conversations.len(), messages.len()],
        soft_deleted: conversations.values().filter(|row| row.is_deleted).count(),
        orphans,
        absent: model
            .rows
            .values()
            .filter(|entry| matches!(entry.state, State::Deleted | State::Absent))
            .count(),
    }
}
