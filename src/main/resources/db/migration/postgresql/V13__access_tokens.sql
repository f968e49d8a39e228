-- Who may call Lore over HTTP with a token Lore issued (lore token create). Only the token's SHA-256 is kept: a copy
-- of the store lets nobody in. A revoked token stays, so that the list tells who had access and until when.
CREATE TABLE access_token (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    hash       VARCHAR(64)  NOT NULL UNIQUE,
    user_id    VARCHAR(128) NOT NULL,
    namespaces TEXT         NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
