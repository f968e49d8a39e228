package dev.lore.bench;

import java.util.List;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * How far apart rewordings and near-misses of the same learning sit for the default embedding model; the duplicate
 * threshold ({@code lore.search.duplicate-similarity}) was set from this.
 */
public final class DuplicateThresholdBench {
    record Pair(String title, String a, String b) {
    }

    static final List<Pair> SAME = List.of(
            new Pair("Egress", "We're trying to reduce our cloud egress costs", "We are trying to cut our cloud egress costs."),
            new Pair("Flaky tests", "Flaky integration tests usually come from shared state between test cases",
                    "Shared state between test cases is the usual cause of flaky integration tests"),
            new Pair("UTC", "Use UTC for every timestamp stored in the database", "Store all database timestamps in UTC."),
            new Pair("Friday deploys", "Deploys on Friday afternoons caused two production incidents last quarter",
                    "Last quarter, two production incidents came from deploying on Friday afternoon"),
            new Pair("Staging", "Use the staging cluster for load tests, never production",
                    "Load tests belong on the staging cluster, not on production"),
            new Pair("VPN", "The VPN drops connections that stay idle longer than ten minutes",
                    "Idle VPN connections are dropped after ten minutes"),
            new Pair("Migrations", "Database migrations must be backwards compatible for one release",
                    "Keep database migrations backward compatible for one release"),
            new Pair("Peanuts", "Bob is allergic to peanuts", "Bob has a peanut allergy"),
            new Pair("Keys", "Rotate the API keys every ninety days", "API keys must be rotated every 90 days"),
            new Pair("Logs", "Logs are kept for thirty days and then deleted", "We keep logs for thirty days, then delete them"));
    static final List<Pair> DIFFERENT = List.of(
            new Pair("Egress", "We're trying to reduce our cloud egress costs", "We're trying to reduce our cloud storage costs"),
            new Pair("Egress", "We're trying to reduce our cloud egress costs", "We're trying to increase our cloud egress costs"),
            new Pair("Egress", "We're trying to reduce our cloud egress costs", "We're trying to reduce our cloud compute costs"),
            new Pair("UTC", "Use UTC for every timestamp stored in the database", "Use local time for every timestamp shown in the UI"),
            new Pair("Staging", "Use the staging cluster for load tests, never production",
                    "Use the staging cluster for security tests, never production"),
            new Pair("VPN", "The VPN drops connections that stay idle longer than ten minutes",
                    "The load balancer drops connections that stay idle longer than ten minutes"),
            new Pair("Peanuts", "Bob is allergic to peanuts", "Alice is allergic to peanuts"),
            new Pair("Friday deploys", "Deploys on Friday afternoons caused two production incidents last quarter",
                    "Deploys on Monday mornings caused two production incidents last quarter"),
            new Pair("Migrations", "Database migrations must be backwards compatible for one release",
                    "API changes must be backwards compatible for one release"),
            new Pair("Logs", "Logs are kept for thirty days and then deleted", "Backups are kept for thirty days and then deleted"));

    public static void main(String[] args) throws Exception {
        EmbeddingModel m = new BgeSmallEnV15QuantizedEmbeddingModel();
        for (boolean withTitle : new boolean[] { false, true }) {
            System.out.println(withTitle ? "title + text" : "text only");
            for (List<Pair> set : List.of(SAME, DIFFERENT)) {
                double min = 1, max = 0;
                for (Pair p : set) {
                    String a = withTitle ? p.title() + "\n" + p.a() : p.a();
                    String b = withTitle ? p.title() + "\n" + p.b() : p.b();
                    double s = ModelChoiceBench.dot(m.embed(a).content().vector(), m.embed(b).content().vector());
                    min = Math.min(min, s);
                    max = Math.max(max, s);
                    System.out.printf("   %.3f %s | %s%n", s, p.a(), p.b());
                }
                System.out.printf("  %s: min %.3f max %.3f%n", set == SAME ? "same" : "different", min, max);
            }
        }
    }
}
