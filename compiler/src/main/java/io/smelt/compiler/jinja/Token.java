package io.smelt.compiler.jinja;

/** One lexer token; {@code line} and {@code col} are 1-based, {@code offset} indexes the normalized source. */
record Token(Type type, String value, Object literal, int line, int col, int offset) {
    enum Type {
        DATA, BLOCK_BEGIN, BLOCK_END, VARIABLE_BEGIN, VARIABLE_END, NAME, STRING, INTEGER, FLOAT, OPERATOR, EOF
    }

    boolean is(Type t) {
        return type == t;
    }

    boolean isOp(String op) {
        return type == Type.OPERATOR && value.equals(op);
    }

    boolean isName(String name) {
        return type == Type.NAME && value.equals(name);
    }

    /** Jinja2's {@code describe_token}: how the token reads in an error message. */
    String describe() {
        return switch (type) {
            case NAME, OPERATOR -> value;
            case DATA -> "template data / text";
            case BLOCK_BEGIN -> "begin of statement block";
            case BLOCK_END -> "end of statement block";
            case VARIABLE_BEGIN -> "begin of print statement";
            case VARIABLE_END -> "end of print statement";
            case STRING -> "string";
            case INTEGER -> "integer";
            case FLOAT -> "float";
            case EOF -> "end of template";
        };
    }
}
