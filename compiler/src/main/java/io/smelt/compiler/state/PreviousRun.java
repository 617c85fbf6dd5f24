package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The artifacts of a previous run in one folder: {@code manifest.json}, {@code run_results.json} and
 * {@code sources.json}, each read once, when first asked for. A missing folder or file, or one that is
 * not JSON, is an error naming it (exit 2).
 */
public final class PreviousRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String flag;
    private StateManifest manifest;
    private JsonNode runResults;
    private JsonNode sources;
    private StateSidecar sidecar;
    private boolean sidecarRead;

    private PreviousRun(Path dir, String flag) {
        this.dir = dir;
        this.flag = flag;
    }

    /**
     * @param flag the option that named the folder ({@code --state}), for messages
     * @throws SmeltException when the folder does not exist
     */
    public static PreviousRun of(Path dir, String flag) {
        requireNonNull(dir, "dir is null");
        if (!Files.isDirectory(dir)) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, flag + " " + dir + ": no such folder",
                    "give the folder holding the manifest.json of the run to compare with (often a copy of its target/)");
        }
        return new PreviousRun(dir, flag);
    }

    public Path dir() {
        return dir;
    }

    /** The previous run's manifest. */
    public synchronized StateManifest manifest() {
        if (manifest == null) {
            manifest = StateManifest.of(read("manifest.json", "copy the manifest.json that the run to compare with wrote into its target/"),
                    dir.resolve("manifest.json"));
        }
        return manifest;
    }

    /** Smelt's {@code smelt_state.json} beside the manifest, or null when the folder has none (dbt writes none). */
    public synchronized StateSidecar sidecar() {
        if (!sidecarRead) {
            sidecar = StateSidecar.read(dir);
            sidecarRead = true;
        }
        return sidecar;
    }

    /** The previous run's {@code run_results.json}, as JSON. */
    public synchronized JsonNode runResults() {
        if (runResults == null) {
            runResults = read("run_results.json", "copy the run_results.json that the run to compare with wrote into its target/");
        }
        return runResults;
    }

    /** The previous {@code source freshness}'s {@code sources.json}, as JSON. */
    public synchronized JsonNode sources() {
        if (sources == null) {
            sources = read("sources.json", "run 'smelt source freshness' in the run to compare with and keep its target/sources.json");
        }
        return sources;
    }

    /** Whether the folder has this artifact. */
    public boolean has(String fileName) {
        return Files.isRegularFile(dir.resolve(fileName));
    }

    private JsonNode read(String fileName, String hint) {
        return readObject(dir.resolve(fileName), flag + " " + dir + " has no " + fileName, hint);
    }

    /**
     * A JSON file holding an object.
     *
     * @param missing the message when the file does not exist
     * @throws SmeltException naming the file when it is missing or not a JSON object (exit 2)
     */
    static JsonNode readObject(Path file, String missing, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, missing, hint);
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            if (json == null || !json.isObject()) {
                throw new SmeltException(ErrorKind.COMMAND_LINE, null, file + " is not a JSON object", hint);
            }
            return json;
        }
        catch (IOException e) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "cannot read " + file + ": " + e.getMessage(), hint);
        }
    }
}
