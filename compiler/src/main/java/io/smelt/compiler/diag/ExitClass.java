package io.smelt.compiler.diag;

/**
 * What an outcome means for the process exit code, in rising order of gravity. Our contract: 0 all went
 * well, 1 a model, seed, snapshot or test failed, 2 the project, profile or command line is wrong (dbt
 * folds compile errors into 1; a CI gate wants the two apart).
 */
public enum ExitClass {
    /** Everything asked for ran and passed. */
    SUCCESS(0),
    /** The run went as asked, but a node's SQL, template or data failed, or the engine refused an operation. */
    FAILURE(1),
    /** The project, profile or command line is wrong. */
    PROJECT(2),
    /** Smelt itself failed; as for a wrong project, the run did not happen as asked. */
    INTERNAL(2);

    private final int code;

    ExitClass(int code) {
        this.code = code;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }

    /** The graver of the two. */
    public ExitClass worst(ExitClass other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
