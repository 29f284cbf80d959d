package io.smlfusion.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Map;


import org.junit.jupiter.api.Test;

import io.smlfusion.refusal.RequestRefused;

/** A job's outcome and its JobInfo (spec §5.4). */
class JobTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void aJobWithDetailsAnswersItsJobInfoAndOthersTheirValues() {
        Job selection = new Job(1, "c1", "autoSelect", NOW);
        selection.succeed(JobResult.finishedWithDetails(Map.of("task", "regression")), NOW);
        assertEquals(Map.of("task", "regression"), selection.info().get("details"));
        assertEquals(Map.of("jobinfo", selection.info()), selection.answer());

        Job build = new Job(2, "c1", "build", NOW);
        build.succeed(JobResult.finished(Map.of("x", 1)), NOW);
        assertEquals(Map.of(), build.info().get("details"));
        assertEquals(Map.of("x", 1), build.answer());
    }

    @Test
    void theFirstOutcomeStandsSoWorkEndingAfterACancellationDoesNotReplaceIt() {
        Job job = new Job(3, "c1", "autoSelect", NOW);
        job.fail(new RequestRefused(RequestRefused.Reason.GONE, "Job 3 was cancelled"), NOW);
        job.fail(new RequestRefused(RequestRefused.Reason.FAILED, "Generic Exception <interrupted>"), NOW);
        job.succeed(JobResult.finished(Map.of()), NOW);

        assertEquals("Job 3 was cancelled", job.failure().getMessage());
        assertNull(job.result());
        assertEquals(Map.of("error", "Job 3 was cancelled"), job.info().get("details"));
    }
}
