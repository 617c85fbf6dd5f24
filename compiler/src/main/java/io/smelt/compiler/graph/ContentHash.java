package io.smelt.compiler.graph;

/**
 * A 128-bit hash of texts, for cache keys: two 64-bit FNV-1a streams with different offsets and
 * primes, each text ended by a separator. Not cryptographic (nothing here is adversarial); fast where
 * SHA-256 is not (the launcher runs the client compiler only, which has no SHA intrinsics).
 */
public final class ContentHash {
    private long a = 0xcbf29ce484222325L;
    private long b = 0x84222325cbf29ce4L;

    public ContentHash add(String text) {
        String t = String.valueOf(text);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            a = (a ^ c) * 0x100000001b3L;
            b = (b ^ c) * 0x1000193_00000001L + 0x9e3779b97f4a7c15L;
        }
        a = (a ^ 0xffff) * 0x100000001b3L;
        b = (b ^ 0xffff) * 0x1000193_00000001L;
        return this;
    }

    public String hex() {
        return String.format("%016x%016x", a, b);
    }

    /** The hash of one text. */
    public static String of(String text) {
        return new ContentHash().add(text).hex();
    }
}
