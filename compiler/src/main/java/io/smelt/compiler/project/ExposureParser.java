package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an {@code exposures:} entry of a properties file, checking what dbt's {@code UnparsedExposure} requires. */
final class ExposureParser {
    static final Set<String> KEYS = Set.of("name", "description", "label", "type", "owner", "maturity", "url", "meta",
            "tags", "config", "depends_on");
    private static final List<String> TYPES = List.of("dashboard", "notebook", "analysis", "ml", "application");
    private static final List<String> MATURITIES = List.of("low", "medium", "high");

    private final YamlReader yaml;

    ExposureParser(YamlReader yaml) {
        this.yaml = yaml;
    }

    ExposureProperties exposure(Node item, Map<String, YamlReader.Entry> fields, String description) {
        String name = yaml.text(fields.get("name").value(), "name", false);
        String owner = "exposure '" + name + "'";
        String type = choice(fields, "type", TYPES, owner, true);
        YamlReader.Entry ownerEntry = fields.get("owner");
        if (ownerEntry == null || YamlReader.isNull(ownerEntry.value())) {
            throw yaml.error(item, owner + " needs an owner:", "add owner: with a name: or an email:");
        }
        Map<String, Object> ownerMap = yaml.map(ownerEntry.value(), "owner of " + owner, Set.of());
        List<String> dependsOn = new ArrayList<>();
        List<SourcePosition> dependsOnAt = new ArrayList<>();
        YamlReader.Entry depends = fields.get("depends_on");
        if (depends != null) {
            for (Node entry : yaml.list(depends.value(), "depends_on of " + owner,
                    "a list of ref('model') or source('source', 'table')")) {
                dependsOn.add(yaml.text(entry, "depends_on of " + owner, false));
                dependsOnAt.add(yaml.at(entry));
            }
        }
        YamlReader.Entry tags = fields.get("tags");
        YamlReader.Entry config = fields.get("config");
        return new ExposureProperties(name, description, text(fields, "label"), type, ownerMap,
                choice(fields, "maturity", MATURITIES, owner, false), text(fields, "url"), map(fields, "meta", owner),
                tags == null ? List.of() : yaml.textList(tags.value(), "tags of " + owner, "a tag or a list of tags", true, true),
                config == null ? new LinkedHashMap<>() : yaml.nativeMap(config.value(), "config of " + owner, Set.of()),
                dependsOn, dependsOnAt, yaml.at(item));
    }

    private String choice(Map<String, YamlReader.Entry> fields, String key, List<String> allowed, String owner, boolean required) {
        YamlReader.Entry entry = fields.get(key);
        String value = entry == null ? null : yaml.text(entry.value(), key);
        if (value == null) {
            if (required) {
                throw yaml.error(fields.get("name").value(), owner + " needs a " + key + ":", "one of " + String.join(", ", allowed));
            }
            return null;
        }
        if (!allowed.contains(value)) {
            throw yaml.expected(entry.value(), key + " of " + owner, "one of " + String.join(", ", allowed), null);
        }
        return value;
    }

    private String text(Map<String, YamlReader.Entry> fields, String key) {
        YamlReader.Entry entry = fields.get(key);
        return entry == null ? null : yaml.text(entry.value(), key);
    }

    private Map<String, Object> map(Map<String, YamlReader.Entry> fields, String key, String owner) {
        YamlReader.Entry entry = fields.get(key);
        return entry == null ? new LinkedHashMap<>() : yaml.map(entry.value(), key + " of " + owner, Set.of());
    }
}
