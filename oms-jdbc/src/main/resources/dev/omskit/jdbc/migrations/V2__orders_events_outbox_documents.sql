-- Orders, their trails, the outbox, idempotency records and order documents (OrderStore, EventStore,
-- IdempotencyStore, DocumentStore). Aggregates are kept whole as jsonb (dev.omskit.jdbc.json.Codec);
-- the columns beside them are what queries, uniqueness and optimistic versions need.
CREATE TABLE omskit_order (
    tenant           text        NOT NULL,
    id               text        NOT NULL,
    version          bigint      NOT NULL CHECK (version >= 1),
    channel          text        NOT NULL,
    channel_order_id text        NOT NULL,
    customer         text,
    status_stage     text        NOT NULL,
    status_partial   boolean     NOT NULL,
    on_hold          boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    body             jsonb       NOT NULL,
    PRIMARY KEY (tenant, id),
    CONSTRAINT omskit_order_channel_order UNIQUE (tenant, channel, channel_order_id)
);

CREATE INDEX omskit_order_created ON omskit_order (tenant, created_at, id);
CREATE INDEX omskit_order_customer ON omskit_order (tenant, customer, created_at, id) WHERE customer IS NOT NULL;

CREATE TABLE omskit_order_event (
    tenant   text   NOT NULL,
    order_id text   NOT NULL,
    sequence bigint NOT NULL,
    event_id text   NOT NULL,
    body     jsonb  NOT NULL,
    PRIMARY KEY (tenant, order_id, sequence)
);

-- The transactional outbox: written in the same transaction as the state, relayed at least once.
CREATE TABLE omskit_outbox (
    position      bigserial   PRIMARY KEY,
    tenant        text        NOT NULL,
    order_id      text        NOT NULL,
    body          jsonb       NOT NULL,
    claimed_by    text,
    claimed_until timestamptz,
    delivered_at  timestamptz
);

CREATE INDEX omskit_outbox_pending ON omskit_outbox (position) WHERE delivered_at IS NULL;
CREATE INDEX omskit_outbox_order ON omskit_outbox (tenant, order_id, position) WHERE delivered_at IS NULL;

CREATE TABLE omskit_idempotency (
    tenant      text        NOT NULL,
    key         text        NOT NULL,
    order_id    text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    body        jsonb       NOT NULL,
    PRIMARY KEY (tenant, key)
);

CREATE TABLE omskit_document (
    tenant      text        NOT NULL,
    kind        text        NOT NULL,
    id          text        NOT NULL,
    order_id    text        NOT NULL,
    version     bigint      NOT NULL CHECK (version >= 1),
    state       text        NOT NULL,
    created_seq bigserial   NOT NULL,
    created_at  timestamptz NOT NULL,
    body        jsonb       NOT NULL,
    PRIMARY KEY (tenant, kind, id)
);

CREATE INDEX omskit_document_order ON omskit_document (tenant, order_id, created_seq);
CREATE INDEX omskit_document_state ON omskit_document (tenant, kind, state, created_seq);

-- References (tracking numbers, invoice numbers, RMA numbers ...) unique per tenant and kind.
CREATE TABLE omskit_document_reference (
    tenant      text NOT NULL,
    kind        text NOT NULL,
    reference   text NOT NULL,
    document_id text NOT NULL,
    PRIMARY KEY (tenant, kind, reference)
);

CREATE INDEX omskit_document_reference_holder ON omskit_document_reference (tenant, kind, document_id);

CREATE TABLE omskit_document_event (
    tenant      text   NOT NULL,
    kind        text   NOT NULL,
    document_id text   NOT NULL,
    sequence    bigint NOT NULL,
    body        jsonb  NOT NULL,
    PRIMARY KEY (tenant, kind, document_id, sequence)
);
