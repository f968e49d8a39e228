package dev.lore.review;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lore.review")
public interface ReviewSettings {

    /**
     * How long a question to the user about a proposal (MCP elicitation) waits for an answer before the proposal is
     * left in the inbox. The tool call that proposed waits as long, so it stays below clients' tool timeouts. A client
     * that answers the question with an error is, to the MCP server library, no answer: the wait runs to its end.
     */
    @WithDefault("60s")
    Duration askTimeout();
}
