CREATE INDEX CONCURRENTLY conversation_app_created_at_idx ON conversations (app_id, created_at DESC) WHERE is_deleted IS false;
