package io.smelt.compiler.jinja;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.smelt.compiler.jinja.PyMethods.arg;

/** The parts of Python's {@code datetime} module dbt code uses ({@code modules.datetime}). */
final class PyDateTime {
    /** Values that take part in {@code + - * /}. */
    interface Arith {
        Object add(Object other);

        Object sub(Object other);

        default Object mul(Object other) {
            throw PyException.typeError("unsupported operand type(s) for *");
        }

        default Object div(Object other) {
            throw PyException.typeError("unsupported operand type(s) for /");
        }

        default Object floorDiv(Object other) {
            throw PyException.typeError("unsupported operand type(s) for //");
        }

        /** What Python's {@code repr} shows: {@code datetime.date(2024, 1, 2)}. */
        String repr();
    }

    /** Values with {@code strftime} (also used by {@code '{:%Y}'.format(d)}). */
    interface Formattable {
        String strftime(String format);
    }

    static final Builtins.Module MODULE = module();

    private PyDateTime() {
    }

    /** {@code datetime.datetime}; {@code tz} null when naive. */
    record DateTime(LocalDateTime t, ZoneOffset tz) implements PyObject, Arith, Formattable, Comparable<DateTime> {
        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "year" -> (long) t.getYear();
                case "month" -> (long) t.getMonthValue();
                case "day" -> (long) t.getDayOfMonth();
                case "hour" -> (long) t.getHour();
                case "minute" -> (long) t.getMinute();
                case "second" -> (long) t.getSecond();
                case "microsecond" -> (long) (t.getNano() / 1000);
                case "tzinfo" -> tz == null ? null : tz.getId();
                case "strftime" -> (PyCallable) (a, k) -> strftime(PyStr.str(a.get(0)));
                case "isoformat" -> (PyCallable) (a, k) -> iso(a.isEmpty() ? "T" : PyStr.str(a.get(0)));
                case "date" -> (PyCallable) (a, k) -> new Date(t.toLocalDate());
                case "weekday" -> (PyCallable) (a, k) -> (long) t.getDayOfWeek().getValue() - 1;
                case "isoweekday" -> (PyCallable) (a, k) -> (long) t.getDayOfWeek().getValue();
                case "timestamp" -> (PyCallable) (a, k) -> (t.toEpochSecond(tz == null ? ZoneOffset.UTC : tz)
                        + t.getNano() / 1e9);
                case "astimezone" -> (PyCallable) (a, k) -> a.isEmpty() || a.get(0) == null ? new DateTime(t, ZoneOffset.UTC)
                        : PyTz.convert(this, (PyTz.Zone) a.get(0));
                case "replace" -> (PyCallable) (a, k) -> {
                    LocalDateTime x = t;
                    for (Map.Entry<String, Object> e : k.entrySet()) {
                        if (e.getKey().equals("tzinfo")) {
                            return new DateTime(x, PyTz.attached(e.getValue()));
                        }
                        int v = (int) PyOps.toLong(e.getValue());
                        x = switch (e.getKey()) {
                            case "year" -> x.withYear(v);
                            case "month" -> x.withMonth(v);
                            case "day" -> x.withDayOfMonth(v);
                            case "hour" -> x.withHour(v);
                            case "minute" -> x.withMinute(v);
                            case "second" -> x.withSecond(v);
                            case "microsecond" -> x.withNano(v * 1000);
                            default -> throw PyException.typeError("'" + e.getKey() + "' is an invalid keyword argument");
                        };
                    }
                    return new DateTime(x, tz);
                };
                default -> Undefined.attribute(this, name);
            };
        }

        String iso(String sep) {
            String s = t.toLocalDate() + sep + String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond())
                    + (t.getNano() != 0 ? String.format(".%06d", t.getNano() / 1000) : "");
            return tz == null ? s : s + (tz.getTotalSeconds() == 0 ? "+00:00" : tz.getId());
        }

        @Override
        public String strftime(String format) {
            return PyTimeFormat.strftime(format, t, tz);
        }

        @Override
        public Object add(Object other) {
            if (other instanceof PyTimeDelta d) {
                return new DateTime(t.plus(d.micros(), ChronoUnit.MICROS), tz);
            }
            throw PyException.typeError("unsupported operand type(s) for +: 'datetime.datetime' and '"
                    + PyOps.typeName(other) + "'");
        }

        @Override
        public Object sub(Object other) {
            if (other instanceof PyTimeDelta d) {
                return new DateTime(t.minus(d.micros(), ChronoUnit.MICROS), tz);
            }
            if (other instanceof DateTime o) {
                if ((tz == null) != (o.tz == null)) {
                    throw PyException.typeError("can't subtract offset-naive and offset-aware datetimes");
                }
                return new PyTimeDelta(ChronoUnit.MICROS.between(o.utc(), utc()));
            }
            throw PyException.typeError("unsupported operand type(s) for -: 'datetime.datetime' and '"
                    + PyOps.typeName(other) + "'");
        }

        /** The wall time in UTC when aware; naive values compare by their wall time. */
        private LocalDateTime utc() {
            return tz == null ? t : t.minusSeconds(tz.getTotalSeconds());
        }

        @Override
        public int compareTo(DateTime o) {
            if ((tz == null) != (o.tz == null)) {
                throw PyException.typeError("can't compare offset-naive and offset-aware datetimes");
            }
            return utc().compareTo(o.utc());
        }

        /** Aware values are equal when they name the same instant, as in Python; never equal to a naive one. */
        @Override
        public boolean equals(Object other) {
            return other instanceof DateTime o && (tz == null) == (o.tz == null) && utc().equals(o.utc());
        }

        @Override
        public int hashCode() {
            return utc().hashCode();
        }

        @Override
        public String repr() {
            StringBuilder b = new StringBuilder("datetime.datetime(").append(t.getYear()).append(", ").append(t.getMonthValue())
                    .append(", ").append(t.getDayOfMonth()).append(", ").append(t.getHour()).append(", ").append(t.getMinute());
            if (t.getSecond() != 0 || t.getNano() != 0) {
                b.append(", ").append(t.getSecond());
            }
            if (t.getNano() != 0) {
                b.append(", ").append(t.getNano() / 1000);
            }
            if (tz != null) {
                b.append(", tzinfo=").append(tz.getTotalSeconds() == 0 ? "datetime.timezone.utc"
                        : "datetime.timezone(" + new PyTimeDelta(tz.getTotalSeconds() * 1_000_000L).repr() + ")");
            }
            return b.append(')').toString();
        }

        @Override
        public String typeName() {
            return "datetime.datetime";
        }

        @Override
        public String toString() {
            return iso(" ");
        }
    }

    /** {@code datetime.date}. */
    record Date(LocalDate d) implements PyObject, Arith, Formattable, Comparable<Date> {
        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "year" -> (long) d.getYear();
                case "month" -> (long) d.getMonthValue();
                case "day" -> (long) d.getDayOfMonth();
                case "strftime" -> (PyCallable) (a, k) -> strftime(PyStr.str(a.get(0)));
                case "isoformat" -> (PyCallable) (a, k) -> d.toString();
                case "weekday" -> (PyCallable) (a, k) -> (long) d.getDayOfWeek().getValue() - 1;
                case "isoweekday" -> (PyCallable) (a, k) -> (long) d.getDayOfWeek().getValue();
                case "replace" -> (PyCallable) (a, k) -> new Date(LocalDate.of(
                        (int) PyOps.toLong(k.getOrDefault("year", (long) d.getYear())),
                        (int) PyOps.toLong(k.getOrDefault("month", (long) d.getMonthValue())),
                        (int) PyOps.toLong(k.getOrDefault("day", (long) d.getDayOfMonth()))));
                default -> Undefined.attribute(this, name);
            };
        }

        @Override
        public String strftime(String format) {
            return PyTimeFormat.strftime(format, d.atStartOfDay(), null);
        }

        @Override
        public Object add(Object other) {
            if (other instanceof PyTimeDelta x) {
                return new Date(d.plusDays(Math.floorDiv(x.micros(), 86_400_000_000L)));
            }
            throw PyException.typeError("unsupported operand type(s) for +: 'datetime.date' and '"
                    + PyOps.typeName(other) + "'");
        }

        @Override
        public Object sub(Object other) {
            if (other instanceof PyTimeDelta x) {
                return new Date(d.minusDays(Math.floorDiv(x.micros(), 86_400_000_000L)));
            }
            if (other instanceof Date o) {
                return new PyTimeDelta(ChronoUnit.DAYS.between(o.d, d) * 86_400_000_000L);
            }
            throw PyException.typeError("unsupported operand type(s) for -: 'datetime.date' and '"
                    + PyOps.typeName(other) + "'");
        }

        @Override
        public int compareTo(Date o) {
            return d.compareTo(o.d);
        }

        @Override
        public String repr() {
            return "datetime.date(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ")";
        }

        @Override
        public String typeName() {
            return "datetime.date";
        }

        @Override
        public String toString() {
            return d.toString();
        }
    }

    private static Builtins.Module module() {
        Map<String, Object> dt = new HashMap<>();
        dt.put("now", (PyCallable) (a, k) -> a.isEmpty() && k.get("tz") == null
                ? new DateTime(LocalDateTime.now(), null) : new DateTime(LocalDateTime.now(ZoneOffset.UTC), ZoneOffset.UTC));
        dt.put("utcnow", (PyCallable) (a, k) -> new DateTime(LocalDateTime.now(ZoneOffset.UTC), null));
        dt.put("today", (PyCallable) (a, k) -> new DateTime(LocalDateTime.now(), null));
        dt.put("strptime", (PyCallable) (a, k) -> PyTimeFormat.strptime(PyStr.str(a.get(0)), PyStr.str(a.get(1))));
        dt.put("fromisoformat", (PyCallable) (a, k) -> {
            String s = PyStr.str(a.get(0)).replace(' ', 'T');
            if (s.length() <= 10) {
                return new DateTime(LocalDate.parse(s).atStartOfDay(), null);
            }
            if (s.matches(".*T.*[+-]\\d\\d:?\\d\\d(:\\d\\d)?$")) {
                java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(s);
                return new DateTime(t.toLocalDateTime(), t.getOffset());
            }
            return new DateTime(LocalDateTime.parse(s), null);
        });
        dt.put("fromtimestamp", (PyCallable) (a, k) -> new DateTime(LocalDateTime.ofInstant(
                Instant.ofEpochMilli(Math.round(PyOps.toDouble(a.get(0)) * 1000)), java.time.ZoneId.systemDefault()), null));
        Map<String, Object> date = new HashMap<>();
        date.put("today", (PyCallable) (a, k) -> new Date(LocalDate.now()));
        date.put("fromisoformat", (PyCallable) (a, k) -> new Date(LocalDate.parse(PyStr.str(a.get(0)))));
        Map<String, Object> m = new HashMap<>();
        m.put("datetime", new Type("datetime.datetime", dt, (a, k) -> new DateTime(LocalDateTime.of(
                (int) num(a, k, 0, "year"), (int) num(a, k, 1, "month"), (int) num(a, k, 2, "day"),
                (int) num(a, k, 3, "hour"), (int) num(a, k, 4, "minute"), (int) num(a, k, 5, "second"),
                (int) num(a, k, 6, "microsecond") * 1000), PyTz.attached(arg(a, k, 7, "tzinfo", null)))));
        m.put("date", new Type("datetime.date", date, (a, k) -> new Date(LocalDate.of((int) num(a, k, 0, "year"),
                (int) num(a, k, 1, "month"), (int) num(a, k, 2, "day")))));
        m.put("timedelta", new Type("datetime.timedelta", Map.of(), (a, k) -> {
            double days = PyOps.toDouble(arg(a, k, 0, "days", 0L)) + 7 * PyOps.toDouble(k.getOrDefault("weeks", 0L));
            double secs = PyOps.toDouble(arg(a, k, 1, "seconds", 0L)) + 60 * PyOps.toDouble(k.getOrDefault("minutes", 0L))
                    + 3600 * PyOps.toDouble(k.getOrDefault("hours", 0L));
            double micros = PyOps.toDouble(arg(a, k, 2, "microseconds", 0L))
                    + 1000 * PyOps.toDouble(k.getOrDefault("milliseconds", 0L));
            return new PyTimeDelta((long) Math.rint(days * 86_400_000_000L + secs * 1_000_000 + micros));
        }));
        return new Builtins.Module("datetime", m);
    }

    private static long num(List<Object> a, Map<String, Object> k, int i, String name) {
        Object v = arg(a, k, i, name, null);
        return v == null ? 0 : PyOps.toLong(v);
    }

    /** A class: callable as its constructor, with class methods as attributes. */
    record Type(String name, Map<String, Object> attrs, PyCallable constructor) implements PyObject, PyCallable {
        @Override
        public Object getAttr(String attr) {
            Object v = attrs.get(attr);
            return v != null ? v : Undefined.attribute(this, attr);
        }

        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            return constructor.call(args, kwargs);
        }

        @Override
        public String toString() {
            return "<class '" + name + "'>";
        }
    }
}
