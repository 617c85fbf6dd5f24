package io.smelt.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering rules of docs/architecture.md, checked on the compiled classes of every module (this
 * module's test classpath holds them all). Each rule is also run on fixture classes that break it, so a
 * rule that can no longer fail is noticed.
 */
class TestArchitecture {
    private static final List<String> ENGINES = List.of("duckdb", "trino", "spark");
    private static JavaClasses smelt;

    @BeforeAll
    static void importClasses() {
        smelt = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the compiler's test classes reach this classpath as a test jar
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.smelt");
        assertThat(smelt.containPackage("io.smelt.compiler.exec")).isTrue();
        for (String engine : ENGINES) {
            assertThat(smelt.containPackage("io.smelt.adapter." + engine)).as(engine).isTrue();
        }
    }

    @Test
    void compilerPackagesFormNoCycle() {
        noPackageCycles("io.smelt.compiler").check(smelt);
    }

    @Test
    void compilerKnowsNoEngineNoJdbcDriverAndNoCli() {
        noClasses().that().resideInAPackage("io.smelt.compiler..")
                .should().dependOnClassesThat().resideInAnyPackage("io.smelt.cli..", "io.smelt.adapter.duckdb..",
                        "io.smelt.adapter.trino..", "io.smelt.adapter.spark..", "io.smelt.adapter.jdbc..",
                        "io.smelt.adapter.testing..")
                .orShould().dependOnClassesThat().belongToAnyOf(Connection.class, DriverManager.class, Statement.class,
                        ResultSet.class)
                .because("the compiler reaches engines only through adapters/api")
                .check(smelt);
    }

    @Test
    void enginesNeverImportEachOtherTheCompilerOrTheCli() {
        for (String engine : ENGINES) {
            String[] others = ENGINES.stream().filter(e -> !e.equals(engine)).map(e -> "io.smelt.adapter." + e + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("io.smelt.adapter." + engine + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAnyPackage("io.smelt.compiler..", "io.smelt.cli..")
                    .check(smelt);
        }
    }

    @Test
    void onlyTheCliPrints() {
        onlyPrintsIn("io.smelt.cli..").check(smelt);
    }

    @Test
    void theRulesFailOnCodeThatBreaksThem() {
        JavaClasses broken = new ClassFileImporter().importPackages("io.smelt.cli.archfixture");
        assertThat(broken.size()).isGreaterThanOrEqualTo(2);
        assertThat(noPackageCycles("io.smelt.cli.archfixture").evaluate(broken).hasViolation()).isTrue();
        assertThat(onlyPrintsIn("io.smelt.cli.archfixture.two..").evaluate(broken).hasViolation()).isTrue();
    }

    private static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /**
     * The test harness's own launcher ({@code TestingSparkThriftServer.main}, a developer's command) may
     * print too; libraries report through a listener or SLF4J.
     */
    private static ArchRule onlyPrintsIn(String cliPackage) {
        return noClasses().that().resideOutsideOfPackages(cliPackage, "io.smelt.adapter.testing..")
                .should(ACCESS_STANDARD_STREAMS);
    }
}
