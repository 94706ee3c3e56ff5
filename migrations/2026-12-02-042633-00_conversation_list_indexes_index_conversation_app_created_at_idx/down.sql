DROP INDEX CONCURRENTLY IF EXISTS conversation_app_created_at_idx;
