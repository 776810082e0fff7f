package be.werkregie.vouchers;

import be.werkregie.platform.JobRuns;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The vouchers' scheduled jobs; each runs on one instance only (see {@link JobRuns}). */
@Component
class VoucherJobs {

    private final Vouchers vouchers;
    private final Misuse misuse;
    private final JobRuns jobs;

    VoucherJobs(Vouchers vouchers, Misuse misuse, JobRuns jobs) {
        this.vouchers = vouchers;
        this.misuse = misuse;
        this.jobs = jobs;
    }

    /** Vouchers not handed to a centre within their validity lapse (daily, and before every payment run). */
    @Scheduled(cron = "${werkregie.vouchers.lapse-cron:0 15 2 * * *}", zone = "${werkregie.clock.zone:Europe/Brussels}")
    void lapse() {
        if (jobs.claim("vouchers.lapse")) {
            vouchers.lapseExpired();
        }
    }

    /** The weekly misuse detection. */
    @Scheduled(cron = "${werkregie.vouchers.misuse.detect-cron:0 30 3 * * MON}", zone = "${werkregie.clock.zone:Europe/Brussels}")
    void detectMisuse() {
        if (jobs.claim("vouchers.misuse-detection")) {
            misuse.detect();
        }
    }
}
