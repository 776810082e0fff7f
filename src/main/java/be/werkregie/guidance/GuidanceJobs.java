package be.werkregie.guidance;

import be.werkregie.platform.JobRuns;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Guidance's scheduled jobs; each runs on one instance only (see {@link JobRuns}). */
@Component
class GuidanceJobs {

    private final ResultVerification verification;
    private final JobRuns jobs;

    GuidanceJobs(ResultVerification verification, JobRuns jobs) {
        this.verification = verification;
        this.jobs = jobs;
    }

    /** Every night: the claimed results are checked against the declarations that arrived since. */
    @Scheduled(cron = "${werkregie.guidance.verify-cron:0 45 2 * * *}", zone = "${werkregie.clock.zone:Europe/Brussels}")
    void verifyResults() {
        if (jobs.claim("guidance.result-verification")) {
            verification.verifyPending();
        }
    }
}
