package io.smelt.compiler.jinja;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/** A Python tuple: an immutable list that prints as {@code (1, 2)}. */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
    static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final Object[] items;

    private PyTuple(Object[] items) {
        this.items = items;
    }

    /** A tuple of the given values (nulls allowed, meaning None). */
    public static PyTuple of(Object... items) {
        return new PyTuple(items.clone());
    }

    /** A tuple holding a copy of the list's values. */
    public static PyTuple copyOf(List<?> items) {
        return new PyTuple(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTuple t && Arrays.equals(items, t.items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return PyStr.repr(this);
    }
}
