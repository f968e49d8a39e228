package dev.lore.capture;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    /** Real-looking secrets of the common kinds (made up, in each provider's published format), and what they are. */
    static final Map<String, String> SECRETS = Map.ofEntries(
            Map.entry("AKIAZ4QX7JHT2LMNB3VC", "AWS access key"),
            Map.entry("ghp_8Jk2LmN4pQ6rS8tU0vW2xY4zA6bC8dE0fG2h", "GitHub token"),
            Map.entry("github_pat_11ABCDE2F0gHiJkLmNoPqR_sTuVwXyZ0123456789abcdefGHIJKLmnopQRstuvWXyz0123456", "GitHub token"),
            Map.entry("glpat-x8Zq3Kd9LmW2pR7vT4yB", "GitLab token"),
            Map.entry("xoxb-2048571634-5829301847263-Kq8ZmLp3Rt7Wv2Xy9Nb4Cd6F", "Slack token"),
            Map.entry("sk-ant-api03-Xq7vR2mK9pL4tW8zN1cB6dF3hJ5gS0aE-uY2iO7qT9wR4eZ1xV3bN6mK8pL0cQ5sD-AbCdEfGh",
                    "Anthropic key"),
            Map.entry("sk-proj-4fG7hJ9kL2mN5pQ8rS1tV4wX7yZ0aB3cD6eF9gH2jK5", "OpenAI key"),
            Map.entry("AIzaSyD4x9Kq2LmP7rT5vW8yB1nC3fH6jM0pQ2s", "Google API key"),
            Map.entry("sk_live_51HqZ8kL2mN4pQ6rS8tU0vW2x", "Stripe key"),
            Map.entry("npm_a8B2c4D6e8F0g2H4i6J8k0L2m4N6o8P0q2R4", "npm token"),
            Map.entry("hf_QmZx8Kp3Lr7Tv2Wy9Nb4Cd6Fg1Hj5Kl0Mn2", "Hugging Face token"),
            Map.entry("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImlhdCI6MTUxNjIzOTAyMn0"
                    + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "JSON Web Token"));

    @Test
    void theKeysOfCommonProvidersAreRedactedAndNamed() {
        SECRETS.forEach((secret, kind) -> {
            String redacted = SecretRedactor.redact("Use " + secret + " for the deploy.");
            assertThat(redacted).as(kind).isEqualTo("Use [redacted: " + kind + "] for the deploy.");
        });
    }

    @Test
    void privateKeysPasswordsAndSecretSettingsAreRedacted() {
        assertThat(SecretRedactor.redact("""
                Here it is:
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
                QyNTUxOQAAACDh2bJ0Vx3g5rYk8qZ1M2p4s6u8w0y2A4C6E8G0I2K4MAAAAJgHn2cJB59n
                -----END OPENSSH PRIVATE KEY-----
                keep it safe""")).isEqualTo("Here it is:\n[redacted: private key]\nkeep it safe");
        assertThat(SecretRedactor.redact("DATABASE_URL=postgres://lore:s3cr3t-Pa55@db.internal:5432/lore"))
                .isEqualTo("DATABASE_URL=postgres://lore:[redacted: password]@db.internal:5432/lore");
        assertThat(SecretRedactor.redact("db_password: \"hunter2-but-longer\""))
                .isEqualTo("db_password: \"[redacted: secret]\"");
        assertThat(SecretRedactor.redact("export CLIENT_SECRET=9f8e7d6c5b4a3210"))
                .isEqualTo("export CLIENT_SECRET=[redacted: secret]");
        assertThat(SecretRedactor.redact("curl -H 'Authorization: Bearer 7hG2kL9mN4pQ8rS3tV6w' https://api"))
                .isEqualTo("curl -H 'Authorization: Bearer [redacted: bearer token]' https://api");
        assertThat(SecretRedactor.redact("My password is Tr0ub4dor&3, don't tell"))
                .isEqualTo("My password is [redacted: password], don't tell");
    }

    @Test
    void ordinaryTalkAboutSecretsAndTokensIsLeftAlone() {
        for (String said : new String[] {
                "Rotate the API key every 90 days and keep the password in the vault.",
                "The model's context holds 200000 tokens; max_tokens=4096 is enough.",
                "The token bucket refills at 100 requests a second.",
                "Our AWS account is in eu-west-1; the bucket is lore-backups.",
                "Run git commit -m 'fix: release the connection before the payment call'",
                "See https://docs.example.com/auth#tokens for how tokens expire." }) {
            assertThat(SecretRedactor.redact(said)).isEqualTo(said);
        }
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String once = SecretRedactor.redact("token: ghp_8Jk2LmN4pQ6rS8tU0vW2xY4zA6bC8dE0fG2h and password=abcdef123");
        assertThat(SecretRedactor.redact(once)).isEqualTo(once);
        assertThat(once).isEqualTo("token: [redacted: GitHub token] and password=[redacted: secret]");
    }
}
