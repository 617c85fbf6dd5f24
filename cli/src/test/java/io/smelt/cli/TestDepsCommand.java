package io.smelt.cli;

import com.sun.net.httpserver.HttpServer;
import io.smelt.cli.TestingCli.Result;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class TestDepsCommand {
    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private Path project(String packagesYml) throws IOException {
        Path project = Files.createDirectories(dir.resolve("proj"));
        Files.writeString(project.resolve("dbt_project.yml"), "name: 'proj'\nversion: '1.0.0'\nconfig-version: 2\n");
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("models/m.sql"), "select 1 as id");
        Files.writeString(project.resolve("packages.yml"), packagesYml);
        return project;
    }

    private static void writePackage(Path folder, String name, String version) throws IOException {
        Files.createDirectories(folder.resolve("macros"));
        Files.writeString(folder.resolve("dbt_project.yml"), "name: '" + name + "'\nversion: '" + version + "'\nconfig-version: 2\n");
        Files.writeString(folder.resolve("macros/hello.sql"), "{% macro hello() %}'" + version + "'{% endmacro %}");
    }

    @Test
    void aPackageConfigThatMentionsTargetDoesNotStopDeps() throws IOException {
        writePackage(dir.resolve("util"), "util", "0.1.0");
        Files.writeString(dir.resolve("util/dbt_project.yml"), "models:\n  util:\n    +enabled: \"{{ target.type != 'fabric' }}\"\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path project = project("packages:\n  - local: ../util\n");

        Result result = TestingCli.run(project, "deps");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(project.resolve("dbt_packages/util")).exists();
        Result ls = TestingCli.run(project, "ls", "--resource-type", "model");
        assertThat(ls.exitCode()).as("the package's config renders once the target is known: " + ls.err()).isZero();
    }

    @Test
    void localPackagesAreLinkedAndLocked() throws IOException {
        writePackage(dir.resolve("util"), "util", "0.1.0");
        Path project = project("packages:\n  - local: ../util\n");

        Result result = TestingCli.run(project, "deps");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Installing local: ../util", "Installed util from <local @ ../util>");
        Path installed = project.resolve("dbt_packages/util");
        assertThat(Files.isSymbolicLink(installed)).isTrue();
        assertThat(installed.toRealPath()).isEqualTo(dir.resolve("util").toRealPath());
        // the hash is the one dbt computes for the same packages.yml
        assertThat(Files.readString(project.resolve("package-lock.yml"))).isEqualTo("""
                packages:
                  - local: ../util
                    name: util
                sha1_hash: 2720d399edbd777b3ca910a9dc29ddb2cbded250
                """);
        Result ls = TestingCli.run(project, "ls", "--resource-type", "model");
        assertThat(ls.exitCode()).as(ls.err()).isZero();
    }

    @Test
    void gitPackagesAreClonedAtTheRevisionFromTheSubdirectory() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        git(work, "init", "--quiet", "--initial-branch=main");
        writePackage(work.resolve("pkgs/inner"), "inner", "1.0.0");
        git(work, "add", ".");
        git(work, "commit", "--quiet", "-m", "one");
        git(work, "tag", "v1.0.0");
        String tagged = git(work, "rev-parse", "HEAD").trim();
        writePackage(work.resolve("pkgs/inner"), "inner", "2.0.0");
        git(work, "commit", "--quiet", "-am", "two");
        Path bare = dir.resolve("remote.git");
        git(dir, "clone", "--quiet", "--bare", work.toString(), bare.toString());
        String url = bare.toUri().toString();
        Path project = project("packages:\n  - git: \"" + url + "\"\n    revision: v1.0.0\n    subdirectory: pkgs/inner\n");

        Result result = TestingCli.run(project, "deps");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(project.resolve("dbt_packages/inner/dbt_project.yml"))).contains("version: '1.0.0'");
        assertThat(Files.readString(project.resolve("package-lock.yml"))).startsWith("""
                packages:
                  - git: %s
                    name: inner
                    revision: %s
                    subdirectory: pkgs/inner
                sha1_hash: """.formatted(url, tagged));
    }

    @Test
    void hubPackagesResolveTheNewestVersionInRangeAndKeepItUntilUpgrade() throws IOException {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        String base = startHub(files);
        publish(files, base, List.of("0.9.0", "1.0.0", "1.2.0", "1.3.0-b1", "2.0.0"));
        Path project = project("packages:\n  - package: acme/util\n    version: [\">=1.0.0\", \"<2.0.0\"]\n");
        Map<String, String> env = Map.of("DBT_PACKAGE_HUB_URL", base);

        Result result = TestingCli.run(new CliContext(project, env, false, 80), "deps");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(project.resolve("dbt_packages/util/dbt_project.yml"))).contains("version: '1.2.0'");
        assertThat(Files.readString(project.resolve("package-lock.yml"))).isEqualTo("""
                packages:
                  - name: util
                    package: acme/util
                    version: 1.2.0
                sha1_hash: b997aa49f6d61da29cc2c11782aa6ca60b271328
                """);

        // a newer version in range: the lock keeps 1.2.0 until --upgrade
        publish(files, base, List.of("0.9.0", "1.0.0", "1.2.0", "1.3.0-b1", "1.4.0", "2.0.0"));
        Result again = TestingCli.run(new CliContext(project, env, false, 80), "deps");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("Updated lock file");
        assertThat(Files.readString(project.resolve("dbt_packages/util/dbt_project.yml"))).contains("version: '1.2.0'");

        Result upgrade = TestingCli.run(new CliContext(project, env, false, 80), "deps", "--upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(Files.readString(project.resolve("dbt_packages/util/dbt_project.yml"))).contains("version: '1.4.0'");
        assertThat(Files.readString(project.resolve("package-lock.yml"))).contains("version: 1.4.0");
    }

    @Test
    void aLockFileWithoutNamesAsDbt17WroteItInstallsEachPackageUnderItsProjectName() throws IOException {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        String base = startHub(files);
        publish(files, base, List.of("1.2.0"));
        writePackage(dir.resolve("helpers"), "local_helpers", "0.1.0");
        Path project = project("packages:\n  - package: acme/util\n    version: 1.2.0\n  - local: ../helpers\n");
        Map<String, String> env = Map.of("DBT_PACKAGE_HUB_URL", base);
        Result first = TestingCli.run(new CliContext(project, env, false, 80), "deps");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path lock = project.resolve("package-lock.yml");
        String withoutNames = Files.readString(lock).replaceAll("(?m)^ +name: .*\n", "")
                .replace("- name: util\n    package", "- package");
        assertThat(withoutNames).doesNotContain("name:");
        Files.writeString(lock, withoutNames);
        try (var paths = Files.walk(project.resolve("dbt_packages"))) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }

        Result result = TestingCli.run(new CliContext(project, env, false, 80), "deps");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Installed util from version 1.2.0", "Installed local_helpers from <local @ ../helpers>");
        assertThat(Files.readString(project.resolve("dbt_packages/util/dbt_project.yml"))).contains("version: '1.2.0'");
        assertThat(project.resolve("dbt_packages/local_helpers/dbt_project.yml")).exists();
        assertThat(project.resolve("dbt_packages")).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith("."));
        Result ls = TestingCli.run(project, "ls", "--resource-type", "model");
        assertThat(ls.exitCode()).as(ls.err()).isZero();
    }

    @Test
    void hubDependenciesOfHubPackagesAndTarballsAreInstalledToo() throws IOException {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        String base = startHub(files);
        publish(files, base, List.of("1.0.0", "1.2.0", "2.0.0"));
        publish(files, base, "expect", List.of("0.5.0"), "[{\"package\": \"acme/util\", \"version\": [\">=1.1.0\", \"<2.0.0\"]}]");
        files.put("/downloads/extra.tar.gz", tarball("extra-main", "name: 'extra'\nversion: '0.1.0'\nconfig-version: 2\n"));
        Path project = project("packages:\n  - package: acme/expect\n    version: 0.5.0\n  - tarball: " + base
                + "downloads/extra.tar.gz\n    name: extra\n");
        Map<String, String> env = Map.of("DBT_PACKAGE_HUB_URL", base);

        Result result = TestingCli.run(new CliContext(project, env, false, 80), "deps");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(Files.readString(project.resolve("dbt_packages/expect/dbt_project.yml"))).contains("version: '0.5.0'");
        assertThat(Files.readString(project.resolve("dbt_packages/util/dbt_project.yml"))).as("acme/expect's own dependency")
                .contains("version: '1.2.0'");
        assertThat(Files.readString(project.resolve("dbt_packages/extra/dbt_project.yml"))).contains("name: 'extra'");
        assertThat(Files.readString(project.resolve("package-lock.yml"))).contains("package: acme/expect", "version: 0.5.0",
                "package: acme/util", "version: 1.2.0", "tarball: " + base + "downloads/extra.tar.gz", "name: extra");
        Result ls = TestingCli.run(project, "ls");
        assertThat(ls.exitCode()).as(ls.err()).isZero();

        // the project pins a version acme/expect's range excludes: an error naming both
        Path conflicting = project("packages:\n  - package: acme/expect\n    version: 0.5.0\n  - package: acme/util\n    version: 1.0.0\n");
        Files.deleteIfExists(conflicting.resolve("package-lock.yml"));
        Result conflict = TestingCli.run(new CliContext(conflicting, env, false, 80), "deps", "--upgrade");
        assertThat(conflict.exitCode()).as(conflict.out()).isEqualTo(2);
        assertThat(conflict.err()).contains("acme/util").contains("1.0.0").contains(">=1.1.0");
    }

    @Test
    void aRangeNoVersionSatisfiesIsAnErrorAtItsLine() throws IOException {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        String base = startHub(files);
        publish(files, base, List.of("1.0.0"));
        Path project = project("packages:\n  - package: acme/util\n    version: \">=3.0.0\"\n");

        Result result = TestingCli.run(new CliContext(project, Map.of("DBT_PACKAGE_HUB_URL", base), false, 80), "deps");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("packages.yml:2:5", "no version of acme/util satisfies [>=3.0.0]");
    }

    @Test
    void aHubThatCannotBeReachedIsSaidSoNotNull() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path project = project("packages:\n  - package: acme/util\n    version: 1.0.0\n");

        Result result = TestingCli.run(new CliContext(project, Map.of("DBT_PACKAGE_HUB_URL", "http://127.0.0.1:" + closedPort + "/"), false, 80),
                "deps");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("packages.yml:2:5", "cannot read package acme/util from the hub: cannot fetch http://127.0.0.1:" + closedPort,
                "the connection was refused or timed out", "check the network").doesNotContain("null");
    }

    @Test
    void aBadEntryIsAnErrorWithFileAndLine() throws IOException {
        Path project = project("packages:\n  - local: ../util\n  - packge: dbt-labs/dbt_utils\n    version: 1.0.0\n");

        Result result = TestingCli.run(project, "deps");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("packages.yml:3:5", "a package entry without local:, git:, package: or tarball:")
                .doesNotContain("\tat ");
    }

    @Test
    void aDeclaredPackageThatIsNotInstalledStopsTheRun() throws IOException {
        Path project = project("packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\", \"<2.0.0\"]\n");

        Result result = TestingCli.run(project, "ls");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("packages.yml:2:5", "package: dbt-labs/dbt_utils ('dbt_utils') is declared but not installed",
                "run smelt deps");
    }

    private String startHub(Map<String, byte[]> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The hub's JSON for package acme/util at these versions, each with a tarball as GitHub makes them. */
    private static void publish(Map<String, byte[]> files, String base, List<String> versions) throws IOException {
        publish(files, base, "util", versions, "[]");
    }

    /**
     * The hub's JSON for package acme/{@code name} at these versions, each depending on the hub
     * packages {@code packagesJson} (the hub's "packages" list), each with a tarball as GitHub makes them.
     */
    private static void publish(Map<String, byte[]> files, String base, String name, List<String> versions, String packagesJson)
            throws IOException {
        files.put("/api/v1/index.json", "[\"acme/util\", \"acme/expect\", \"dbt-labs/dbt_utils\"]".getBytes(StandardCharsets.UTF_8));
        StringBuilder json = new StringBuilder("{\"name\": \"" + name + "\", \"namespace\": \"acme\", \"latest\": \""
                + versions.get(versions.size() - 1) + "\", \"versions\": {");
        for (int i = 0; i < versions.size(); i++) {
            String v = versions.get(i);
            String path = "/tarballs/" + name + "-" + v + ".tar.gz";
            files.put(path, tarball(name + "-" + v, "name: '" + name + "'\nversion: '" + v + "'\nconfig-version: 2\n"));
            json.append(i == 0 ? "" : ", ").append("\"").append(v).append("\": {\"id\": \"acme/").append(name).append("/").append(v)
                    .append("\", \"name\": \"").append(name).append("\", \"version\": \"").append(v).append("\", \"packages\": ")
                    .append(packagesJson).append(", \"downloads\": {\"tarball\": \"")
                    .append(base).append(path.substring(1)).append("\", \"format\": \"tgz\"}}");
        }
        files.put("/api/v1/acme/" + name + ".json", json.append("}}").toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] tarball(String top, String projectYml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.putArchiveEntry(new TarArchiveEntry(top + "/"));
            tar.closeArchiveEntry();
            byte[] content = projectYml.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(top + "/dbt_project.yml");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static String git(Path directory, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
