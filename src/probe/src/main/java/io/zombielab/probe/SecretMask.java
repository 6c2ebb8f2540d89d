package io.zombielab.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values of command-line arguments that look like credentials wherever a command line leaves the model
 * for a person or a file: process tables, an image's ENTRYPOINT and CMD, an init's entrypoint. CI systems mask
 * secrets in logs, not in the JUnit XML and reports they keep as artifacts, so the reports hide them themselves.
 *
 * <p>What is hidden (the name stays, the value becomes {@value #HIDDEN}):
 * <ul>
 *   <li>{@code --NAME=VALUE}, {@code -DNAME=VALUE} and {@code NAME=VALUE} (environment style) where the last word of
 *       NAME (split at {@code - _ .} and camel case) is a credential word: password, passwd, pwd, pass, passphrase,
 *       secret, token, key, apikey, credential(s), auth ({@code --db-password=}, {@code AWS_SECRET_ACCESS_KEY=},
 *       {@code --api-key=}, {@code -Ddb.password=}, {@code --authToken=});</li>
 *   <li>the next argument after such a flag given alone ({@code --password VALUE}, {@code --token VALUE}), unless it
 *       is another option;</li>
 *   <li>the next argument after {@code -p}, unless it is a port or a port mapping ({@code 3000}, {@code 8080:80},
 *       {@code 127.0.0.1:8080:80/tcp}), a path, a signal name or another option: {@code -p} is far more often a port
 *       ({@code next start -p 3000}, {@code docker run -p}, {@code ssh -p 22}) than a password ({@code sshpass -p});</li>
 *   <li>the password of a URL's user ({@code postgres://app:VALUE@db/app}), anywhere in an argument;</li>
 *   <li>a header's credentials: {@code Authorization: Bearer VALUE} (the scheme stays), {@code X-Api-Key: VALUE}.</li>
 * </ul>
 * Not hidden: what only names where a secret is ({@code --password-file=/run/secrets/db}: its last word is file),
 * {@code --port=3000}, paths, {@code -pVALUE} run together (as in {@code find -print} and {@code gcc -pthread}, it is
 * too often an option of its own). Rule: one argument in, the same argument out, only a value replaced.
 *
 * <p>Hidden by default; a process that wants the values ({@code zombielab ... --show-secrets}) opens a
 * {@link #showingSecrets()} scope. The setting is the process's, not a thread's: the lab renders on worker threads.
 */
public final class SecretMask {

    /** What a hidden value reads as. */
    public static final String HIDDEN = "***";

    private static final Set<String> CREDENTIAL_WORDS = Set.of(
            "password",
            "passwd",
            "pwd",
            "pass",
            "passphrase",
            "secret",
            "token",
            "key",
            "apikey",
            "credential",
            "credentials",
            "auth");
    private static final Set<String> AUTH_SCHEMES = Set.of("bearer", "basic", "token", "digest", "negotiate", "apikey");

    /** {@code -NAME=VALUE}, {@code --NAME=VALUE}, {@code NAME=VALUE}: group 1 up to and with '=', group 2 NAME. */
    private static final Pattern ASSIGNMENT = Pattern.compile("^((?:-{1,2}D?)?([A-Za-z_][\\w.-]*)=)(.+)$");
    /** A flag alone: {@code --password}, {@code -token}. */
    private static final Pattern FLAG = Pattern.compile("^-{1,2}([A-Za-z][\\w.-]*)$");
    /** A header name with its colon, the value in the next argument or after the colon. */
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z][\\w-]*):(.*)$");
    /** scheme://user:password@ anywhere in an argument. */
    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*):([^/\\s@]+)@");
    /** What -p takes that is no password: a port, a range, a mapping, with an address and a protocol. */
    private static final Pattern PORTS = Pattern.compile("^(\\[[0-9a-fA-F:]+]:)?[0-9][0-9.:-]*(/(tcp|udp|sctp))?$");

    private static final Pattern SIGNAL = Pattern.compile("^SIG[A-Z0-9+-]+$");

    private static volatile boolean showing;

    private SecretMask() {}

    /** Until closed, every rendering in this process shows the values as they are. */
    public static Scope showingSecrets() {
        boolean before = showing;
        showing = true;
        return () -> showing = before;
    }

    /** The values are shown within this; closing it hides them again (as before it was opened). */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A command line as /proc shows it (its arguments joined by spaces), its secrets hidden. */
    public static String line(String commandLine) {
        if (showing || commandLine.isEmpty()) {
            return commandLine;
        }
        return String.join(" ", words(List.of(commandLine.split(" ", -1))));
    }

    /** An argument vector (an image's ENTRYPOINT, CMD), its secrets hidden; an argument may hold spaces. */
    public static List<String> argv(List<String> argv) {
        if (showing) {
            return argv;
        }
        List<String> flat = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String arg : argv) {
            String[] words = arg.split(" ", -1);
            sizes.add(words.length);
            flat.addAll(List.of(words));
        }
        List<String> masked = words(flat);
        List<String> out = new ArrayList<>(argv.size());
        int at = 0;
        for (int size : sizes) {
            out.add(String.join(" ", masked.subList(at, at + size)));
            at += size;
        }
        return out;
    }

    /** What the next word is, given the one before. */
    private enum Next {
        AS_IS,
        VALUE,
        PORT_OR_VALUE,
        SCHEME_OR_VALUE
    }

    private static List<String> words(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        Next next = Next.AS_IS;
        for (String word : words) {
            if (word.isEmpty()) {
                out.add(word);
                continue;
            }
            Next expected = next;
            next = Next.AS_IS;
            switch (expected) {
                case VALUE -> {
                    if (!word.startsWith("-")) {
                        out.add(HIDDEN);
                        continue;
                    }
                }
                case PORT_OR_VALUE -> {
                    if (!word.startsWith("-") && !harmlessAfterP(word)) {
                        out.add(HIDDEN);
                        continue;
                    }
                }
                case SCHEME_OR_VALUE -> {
                    if (AUTH_SCHEMES.contains(word.toLowerCase(Locale.ROOT))) {
                        out.add(word);
                        next = Next.VALUE;
                    } else {
                        out.add(HIDDEN);
                    }
                    continue;
                }
                case AS_IS -> {}
            }
            Matcher flag = FLAG.matcher(word);
            Matcher header = HEADER.matcher(word);
            Matcher assignment = ASSIGNMENT.matcher(word);
            if (word.equals("-p")) {
                out.add(word);
                next = Next.PORT_OR_VALUE;
            } else if (flag.matches()) {
                out.add(word);
                next = credential(flag.group(1)) ? Next.VALUE : Next.AS_IS;
            } else if (header.matches() && isAuthorization(header.group(1))) {
                String value = header.group(2);
                boolean scheme = AUTH_SCHEMES.contains(value.toLowerCase(Locale.ROOT));
                out.add(value.isEmpty() || scheme ? word : header.group(1) + ":" + HIDDEN);
                next = value.isEmpty() ? Next.SCHEME_OR_VALUE : scheme ? Next.VALUE : Next.AS_IS;
            } else if (header.matches()
                    && credential(header.group(1))
                    && !header.group(2).startsWith("//")) {
                out.add(header.group(2).isEmpty() ? word : header.group(1) + ":" + HIDDEN);
                next = header.group(2).isEmpty() ? Next.VALUE : Next.AS_IS;
            } else if (assignment.matches() && credential(assignment.group(2))) {
                out.add(assignment.group(1) + HIDDEN);
            } else {
                out.add(URL_PASSWORD.matcher(word).replaceAll("$1:" + Matcher.quoteReplacement(HIDDEN) + "@"));
            }
        }
        return out;
    }

    private static boolean isAuthorization(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("proxy-authorization");
    }

    /** Whether NAME's last word is a credential word: db-password, AWS_SECRET_ACCESS_KEY, apiKey, db.password. */
    static boolean credential(String name) {
        String[] parts = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .split("[-_.]+");
        return parts.length > 0 && CREDENTIAL_WORDS.contains(parts[parts.length - 1]);
    }

    private static boolean harmlessAfterP(String word) {
        return PORTS.matcher(word).matches()
                || SIGNAL.matcher(word).matches()
                || word.startsWith("/")
                || word.startsWith("./")
                || word.startsWith("../")
                || word.startsWith("~");
    }
}
