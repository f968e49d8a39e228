package dev.lore.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.lore.auth.AccessToken;
import dev.lore.auth.AccessTokens;
import dev.lore.identity.Role;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lore token}: the tokens that let people and agents call {@code lore http}. A token is printed once, when it
 * is made, alone on standard output (for {@code TOKEN=$(lore token create ...)}); Lore keeps only its hash.
 */
@Command(name = "token", description = {
        "Make, list and revoke the tokens that let people and agents call lore http.",
        "  lore token create --user U --namespaces A[,B...] [--role member|reviewer|admin] [--expires 90d]",
        "                        prints the new token, once: Lore keeps only its hash",
        "  lore token list       every token: id, user, role, namespaces, when it expires, whether it was revoked",
        "  lore token revoke ID  refuses the token from now on, on every Lore on this store" })
@Dependent
@RegisterForReflection
public class TokenCommand implements QuarkusApplication, Callable<Integer> {

    static final int REFUSED = 1;
    private static final Pattern LIFETIME = Pattern.compile("(\\d{1,5})([dhm])");

    @Parameters(index = "0", paramLabel = "ACTION", description = "create, list or revoke.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "With revoke: the token's id.")
    String id;

    @Option(names = "--user", description = "With create: the user the token acts as.")
    String user;

    @Option(names = "--namespaces", split = ",", description = "With create: the namespaces the token may read and "
            + "write, comma-separated; calls that name none work in the first.")
    List<String> namespaces;

    @Option(names = "--role", defaultValue = "member", description = "With create: member (the default), reviewer "
            + "(also decides on the review inbox) or admin (also acts for any user, in any namespace).")
    String role;

    @Option(names = "--expires", description = "With create: how long the token is valid, such as 90d, 12h or 30m "
            + "(default: until revoked).")
    String expires;

    @Spec
    CommandSpec spec;

    @Inject
    AccessTokens tokens;

    @Override
    public Integer call() {
        boolean create = "create".equals(action);
        if (!List.of("create", "list", "revoke").contains(action)) {
            throw usage("Unknown action '" + action + "': create, list or revoke");
        }
        if ("revoke".equals(action) != (id != null)) {
            throw usage(id == null ? "revoke needs the token's id" : action + " takes no id");
        }
        if (create != (user != null) || create != (namespaces != null) || !create && expires != null) {
            throw usage(create ? "create needs --user and --namespaces"
                    : "--user, --namespaces, --role and --expires go with create");
        }
        if (create) {
            try {
                Role.of(role);
                lifetime(expires);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        return Lore.runOnStore(TokenCommand.class, false, Lore.argumentsOf(spec));
    }

    @Override
    public int run(String... args) {
        new CommandLine(this).parseArgs(args);
        switch (action) {
            case "create" -> {
                AccessTokens.Issued issued;
                try {
                    issued = tokens.create(user, namespaces, Role.of(role), lifetime(expires));
                } catch (IllegalArgumentException e) {
                    System.err.println("lore token: " + e.getMessage());
                    return CommandLine.ExitCode.USAGE;
                }
                AccessToken made = issued.record();
                System.err.println("Token " + made.id + " for " + made.userId + " (" + made.role.label() + ") in "
                        + String.join(", ", made.namespaces) + ", " + (made.expiresAt == null ? "until revoked"
                                : "until " + made.expiresAt) + ". It is shown this once: keep it now.");
                System.out.println(issued.token());
            }
            case "list" -> System.out.print(table(tokens.all()));
            default -> {
                if (!tokens.revoke(id)) {
                    System.err.println("lore token: no token has the id " + id);
                    return REFUSED;
                }
                System.err.println("Token " + id + " is revoked.");
            }
        }
        return CommandLine.ExitCode.OK;
    }

    private static String table(List<AccessToken> all) {
        if (all.isEmpty()) {
            return "No token was made yet: lore token create --user U --namespaces N\n";
        }
        Instant now = Instant.now();
        StringBuilder text = new StringBuilder(String.format("%-36s  %-16s  %-8s  %-8s  %-24s  %s%n", "ID", "USER",
                "ROLE", "STATE", "EXPIRES", "NAMESPACES"));
        for (AccessToken token : all) {
            String state = token.revokedAt != null ? "revoked" : token.validAt(now) ? "valid" : "expired";
            text.append(String.format("%-36s  %-16s  %-8s  %-8s  %-24s  %s%n", token.id, token.userId,
                    token.role.label(), state, token.expiresAt == null ? "never" : token.expiresAt.toString(),
                    String.join(",", token.namespaces)));
        }
        return text.toString();
    }

    /** A lifetime such as 90d, 12h or 30m, or an ISO-8601 duration; {@code null} for none. */
    static Duration lifetime(String given) {
        if (given == null) {
            return null;
        }
        Matcher shortForm = LIFETIME.matcher(given.strip().toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            Duration lifetime = switch (shortForm.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            };
            if (!lifetime.isZero()) {
                return lifetime;
            }
        }
        try {
            Duration lifetime = Duration.parse(given.strip());
            if (!lifetime.isNegative() && !lifetime.isZero()) {
                return lifetime;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw new IllegalArgumentException("--expires must be a positive time such as 90d, 12h or 30m, not '"
                + given + "'");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
