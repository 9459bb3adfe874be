package io.aisle.vision.qc;

/** One quality check on one output: its verdict, the measured value, and the reason in words. */
public record QcCheck(String name, Verdict verdict, double value, String detail) {
    static QcCheck pass(String name, double value, String detail) { return new QcCheck(name, Verdict.PASS, value, detail); }
}
