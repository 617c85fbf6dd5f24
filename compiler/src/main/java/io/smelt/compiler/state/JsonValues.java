package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Comparing manifest values written by Smelt and by dbt, which spell "nothing" differently: a null, an
 * empty list or mapping and an absent field are the same value, and {@code 1} equals {@code 1.0}.
 */
final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonValues() {
    }

    static boolean same(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    /** The value with nulls and empty containers removed and numbers made exact; a missing value is {@code null}. */
    static JsonNode canonical(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NODES.nullNode();
        }
        if (value.isNumber()) {
            return NODES.numberNode(value.decimalValue().stripTrailingZeros());
        }
        if (value.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = canonical(e.getValue());
                if (!isNothing(v)) {
                    out.set(e.getKey(), v);
                }
            }
            return out.isEmpty() ? NODES.nullNode() : out;
        }
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode();
            value.forEach(item -> out.add(canonical(item)));
            return out.isEmpty() ? NODES.nullNode() : out;
        }
        return value;
    }

    private static boolean isNothing(JsonNode value) {
        return value.isNull();
    }

    /** A short form for messages. */
    static String show(JsonNode value) {
        String text = value == null || value.isMissingNode() ? "(unset)" : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
