package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
