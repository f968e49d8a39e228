-- Session Context: what a user and their agent are doing now, per session.
CREATE TABLE session_context (
    user_id        TEXT      NOT NULL,
    session_id     TEXT      NOT NULL,
    summary        TEXT,
    goals          TEXT      NOT NULL,
    plan           TEXT      NOT NULL,
    progress       TEXT      NOT NULL,
    open_questions TEXT      NOT NULL,
    agent_id       TEXT      NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, session_id)
);
