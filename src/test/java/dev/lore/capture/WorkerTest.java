package dev.lore.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Telling a job whose process is gone from one another Lore is running, here or on another machine. */
class WorkerTest {

    @Test
    void aRunningProcessOfThisMachineIsNotGoneAndItsIdReadsBack() {
        String id = Worker.THIS_PROCESS.id();
        assertThat(Worker.parse(id)).contains(Worker.THIS_PROCESS);
        assertThat(Worker.isGone(id)).isFalse();
    }

    @Test
    void aProcessOfThisMachineThatExitedIsGone() throws IOException, InterruptedException {
        Process exited = new ProcessBuilder("true").start();
        long pid = exited.pid();
        long start = exited.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        exited.waitFor();
        assertThat(Worker.isGone(new Worker(Worker.THIS_PROCESS.host(), pid, start).id())).isTrue();
    }

    @Test
    void aPidGivenToAnotherProcessSinceCountsAsGone() {
        Worker earlier = new Worker(Worker.THIS_PROCESS.host(), Worker.THIS_PROCESS.pid(),
                Worker.THIS_PROCESS.startMillis() - 60_000);
        assertThat(Worker.isGone(earlier.id())).isTrue();
    }

    @Test
    void aProcessOfAnotherMachineIsLeftToItsLease() {
        assertThat(Worker.isGone(new Worker("another-machine", 1, 0).id())).isFalse();
    }

    @Test
    void aJobNoProcessClaimedByNameCountsAsGone() {
        assertThat(Worker.isGone(null)).isTrue();
        assertThat(Worker.isGone("not an id")).isTrue();
    }
}
