package io.smelt.compiler.project;

import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** package-lock.yml as dbt writes and reads it; the hashes are what dbt computes for the same entries. */
class TestPackageLock {
    private static final SourcePosition AT = SourcePosition.of(Path.of("packages.yml"));
    private static final String GIT_URL = "https://github.com/dbt-labs/dbt-audit-helper.git";

    @TempDir
    Path dir;

    @Test
    void writesDbtsLayoutWithKeysSortedAndListItemsIndented() throws IOException {
        PackageLock lock = new PackageLock(List.of(
                entry("package", "dbt-labs/dbt_utils", "version", "1.3.0", "name", "dbt_utils"),
                entry("git", GIT_URL, "revision", "b5e8a7e", "subdirectory", "pkg", "name", "audit_helper"),
                entry("local", "../shared", "name", "shared")), "0123abcd");

        lock.write(dir);

        assertThat(Files.readString(dir.resolve("package-lock.yml"))).isEqualTo("""
                packages:
                  - name: dbt_utils
                    package: dbt-labs/dbt_utils
                    version: 1.3.0
                  - git: %s
                    name: audit_helper
                    revision: b5e8a7e
                    subdirectory: pkg
                  - local: ../shared
                    name: shared
                sha1_hash: 0123abcd
                """.formatted(GIT_URL));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        PackageLock lock = new PackageLock(List.of(entry("package", "dbt-labs/dbt_utils", "version", "1.3.0", "name", "dbt_utils"),
                entry("local", "../shared", "name", "shared")), "0123abcd");
        lock.write(dir);

        PackageLock read = PackageLock.readIfPresent(dir);

        assertThat(read).isNotNull();
        assertThat(read.sha1Hash()).isEqualTo("0123abcd");
        assertThat(read.packages()).containsExactlyElementsOf(lock.packages());
    }

    @Test
    void aMissingFileReadsAsNoLock() {
        assertThat(PackageLock.readIfPresent(dir)).isNull();
    }

    @Test
    void readsWhatDbtWroteAndSkipsWhatIsNotAnEntry() throws IOException {
        Files.writeString(dir.resolve("package-lock.yml"), """
                packages:
                - package: calogica/dbt_expectations
                  version: 0.10.4
                  name: dbt_expectations
                - just text
                - git: https://github.com/x/y.git
                  revision: 1.0
                """);

        PackageLock lock = PackageLock.readIfPresent(dir);

        assertThat(lock.sha1Hash()).isNull();
        assertThat(lock.packages()).hasSize(2);
        assertThat(lock.packages().get(0)).containsEntry("version", "0.10.4").containsEntry("name", "dbt_expectations");
        assertThat(lock.packages().get(1)).containsEntry("revision", 1.0);
    }

    @Test
    void aBrokenFileIsAProjectError() throws IOException {
        Files.writeString(dir.resolve("package-lock.yml"), "packages: [\n");

        assertThatThrownBy(() -> PackageLock.readIfPresent(dir)).isInstanceOf(SmeltException.class)
                .hasMessageContaining("package-lock.yml");
    }

    @Test
    void namesTheDeclaredPackagesItLocked() {
        PackageLock lock = new PackageLock(List.of(
                entry("package", "dbt-labs/dbt_utils", "version", "1.3.0", "name", "dbt_utils"),
                entry("git", GIT_URL, "revision", "b5e8a7e", "subdirectory", "pkg", "name", "audit_helper"),
                entry("local", "../shared", "name", "shared"),
                entry("tarball", "https://example.com/p.tgz", "name", "p"),
                entry("package", "acme/unnamed", "version", "1.0.0")), null);

        assertThat(lock.nameOf(hub("dbt-labs/dbt_utils"))).isEqualTo("dbt_utils");
        assertThat(lock.nameOf(git(GIT_URL, "pkg"))).isEqualTo("audit_helper");
        assertThat(lock.nameOf(git(GIT_URL, null))).as("another subdirectory is another package").isNull();
        assertThat(lock.nameOf(new PackageSpec.Local("../shared", null, Map.of(), AT))).isEqualTo("shared");
        assertThat(lock.nameOf(new PackageSpec.Tarball("https://example.com/p.tgz", "p", Map.of(), AT))).isEqualTo("p");
        assertThat(lock.nameOf(hub("acme/unnamed"))).isNull();
        assertThat(lock.nameOf(hub("acme/absent"))).isNull();
    }

    @Test
    void hashesTheDeclaredEntriesAsDbtDoes() {
        assertThat(PackageLock.hash(List.of(new PackageSpec.Local("../util", null, Map.of("local", "../util"), AT))))
                .isEqualTo("2720d399edbd777b3ca910a9dc29ddb2cbded250");
        List<String> range = List.of(">=1.0.0", "<2.0.0");
        assertThat(PackageLock.hash(List.of(new PackageSpec.Hub("acme/util", range, range, false, null,
                Map.of("package", "acme/util", "version", range), AT))))
                .isEqualTo("b997aa49f6d61da29cc2c11782aa6ca60b271328");
    }

    /**
     * Python's {@code json.dumps(..., sort_keys=True)} escapes what is not printable ASCII, writes big
     * integers whole and sorts entries; hashes computed with Python 3's json and hashlib.
     */
    @Test
    void hashesLikePythonsJson() {
        Map<String, Object> gitUnrendered = new LinkedHashMap<>();
        gitUnrendered.put("git", "https://github.com/x/y.git");
        gitUnrendered.put("revision", 1.0);
        Map<String, Object> hubUnrendered = new LinkedHashMap<>();
        hubUnrendered.put("package", "dbt-labs/dbt_utils");
        hubUnrendered.put("version", "{{ var(\"v\") }}\t\"q\"\\ é \uD83D\uDE00 \u007f\u0001");
        hubUnrendered.put("n", new java.math.BigInteger("12345678901234567890"));
        List<PackageSpec> specs = List.of(
                new PackageSpec.Local("../util", null, Map.of("local", "../util"), AT),
                new PackageSpec.Git("https://github.com/x/y.git", "1.0", null, null, "ü", gitUnrendered, AT),
                new PackageSpec.Hub("dbt-labs/dbt_utils", 1.5, List.of("1.5"), true, null, hubUnrendered, AT));

        assertThat(PackageLock.hash(specs)).isEqualTo("51562325b3dc707b252b693fa423c1e8163aed7b");
        assertThat(PackageLock.hash(List.of(specs.get(2), specs.get(0), specs.get(1)))).as("order does not matter")
                .isEqualTo("51562325b3dc707b252b693fa423c1e8163aed7b");
    }

    private static PackageSpec.Hub hub(String id) {
        return new PackageSpec.Hub(id, "1.0.0", List.of("1.0.0"), false, null, Map.of(), AT);
    }

    private static PackageSpec.Git git(String url, String subdirectory) {
        return new PackageSpec.Git(url, "main", subdirectory, null, null, Map.of(), AT);
    }

    private static Map<String, Object> entry(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
