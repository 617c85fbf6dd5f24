package io.smelt.compiler.project;

import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPackageFinder {
    private static final Map<String, String> ENV = Map.of("SMELT_TEST_SCHEMA", "analytics");

    @Test
    void loadsEveryFolderWithADbtProjectFile() {
        DbtProject root = ProjectLoader.load(Fixtures.dir("full"), Map.of(), ENV, new TestingYamlRenderer(ENV));

        List<DbtProject> packages = PackageFinder.find(root, new TestingYamlRenderer(ENV));

        assertThat(packages).extracting(DbtProject::name).containsExactly("my_pkg", "other_pkg");
        DbtProject myPkg = packages.get(0);
        assertThat(myPkg.projectDir()).isEqualTo(Fixtures.dir("full/dbt_packages/my_pkg"));
        assertThat(myPkg.file()).isEqualTo(Path.of("dbt_packages/my_pkg/dbt_project.yml"));
        assertThat(myPkg.version()).isEqualTo("0.3.1");
        assertThat(myPkg.vars()).containsEntry("pkg_limit", 100);
        assertThat(myPkg.positionOf("models")).isEqualTo(new SourcePosition(Path.of("dbt_packages/my_pkg/dbt_project.yml"), 9, 1));
        assertThat(packages.get(1).modelPaths()).containsExactly("models");
    }

    @Test
    void noInstallFolderMeansNoPackages() {
        DbtProject root = ProjectLoader.load(Fixtures.dir("minimal"), Map.of(), Map.of(), YamlRenderer.NONE);

        assertThat(PackageFinder.find(root, YamlRenderer.NONE)).isEmpty();
    }

    @Test
    void localPackagesLoadFromTheirFoldersAndTheLockNamesGitPackages(@TempDir Path dir) throws IOException {
        write(dir.resolve("libs/shop/dbt_project.yml"), "name: shop\nversion: '1.0.0'\nconfig-version: 2\n");
        write(dir.resolve("dbt_packages/the_repo_name_differs/dbt_project.yml"), "name: inner\nconfig-version: 2\n");
        write(dir.resolve("dbt_project.yml"), "name: root\nconfig-version: 2\n");
        write(dir.resolve("packages.yml"),
                "packages:\n  - local: libs/shop\n  - git: https://example.com/some-repo.git\n    revision: v1\n");
        DbtProject root = ProjectLoader.load(dir, Map.of(), Map.of(), YamlRenderer.NONE);

        // without a lock, the git package's name is guessed from the repository: some_repo is not installed
        assertThatThrownBy(() -> PackageFinder.find(root, YamlRenderer.NONE))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.first().at()).isEqualTo(new SourcePosition(Path.of("packages.yml"), 3, 5));
                    assertThat(e.first().message()).contains("'some-repo'", "declared but not installed");
                    assertThat(e.first().hint()).contains("run smelt deps");
                });

        write(dir.resolve("package-lock.yml"), "packages:\n  - local: libs/shop\n    name: shop\n"
                + "  - git: https://example.com/some-repo.git\n    name: inner\n    revision: abc\nsha1_hash: x\n");
        List<DbtProject> packages = PackageFinder.find(root, YamlRenderer.NONE);

        assertThat(packages).extracting(DbtProject::name).containsExactly("shop", "inner");
        assertThat(packages.get(0).file()).isEqualTo(Path.of("libs/shop/dbt_project.yml"));
    }

    @Test
    void aGitRepositoryNamedDbtDashXHoldsTheProjectX(@TempDir Path dir) throws IOException {
        // jaffle-shop declares git: .../dbt-audit-helper.git with a lock that has no names; dbt deps installs audit_helper
        write(dir.resolve("dbt_packages/audit_helper/dbt_project.yml"), "name: audit_helper\nconfig-version: 2\n");
        write(dir.resolve("dbt_project.yml"), "name: root\nconfig-version: 2\n");
        write(dir.resolve("packages.yml"),
                "packages:\n  - git: \"https://github.com/dbt-labs/dbt-audit-helper.git\"\n    revision: main\n");
        DbtProject root = ProjectLoader.load(dir, Map.of(), Map.of(), YamlRenderer.NONE);

        assertThat(PackageFinder.find(root, YamlRenderer.NONE)).extracting(DbtProject::name).containsExactly("audit_helper");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
