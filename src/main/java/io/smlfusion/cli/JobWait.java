package io.smlfusion.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code bin/sml wait JOB}: polls {@code GET jobs/JOB} until the job has finished (any answer but
 * {@code 202 Job still running}), then prints that answer like any call: the job's result, or its
 * error. A line on stderr shows how long it has been running.
 */
final class JobWait {

    static final Duration POLL = Duration.ofMillis(500);

    private final ServerCalls sender;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;

    JobWait(ServerCalls sender, PrintStream out, PrintStream err, boolean progress) {
        this.sender = sender;
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    /** @return the exit status: 0 when the job succeeded */
    int await(String jobId, Duration limit) throws IOException, InterruptedException, CliUsageException {
        if (!jobId.chars().allMatch(Character::isDigit) || jobId.isEmpty()) {
            throw new CliUsageException("A job id is a number, as in the sym-job-id header; got [" + jobId + "]");
        }
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> answer = sender.send("GET", "jobs/" + jobId, null);
            Duration running = Duration.ofNanos(System.nanoTime() - started);
            if (answer.statusCode() != 202) {
                if (progress) {
                    err.println();
                }
                out.println(answer.body());
                return answer.statusCode() / 100 == 2 ? SmlCli.OK : SmlCli.FAILED;
            }
            if (running.compareTo(limit) >= 0) {
                err.printf("%nsml: job %s still running after %d s; it goes on on the server (bin/sml wait %s)%n",
                        jobId, running.toSeconds(), jobId);
                return SmlCli.FAILED;
            }
            if (progress) {
                err.printf("\rsml: job %s running, %d s ", jobId, running.toSeconds());
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
