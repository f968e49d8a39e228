package dev.lore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.lore.testing.Json;

/** What the stdio front reads of a message: enough to route it, whatever else the message holds. */
class MessageTest {

    @Test
    void aRequestIsKnownByItsMethodAndId() throws IOException {
        Message numbered = Message.read("""
                {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"x","arguments":{"id":1}}}""");
        assertThat(numbered.request()).isTrue();
        assertThat(numbered.id()).isEqualTo("7");
        assertThat(numbered.method()).isEqualTo("tools/call");

        Message named = Message.read("{\"jsonrpc\":\"2.0\",\"id\":\"a \\\"b\\\"\",\"method\":\"ping\"}");
        assertThat(named.id()).isEqualTo("\"a \\\"b\\\"\"");
        assertThat(Json.parse(named.id()).asText()).isEqualTo("a \"b\"");
    }

    @Test
    void notificationsAndCancellationsExpectNoAnswer() throws IOException {
        assertThat(Message.read("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").request()).isFalse();
        Message cancel = Message.read("""
                {"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"r-1","reason":"x"}}""");
        assertThat(cancel.cancelled()).isEqualTo("\"r-1\"");
    }

    @Test
    void answersWithResultsOrErrorsOfAnyDepthAreRead() throws IOException {
        Message handshake = Message.read("""
                {"jsonrpc":"2.0","id":1,"result":{"capabilities":{"tools":{}},"protocolVersion":"2025-06-18"}}""");
        assertThat(handshake.answer()).isTrue();
        assertThat(handshake.protocolVersion()).isEqualTo("2025-06-18");

        Message error = Message.read("""
                {"jsonrpc":"2.0","id":5,"error":{"code":-32603,"message":"no","data":{"why":[1,2]}}}""");
        assertThat(error.answer()).isTrue();
        assertThat(error.id()).isEqualTo("5");
    }

    @Test
    void aLogMessageNamesItsLogger() throws IOException {
        assertThat(Message.read("""
                {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"debug","logger":"SubsidiarySse"}}""")
                .logger()).isEqualTo("SubsidiarySse");
    }

    @Test
    void whatIsNotOneJsonValueIsRefused() {
        assertThatThrownBy(() -> Message.read("not json")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Message.read("{\"id\":1} {\"id\":2}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Message.read("{\"id\":1")).isInstanceOf(IOException.class);
    }

    @Test
    void aBatchIsPassedOnUnread() throws IOException {
        Message batch = Message.read("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
        assertThat(batch.request()).isFalse();
        assertThat(batch.json()).startsWith("[");
    }

    @Test
    void anotherIdLeavesTheRestAsItWas() throws IOException {
        Message handshake = Message.read("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"clientInfo":{"name":"Claude Code","version":"2"}}}""");
        Message again = handshake.withId("\"front-1\"");

        assertThat(again.id()).isEqualTo("\"front-1\"");
        assertThat(Json.parse(again.json()).path("params")).isEqualTo(Json.parse(handshake.json()).path("params"));
        assertThat(again.method()).isEqualTo("initialize");
    }

    @Test
    void anErrorOfTheFrontIsValidJsonWhateverItsText() {
        String error = Message.error("\"x\"", -32603, "a \"quoted\"\nline");
        assertThat(Json.parse(error).path("error").path("message").asText()).isEqualTo("a \"quoted\"\nline");
        assertThat(Json.parse(Message.error(null, -32700, "bad")).path("id").isNull()).isTrue();
    }
}
