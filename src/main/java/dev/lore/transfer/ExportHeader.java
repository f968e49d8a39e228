package dev.lore.transfer;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The first line of an export: the format it is written in, what wrote it and when, and which stores it holds.
 *
 * @param loreExport the version of the export format (a Lore reads the versions up to its own)
 * @param loreVersion the version of the Lore that wrote it
 * @param flavor the storage flavor it was exported from: {@code local} or {@code team}
 * @param exportedAt when the export began
 * @param stores the stores it holds, by name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record ExportHeader(int loreExport, String loreVersion, String flavor, Instant exportedAt, List<String> stores) {
}
