-- Billing: the service catalogue. A service is a package of work with deliverables and a billing model:
-- HOURLY (amount = the hourly rate), FIXED (amount = the price) or RETAINER (amount = the monthly fee, with
-- included_minutes of work a month and an optional overage_rate an hour beyond them). It is priced in one or
-- more currencies, one row each in service_prices. deliverables holds one deliverable a line.
-- name_key is the lower-cased name while the service is active and null once archived, so that the unique
-- index allows one active service of a name per workspace (and any number of archived ones) on H2 and
-- PostgreSQL alike, without a partial index.
create table services (
    id               uuid primary key,
    workspace_id     uuid          not null references workspaces (id),
    name             varchar(120)  not null,
    name_key         varchar(120),
    description      varchar(2000),
    deliverables     varchar(8000),
    model            varchar(16)   not null,
    included_minutes integer,
    tax_name         varchar(40),
    tax_percent      numeric(7, 4),
    archived_at      timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint services_model_check check (model in ('HOURLY', 'FIXED', 'RETAINER')),
    constraint services_included_check check ((model = 'RETAINER' and included_minutes > 0)
        or (model <> 'RETAINER' and included_minutes is null)),
    constraint services_tax_check check ((tax_percent is null) = (tax_name is null)
        and (tax_percent is null or tax_percent between 0 and 100)),
    constraint services_name_key_check check ((archived_at is null) = (name_key is not null))
);
create unique index services_name_ux on services (workspace_id, name_key);
create index services_workspace_ix on services (workspace_id, name);

create table service_prices (
    service_id   uuid           not null references services (id) on delete cascade,
    workspace_id uuid           not null references workspaces (id),
    currency     char(3)        not null,
    amount       numeric(19, 4) not null,
    overage_rate numeric(19, 4),
    primary key (service_id, currency),
    constraint service_prices_amount_check check (amount >= 0 and (overage_rate is null or overage_rate >= 0))
);
create index service_prices_workspace_ix on service_prices (workspace_id);
