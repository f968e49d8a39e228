package dev.lore.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.lore.search.keyword.QueryTerms;
import dev.lore.search.vector.Vectors;

/**
 * Offline comparison of the in-process embedding models shipped as Maven artifacts (run with the bench-models
 * profile): vector-only and keyword-fused retrieval on LoCoMo, and vector retrieval on short insight/question pairs
 * that share no word. Keyword scores come from SQLite FTS5 (BM25), as on the local flavor.
 */
public final class ModelChoiceBench {

    record Candidate(String name, String modelClass, String queryPrefix, String passagePrefix) {
    }

    static final List<Candidate> CANDIDATES = List.of(
            new Candidate("e5-small-v2-q", "dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel",
                    "query: ", "passage: "),
            new Candidate("e5-small-v2", "dev.langchain4j.model.embedding.onnx.e5smallv2.E5SmallV2EmbeddingModel",
                    "query: ", "passage: "),
            new Candidate("bge-small-en-v1.5-q",
                    "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel",
                    "Represent this sentence for searching relevant passages: ", ""),
            new Candidate("bge-small-en-v1.5-q, no query instruction",
                    "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel", "", ""),
            new Candidate("bge-small-en-v1.5",
                    "dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel",
                    "Represent this sentence for searching relevant passages: ", ""),
            new Candidate("all-minilm-l6-v2-q",
                    "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel", "", ""),
            new Candidate("all-minilm-l6-v2",
                    "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel", "", ""));

    public static void main(String[] args) throws Exception {
        Locomo locomo = Locomo.load(Locomo.path());
        List<InsightPairs.Pair> pairs = InsightPairs.load();
        Map<String, Map<String, Double>> bm25 = bm25(locomo);
        System.out.printf("%-42s %8s | %-26s | %-26s | %-26s | %-15s%n", "model", "ms/turn", "LoCoMo vector R@10 / MRR",
                "fused w=0.5 R@10 / MRR", "fused RRF R@10 / MRR", "pairs R@1 / MRR");
        for (Candidate candidate : CANDIDATES) {
            EmbeddingModel model;
            try {
                model = (EmbeddingModel) Class.forName(candidate.modelClass()).getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException e) {
                System.out.printf("%-42s not on the classpath (use the bench-models profile)%n", candidate.name());
                continue;
            }
            evaluate(candidate, model, locomo, pairs, bm25);
        }
    }

    static void evaluate(Candidate c, EmbeddingModel model, Locomo locomo, List<InsightPairs.Pair> pairs,
            Map<String, Map<String, Double>> bm25) {
        Score vector = new Score(), fused = new Score(), rrf = new Score();
        long nanos = 0;
        int embedded = 0;
        for (Locomo.Conversation conversation : locomo.conversations()) {
            Map<String, float[]> turns = new HashMap<>();
            for (Locomo.Turn turn : conversation.turns()) {
                long start = System.nanoTime();
                turns.put(turn.id(), embed(model, c.passagePrefix() + document(turn)));
                nanos += System.nanoTime() - start;
                embedded++;
            }
            for (Locomo.Question q : conversation.questions()) {
                float[] query = embed(model, c.queryPrefix() + q.text());
                Map<String, Double> sims = new HashMap<>();
                turns.forEach((id, v) -> sims.put(id, dot(query, v)));
                Map<String, Double> keyword = bm25.getOrDefault(conversation.id() + "|" + q.text(), Map.of());
                vector.add(rank(sims), q.evidence());
                fused.add(rank(weighted(sims, keyword, 0.5)), q.evidence());
                rrf.add(rank(rrf(sims, keyword)), q.evidence());
            }
        }
        Score pairScore = new Score();
        List<float[]> insights = pairs.stream().map(p -> embed(model, c.passagePrefix() + p.insight())).toList();
        for (int i = 0; i < pairs.size(); i++) {
            float[] query = embed(model, c.queryPrefix() + pairs.get(i).question());
            Map<String, Double> sims = new HashMap<>();
            for (int j = 0; j < insights.size(); j++) {
                sims.put(Integer.toString(j), dot(query, insights.get(j)));
            }
            pairScore.add(rank(sims), java.util.Set.of(Integer.toString(i)));
        }
        System.out.printf("%-42s %8.1f | %10.3f / %-13.3f | %10.3f / %-13.3f | %10.3f / %-13.3f | %5.3f / %.3f%n",
                c.name(), nanos / 1e6 / embedded, vector.recall(10), vector.mrr(), fused.recall(10), fused.mrr(),
                rrf.recall(10), rrf.mrr(), pairScore.recall(1), pairScore.mrr());
    }

    static String document(Locomo.Turn turn) {
        return turn.speaker() + ": " + turn.text() + " (" + turn.sessionDate() + ")";
    }

    static float[] embed(EmbeddingModel model, String text) {
        return model.embed(text).content().vector();
    }

    static double dot(float[] a, float[] b) {
        return Vectors.dot(a, b);
    }

    static Map<String, Double> weighted(Map<String, Double> sims, Map<String, Double> keyword, double keywordWeight) {
        Map<String, Double> v = minMax(top(sims, 50)), k = minMax(keyword);
        Map<String, Double> fused = new HashMap<>();
        v.forEach((id, s) -> fused.merge(id, (1 - keywordWeight) * s, Double::sum));
        k.forEach((id, s) -> fused.merge(id, keywordWeight * s, Double::sum));
        return fused;
    }

    static Map<String, Double> rrf(Map<String, Double> sims, Map<String, Double> keyword) {
        Map<String, Double> fused = new HashMap<>();
        List<String> v = rank(top(sims, 50)), k = rank(keyword);
        for (int i = 0; i < v.size(); i++) {
            fused.merge(v.get(i), 1.0 / (60 + i + 1), Double::sum);
        }
        for (int i = 0; i < k.size(); i++) {
            fused.merge(k.get(i), 1.0 / (60 + i + 1), Double::sum);
        }
        return fused;
    }

    static Map<String, Double> top(Map<String, Double> scores, int n) {
        Map<String, Double> top = new HashMap<>();
        rank(scores).stream().limit(n).forEach(id -> top.put(id, scores.get(id)));
        return top;
    }

    static Map<String, Double> minMax(Map<String, Double> scores) {
        double min = scores.values().stream().mapToDouble(d -> d).min().orElse(0);
        double max = scores.values().stream().mapToDouble(d -> d).max().orElse(1);
        Map<String, Double> normalised = new HashMap<>();
        scores.forEach((id, s) -> normalised.put(id, max > min ? (s - min) / (max - min) : 1.0));
        return normalised;
    }

    static List<String> rank(Map<String, Double> scores) {
        List<String> ids = new ArrayList<>(scores.keySet());
        ids.sort(Comparator.comparing((String id) -> scores.get(id)).reversed());
        return ids;
    }

    /** BM25 scores (FTS5, Porter) of each question's top 50 turns, keyed by conversation and question. */
    static Map<String, Map<String, Double>> bm25(Locomo locomo) throws Exception {
        Map<String, Map<String, Double>> scores = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE VIRTUAL TABLE t USING fts5(conv UNINDEXED, id UNINDEXED, body, "
                        + "tokenize = 'porter unicode61 remove_diacritics 2')");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                for (Locomo.Conversation c : locomo.conversations()) {
                    for (Locomo.Turn turn : c.turns()) {
                        insert.setString(1, c.id());
                        insert.setString(2, turn.id());
                        insert.setString(3, document(turn));
                        insert.executeUpdate();
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT id, -bm25(t) FROM t WHERE t MATCH ? AND conv = ? ORDER BY bm25(t) LIMIT 50")) {
                for (Locomo.Conversation c : locomo.conversations()) {
                    for (Locomo.Question q : c.questions()) {
                        Map<String, Double> hits = new HashMap<>();
                        QueryTerms terms = QueryTerms.of(q.text());
                        if (!terms.isEmpty()) {
                            query.setString(1, terms.asFts5AnyOf());
                            query.setString(2, c.id());
                            try (ResultSet rows = query.executeQuery()) {
                                while (rows.next()) {
                                    hits.put(rows.getString(1), rows.getDouble(2));
                                }
                            }
                        }
                        scores.put(c.id() + "|" + q.text(), hits);
                    }
                }
            }
        }
        return scores;
    }

    /** Recall@k of evidence turns and mean reciprocal rank of the first evidence turn. */
    static final class Score {
        private final List<List<String>> rankings = new ArrayList<>();
        private final List<java.util.Set<String>> evidence = new ArrayList<>();

        void add(List<String> ranking, java.util.Set<String> relevant) {
            rankings.add(ranking);
            evidence.add(relevant);
        }

        double recall(int k) {
            double sum = 0;
            for (int i = 0; i < rankings.size(); i++) {
                List<String> top = rankings.get(i).subList(0, Math.min(k, rankings.get(i).size()));
                sum += (double) top.stream().filter(evidence.get(i)::contains).count() / evidence.get(i).size();
            }
            return sum / rankings.size();
        }

        double mrr() {
            double sum = 0;
            for (int i = 0; i < rankings.size(); i++) {
                for (int r = 0; r < rankings.get(i).size(); r++) {
                    if (evidence.get(i).contains(rankings.get(i).get(r))) {
                        sum += 1.0 / (r + 1);
                        break;
                    }
                }
            }
            return sum / rankings.size();
        }
    }
}
