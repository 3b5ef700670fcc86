-- Bodies are kept as json (the text as written) instead of jsonb. No statement looks inside a body, so
-- jsonb's binary form bought nothing, while it cost a parse on every write and a rendering on every read,
-- and it reorders object keys: an insertion-ordered map (a line's units by stage) read back in another
-- order than the one written. Hosts that query bodies can still index expressions over json.
ALTER TABLE omskit_sync_work ALTER COLUMN payload TYPE json USING payload::json;
ALTER TABLE omskit_order ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_order_event ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_outbox ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_idempotency ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_document ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_document_event ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_location ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_stock_ledger ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_stock_key ALTER COLUMN entries TYPE json USING entries::json;
ALTER TABLE omskit_reservation ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_transfer ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_purchase_order ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE omskit_backorder ALTER COLUMN body TYPE json USING body::json;
