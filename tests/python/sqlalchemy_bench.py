#!/usr/bin/env python3
"""The bench's operations through SQLAlchemy 2's ORM, as Dify runs them.

A Session per operation on an engine with Dify's pool options
(pool_size, max_overflow, pool_recycle, pool_pre_ping off, UTC), the ORM
loading whole rows of the tables the bench created:

* find:  a message by id, through its app's tenant (the same SQL as
         ``scope.lookup::<Message>``).
* list:  the app checked against the tenant, then the first page of 20 of
         its conversations (the same statements as ``lookup::<App>`` and
         ``children::<Conversation>``).

Two ways to run it:

* Driven by the Rust harness (``cargo bench -p dify-tests --bench scoped``):
  ``--serve`` reads ``find|list ROUND OPS`` lines on stdin and answers each
  with the seconds the batch took, so its rounds interleave with the Rust
  variants; the ids come from ``--sample FILE``.
* Alone, against a database the bench left in place
  (``DIFY_BENCH_KEEP=1 cargo bench ...`` prints its URL):
  ``python3 tests/python/sqlalchemy_bench.py --url postgres://...`` draws
  its own ids and prints per-operation times.

Needs ``pip install 'sqlalchemy>=2' psycopg2-binary``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

from sqlalchemy import Table, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Session

PAGE = 20


class Base(DeclarativeBase):
    pass


def make_engine(url: str):
    """An engine with Dify's pool settings (api/configs/middleware)."""
    if url.startswith("postgres://"):
        url = "postgresql+psycopg2://" + url[len("postgres://"):]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg2://" + url[len("postgresql://"):]
    return create_engine(
        url,
        pool_size=int(os.environ.get("SQLALCHEMY_POOL_SIZE", "10")),
        max_overflow=int(os.environ.get("SQLALCHEMY_MAX_OVERFLOW", "20")),
        pool_recycle=int(os.environ.get("SQLALCHEMY_POOL_RECYCLE", "3600")),
        pool_pre_ping=os.environ.get("SQLALCHEMY_POOL_PRE_PING", "false").lower() == "true",
        connect_args={"options": "-c timezone=UTC"},
    )


def map_models(engine):
    """Maps App, Conversation and Message onto the tables as created (all
    columns, reflected once), as Dify's declarative models map them."""

    class App(Base):
        __table__ = Table("apps", Base.metadata, autoload_with=engine)

    class Conversation(Base):
        __table__ = Table("conversations", Base.metadata, autoload_with=engine)

    class Message(Base):
        __table__ = Table("messages", Base.metadata, autoload_with=engine)

    return App, Conversation, Message


class Ops:
    def __init__(self, engine):
        self.engine = engine
        self.App, self.Conversation, self.Message = map_models(engine)

    def find(self, tenant_id, message_id):
        App, Message = self.App, self.Message
        with Session(self.engine) as session:
            message = session.scalars(
                select(Message)
                .where(
                    Message.id == message_id,
                    Message.app_id.in_(select(App.id).where(App.tenant_id == tenant_id)),
                )
                .limit(1)
            ).first()
            assert message is not None, message_id
            return message

    def list(self, tenant_id, app_id):
        App, Conversation = self.App, self.Conversation
        with Session(self.engine) as session:
            app = session.scalars(
                select(App).where(App.id == app_id, App.tenant_id == tenant_id).limit(1)
            ).first()
            assert app is not None, app_id
            return session.scalars(
                select(Conversation)
                .where(Conversation.app_id == app.id, Conversation.is_deleted == False)  # noqa: E712
                .order_by(Conversation.created_at, Conversation.id)
                .limit(PAGE)
            ).all()


def run_batch(ops: Ops, sample: dict, op: str, round_: int, n: int) -> float:
    """n operations starting where the Rust variants start for this round."""
    ids = sample[op]
    fn = ops.find if op == "find" else ops.list
    start = time.perf_counter()
    for i in range(n):
        tenant_id, key = ids[(round_ * n + i) % len(ids)]
        fn(tenant_id, key)
    return time.perf_counter() - start


def serve(ops: Ops, sample: dict) -> None:
    import sqlalchemy

    print(f"ready SQLAlchemy {sqlalchemy.__version__} ORM, Python {sys.version.split()[0]}", flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        op, round_, n = words[0], int(words[1]), int(words[2])
        print(f"{run_batch(ops, sample, op, round_, n):.9f}", flush=True)


def draw_sample(engine, n: int = 1000) -> dict:
    with engine.connect() as conn:
        find = conn.exec_driver_sql(
            "SELECT a.tenant_id::text, m.id::text FROM messages m "
            "TABLESAMPLE SYSTEM (10) JOIN apps a ON a.id = m.app_id "
            "ORDER BY random() LIMIT %(n)s",
            {"n": n},
        ).all()
        apps = conn.exec_driver_sql(
            "SELECT tenant_id::text, id::text FROM apps ORDER BY random() LIMIT %(n)s",
            {"n": n},
        ).all()
    return {"find": [list(r) for r in find], "list": [list(r) for r in apps]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the bench database (postgres://...)")
    parser.add_argument("--sample", help="ids drawn by the Rust harness (JSON)")
    parser.add_argument("--serve", action="store_true", help="answer the harness on stdin")
    parser.add_argument("--ops", type=int, default=200, help="operations per round (alone)")
    parser.add_argument("--rounds", type=int, default=10, help="rounds (alone)")
    args = parser.parse_args()

    engine = make_engine(args.url)
    ops = Ops(engine)
    if args.sample:
        with open(args.sample) as f:
            sample = json.load(f)
    else:
        sample = draw_sample(engine)
    if args.serve:
        serve(ops, sample)
        return 0

    for op in ("find", "list"):
        run_batch(ops, sample, op, 0, args.ops)  # warm-up
        per_op = [
            run_batch(ops, sample, op, r, args.ops) / args.ops for r in range(args.rounds)
        ]
        print(
            f"{op}: {statistics.median(per_op) * 1e6:.1f} us/op median "
            f"(min {min(per_op) * 1e6:.1f}, max {max(per_op) * 1e6:.1f}; "
            f"{args.ops} ops x {args.rounds} rounds, a Session per op)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
