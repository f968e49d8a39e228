package dev.lore.local;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The parts of a JSON-RPC message that the stdio front looks at, read with Jackson's streaming parser: the front
 * passes messages on as they are and only needs to know what each one is. (An object mapper would cost the front more
 * start-up time than all the rest of it: see docs/benchmarks.md.)
 *
 * @param json the message as it came
 * @param method its method, or {@code null} for an answer
 * @param id its id as JSON ({@code 7} or {@code "a"}), or {@code null} for a notification
 * @param answer whether it answers a request (it has a result or an error)
 * @param cancelled for a cancellation, the id of the request it cancels, as JSON
 * @param protocolVersion for a handshake, the protocol version the client asks for; for its answer, the one the server
 *        chose
 * @param logger for a log message, the logger that wrote it
 */
record Message(String json, String method, String id, boolean answer, String cancelled, String protocolVersion,
        String logger) {

    private static final JsonFactory JSON = new JsonFactory();

    /** Reads a message; throws when the text is not one JSON value. A batch (an array) is passed on unread. */
    static Message read(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                return new Message(json, null, null, false, null, null, null);
            }
            String method = null;
            String id = null;
            boolean answer = false;
            String cancelled = null;
            String protocolVersion = null;
            String logger = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "method" -> method = parser.getValueAsString();
                    case "id" -> id = raw(parser, value);
                    case "result" -> {
                        answer = true;
                        protocolVersion = inner(parser, value, "protocolVersion");
                    }
                    case "error" -> {
                        answer = true;
                        parser.skipChildren();
                    }
                    case "params" -> {
                        if (value == JsonToken.START_OBJECT) {
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String name = parser.currentName();
                                JsonToken inner = parser.nextToken();
                                if (name.equals("requestId")) {
                                    cancelled = raw(parser, inner);
                                } else if (name.equals("protocolVersion")) {
                                    protocolVersion = parser.getValueAsString();
                                } else if (name.equals("logger")) {
                                    logger = parser.getValueAsString();
                                }
                                parser.skipChildren();
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            requireEnd(parser);
            return new Message(json, method, id, answer, cancelled, protocolVersion, logger);
        }
    }

    /** A request: it has a method and an id, and expects an answer. */
    boolean request() {
        return method != null && id != null;
    }

    /** The same message under another id (the front's own handshake for a new session). */
    Message withId(String newId) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonParser parser = JSON.createParser(json); JsonGenerator copy = JSON.createGenerator(text)) {
            parser.nextToken();
            copy.writeStartObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                copy.writeFieldName(field);
                if (field.equals("id")) {
                    copy.writeRawValue(newId);
                    parser.skipChildren();
                } else {
                    copy.copyCurrentStructure(parser);
                }
            }
            copy.writeEndObject();
        }
        return read(text.toString());
    }

    /** An error answer to the request of this id ({@code null}: a message whose id is unknown). */
    static String error(String id, int code, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + (id == null ? "null" : id) + ",\"error\":{\"code\":" + code
                + ",\"message\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}}";
    }

    /** A value as JSON: a string quoted, a number as written. */
    private static String raw(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(parser.getText())) + "\"";
        }
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        return parser.getText();
    }

    /** A text field of the object the parser is at, skipping the rest of it. */
    private static String inner(JsonParser parser, JsonToken value, String wanted) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals(wanted)) {
                found = parser.getValueAsString();
            }
            parser.skipChildren();
        }
        return found;
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new IOException("more than one JSON value on the line");
        }
    }
}
