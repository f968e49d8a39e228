package dev.lore.capture;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Takes secrets out of text before Lore keeps it or hands it to a model: keys and tokens of the common providers (by
 * their published formats, the ones secret scanners such as gitleaks look for), private keys, signed tokens,
 * passwords in URLs, and values given to settings whose name says they are secret. Each is replaced by a marker that
 * says what was there ({@code [redacted: GitHub token]}), so the sentence still reads and nothing can be recovered.
 * It errs on the side of redacting: a value after {@code password=} goes even when it was not a real password.
 */
public final class SecretRedactor {

    private record Rule(String kind, Pattern pattern, int group) {
        Rule(String kind, String regex) {
            this(kind, Pattern.compile(regex), 0);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("private key", "-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE"
                    + " KEY( BLOCK)?-----"),
            new Rule("AWS access key", "\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b"),
            new Rule("GitHub token", "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\\b"),
            new Rule("GitHub token", "\\bgithub_pat_[A-Za-z0-9_]{22,255}\\b"),
            new Rule("GitLab token", "\\bglpat-[A-Za-z0-9_-]{20,}"),
            new Rule("Slack token", "\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
            new Rule("Slack webhook", "https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]+"),
            new Rule("Anthropic key", "\\bsk-ant-[A-Za-z0-9_-]{20,}"),
            new Rule("OpenAI key", "\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"),
            new Rule("Google API key", "\\bAIza[0-9A-Za-z_-]{35}"),
            new Rule("Stripe key", "\\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}"),
            new Rule("SendGrid key", "\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"),
            new Rule("npm token", "\\bnpm_[A-Za-z0-9]{36}\\b"),
            new Rule("PyPI token", "\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),
            new Rule("Hugging Face token", "\\bhf_[A-Za-z0-9]{34,}\\b"),
            new Rule("DigitalOcean token", "\\bdo[por]_v1_[a-f0-9]{64}\\b"),
            new Rule("Shopify token", "\\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\\b"),
            new Rule("JSON Web Token", "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            new Rule("bearer token", Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{16,}=*)"), 1),
            new Rule("password", Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]+:([^\\s@/]+)@"), 1),
            new Rule("secret", Pattern.compile("(?i)\\b(?:[a-z0-9]+[_-])*(?:password|passwd|pwd|passphrase|secret"
                    + "|api[_-]?key|apikey|access[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token"
                    + "|client[_-]?secret|private[_-]?key|token)\\b[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;]{6,})"), 1),
            new Rule("password", Pattern.compile("(?i)\\b(?:password|passphrase)\\s+is\\s+[\"']?([^\\s\"',;]{6,})"),
                    1));

    private SecretRedactor() {
    }

    /**
     * Redacts every text of a JSON document in place (field names are left alone); answers whether one changed.
     */
    public static boolean redact(JsonNode json) {
        boolean changed = false;
        if (json instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    String redacted = redact(field.getValue().asText());
                    if (!redacted.equals(field.getValue().asText())) {
                        field.setValue(TextNode.valueOf(redacted));
                        changed = true;
                    }
                } else {
                    changed |= redact(field.getValue());
                }
            }
        } else if (json instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    String redacted = redact(array.get(i).asText());
                    if (!redacted.equals(array.get(i).asText())) {
                        array.set(i, TextNode.valueOf(redacted));
                        changed = true;
                    }
                } else {
                    changed |= redact(array.get(i));
                }
            }
        }
        return changed;
    }

    /** The text with every secret the rules know replaced by a marker naming its kind. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(redacted);
            if (!matcher.find()) {
                continue;
            }
            StringBuilder out = new StringBuilder(redacted.length());
            int from = 0;
            do {
                if (matcher.group(rule.group()).startsWith("[redacted")) {
                    continue; // an earlier rule took it already
                }
                out.append(redacted, from, matcher.start(rule.group())).append("[redacted: ").append(rule.kind())
                        .append(']');
                from = matcher.end(rule.group());
            } while (matcher.find());
            out.append(redacted, from, redacted.length());
            redacted = out.toString();
        }
        return redacted;
    }
}
