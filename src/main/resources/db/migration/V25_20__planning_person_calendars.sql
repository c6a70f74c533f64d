-- A person's own working calendar (issue 14). No row: the person follows the workspace's calendar
-- (working_calendars, in the workspace's zone) with a 10-minute buffer and 6 focus hours a day.
create table person_calendars (
    workspace_id   uuid        not null references workspaces (id),
    user_id        uuid        not null references users (id),
    time_zone      varchar(64) not null,
    buffer_minutes smallint    not null,
    focus_minutes  smallint    not null,
    updated_at     timestamp with time zone not null,
    primary key (workspace_id, user_id),
    constraint person_calendars_buffer_check check (buffer_minutes between 0 and 240),
    constraint person_calendars_focus_check check (focus_minutes between 30 and 1440)
);

-- Several spans a weekday (09:00-12:00 and 14:00-18:00); a weekday without a span is a day off.
create table person_calendar_spans (
    workspace_id uuid     not null,
    user_id      uuid     not null,
    day_of_week  smallint not null,
    starts_at    time     not null,
    ends_at      time     not null,
    primary key (workspace_id, user_id, day_of_week, starts_at),
    foreign key (workspace_id, user_id) references person_calendars (workspace_id, user_id) on delete cascade,
    constraint person_calendar_spans_day_check check (day_of_week between 1 and 7),
    constraint person_calendar_spans_order_check check (ends_at > starts_at)
);

create table person_calendar_holidays (
    workspace_id uuid        not null,
    user_id      uuid        not null,
    holiday_on   date        not null,
    name         varchar(80) not null,
    primary key (workspace_id, user_id, holiday_on),
    foreign key (workspace_id, user_id) references person_calendars (workspace_id, user_id) on delete cascade
);
