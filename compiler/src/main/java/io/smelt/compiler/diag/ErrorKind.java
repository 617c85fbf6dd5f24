package io.smelt.compiler.diag;

/**
 * What kind of input was wrong: the first word of the message, and the exit class of a node that fails
 * with it. An error that stops a command before it has done what was asked is never a mere
 * {@link ExitClass#FAILURE}, whatever its kind (see the CLI's {@code ExitCodes}).
 */
public enum ErrorKind {
    /** dbt_project.yml, schema.yml and other project files. */
    PROJECT(ExitClass.PROJECT),
    /** profiles.yml or the chosen target. */
    PROFILE(ExitClass.PROJECT),
    /** YAML that does not parse or has the wrong shape. */
    YAML(ExitClass.PROJECT),
    /** A Jinja template that does not parse or fails when rendered; in a node, the node failed, as its SQL would. */
    JINJA(ExitClass.FAILURE),
    /** ref/source to nothing, cycles, duplicate names. */
    GRAPH(ExitClass.PROJECT),
    /** A --select/--exclude expression. */
    SELECTOR(ExitClass.PROJECT),
    /** A model's SQL that the analyser is sure the engine will refuse (an unknown column, say): found before anything runs. */
    SQL(ExitClass.PROJECT),
    /** Other command-line mistakes. */
    COMMAND_LINE(ExitClass.PROJECT),
    /** A model's SQL has a construct Smelt cannot translate from its {@code dialect} to the engine's; the node failed. */
    TRANSLATION(ExitClass.FAILURE),
    /** A model's SQL returns other columns or types than its enforced contract declares: the node failed. */
    CONTRACT(ExitClass.FAILURE),
    /** The engine could not be reached or refused a statement outside a model. */
    ENGINE(ExitClass.FAILURE),
    /** Something Smelt did wrong. */
    INTERNAL(ExitClass.INTERNAL);

    private final ExitClass exitClass;

    ErrorKind(ExitClass exitClass) {
        this.exitClass = exitClass;
    }

    public ExitClass exitClass() {
        return exitClass;
    }
}
