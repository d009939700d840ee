package dev.kontor.host.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.schedule.JobScope;
import dev.kontor.api.schedule.ScheduledJob;
import dev.kontor.host.internal.module.PanelGate;
import dev.kontor.host.internal.module.SwitchBoard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The panel's scheduler as a module's jobs see it, gated like the module's menu and REST resources. */
class JobScheduleTest {

    private static final String MODULE = "tidy";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final List<String> ORGANIZATIONS = List.of("org-a", "org-b");

    private final ManualTimer timer = new ManualTimer();
    private final SwitchBoard switches = new SwitchBoard();
    private final JobSchedule schedule = new JobSchedule(switches.bound(), timer);
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @Test
    void jobRunsOnceEveryIntervalFirstOneIntervalAfterRegistration() {
        Recording job = new Recording();
        start(job);

        timer.advance(HOUR.minusSeconds(1));
        assertEquals(List.of(), job.runs);
        timer.advance(HOUR.multipliedBy(2));

        assertEquals(List.of(Instant.parse("2026-11-23T11:00:00Z"), Instant.parse("2026-11-23T12:00:00Z")), job.runs);
    }

    @Test
    void runIsSkippedWhileTheModuleIsOffForThePanel() {
        Recording job = new Recording();
        start(job);
        switches.offForPanel(MODULE);

        timer.advance(HOUR);
        assertEquals(0, job.runs.size());
    }

    @Test
    void scopeIncludesOnlyOrganizationsTheModuleIsOnFor() {
        Recording job = new Recording();
        start(job);
        switches.offFor(MODULE, "org-a");

        timer.advance(HOUR);

        assertEquals(List.of("org-b"), job.actedFor);
    }

    @Test
    void failingRunIsReportedAndTheNextRunComesAllTheSame() {
        AtomicInteger runs = new AtomicInteger();
        start(scope -> {
            runs.incrementAndGet();
            throw new IllegalStateException("disk full");
        });

        timer.advance(HOUR.multipliedBy(2));

        assertEquals(2, runs.get());
        assertEquals(2, failures.size());
        assertTrue(failures.get(0).contains("tidy.job") && failures.get(0).contains("disk full"), failures::toString);
    }

    @Test
    void runDueWhileThePreviousIsUnderWayIsSkippedNotOverlapped() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        start(scope -> {
            runs.incrementAndGet();
            entered.countDown();
            release.await();
        });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = other.submit(() -> timer.fireAll(Instant.parse("2026-11-23T11:00:00Z")));
            assertTrue(entered.await(30, TimeUnit.SECONDS));

            timer.fireAll(Instant.parse("2026-11-23T12:00:00Z")); // due again while the first run still waits

            assertEquals(1, runs.get());
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        timer.fireAll(Instant.parse("2026-11-23T13:00:00Z"));
        assertEquals(2, runs.get(), "the next run after the long one finished");
    }

    @Test
    void cancelledJobIsNeverRunAgain() {
        Recording job = new Recording();
        JobSchedule.Running running = start(job);
        timer.advance(HOUR);

        running.cancel();
        timer.advance(HOUR.multipliedBy(3));

        assertEquals(1, job.runs.size());
        assertEquals(0, timer.active());
    }

    @Test
    void jobWithoutAUsableIntervalIsRefusedNamingTheProperty() {
        for (Object interval : new Object[] {null, 0L, -5L, "soon", 1.5}) {
            Map<String, Object> properties = new java.util.HashMap<>(Map.of(JobDefinition.NAME, "tidy.job"));
            if (interval != null) {
                properties.put(JobDefinition.INTERVAL, interval);
            }
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> JobDefinition.of(properties, MODULE), () -> "interval " + interval);
            assertTrue(refused.getMessage().contains(JobDefinition.INTERVAL), refused::getMessage);
        }
        assertThrows(IllegalArgumentException.class, () -> JobDefinition.of(Map.of(JobDefinition.INTERVAL, 60L), MODULE));
        assertEquals(Duration.ofSeconds(60), JobDefinition.of(Map.of(JobDefinition.NAME, "tidy.job", JobDefinition.INTERVAL, 60L),
                MODULE).interval());
    }

    @Test
    void hostsOwnJobRunsWhateverTheGateSays() {
        PanelGate gate = new SwitchBoard().offForPanel(MODULE).bound();
        Recording job = new Recording();
        new JobSchedule(gate, timer).start(new JobDefinition("host.job", HOUR, null), job, failures::add);

        timer.advance(HOUR);

        assertEquals(1, job.runs.size());
    }

    private JobSchedule.Running start(ScheduledJob job) {
        return schedule.start(JobDefinition.of(Map.of(JobDefinition.NAME, "tidy.job", JobDefinition.INTERVAL, HOUR.toSeconds()), MODULE),
                job, failures::add);
    }

    /** Records when it ran and which organizations it acted for. */
    private static final class Recording implements ScheduledJob {
        private final List<Instant> runs = new CopyOnWriteArrayList<>();
        private final List<String> actedFor = new CopyOnWriteArrayList<>();

        @Override
        public void run(JobScope scope) {
            runs.add(scope.scheduledAt());
            ORGANIZATIONS.stream().filter(scope::includes).forEach(actedFor::add);
        }
    }
}
