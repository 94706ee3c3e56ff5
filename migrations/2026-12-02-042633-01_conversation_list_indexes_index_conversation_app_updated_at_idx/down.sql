DROP INDEX CONCURRENTLY IF EXISTS conversation_app_updated_at_idx;
