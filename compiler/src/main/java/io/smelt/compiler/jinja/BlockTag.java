package io.smelt.compiler.jinja;

import com.hubspot.jinjava.lib.tag.Tag;

/** A tag with a body, closed by {@code end<name>}. */
abstract class BlockTag implements Tag {
    private static final long serialVersionUID = 1L;

    private final String name;

    BlockTag(String name) {
        this.name = name;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final String getEndTagName() {
        return "end" + name;
    }
}
