-- Meetings (issue 14): a meeting's first occurrence as the instants it starts and ends plus the zone it was planned
-- in; a weekly series repeats it `weeks` times at the same wall-clock time in that zone (1 = a single meeting).
-- series_ends_at is the end of the last occurrence, so "meetings overlapping this week" reads an index range.
-- sequence is the iTIP revision sent to attendees (0 when first sent, raised on every change and the cancellation).
create table meetings (
    id             uuid primary key,
    workspace_id   uuid          not null references workspaces (id),
    title          varchar(200)  not null,
    agenda         varchar(4000),
    video_url      varchar(500),
    client_id      uuid references clients (id) on delete cascade,
    organizer_id   uuid          not null references users (id),
    starts_at      timestamp with time zone not null,
    ends_at        timestamp with time zone not null,
    zone           varchar(64)   not null,
    weeks          integer       not null,
    series_ends_at timestamp with time zone not null,
    sequence       integer       not null,
    cancelled      boolean       not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint meetings_order_check check (ends_at > starts_at),
    constraint meetings_weeks_check check (weeks between 1 and 260));
create index meetings_workspace_ix on meetings (workspace_id, series_ends_at);
create index meetings_organizer_ix on meetings (workspace_id, organizer_id, series_ends_at);

-- Who is invited: a member of staff (user_id) or a client's contact (contact_id), with the address, name and
-- language the invitation went out in, kept so a change or cancellation reaches the same people in the same words.
create table meeting_attendees (
    meeting_id   uuid         not null references meetings (id) on delete cascade,
    workspace_id uuid         not null references workspaces (id),
    position     integer      not null,
    user_id      uuid references users (id) on delete cascade,
    contact_id   uuid,
    email        varchar(320) not null,
    name         varchar(200) not null,
    language     varchar(20)  not null,
    primary key (meeting_id, position),
    constraint meeting_attendees_who_check check ((user_id is null) <> (contact_id is null)));
create index meeting_attendees_user_ix on meeting_attendees (workspace_id, user_id);
