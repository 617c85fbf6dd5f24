package io.smelt.compiler.project;

import io.smelt.adapter.TargetConfig;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TestProfileLoader {
    @TempDir
    Path temp;

    private static DbtProject project(String fixture) {
        Map<String, String> env = Map.of("SMELT_TEST_SCHEMA", "analytics");
        return ProjectLoader.load(Fixtures.dir(fixture), Map.of(), env, new TestingYamlRenderer(env));
    }

    private ProfileResult load(Path profilesDir, String profile, String target, Integer threads, Map<String, String> env) {
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("HOME", temp.resolve("home").toString());
        ProjectOptions options = new ProjectOptions(Fixtures.dir("full"), profilesDir, profile, target, null, threads, environment);
        return ProfileLoader.load(options, project("full"), new TestingYamlRenderer(environment));
    }

    private Diagnostic failure(String profilesFixture, String target, Map<String, String> env) {
        return catchThrowableOfType(SmeltException.class, () -> load(Fixtures.dir(profilesFixture), null, target, null, env)).first();
    }

    @Test
    void readsTheProfileInTheProjectFolder() {
        ProfileResult result = load(null, null, null, null, Map.of("DBT_ENV_SECRET_PASSWORD", "s3cret", "SMELT_TEST_DB", "x.db"));

        ProfileResult.Found found = (ProfileResult.Found) result;
        assertThat(found.profilesFile()).isEqualTo(Fixtures.dir("full").resolve("profiles.yml"));
        TargetConfig target = found.target();
        assertThat(target.profileName()).isEqualTo("jaffle");
        assertThat(target.targetName()).isEqualTo("dev");
        assertThat(target.type()).isEqualTo("testing");
        assertThat(target.fields()).containsEntry("path", "x.db")
                .containsEntry("threads", 4)
                .containsEntry("password", "s3cret")
                .containsEntry("options", Map.of("private_key", "-----BEGIN KEY-----"))
                .doesNotContainKey("empty_field");
        assertThat(target.secretValues()).containsExactlyInAnyOrder("s3cret", "-----BEGIN KEY-----");
        assertThat(target.projectDir()).isEqualTo(Fixtures.dir("full"));
        assertThat(target.targetPath()).isEqualTo(Fixtures.dir("full").resolve("build"));
        assertThat(target.profileImplicit()).isFalse();
    }

    @Test
    void commandLineChoosesTargetAndThreads() {
        ProfileResult.Found found = (ProfileResult.Found) load(null, null, "prod", 16, Map.of());

        assertThat(found.target().targetName()).isEqualTo("prod");
        assertThat(found.target().fields()).containsEntry("threads", 16);
    }

    @Test
    void profileTargetIsRendered() {
        ProfileResult.Found found = (ProfileResult.Found) load(null, null, null, null,
                Map.of("SMELT_TEST_PROFILE_TARGET", "prod"));

        assertThat(found.target().targetName()).isEqualTo("prod");
    }

    @Test
    void profilesDirWinsOverEverythingElse() throws IOException {
        Path dir = write("chosen", "jaffle:\n  target: only\n  outputs:\n    only:\n      type: chosen\n");
        Path envDir = write("env", "jaffle:\n  outputs:\n    default:\n      type: from_env\n");

        ProfileResult.Found found = (ProfileResult.Found) load(dir, null, null, null, Map.of("DBT_PROFILES_DIR", envDir.toString()));

        assertThat(found.profilesFile()).isEqualTo(dir.resolve("profiles.yml"));
        assertThat(found.target().type()).isEqualTo("chosen");
    }

    @Test
    void environmentDirWinsOverProjectFolderAndTargetDefaultsToDefault() throws IOException {
        Path envDir = write("env", "jaffle:\n  outputs:\n    default:\n      type: from_env\n");

        ProfileResult.Found found = (ProfileResult.Found) load(null, null, null, null, Map.of("DBT_PROFILES_DIR", envDir.toString()));

        assertThat(found.target().type()).isEqualTo("from_env");
        assertThat(found.target().targetName()).isEqualTo("default");
    }

    @Test
    void homeFolderIsSearchedLast() throws IOException {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve(".dbt"));
        Files.writeString(home.resolve(".dbt/profiles.yml"), "jaffle:\n  target: t\n  outputs:\n    t:\n      type: from_home\n");
        ProjectOptions options = new ProjectOptions(Fixtures.dir("minimal"), null, "jaffle", null, null, null,
                Map.of("HOME", home.toString()));

        ProfileResult.Found found = (ProfileResult.Found) ProfileLoader.load(options, project("minimal"), YamlRenderer.NONE);

        assertThat(found.target().type()).isEqualTo("from_home");
        assertThat(ProfileLoader.searchPath(options)).containsExactly(Fixtures.dir("minimal").resolve("profiles.yml"),
                home.resolve(".dbt/profiles.yml"));
    }

    @Test
    void noProfilesFileGivesAnImplicitProfile() {
        ProjectOptions options = new ProjectOptions(Fixtures.dir("minimal"), null, null, null, null, 3,
                Map.of("HOME", temp.toString(), "DBT_ENV_SECRET_TOKEN", "tok", "DBT_ENV_SECRET_EMPTY", ""));

        ProfileResult.Implicit implicit = (ProfileResult.Implicit) ProfileLoader.load(options, project("minimal"), YamlRenderer.NONE);

        assertThat(implicit.profileName()).isEqualTo("minimal");
        assertThat(implicit.targetName()).isEqualTo("dev");
        assertThat(implicit.reason()).startsWith("no profiles.yml found");
        assertThat(implicit.searched()).containsExactly(Fixtures.dir("minimal").resolve("profiles.yml"),
                temp.resolve(".dbt/profiles.yml"));
        TargetConfig target = implicit.toTargetConfig(Map.of("type", "embedded"));
        assertThat(target.profileImplicit()).isTrue();
        assertThat(target.fields()).containsEntry("threads", 3).containsEntry("type", "embedded");
        assertThat(target.secretValues()).containsExactly("tok");
    }

    @Test
    void profilesFileWithoutTheProjectsProfileIsAnError() {
        Diagnostic error = catchThrowableOfType(SmeltException.class,
                () -> load(Fixtures.dir("profiles_other"), null, null, null, Map.of())).first();

        assertThat(error.kind()).isEqualTo(ErrorKind.PROFILE);
        assertThat(error.at().file()).isEqualTo(Fixtures.dir("profiles_other").resolve("profiles.yml"));
        assertThat(error.message()).isEqualTo("profiles.yml has no profile 'jaffle' (named by profile: in dbt_project.yml);"
                + " its profiles are: somebody_else");
    }

    @Test
    void profilesDirFromTheEnvironmentMustHoldTheFile() {
        Path envDir = temp.resolve("no_profiles_here");

        Diagnostic error = catchThrowableOfType(SmeltException.class,
                () -> load(null, null, null, null, Map.of("DBT_PROFILES_DIR", envDir.toString()))).first();

        assertThat(error.kind()).isEqualTo(ErrorKind.PROFILE);
        assertThat(error.message()).isEqualTo("no profiles.yml in " + envDir + " (named by $DBT_PROFILES_DIR)");
    }

    @Test
    void emptyProfilesFileIsAnError() throws IOException {
        Path dir = write("empty", "");

        Diagnostic error = catchThrowableOfType(SmeltException.class, () -> load(dir, null, null, null, Map.of())).first();

        assertThat(error.kind()).isEqualTo(ErrorKind.PROFILE);
        assertThat(error.message()).contains(dir.resolve("profiles.yml").toString()).contains("it is empty")
                .contains("no profile 'jaffle'");
    }

    @Test
    void aMisspelledProfileGetsAHint() throws IOException {
        Path dir = write("misspelled", "jafle:\n  outputs:\n    dev:\n      type: testing\n");

        Diagnostic error = catchThrowableOfType(SmeltException.class, () -> load(dir, null, null, null, Map.of())).first();

        assertThat(error.hint()).startsWith("did you mean 'jafle'?");
    }

    @Test
    void profileAskedForByNameMustExist() {
        Diagnostic error = catchThrowableOfType(SmeltException.class,
                () -> load(Fixtures.dir("profiles_other"), "jafle", null, null, Map.of())).first();

        assertThat(error.kind()).isEqualTo(ErrorKind.PROFILE);
        assertThat(error.message()).isEqualTo("profiles.yml has no profile 'jafle'; its profiles are: somebody_else");
    }

    @Test
    void missingTargetListsTheClosestTargetsFirst() {
        Path file = Fixtures.dir("profiles_missing_target").resolve("profiles.yml");
        Diagnostic error = failure("profiles_missing_target", null, Map.of());

        assertThat(error.kind()).isEqualTo(ErrorKind.PROFILE);
        assertThat(error.at()).isEqualTo(new SourcePosition(file, 7, 11));
        assertThat(error.message()).isEqualTo("profile 'jaffle' in " + file + " has no target 'dev'; its targets are: qa, dev_local, production");
        assertThat(error.hint()).contains("--target");
    }

    @Test
    void targetWithoutTypeIsAnError() {
        Path file = Fixtures.dir("profiles_no_type").resolve("profiles.yml");
        Diagnostic error = failure("profiles_no_type", null, Map.of());

        assertThat(error.kind()).isEqualTo(ErrorKind.PROFILE);
        assertThat(error.at()).isEqualTo(new SourcePosition(file, 4, 5));
        assertThat(error.message()).isEqualTo("target 'dev' of profile 'jaffle' has no type:");
        assertThat(error.hint()).isEqualTo("add type: with the name of the adapter to use");
    }

    @Test
    void secretsNeverAppearInErrors() {
        SmeltException error = catchThrowableOfType(SmeltException.class,
                () -> load(Fixtures.dir("profiles_secret"), null, null, null, Map.of("DBT_ENV_SECRET_TARGET", "hunter2")));

        assertThat(error.first().message()).isEqualTo("profile 'jaffle' in " + Fixtures.dir("profiles_secret").resolve("profiles.yml")
                + " has no target '*****'; its targets are: dev");
        assertThat(error.getMessage()).doesNotContain("hunter2");
        assertThat(error.getCause()).isNull();
    }

    @Test
    void secretsNeverAppearInSyntaxErrors() throws IOException {
        Path dir = write("broken", "jaffle:\n  outputs:\n    dev:\n      type: x\n      password: hunter2: and more\n");

        SmeltException error = catchThrowableOfType(SmeltException.class,
                () -> load(dir, null, null, null, Map.of("DBT_ENV_SECRET_PW", "hunter2")));

        assertThat(error.first().kind()).isEqualTo(ErrorKind.YAML);
        assertThat(error.first().at()).isEqualTo(new SourcePosition(dir.resolve("profiles.yml"), 5, 24));
        assertThat(error.getMessage()).doesNotContain("hunter2");
        assertThat(error.getCause()).isNull();
    }

    private Path write(String folder, String profiles) throws IOException {
        Path dir = temp.resolve(folder);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("profiles.yml"), profiles);
        return dir;
    }
}
