-- The sync engine's persisted work (SyncWorkStore) and poll cursors (CursorStore).
CREATE TABLE omskit_sync_work (
    tenant            text        NOT NULL,
    key               text        NOT NULL,
    connector         text        NOT NULL,
    type              text        NOT NULL,
    payload           jsonb       NOT NULL,
    state             text        NOT NULL CHECK (state IN ('PENDING', 'DONE', 'PARKED', 'DISCARDED')),
    attempts          integer     NOT NULL CHECK (attempts >= 0),
    not_before        timestamptz NOT NULL,
    last_failure      text,
    last_failure_kind text,
    version           bigint      NOT NULL CHECK (version >= 1),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant, key)
);

-- due(): pending work by due time, across tenants
CREATE INDEX omskit_sync_work_due ON omskit_sync_work (not_before, key) WHERE state = 'PENDING';

-- inState(): a tenant's work in one state, oldest first (the parked-work list)
CREATE INDEX omskit_sync_work_state ON omskit_sync_work (tenant, state, created_at, key);

CREATE TABLE omskit_sync_cursor (
    tenant     text        NOT NULL,
    connector  text        NOT NULL,
    feed       text        NOT NULL,
    position   text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, connector, feed)
);
