-- Inventory (InventoryStore): locations, stock cells, the ledger, commit keys and the records of
-- reservations, transfers, purchase orders and backorders (kept whole as jsonb beside the columns that
-- queries and versions need).
CREATE TABLE omskit_location (
    tenant text  NOT NULL,
    id     text  NOT NULL,
    body   jsonb NOT NULL,
    PRIMARY KEY (tenant, id)
);

-- One row per SKU and location. The checks are the cell invariants; commits change cells only with
-- conditional updates that keep them, so the checks never fire in normal operation.
CREATE TABLE omskit_stock_cell (
    tenant       text    NOT NULL,
    sku          text    NOT NULL,
    location     text    NOT NULL,
    on_hand      integer NOT NULL,
    reserved     integer NOT NULL,
    quarantined  integer NOT NULL,
    in_transit   integer NOT NULL,
    safety_stock integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant, sku, location),
    CONSTRAINT omskit_stock_cell_invariants CHECK (on_hand >= 0 AND reserved >= 0 AND quarantined >= 0
        AND in_transit >= 0 AND safety_stock >= 0 AND reserved <= on_hand)
);

CREATE TABLE omskit_stock_ledger (
    sequence bigserial PRIMARY KEY,
    tenant   text      NOT NULL,
    sku      text      NOT NULL,
    location text      NOT NULL,
    body     jsonb     NOT NULL
);

CREATE INDEX omskit_stock_ledger_cell ON omskit_stock_ledger (tenant, sku, location, sequence);

-- Idempotency keys of stock commits, with the ledger entries the first commit appended.
CREATE TABLE omskit_stock_key (
    tenant  text  NOT NULL,
    key     text  NOT NULL,
    entries jsonb NOT NULL,
    PRIMARY KEY (tenant, key)
);

CREATE TABLE omskit_reservation (
    tenant          text        NOT NULL,
    id              text        NOT NULL,
    version         bigint      NOT NULL,
    reference       text        NOT NULL,
    is_open         boolean     NOT NULL,
    hold_expires_at timestamptz,
    created_at      timestamptz NOT NULL,
    body            jsonb       NOT NULL,
    PRIMARY KEY (tenant, id)
);

CREATE INDEX omskit_reservation_reference ON omskit_reservation (tenant, reference, created_at, id);
CREATE INDEX omskit_reservation_holds ON omskit_reservation (hold_expires_at, tenant, id)
    WHERE hold_expires_at IS NOT NULL;

CREATE TABLE omskit_transfer (
    tenant      text        NOT NULL,
    id          text        NOT NULL,
    version     bigint      NOT NULL,
    destination text        NOT NULL,
    in_transit  boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    body        jsonb       NOT NULL,
    PRIMARY KEY (tenant, id)
);

CREATE TABLE omskit_purchase_order (
    tenant     text        NOT NULL,
    id         text        NOT NULL,
    version    bigint      NOT NULL,
    is_open    boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    body       jsonb       NOT NULL,
    PRIMARY KEY (tenant, id)
);

CREATE TABLE omskit_backorder (
    tenant    text        NOT NULL,
    id        text        NOT NULL,
    version   bigint      NOT NULL,
    sku       text        NOT NULL,
    reference text        NOT NULL,
    is_open   boolean     NOT NULL,
    since     timestamptz NOT NULL,
    body      jsonb       NOT NULL,
    PRIMARY KEY (tenant, id)
);

CREATE INDEX omskit_backorder_open ON omskit_backorder (tenant, sku, since, id) WHERE is_open;
CREATE INDEX omskit_backorder_reference ON omskit_backorder (tenant, reference, since, id);
