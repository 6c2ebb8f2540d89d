package io.zombielab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reports are safe to upload: a command line's credentials are hidden, and nothing else of it is. */
@Tag("unit")
@DisplayName("SecretMask")
class SecretMaskTest {

    @ParameterizedTest(name = "{0}  ->  {1}")
    @DisplayName("hides what looks like a credential, keeps its name")
    @CsvSource(
            delimiter = '|',
            value = {
                "node server.js --db-password=hunter2 --token=abc123 | node server.js --db-password=*** --token=***",
                "app --api-key=k1 --secret=s1 --client-secret=s2 | app --api-key=*** --secret=*** --client-secret=***",
                "app --apiKey=k1 --authToken=t1 | app --apiKey=*** --authToken=***",
                "env AWS_SECRET_ACCESS_KEY=xyz GITHUB_TOKEN=ghp_1 DB_PASSWORD=hunter2 app | env AWS_SECRET_ACCESS_KEY=*** GITHUB_TOKEN=*** DB_PASSWORD=*** app",
                "java -Ddb.password=hunter2 -jar app.jar | java -Ddb.password=*** -jar app.jar",
                "app --password hunter2 --token abc --api-key k --secret s | app --password *** --token *** --api-key *** --secret ***",
                "sshpass -p hunter2 ssh host | sshpass -p *** ssh host",
                "app --db=postgres://app:hunter2@db:5432/app | app --db=postgres://app:***@db:5432/app",
                "DATABASE_URL=redis://:hunter2@cache:6379 app | DATABASE_URL=redis://:***@cache:6379 app",
                "curl -H Authorization: Bearer eyJhbGci.x.y https://api | curl -H Authorization: Bearer *** https://api",
                "curl -H Authorization: dXNlcjpwYXNz https://api | curl -H Authorization: *** https://api",
                "curl -H Authorization:Basic dXNlcjpwYXNz https://api | curl -H Authorization:Basic *** https://api",
                "curl -H X-Api-Key: k1 -H X-Auth-Token:t1 https://api | curl -H X-Api-Key: *** -H X-Auth-Token:*** https://api",
            })
    void hides(String line, String masked) {
        assertThat(SecretMask.line(line)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("keeps what is no credential: ports, port mappings, paths, names of where a secret is, plain options")
    @ValueSource(
            strings = {
                "node node_modules/next/dist/bin/next start -p 3000",
                "docker run -p 8080:80 -p 127.0.0.1:9090:90/tcp -p [::1]:53:53/udp app",
                "app --port=3000 --host=0.0.0.0 --config=/etc/app/app.conf",
                "app --password-file=/run/secrets/db --token-ttl=60 --key-size=2048 --keyspace=users",
                "mkdir -p /var/lib/app ./cache",
                "/usr/bin/tini -p SIGKILL -- node server.js",
                "find / -print -prune",
                "gcc -pthread -o app app.c",
                "sh -c node level.js",
                "[zl-orphan] <defunct>",
                "/zombielab/zl-helper inert-init -- /zombielab/zl-helper orphans --count 5",
                "mysql --password --user=root",
                "PATH=/usr/bin HOME=/root app https://example.invalid/a:b",
                "psql postgres://app@db/app",
            })
    void keeps(String line) {
        assertThat(SecretMask.line(line)).isEqualTo(line);
    }

    @Test
    @DisplayName("an argument vector keeps its arguments; one holding spaces is masked word by word")
    void argv() {
        assertThat(SecretMask.argv(List.of(
                        "node", "server.js", "--token", "abc", "-H", "Authorization: Bearer xyz", "-p", "3000")))
                .containsExactly(
                        "node", "server.js", "--token", "***", "-H", "Authorization: Bearer ***", "-p", "3000");
    }

    @Test
    @DisplayName("within showingSecrets() the values are shown; closed, hidden again")
    void showing() {
        String line = "node server.js --db-password=hunter2";
        try (SecretMask.Scope shown = SecretMask.showingSecrets()) {
            assertThat(SecretMask.line(line)).isEqualTo(line);
            assertThat(SecretMask.argv(List.of("--token", "abc"))).containsExactly("--token", "abc");
        }
        assertThat(SecretMask.line(line)).isEqualTo("node server.js --db-password=***");
    }

    @Test
    @DisplayName("the process table, as the library's failures print it, hides them too")
    void processTable() {
        Snapshot s = new Snapshot(
                Instant.EPOCH,
                List.of(new ProcessInfo(
                        1,
                        "node",
                        ProcessState.SLEEPING,
                        0,
                        1,
                        1,
                        50104,
                        "",
                        "node server.js --db-password=hunter2 --token=abc123",
                        OptionalLong.of(100))),
                Figures.figures(15L << 20, 14L << 20, 8L, PidsLimit.NONE, 0L, 0L));
        assertThat(ProcessTable.format(s))
                .contains("node server.js --db-password=*** --token=***")
                .doesNotContain("hunter2", "abc123");
        assertThat(s.processes().get(0).cmdline())
                .as("the model keeps the real command line")
                .contains("hunter2");
    }
}
