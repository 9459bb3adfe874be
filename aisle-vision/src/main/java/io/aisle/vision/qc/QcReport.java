package io.aisle.vision.qc;

import java.util.List;

/** Every check run on an output and the overall verdict: the gravest of them. */
public record QcReport(Verdict verdict, List<QcCheck> checks) {
    public QcReport {
        checks = List.copyOf(checks);
    }

    static QcReport of(List<QcCheck> checks) {
        Verdict v = Verdict.PASS;
        for (QcCheck c : checks) v = v.and(c.verdict());
        return new QcReport(v, checks);
    }

    /** The reasons an output did not pass, one per failing check. */
    public List<String> reasons() {
        return checks.stream().filter(c -> c.verdict() != Verdict.PASS).map(c -> c.name() + ": " + c.detail()).toList();
    }

    public QcCheck check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check named " + name));
    }
}
