CREATE INDEX CONCURRENTLY conversation_app_updated_at_idx ON conversations (app_id, updated_at DESC) WHERE is_deleted IS false;
