package be.werkregie.chance;

import be.werkregie.platform.JobRuns;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily scoring of every active client with the active version; on one instance only (see {@link JobRuns}). */
@Component
class ChanceJobs {

    private final ChanceScoring scoring;
    private final ChanceModels models;
    private final JobRuns jobs;
    private final Clock clock;

    ChanceJobs(ChanceScoring scoring, ChanceModels models, JobRuns jobs, Clock clock) {
        this.scoring = scoring;
        this.models = models;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(cron = "${werkregie.chance.scoring-cron:0 30 3 * * *}", zone = "${werkregie.clock.zone:Europe/Brussels}")
    void scoreDaily() {
        if (models.active().isPresent() && jobs.claim("chance.daily-scoring")) {
            scoring.scoreAll(LocalDate.now(clock));
        }
    }
}
