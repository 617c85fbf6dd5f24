package io.smelt.adapter;

/** Creates adapters for one profile {@code type}; registered through {@link java.util.ServiceLoader}. */
public interface AdapterFactory {
    /** The profile {@code type} this factory serves, such as the value of {@code type:} in profiles.yml. */
    String type();

    /**
     * Checks the target's fields and creates an adapter. Nothing is connected yet.
     *
     * @throws AdapterConfigException when a field is missing, has the wrong type or asks for an
     *     unsupported feature; the message names the field and never contains a secret
     */
    Adapter create(TargetConfig target);

    /**
     * The target fields to use when a project has no profile at all, or empty when this engine
     * cannot run without one. Only an embedded engine offers this.
     *
     * @param targetPath the project's target folder, where an embedded database file may live
     * @param projectName the project's name
     */
    default java.util.Optional<java.util.Map<String, Object>> implicitTarget(java.nio.file.Path targetPath, String projectName) {
        return java.util.Optional.empty();
    }
}
