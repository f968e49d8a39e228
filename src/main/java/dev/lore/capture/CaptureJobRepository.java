package dev.lore.capture;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class CaptureJobRepository implements PanacheRepositoryBase<CaptureJob, String> {

    /** The job that has waited longest among those due now: queued ones, and running ones whose lease has passed. */
    Optional<CaptureJob> nextDue(Instant now) {
        return find("state in ?1 and runAfter <= ?2", Sort.ascending("runAfter", "id"),
                List.of(CaptureJob.State.QUEUED, CaptureJob.State.RUNNING), now).firstResultOptional();
    }

    Optional<CaptureJob> ofUser(String id, String userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    long waiting() {
        return count("state in ?1", List.of(CaptureJob.State.QUEUED, CaptureJob.State.RUNNING));
    }

    List<CaptureJob> running() {
        return list("state", CaptureJob.State.RUNNING);
    }
}
