package io.smelt.compiler.diag;

/** What kind of input was wrong; decides the exit code and the first word of the message. */
public enum ErrorKind {
    /** dbt_project.yml, schema.yml and other project files. */
    PROJECT,
    /** profiles.yml or the chosen target. */
    PROFILE,
    /** YAML that does not parse or has the wrong shape. */
    YAML,
    /** A Jinja template that does not parse or fails when rendered. */
    JINJA,
    /** ref/source to nothing, cycles, duplicate names. */
    GRAPH,
    /** A --select/--exclude expression. */
    SELECTOR,
    /** Other command-line mistakes. */
    COMMAND_LINE,
    /** The engine could not be reached or refused a statement outside a model. */
    ENGINE,
    /** Something Smelt did wrong. */
    INTERNAL
}
