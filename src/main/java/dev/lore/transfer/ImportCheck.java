package dev.lore.transfer;

import java.util.List;

/**
 * What reading an export through before importing it found: how many records it holds, and the problems that refuse
 * it (each naming its line), of which the first {@link Transfer#PROBLEMS_SHOWN} are kept.
 */
public record ImportCheck(long records, List<String> problems, long problemCount) {

    public boolean ok() {
        return problemCount == 0;
    }
}
