package dev.lore.mcp;

import jakarta.inject.Singleton;

import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;

import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.runtime.SchemaGeneratorConfigCustomizer;

/**
 * Makes a tool's input schema name each argument as the tool takes it ({@code session_id}, not the Java parameter's
 * {@code sessionId}). quarkus-mcp-server builds the schema of a tool whose arguments carry validation constraints from
 * a class with one field per parameter, named after the parameter; without this, clients were told to send
 * {@code userId}, which the tool ignores, and {@code record_outcome} listed an argument it then required under
 * another name.
 */
@Singleton
public class ToolArgumentNames implements SchemaGeneratorConfigCustomizer {

    @Override
    public void customize(SchemaGeneratorConfigBuilder builder) {
        builder.forFields().withPropertyNameOverrideResolver(field -> {
            ToolArg argument = field.getAnnotation(ToolArg.class);
            return argument == null || ToolArg.ELEMENT_NAME.equals(argument.name()) ? null : argument.name();
        });
    }
}
