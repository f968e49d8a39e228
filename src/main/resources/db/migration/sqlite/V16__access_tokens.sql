-- Who may call Lore over HTTP with a token Lore issued (lore token create). Only the token's SHA-256 is kept: a copy
-- of the store lets nobody in. A revoked token stays, so that the list tells who had access and until when.
CREATE TABLE access_token (
    id         TEXT      NOT NULL PRIMARY KEY,
    hash       TEXT      NOT NULL UNIQUE,
    user_id    TEXT      NOT NULL,
    namespaces TEXT      NOT NULL,
    role       TEXT      NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP,
    revoked_at TIMESTAMP
);
