-- Batch lifecycle as one state machine (DESIGN section 3):
--   STAGED -> WRITTEN -> RUNNING -> COMPLETED -> SYNCED, side exits CANCELLED and NEEDS_ATTENTION.
-- Every transition is a conditional UPDATE (... WHERE state = <expected>) and leaves a row in batch_event.
create table batch (
    id                 bigserial primary key,
    mo_name            varchar(64)   not null,
    slot               smallint      not null check (slot between 1 and 99),
    state              varchar(20)   not null check (state in
                           ('STAGED', 'WRITTEN', 'RUNNING', 'COMPLETED', 'SYNCED', 'CANCELLED', 'NEEDS_ATTENTION')),
    product_name       varchar(128),
    target_qty_kg      numeric(18, 3) not null check (target_qty_kg >= 0),
    mo_equipment_code  varchar(64),
    actual_weight_kg   numeric(18, 3),
    plc_failed         boolean       not null default false,
    failure_reason     text,
    odoo_cancelled     boolean       not null default false,
    attempts           integer       not null default 0,
    next_attempt_at    timestamptz,
    last_error         text,
    created_at         timestamptz   not null default now(),
    state_changed_at   timestamptz   not null default now(),
    last_plc_read_at   timestamptz,
    last_plc_change_at timestamptz,
    synced_at          timestamptz,
    -- An MO is produced once: the bridge never stages an MO it already holds, active or archived (plant-contract #22, #23).
    constraint uq_batch_mo unique (mo_name)
);

-- Two active batches can never share a PLC slot.
create unique index uq_batch_active_slot on batch (slot)
    where state in ('STAGED', 'WRITTEN', 'RUNNING', 'COMPLETED');
create index ix_batch_state on batch (state, next_attempt_at);

-- Planned and actual quantity per PLC equipment (101..113 silos, 114/115 liquids).
create table batch_component (
    batch_id       bigint        not null references batch (id),
    equipment_id   smallint      not null check (equipment_id between 1 and 999),
    equipment_code varchar(32)   not null,
    product_name   varchar(128),
    planned_kg     numeric(18, 3) not null check (planned_kg >= 0),
    actual_kg      numeric(18, 3) check (actual_kg >= 0),
    primary key (batch_id, equipment_id)
);

-- State transitions, for history and audits; pruned by task 6 only once the batch is archived.
create table batch_event (
    id         bigserial primary key,
    batch_id   bigint      not null references batch (id),
    at         timestamptz not null default now(),
    from_state varchar(20),
    to_state   varchar(20) not null,
    note       text
);
create index ix_batch_event_batch on batch_event (batch_id, at);
create index ix_batch_event_at on batch_event (at);

-- Equipment failures read from the PLC failure area, and whether Odoo has them.
create table equipment_failure (
    id              bigserial primary key,
    equipment_code  varchar(64)  not null,
    description     varchar(128) not null,
    failure_at      timestamp    not null,
    read_at         timestamptz  not null default now(),
    odoo_status     varchar(16)  not null default 'PENDING' check (odoo_status in ('PENDING', 'SENT', 'REJECTED')),
    odoo_attempts   integer      not null default 0,
    odoo_next_attempt_at timestamptz,
    odoo_last_error text,
    odoo_sent_at    timestamptz,
    constraint uq_equipment_failure unique (equipment_code, failure_at, description)
);
create index ix_equipment_failure_odoo on equipment_failure (odoo_status, odoo_next_attempt_at);

-- One row per task run (also the skipped ones), with the counts the run reported.
create table task_run (
    id          bigserial primary key,
    task        varchar(64)  not null,
    instance    varchar(128) not null,
    trigger     varchar(16)  not null check (trigger in ('TIMER', 'MANUAL')),
    started_at  timestamptz  not null default now(),
    finished_at timestamptz,
    outcome     varchar(16)  not null check (outcome in ('RUNNING', 'OK', 'FAILED', 'SKIPPED')),
    counts      text,
    error       text
);
create index ix_task_run_task on task_run (task, started_at desc);
create index ix_task_run_started on task_run (started_at);
