package io.smelt.compiler.graph;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Model versions as far as {@link Node} shows them. Node has no version field, so a node counts as
 * version {@code v} of model {@code name} when its config has {@code version: v}, or when its unique
 * id is {@code model.<pkg>.<name>.v<v>} as dbt spells versioned ids.
 */
public final class ModelVersions {
    private ModelVersions() {
    }

    /** The node's version, or null when it is not a versioned model. */
    public static String versionOf(Node node) {
        Object configured = node.config().get("version");
        if (configured != null) {
            return text(configured);
        }
        // Checks for <type>.<pkg>.<name>.v<version> without building strings: this runs for every node
        String id = node.uniqueId();
        String type = node.resourceType().dbtName();
        String pkg = node.packageName();
        String name = node.name();
        int prefix = type.length() + pkg.length() + name.length() + 2;
        if (id.length() <= prefix + 2 || !id.startsWith(".v", prefix)) {
            return null;
        }
        boolean shaped = id.startsWith(type) && id.charAt(type.length()) == '.'
                && id.startsWith(pkg, type.length() + 1) && id.charAt(type.length() + 1 + pkg.length()) == '.'
                && id.startsWith(name, type.length() + pkg.length() + 2);
        return shaped ? id.substring(prefix + 2) : null;
    }

    /** The node's {@code latest_version} config, or null. */
    public static String latestVersionOf(Node node) {
        Object latest = node.config().get("latest_version");
        return latest == null ? null : text(latest);
    }

    /** {@code 2}, {@code 2.0} and {@code "2"} are the same version, as YAML may spell them. */
    public static boolean sameVersion(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    /**
     * The version an unversioned ref picks among versions of one model: the one named by
     * {@code latest_version}, else the greatest.
     */
    static Node latest(Collection<Node> versions) {
        Node best = null;
        for (Node candidate : versions) {
            String latest = latestVersionOf(candidate);
            if (latest != null && sameVersion(latest, versionOf(candidate))) {
                return candidate;
            }
            if (best == null || compare(versionOf(candidate), versionOf(best)) > 0) {
                best = candidate;
            }
        }
        return best;
    }

    /** Orders versions numerically where both are numbers, else as text. */
    public static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return a.compareTo(b);
    }

    /** A version as text: {@code 2.0} written as a YAML float is {@code 2}. */
    public static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            BigDecimal number = new BigDecimal(value.toString()).stripTrailingZeros();
            return number.scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
        }
        return value.toString();
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
