package io.smelt.compiler.openlineage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where OpenLineage events go, read as OpenLineage's clients read it: nothing at all when
 * {@code OPENLINEAGE_DISABLED} is true; else the first {@code openlineage.yml} found
 * ({@code OPENLINEAGE_CONFIG}, the working folder, {@code ~/.openlineage/}) with a transport; else
 * {@code OPENLINEAGE_URL} (with {@code OPENLINEAGE_ENDPOINT} and {@code OPENLINEAGE_API_KEY}) over
 * HTTP. Unlike the Python client, nothing configured means nothing sent (not the console).
 *
 * @param configFile the {@code openlineage.yml} to read, or null
 * @param url {@code OPENLINEAGE_URL}, or null
 * @param endpoint {@code OPENLINEAGE_ENDPOINT}, or null for OpenLineage's {@code api/v1/lineage}
 * @param apiKey {@code OPENLINEAGE_API_KEY}, or null; never shown
 * @param jobNamespace the namespace of the jobs ({@code OPENLINEAGE_NAMESPACE}, else {@code default})
 * @param jobName the invocation's job name ({@code OPENLINEAGE_DBT_JOB_NAME}), or null for
 *     {@code dbt-run-<project>} as dbt-ol names it
 * @param parentId the run that started this one, {@code namespace/name/runId}
 *     ({@code OPENLINEAGE_PARENT_ID}, as Airflow's integration passes it), or null
 * @param rootParentId the root of that run, same form ({@code OPENLINEAGE_ROOT_PARENT_ID}), or null
 */
public record OpenLineageSettings(Path configFile, String url, String endpoint, String apiKey, String jobNamespace,
        String jobName, String parentId, String rootParentId) {
    public static final OpenLineageSettings OFF = new OpenLineageSettings(null, null, null, null, "default", null, null, null);

    /**
     * Reads the settings from the process's environment and files, without loading OpenLineage's
     * client: a run with nothing configured pays nothing.
     *
     * @param home the user's home folder ({@code HOME}, else {@code user.home})
     */
    public static OpenLineageSettings of(Map<String, String> env, Path workingDirectory, Path home) {
        if ("true".equals(env.getOrDefault("OPENLINEAGE_DISABLED", "").trim().toLowerCase(Locale.ROOT))) {
            return OFF;
        }
        Path file = null;
        String named = blankToNull(env.get("OPENLINEAGE_CONFIG"));
        for (Path candidate : new Path[] {
                named == null ? null : workingDirectory.resolve(named),
                workingDirectory.resolve("openlineage.yml"),
                home == null ? null : home.resolve(".openlineage").resolve("openlineage.yml")}) {
            if (candidate != null && Files.isRegularFile(candidate)) {
                file = candidate;
                break;
            }
        }
        String namespace = blankToNull(env.get("OPENLINEAGE_NAMESPACE"));
        return new OpenLineageSettings(file, blankToNull(env.get("OPENLINEAGE_URL")), blankToNull(env.get("OPENLINEAGE_ENDPOINT")),
                blankToNull(env.get("OPENLINEAGE_API_KEY")), namespace == null ? "default" : namespace,
                blankToNull(env.get("OPENLINEAGE_DBT_JOB_NAME")), blankToNull(env.get("OPENLINEAGE_PARENT_ID")),
                blankToNull(env.get("OPENLINEAGE_ROOT_PARENT_ID")));
    }

    /** True when events are to be sent somewhere. */
    public boolean enabled() {
        return configFile != null || url != null;
    }

    /** Where events go, for messages: the file, or the URL without user, password or query. */
    public String destination() {
        if (configFile != null) {
            return configFile.toString();
        }
        if (url == null) {
            return "nowhere";
        }
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getPath();
        }
        catch (IllegalArgumentException e) {
            return "OPENLINEAGE_URL";
        }
    }

    @Override
    public String toString() {
        return "OpenLineageSettings[" + destination() + ", namespace " + jobNamespace + (apiKey == null ? "" : ", api key set") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
