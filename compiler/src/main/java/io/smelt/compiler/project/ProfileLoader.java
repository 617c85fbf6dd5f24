package io.smelt.compiler.project;

import io.smelt.adapter.TargetConfig;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds profiles.yml as dbt does and reads the chosen target.
 *
 * <p>Search order: {@code --profiles-dir}, then {@code $DBT_PROFILES_DIR}, then the project folder
 * (dbt looks in the working directory, which is the project folder when dbt runs there), then
 * {@code ~/.dbt}. The profile is {@code --profile}, else {@code $DBT_PROFILE}, else the project's
 * {@code profile:}; the target is {@code --target}, else {@code $DBT_TARGET}, else the profile's
 * {@code target:}, else {@code default}. No message this class produces contains a secret.
 */
public final class ProfileLoader {
    public static final String FILE_NAME = "profiles.yml";
    public static final String SECRET_ENV_PREFIX = "DBT_ENV_SECRET_";

    /** Fields whose values are secrets wherever they appear in a target. */
    public static final Set<String> SECRET_FIELDS = Set.of("password", "token", "private_key", "private_key_passphrase",
            "keyfile_json", "client_secret", "access_token");

    private static final Logger log = LoggerFactory.getLogger(ProfileLoader.class);
    private static final String MASK = "*****";

    private ProfileLoader() {
    }

    /**
     * @throws SmeltException (PROFILE or YAML) when profiles.yml exists but is wrong: the profile
     *     named with {@code --profile} or the target is missing, a target has no {@code type}, ...
     */
    public static ProfileResult load(ProjectOptions options, DbtProject project, YamlRenderer renderer) {
        Set<String> envSecrets = environmentSecrets(options.environment());
        try {
            return new Lookup(options, project, renderer, envSecrets).run();
        }
        catch (SmeltException e) {
            // no cause: a YAML parser's message quotes the offending line, which may hold a password
            throw new SmeltException(scrub(e.diagnostics(), envSecrets));
        }
    }

    /** The profiles.yml files searched when {@code --profiles-dir} is not given, in order. */
    public static List<Path> searchPath(ProjectOptions options) {
        Map<String, String> env = options.environment();
        List<Path> candidates = new ArrayList<>();
        String profilesDir = nonBlank(env.get("DBT_PROFILES_DIR"));
        if (profilesDir != null) {
            candidates.add(Path.of(profilesDir).resolve(FILE_NAME));
        }
        candidates.add(options.projectDir().resolve(FILE_NAME));
        String home = nonBlank(env.get("HOME"));
        if (home == null) {
            home = nonBlank(env.get("USERPROFILE"));
        }
        if (home == null) {
            home = System.getProperty("user.home");
        }
        candidates.add(Path.of(home, ".dbt", FILE_NAME));
        return candidates;
    }

    /** Values of the non-empty {@code DBT_ENV_SECRET_*} environment variables. */
    public static Set<String> environmentSecrets(Map<String, String> environment) {
        Set<String> secrets = new HashSet<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(SECRET_ENV_PREFIX) && value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        });
        return secrets;
    }

    /** Values of fields named in {@link #SECRET_FIELDS}, at any depth, as text. */
    static Set<String> secretFieldValues(Map<String, ?> fields) {
        Set<String> secrets = new HashSet<>();
        collectSecrets(fields, false, secrets);
        return secrets;
    }

    private static void collectSecrets(Object value, boolean secret, Set<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectSecrets(item,
                    secret || SECRET_FIELDS.contains(String.valueOf(key).toLowerCase(Locale.ROOT)), out));
        }
        else if (value instanceof List<?> list) {
            list.forEach(item -> collectSecrets(item, secret, out));
        }
        else if (secret && value != null && !value.toString().isEmpty()) {
            out.add(value.toString());
        }
    }

    private static List<Diagnostic> scrub(List<Diagnostic> diagnostics, Set<String> secrets) {
        // longest first, so a secret that contains another is masked whole
        List<String> ordered = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        List<Diagnostic> clean = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            clean.add(new Diagnostic(d.kind(), d.at(), mask(d.message(), ordered), mask(d.hint(), ordered)));
        }
        return clean;
    }

    private static String mask(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static final class Lookup {
        private final ProjectOptions options;
        private final DbtProject project;
        private final YamlRenderer renderer;
        private final Set<String> envSecrets;
        private final Map<String, String> env;

        Lookup(ProjectOptions options, DbtProject project, YamlRenderer renderer, Set<String> envSecrets) {
            this.options = options;
            this.project = project;
            this.renderer = renderer;
            this.envSecrets = envSecrets;
            this.env = options.environment();
        }

        ProfileResult run() {
            List<Path> searched = new ArrayList<>();
            Path file = locate(searched);
            String profileName = firstOf(options.profile(), nonBlank(env.get("DBT_PROFILE")), project.profile());
            boolean profileAskedFor = options.profile() != null || nonBlank(env.get("DBT_PROFILE")) != null;
            if (file == null) {
                return implicit(profileName, "no " + FILE_NAME + " found (looked for " + join(searched) + ")", searched);
            }
            if (profileName == null) {
                return implicit(null, FILE_NAME + " exists but " + ProjectLoader.FILE_NAME + " names no profile", searched);
            }
            return read(file, profileName, profileAskedFor, searched);
        }

        private Path locate(List<Path> searched) {
            if (options.profilesDir() != null) {
                Path candidate = options.profilesDir().resolve(FILE_NAME);
                searched.add(candidate);
                if (!Files.isRegularFile(candidate)) {
                    throw new SmeltException(ErrorKind.PROFILE, SourcePosition.of(candidate),
                            "no " + FILE_NAME + " in " + options.profilesDir() + " (given with --profiles-dir)",
                            "check the folder, or leave out --profiles-dir to search the project folder and ~/.dbt");
                }
                return candidate;
            }
            String envDir = nonBlank(env.get("DBT_PROFILES_DIR"));
            if (envDir != null && !Files.isRegularFile(Path.of(envDir).resolve(FILE_NAME))) {
                // dbt reads $DBT_PROFILES_DIR as --profiles-dir: a folder without the file is not skipped
                Path candidate = Path.of(envDir).resolve(FILE_NAME);
                throw new SmeltException(ErrorKind.PROFILE, SourcePosition.of(candidate),
                        "no " + FILE_NAME + " in " + envDir + " (named by $DBT_PROFILES_DIR)",
                        "check the folder, or unset DBT_PROFILES_DIR to search the project folder and ~/.dbt");
            }
            for (Path candidate : searchPath(options)) {
                searched.add(candidate);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        private ProfileResult read(Path file, String profileName, boolean profileAskedFor, List<Path> searched) {
            String text = TextFiles.read(file, file);
            YamlReader yaml = new YamlReader(file, ErrorKind.PROFILE, renderer);
            Node root = yaml.compose(text);
            Map<String, YamlReader.Entry> profiles = new LinkedHashMap<>(yaml.mapping(root, FILE_NAME));
            // top-level config: holds global flags in old dbt versions, not a profile
            profiles.remove("config");
            YamlReader.Entry profile = profiles.get(profileName);
            if (profile == null) {
                throw missingProfile(file, profileName, profileAskedFor, profiles.keySet());
            }
            Map<String, YamlReader.Entry> body = yaml.mapping(profile.value(), "profile '" + profileName + "'");
            YamlReader.Entry outputs = body.get("outputs");
            if (outputs == null || YamlReader.isNull(outputs.value())) {
                boolean fromFile = options.target() == null && nonBlank(env.get("DBT_TARGET")) == null && body.containsKey("target");
                throw yaml.error(fromFile ? body.get("target").value() : profile.keyNode(), "profile '" + profileName + "' has no outputs:",
                        "add outputs: with one entry per target, for example dev:");
            }
            Map<String, YamlReader.Entry> targets = yaml.mapping(outputs.value(), "outputs of profile '" + profileName + "'");
            String targetName = firstOf(options.target(), nonBlank(env.get("DBT_TARGET")),
                    body.containsKey("target") ? yaml.text(body.get("target").value(), "target") : null, "default");
            YamlReader.Entry target = targets.get(targetName);
            if (target == null) {
                boolean fromFile = options.target() == null && nonBlank(env.get("DBT_TARGET")) == null && body.containsKey("target");
                throw yaml.error(fromFile ? body.get("target").value() : profile.keyNode(), "profile '" + profileName + "' in " + file + " has no target '" + targetName + "'"
                        + existing("its targets are", targetName, targets.keySet()),
                        "choose one with --target, or set target: in the profile to one of them");
            }
            Map<String, Object> fields = yaml.map(target.value(), "target '" + targetName + "'", Set.of());
            Object type = fields.get("type");
            if (type == null || type.toString().isBlank()) {
                throw yaml.error(target.keyNode(), "target '" + targetName + "' of profile '" + profileName + "' has no type:",
                        "add type: with the name of the adapter to use");
            }
            fields.values().removeIf(value -> value == null);
            if (options.threads() != null) {
                fields.put("threads", options.threads());
            }
            Set<String> secrets = new HashSet<>(envSecrets);
            secrets.addAll(secretFieldValues(fields));
            log.debug("using target {} of profile {} from {}", targetName, profileName, file);
            Map<String, SourcePosition> fieldsAt = new HashMap<>();
            yaml.mapping(target.value(), "target").forEach((name, entry) -> fieldsAt.put(name, yaml.at(entry.value())));
            return new ProfileResult.Found(new TargetConfig(profileName, targetName, fields, secrets, project.projectDir(),
                    project.targetDir(), false), file, yaml.at(target.keyNode()), fieldsAt);
        }

        /** dbt stops here too: a profiles.yml that exists must have the profile, or nothing would say which engine is meant. */
        private SmeltException missingProfile(Path file, String profileName, boolean askedFor, Set<String> names) {
            String from = askedFor ? "" : " (named by profile: in " + ProjectLoader.FILE_NAME + ")";
            if (names.isEmpty()) {
                return new SmeltException(ErrorKind.PROFILE, SourcePosition.of(file),
                        file + " has no profiles: it is empty, so it has no profile '" + profileName + "'" + from,
                        "add a profile named " + profileName + ": to it, or remove the file to run on the default embedded database"
                                + " (docs/reference/profiles.md)");
            }
            String suggestion = Names.suggestion(profileName, names);
            String fix = askedFor ? "pass one of them with --profile" : "set profile: in " + ProjectLoader.FILE_NAME + " to one of them";
            return new SmeltException(ErrorKind.PROFILE, SourcePosition.of(file),
                    FILE_NAME + " has no profile '" + profileName + "'" + from + existing("its profiles are", profileName, names),
                    (suggestion != null ? "did you mean '" + suggestion + "'? " : "") + fix + ", or add a profile named "
                            + profileName + ": to " + file);
        }

        private ProfileResult implicit(String profileName, String reason, List<Path> searched) {
            log.debug("no profile used: {}", reason);
            String target = firstOf(options.target(), nonBlank(env.get("DBT_TARGET")), "dev");
            return new ProfileResult.Implicit(profileName == null ? project.name() : profileName, target, reason, searched,
                    options.threads(), envSecrets, project.projectDir(), project.targetDir());
        }

        private static String existing(String label, String wanted, Set<String> names) {
            if (names.isEmpty()) {
                return "; it has none";
            }
            return "; " + label + ": " + String.join(", ", Names.closestFirst(wanted, names));
        }

        private static String join(List<Path> paths) {
            return String.join(", ", paths.stream().map(Path::toString).toList());
        }

        @SafeVarargs
        private static <T> T firstOf(T... values) {
            for (T value : values) {
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
    }
}
