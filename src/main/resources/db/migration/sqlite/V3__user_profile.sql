-- User Profile: structured facts per user, one row per field, updated in place.
CREATE TABLE profile_field (
    user_id    TEXT      NOT NULL,
    field      TEXT      NOT NULL,
    value      TEXT      NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    agent_id   TEXT      NOT NULL,
    session_id TEXT,
    PRIMARY KEY (user_id, field)
);

-- Every change of a field: what it was, what it became, when, by which agent and session.
CREATE TABLE profile_change (
    id         INTEGER   PRIMARY KEY AUTOINCREMENT,
    user_id    TEXT      NOT NULL,
    field      TEXT      NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    changed_at TIMESTAMP NOT NULL,
    agent_id   TEXT      NOT NULL,
    session_id TEXT
);
CREATE INDEX profile_change_user ON profile_change (user_id, id);
