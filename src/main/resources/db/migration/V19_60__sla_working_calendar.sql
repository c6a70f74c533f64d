-- The workspace's working calendar, the base of response-time clocks. No row: Monday to Friday, 09:00-18:00,
-- no holidays, at risk from 75% of the commitment used. The zone is the workspace's own (workspaces.time_zone).
create table working_calendars (
    workspace_id    uuid     not null primary key references workspaces (id),
    at_risk_percent smallint not null,
    updated_at      timestamp with time zone not null,
    constraint working_calendars_at_risk_check check (at_risk_percent between 1 and 99)
);

create table working_calendar_hours (
    workspace_id uuid     not null references working_calendars (workspace_id) on delete cascade,
    day_of_week  smallint not null,
    opens_at     time     not null,
    closes_at    time     not null,
    primary key (workspace_id, day_of_week),
    constraint working_calendar_hours_day_check check (day_of_week between 1 and 7),
    constraint working_calendar_hours_order_check check (closes_at > opens_at)
);

create table working_calendar_holidays (
    workspace_id uuid         not null references working_calendars (workspace_id) on delete cascade,
    holiday_on   date         not null,
    name         varchar(80)  not null,
    primary key (workspace_id, holiday_on)
);
