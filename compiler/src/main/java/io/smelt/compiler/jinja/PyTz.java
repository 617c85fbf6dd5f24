package io.smelt.compiler.jinja;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Python's {@code pytz} ({@code modules.pytz} in dbt): {@code timezone(name)}, {@code utc}, {@code all_timezones},
 * and a zone's {@code localize}, {@code normalize}, {@code utcoffset} and {@code zone}. As in pytz, a zone given
 * straight to {@code datetime(..., tzinfo=zone)} or {@code replace(tzinfo=zone)} applies the zone's first
 * (local mean time) offset, rounded to the minute; {@code localize} and {@code astimezone} apply the real one.
 */
final class PyTz {
    static final Zone UTC = new Zone(ZoneOffset.UTC, "UTC");
    static final Builtins.Module MODULE = module();

    private PyTz() {
    }

    /** A pytz time zone. */
    record Zone(ZoneId id, String name) implements PyObject {
        /** The offset at a wall-clock time in this zone (the earlier one where clocks go back). */
        ZoneOffset offsetAt(LocalDateTime t) {
            ZoneRules rules = id.getRules();
            List<ZoneOffset> valid = rules.getValidOffsets(t);
            return valid.isEmpty() ? rules.getTransition(t).getOffsetAfter() : valid.get(valid.size() - 1);
        }

        /** The zone's first offset (local mean time), to the minute, as pytz attaches it. */
        ZoneOffset firstOffset() {
            ZoneRules rules = id.getRules();
            ZoneOffset first = rules.getTransitions().isEmpty() ? rules.getOffset(java.time.Instant.EPOCH)
                    : rules.getTransitions().get(0).getOffsetBefore();
            return ZoneOffset.ofTotalSeconds(Math.round(first.getTotalSeconds() / 60f) * 60);
        }

        @Override
        public Object getAttr(String attr) {
            return switch (attr) {
                case "zone" -> name;
                case "localize" -> (PyCallable) (a, k) -> {
                    PyDateTime.DateTime dt = (PyDateTime.DateTime) a.get(0);
                    if (dt.tz() != null) {
                        throw new PyException("ValueError: Not naive datetime (tzinfo is already set)");
                    }
                    return new PyDateTime.DateTime(dt.t(), offsetAt(dt.t()));
                };
                case "normalize" -> (PyCallable) (a, k) -> convert((PyDateTime.DateTime) a.get(0), this);
                case "utcoffset" -> (PyCallable) (a, k) -> new PyTimeDelta(
                        offsetAt(((PyDateTime.DateTime) a.get(0)).t()).getTotalSeconds() * 1_000_000L);
                default -> Undefined.attribute(this, attr);
            };
        }

        @Override
        public String typeName() {
            return "DstTzInfo";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The offset a {@code tzinfo=} argument attaches to a wall-clock time; null for none. */
    static ZoneOffset attached(Object tzinfo) {
        if (tzinfo == null || tzinfo instanceof Undefined) {
            return null;
        }
        if (tzinfo instanceof Zone zone) {
            return zone.id() instanceof ZoneOffset fixed ? fixed : zone.firstOffset();
        }
        throw PyException.typeError("tzinfo argument must be None or of a tzinfo subclass, not type '"
                + PyOps.typeName(tzinfo) + "'");
    }

    /** {@code dt.astimezone(zone)}: the same instant on the zone's clock (a naive dt is taken as UTC). */
    static PyDateTime.DateTime convert(PyDateTime.DateTime dt, Zone zone) {
        ZoneOffset from = dt.tz() == null ? ZoneOffset.UTC : dt.tz();
        java.time.Instant instant = dt.t().toInstant(from);
        ZoneOffset to = zone.id().getRules().getOffset(instant);
        return new PyDateTime.DateTime(LocalDateTime.ofInstant(instant, to), to);
    }

    private static Builtins.Module module() {
        Map<String, Object> m = new HashMap<>();
        m.put("timezone", (PyCallable) (a, k) -> {
            String name = PyStr.str(a.get(0));
            if (name.equalsIgnoreCase("UTC")) {
                return UTC;
            }
            try {
                return new Zone(ZoneId.of(name), name);
            } catch (java.time.DateTimeException e) {
                throw new PyException("UnknownTimeZoneError: " + PyStr.repr(name));
            }
        });
        m.put("utc", UTC);
        m.put("UTC", UTC);
        List<Object> names = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        m.put("all_timezones", names);
        m.put("common_timezones", names);
        return new Builtins.Module("pytz", m);
    }
}
