package io.smelt.compiler.deps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's version constraints for hub packages: each is {@code [>=|>|<=|<|=]major.minor.patch} with an
 * optional {@code -prerelease} (the dash may be left out, as dbt-common's pattern allows) and
 * {@code +build}; a package's constraints (from every packages.yml that names it) must all hold.
 * The newest available version that satisfies them wins; prereleases only when asked for or named
 * in a constraint, as in dbt.
 */
record SemverRange(List<Constraint> constraints) {
    private static final Pattern CONSTRAINT = Pattern.compile(
            "^\\s*(>=|<=|>|<|=)?\\s*v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-?([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z.-]+)?\\s*$");

    SemverRange {
        constraints = List.copyOf(constraints);
    }

    /** A version: numeric core, prerelease identifiers (empty for a release). */
    record Version(int major, int minor, int patch, List<String> prerelease) implements Comparable<Version> {
        Version {
            prerelease = List.copyOf(prerelease);
        }

        static Optional<Version> parse(String text) {
            Matcher m = CONSTRAINT.matcher(text);
            if (!m.matches() || m.group(1) != null) {
                return Optional.empty();
            }
            return Optional.of(of(m));
        }

        private static Version of(Matcher m) {
            List<String> pre = m.group(5) == null ? List.of() : List.of(m.group(5).split("\\."));
            return new Version(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), pre);
        }

        boolean isPrerelease() {
            return !prerelease.isEmpty();
        }

        @Override
        public int compareTo(Version other) {
            int c = Integer.compare(major, other.major);
            c = c != 0 ? c : Integer.compare(minor, other.minor);
            c = c != 0 ? c : Integer.compare(patch, other.patch);
            if (c != 0) {
                return c;
            }
            if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
                return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
            }
            for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
                c = compareIdentifier(prerelease.get(i), other.prerelease.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(prerelease.size(), other.prerelease.size());
        }

        private static int compareIdentifier(String a, String b) {
            boolean numericA = a.chars().allMatch(Character::isDigit);
            boolean numericB = b.chars().allMatch(Character::isDigit);
            if (numericA && numericB) {
                return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
            }
            if (numericA != numericB) {
                return numericA ? -1 : 1;
            }
            return a.compareTo(b);
        }
    }

    /** One bound; {@code =} when no operator is written. */
    record Constraint(String operator, Version version) {
        boolean allows(Version candidate) {
            // dbt's VersionSpecifier.compare: "<2.0.0" keeps 2.0.0's prereleases out too
            if (operator.equals("<") && !version.isPrerelease() && candidate.isPrerelease()
                    && candidate.major() == version.major() && candidate.minor() == version.minor()
                    && candidate.patch() == version.patch()) {
                return false;
            }
            int c = candidate.compareTo(version);
            return switch (operator) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
        }

        @Override
        public String toString() {
            return (operator.equals("=") ? "" : operator) + version.major() + "." + version.minor() + "." + version.patch()
                    + (version.isPrerelease() ? "-" + String.join(".", version.prerelease()) : "");
        }
    }

    /**
     * Parses constraints as written in {@code version:}; one text may hold several separated by commas.
     *
     * @throws IllegalArgumentException naming the first one that is not a version constraint
     */
    static SemverRange parse(Collection<String> texts) {
        List<Constraint> constraints = new ArrayList<>();
        for (String text : texts) {
            for (String part : text.split(",")) {
                Matcher m = CONSTRAINT.matcher(part);
                if (!m.matches()) {
                    throw new IllegalArgumentException("'" + part.trim() + "' is not a version or a range bound"
                            + " (write major.minor.patch, optionally after >=, >, <=, < or =)");
                }
                constraints.add(new Constraint(m.group(1) == null ? "=" : m.group(1), Version.of(m)));
            }
        }
        return new SemverRange(constraints);
    }

    boolean allows(Version version) {
        return constraints.stream().allMatch(c -> c.allows(version));
    }

    /** True when a constraint itself names a prerelease, which lets prereleases in, as in dbt. */
    boolean namesPrerelease() {
        return constraints.stream().anyMatch(c -> c.version().isPrerelease());
    }

    /** The newest of {@code available} (version texts; unparsable ones are skipped) that satisfies every constraint. */
    Optional<String> newest(Collection<String> available, boolean installPrerelease) {
        boolean prereleases = installPrerelease || namesPrerelease();
        String best = null;
        Version bestVersion = null;
        for (String text : available) {
            Optional<Version> parsed = Version.parse(text);
            if (parsed.isEmpty() || (parsed.get().isPrerelease() && !prereleases) || !allows(parsed.get())) {
                continue;
            }
            if (bestVersion == null || parsed.get().compareTo(bestVersion) > 0) {
                best = text;
                bestVersion = parsed.get();
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() {
        return constraints.toString();
    }
}
