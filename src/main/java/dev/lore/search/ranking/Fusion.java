package dev.lore.search.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lore.search.SearchHit;
import dev.lore.search.entries.Entry;
import dev.lore.search.keyword.KeywordHit;
import dev.lore.search.keyword.KeywordMatches;
import dev.lore.search.keyword.QueryTerms;
import dev.lore.search.vector.VectorHit;
import dev.lore.search.vector.VectorIndex;

/**
 * Weighted score fusion of semantic and keyword evidence. Each list is brought to [0, 1]: a keyword relevance as a
 * share of the best one's (BM25 has a true zero, so the weakest match the index returned still counts), all of them
 * counting less when that best match covers little of the query ({@link #keywordCredit}); a similarity min-max
 * between the best and the one at rank {@link #FLOOR_RANK} of the semantic list, or its lowest when shorter (cosine
 * has no such zero; a fixed rank keeps the scale, and so the order, the same however many results are asked for). The
 * two are mixed by weight, then a hit lends a share of its score to the items saved next to it in the same session
 * (an answer often sits in the reply after the line that matched), items carrying a tag the query names get a boost,
 * and each item weighs by its {@link Standing}: more when saves confirmed it again (optionally: recently), less when
 * it asks rather than states. Measured on LoCoMo, this beat reciprocal rank fusion.
 */
final class Fusion {

    /** The rank of the semantic list whose similarity counts as 0: searches retrieve at least this deep. */
    static final int FLOOR_RANK = 50;

    private final SearchSettings settings;
    private final Map<Long, Candidate> candidates = new LinkedHashMap<>();
    private final Set<Long> floorSeqs = new HashSet<>();
    private double bestSimilarity;
    private double floorSimilarity;

    private static final class Candidate {
        final Entry entry;
        Double similarity;
        double keyword;
        List<String> matchedTerms = List.of();
        double fused;
        double score;

        Candidate(Entry entry) {
            this.entry = entry;
        }
    }

    Fusion(SearchSettings settings, List<VectorHit> semantic, KeywordMatches keyword) {
        this.settings = settings;
        for (VectorHit hit : semantic) {
            candidate(hit.entry()).similarity = hit.similarity();
            if (floorSeqs.size() < FLOOR_RANK) { // the list comes most similar first (VectorIndex#nearest)
                floorSeqs.add(hit.entry().seq());
            }
        }
        double maxRelevance = keyword.hits().stream().mapToDouble(KeywordHit::relevance).max().orElse(1);
        double credit = keywordCredit(maxRelevance, keyword.fullMatch());
        for (KeywordHit hit : keyword.hits()) {
            Candidate c = candidate(hit.entry());
            c.keyword = credit * (maxRelevance > 0 ? Math.max(0, hit.relevance()) / maxRelevance : 1);
            c.matchedTerms = hit.matchedTerms();
        }
        normalise();
    }

    /**
     * How far the keyword scores count: in full when the best match covers at least
     * {@link SearchSettings#keywordCoverage()} of a full match of the query's words, falling with the cube of the
     * shortfall below it. A question worded differently from what it looks for shares only incidental words with
     * other items ("bill" with "billing code" for a question about the bandwidth bill); the best of those matches
     * would otherwise score like a match on the question's gist.
     */
    private double keywordCredit(double bestRelevance, double fullMatch) {
        if (settings.keywordCoverage() == 0 || fullMatch <= 0) {
            return 1;
        }
        return Math.pow(Math.min(1, bestRelevance / fullMatch / settings.keywordCoverage()), 3);
    }

    /** Candidates that only keywords found: their similarity, when known, completes their semantic score. */
    Collection<Long> withoutSimilarity() {
        return candidates.values().stream().filter(c -> c.similarity == null).map(c -> c.entry.seq()).toList();
    }

    /** Candidates whose similarity is known. */
    Collection<Long> withSimilarity() {
        return candidates.values().stream().filter(c -> c.similarity != null).map(c -> c.entry.seq()).toList();
    }

    /** The best candidates so far, whose neighbours should be looked up. */
    List<Entry> leaders(int count) {
        return ranked(c -> c.fused).stream().limit(count).map(c -> c.entry).toList();
    }

    /** Adds items that were not candidates (neighbours of leaders) with their similarity, if known. */
    void add(Collection<Entry> entries) {
        entries.forEach(this::candidate);
    }

    void similarities(Map<Long, Double> similarities) {
        similarities.forEach((seq, similarity) -> {
            Candidate c = candidates.get(seq);
            if (c != null && c.similarity == null) {
                c.similarity = similarity;
                fuse(c);
            }
        });
    }

    /**
     * Makes each candidate's similarity the mean of its whole text's and its best passage's (a text of one sentence
     * keeps its own), then normalises the semantic scores again over the blended similarities.
     */
    void passages(Map<Long, Double> bestPassages) {
        bestPassages.forEach((seq, passage) -> {
            Candidate c = candidates.get(seq);
            if (c != null && c.similarity != null) {
                c.similarity = (c.similarity + passage) / 2;
            }
        });
        normalise();
    }

    /**
     * Fuses every candidate with the semantic scores spread between the best similarity and the lowest of the semantic
     * list's first {@link #FLOOR_RANK} (1 and 0 when the list is empty).
     */
    private void normalise() {
        bestSimilarity = candidates.values().stream().filter(c -> c.similarity != null)
                .mapToDouble(c -> c.similarity).max().orElse(1);
        floorSimilarity = floorSeqs.stream().mapToDouble(seq -> candidates.get(seq).similarity).min().orElse(0);
        candidates.values().forEach(this::fuse);
    }

    /** Lends each item a share of its best neighbour's score, scaled down by distance. */
    void lendToNeighbours() {
        Map<String, Map<Integer, Candidate>> bySession = new HashMap<>();
        for (Candidate c : candidates.values()) {
            if (c.entry.sessionId() != null && c.entry.sessionPos() > 0) {
                bySession.computeIfAbsent(c.entry.sessionId(), s -> new HashMap<>()).put(c.entry.sessionPos(), c);
            }
        }
        int window = settings.neighbourWindow();
        for (Candidate c : candidates.values()) {
            double lent = 0;
            Map<Integer, Candidate> session = bySession.get(c.entry.sessionId());
            if (session != null && c.entry.sessionPos() > 0) {
                for (int distance = 1; distance <= window; distance++) {
                    for (int position : new int[] { c.entry.sessionPos() - distance, c.entry.sessionPos() + distance }) {
                        Candidate neighbour = session.get(position);
                        if (neighbour != null) {
                            lent = Math.max(lent, neighbour.fused / distance);
                        }
                    }
                }
            }
            c.score = c.fused + settings.neighbourShare() * lent;
        }
    }

    /** Boosts items carrying a tag that the query names (a tag of several words must appear as a phrase). */
    void boostTags(Map<Long, Set<String>> tagsBySeq, QueryTerms terms, String query) {
        String text = " " + String.join(" ", QueryTerms.words(query)) + " ";
        tagsBySeq.forEach((seq, tags) -> {
            Candidate c = candidates.get(seq);
            if (c != null && tags.stream().anyMatch(tag -> named(tag, terms, text))) {
                c.score *= 1 + settings.tagBoost();
            }
        });
    }

    private static boolean named(String tag, QueryTerms terms, String queryText) {
        List<String> words = QueryTerms.words(tag);
        return words.size() == 1 ? terms.words().contains(words.get(0))
                : !words.isEmpty() && queryText.contains(" " + String.join(" ", words) + " ");
    }

    /**
     * Weighs these candidates by their standing: how often and how recently saves confirmed them, how much they
     * ask.
     */
    void weigh(Map<Long, Standing> standings, Instant now) {
        standings.forEach((seq, standing) -> {
            Candidate c = candidates.get(seq);
            if (c != null) {
                c.score *= standing.weight(settings, now);
            }
        });
    }

    /** The seqs of the best candidates after lending, whose tags and standing decide the final order. */
    List<Long> contenders(int count) {
        return ranked(c -> c.score).stream().limit(count).map(c -> c.entry.seq()).toList();
    }

    List<SearchHit> top(int limit) {
        List<SearchHit> hits = new ArrayList<>();
        for (Candidate c : ranked(c -> c.score)) {
            if (hits.size() == limit) {
                break;
            }
            if (c.score > 0 || c.similarity != null) {
                hits.add(new SearchHit(c.entry.itemId(), c.score, c.similarity, c.matchedTerms));
            }
        }
        return hits;
    }

    private void fuse(Candidate c) {
        double semantic = 0;
        if (c.similarity != null) {
            semantic = bestSimilarity > floorSimilarity
                    ? Math.max(0, (c.similarity - floorSimilarity) / (bestSimilarity - floorSimilarity))
                    : c.similarity >= bestSimilarity ? 1 : 0;
        }
        c.fused = (1 - settings.keywordWeight()) * semantic + settings.keywordWeight() * c.keyword;
        c.score = c.fused;
    }

    private Candidate candidate(Entry entry) {
        return candidates.computeIfAbsent(entry.seq(), seq -> new Candidate(entry));
    }

    private List<Candidate> ranked(java.util.function.ToDoubleFunction<Candidate> by) {
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort(Comparator.comparingDouble(by).reversed()
                .thenComparing(c -> c.entry.seq(), Comparator.reverseOrder()));
        return ranked;
    }
}
