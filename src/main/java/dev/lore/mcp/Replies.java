package dev.lore.mcp;

import java.util.List;

import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;

/** Tool answers carry both a readable text (for the model and for clients without structured content) and data. */
public final class Replies {

    private Replies() {
    }

    public static ToolResponse of(String text, Object structured) {
        return new ToolResponse(false, List.of(new TextContent(text)), structured, null);
    }
}
