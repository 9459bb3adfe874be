package io.aisle.server.content;

import io.aisle.content.ContentKind;
import io.aisle.content.gate.Finding;
import io.aisle.content.gate.GateResult;
import io.aisle.content.pipeline.Candidate;
import io.aisle.content.pipeline.ContentJobs;
import io.aisle.content.pipeline.ContentOutcome;
import io.aisle.content.pipeline.PublishedContent;
import io.aisle.content.pipeline.PublishedText;
import io.aisle.content.pipeline.ReviewQueue;
import io.aisle.content.rank.EngagementScore;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentLedgerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @TempDir Path tempDir;

    private static ContentOutcome.Escalated escalated(String subject) {
        Candidate thin = new Candidate(0, 0, "Cap. A cap.", "composer",
                List.of(GateResult.of("structure", List.of(new Finding("structure", "too_short", "Write at least 120 characters."))),
                        GateResult.of("facts", List.of())),
                EngagementScore.of(0.031, 0.12));
        Candidate failed = new Candidate(1, 1, "", "llm", List.of(), new EngagementScore(0, 0, 0));
        return new ContentOutcome.Escalated(subject, ContentKind.DESCRIPTION, Locale.GERMAN, "no candidate passed in 2 rounds", List.of(thin, failed));
    }

    @Test void the_queue_and_the_published_texts_come_back_as_they_were() {
        Path dir = tempDir;
        ContentLedger ledger = new ContentLedger(dir, Json.mapper());
        PublishedContent published = new PublishedContent(ledger);
        ReviewQueue queue = new ReviewQueue(published, CLOCK, ledger);
        published.put(new PublishedText("MH01", ContentKind.SEO_TITLE, Locale.ENGLISH, "Chaz Kangeroo Hoodie", "composer", "auto", CLOCK.instant()));
        ReviewQueue.Item first = queue.add(escalated("CAP"));
        ReviewQueue.Item second = queue.add(escalated("HAT"));
        queue.approve(first.id(), 0, "ana");
        queue.reject(second.id(), "too thin");

        ContentLedger reopened = new ContentLedger(dir, Json.mapper());
        PublishedContent published2 = new PublishedContent(reopened);
        ReviewQueue queue2 = new ReviewQueue(published2, CLOCK, reopened);
        assertThat(queue2.list(null)).isEqualTo(queue.list(null));
        assertThat(queue2.get(first.id()).orElseThrow().outcome()).isEqualTo(escalated("CAP"));
        assertThat(published2.of("CAP")).isEqualTo(published.of("CAP")).hasSize(1);
        assertThat(published2.of("MH01")).isEqualTo(published.of("MH01")).hasSize(1);
        assertThat(queue2.add(escalated("SOCK")).id()).isEqualTo("r3");
    }

    @Test void jobs_come_back_and_one_cut_short_by_a_stop_comes_back_failed_saying_so() {
        ContentLedger ledger = new ContentLedger(tempDir, Json.mapper());
        ContentJobs.Spec spec = new ContentJobs.Spec(List.of(ProductId.of("CAP")), List.of(ContentKind.DESCRIPTION, ContentKind.SEO_TITLE),
                Locale.GERMAN, "");
        ContentJobs.Status done = new ContentJobs.Status("job-1", ContentJobs.State.DONE, spec, 2, 2, 1, 1, 0, "",
                CLOCK.instant(), CLOCK.instant().plusSeconds(3));
        ledger.job(new ContentJobs.Status("job-1", ContentJobs.State.QUEUED, spec, 0, 0, 0, 0, 0, "", CLOCK.instant(), null));
        ledger.job(done);
        ledger.job(new ContentJobs.Status("job-2", ContentJobs.State.RUNNING, spec, 2, 0, 0, 0, 0, "", CLOCK.instant(), null));

        ContentLedger reopened = new ContentLedger(tempDir, Json.mapper());
        PublishedContent published = new PublishedContent(reopened);
        try (ContentJobs jobs = new ContentJobs(null, List::of, all -> null, published, new ReviewQueue(published, CLOCK, reopened),
                CLOCK, reopened)) {
            assertThat(jobs.status("job-1")).contains(done);
            ContentJobs.Status cut = jobs.status("job-2").orElseThrow();
            assertThat(cut.state()).isEqualTo(ContentJobs.State.FAILED);
            assertThat(cut.error()).startsWith("interrupted");
            assertThat(cut.spec()).isEqualTo(spec);
        }
    }

    @Test void a_torn_last_line_is_skipped_and_any_other_bad_line_fails_naming_it() throws Exception {
        ContentLedger ledger = new ContentLedger(tempDir, Json.mapper());
        new ReviewQueue(new PublishedContent(ledger), CLOCK, ledger).add(escalated("CAP"));
        Files.writeString(ledger.path(), "{\"type\": \"rev", StandardOpenOption.APPEND);
        assertThat(new ContentLedger(tempDir, Json.mapper()).replay().reviewed()).hasSize(1);

        Files.writeString(ledger.path(), "\n{\"type\": \"review\", \"id\": \"r9\"}\n{\"type\": \"published\"}\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> new ContentLedger(tempDir, Json.mapper()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2 is not JSON");
    }

    @Test void an_entry_missing_a_field_fails_naming_the_line_and_the_field() throws Exception {
        Files.writeString(tempDir.resolve(ContentLedger.NAME), "{\"type\": \"published\", \"subject\": \"MH01\", \"kind\": \"seo_title\"}\n");
        assertThatThrownBy(() -> new ContentLedger(tempDir, Json.mapper())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 1").hasMessageContaining("locale: missing");
    }
}
