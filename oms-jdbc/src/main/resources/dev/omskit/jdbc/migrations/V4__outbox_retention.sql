-- Delivered outbox entries are kept for audit until the host purges them
-- (JdbcOrderStorage.purgeDelivered): this index finds the oldest delivered ones without scanning the pending.
CREATE INDEX omskit_outbox_delivered ON omskit_outbox (delivered_at, position) WHERE delivered_at IS NOT NULL;
