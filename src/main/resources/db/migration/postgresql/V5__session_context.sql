-- Session Context: what a user and their agent are doing now, per session.
CREATE TABLE session_context (
    user_id        VARCHAR(128) NOT NULL,
    session_id     VARCHAR(256) NOT NULL,
    summary        TEXT,
    goals          TEXT         NOT NULL,
    plan           TEXT         NOT NULL,
    progress       TEXT         NOT NULL,
    open_questions TEXT         NOT NULL,
    agent_id       VARCHAR(128) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, session_id)
);
