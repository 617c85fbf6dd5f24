package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.List;

/** {@code datetime.timedelta}, held in microseconds. */
record PyTimeDelta(long micros) implements PyObject, PyDateTime.Arith, Comparable<PyTimeDelta> {
    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "days" -> Math.floorDiv(micros, 86_400_000_000L);
            case "seconds" -> Math.floorMod(micros, 86_400_000_000L) / 1_000_000;
            case "microseconds" -> Math.floorMod(micros, 1_000_000L);
            case "total_seconds" -> (PyCallable) (a, k) -> micros / 1e6;
            default -> Undefined.attribute(this, name);
        };
    }

    @Override
    public Object add(Object other) {
        if (other instanceof PyTimeDelta d) {
            return new PyTimeDelta(micros + d.micros);
        }
        if (other instanceof PyDateTime.DateTime || other instanceof PyDateTime.Date) {
            return ((PyDateTime.Arith) other).add(this);
        }
        throw PyException.typeError("unsupported operand type(s) for +: 'datetime.timedelta' and '"
                + PyOps.typeName(other) + "'");
    }

    @Override
    public Object sub(Object other) {
        if (other instanceof PyTimeDelta d) {
            return new PyTimeDelta(micros - d.micros);
        }
        throw PyException.typeError("unsupported operand type(s) for -: 'datetime.timedelta' and '"
                + PyOps.typeName(other) + "'");
    }

    @Override
    public Object mul(Object other) {
        return new PyTimeDelta((long) Math.rint(micros * PyOps.toDouble(other)));
    }

    @Override
    public Object div(Object other) {
        if (other instanceof PyTimeDelta d) {
            return (double) micros / d.micros;
        }
        return new PyTimeDelta((long) Math.rint(micros / PyOps.toDouble(other)));
    }

    @Override
    public Object floorDiv(Object other) {
        if (other instanceof PyTimeDelta d) {
            return Math.floorDiv(micros, d.micros);
        }
        return new PyTimeDelta(Math.floorDiv(micros, PyOps.toLong(other)));
    }

    PyTimeDelta negate() {
        return new PyTimeDelta(-micros);
    }

    @Override
    public int compareTo(PyTimeDelta o) {
        return Long.compare(micros, o.micros);
    }

    @Override
    public String repr() {
        long days = Math.floorDiv(micros, 86_400_000_000L);
        long seconds = Math.floorMod(micros, 86_400_000_000L) / 1_000_000;
        long rest = Math.floorMod(micros, 1_000_000L);
        List<String> parts = new ArrayList<>();
        if (days != 0) {
            parts.add("days=" + days);
        }
        if (seconds != 0) {
            parts.add("seconds=" + seconds);
        }
        if (rest != 0) {
            parts.add("microseconds=" + rest);
        }
        return "datetime.timedelta(" + (parts.isEmpty() ? "0" : String.join(", ", parts)) + ")";
    }

    @Override
    public String typeName() {
        return "datetime.timedelta";
    }

    @Override
    public String toString() {
        long days = Math.floorDiv(micros, 86_400_000_000L);
        long rest = Math.floorMod(micros, 86_400_000_000L);
        long secs = rest / 1_000_000;
        String s = String.format("%d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
        if (rest % 1_000_000 != 0) {
            s += String.format(".%06d", rest % 1_000_000);
        }
        return days == 0 ? s : days + (Math.abs(days) == 1 ? " day, " : " days, ") + s;
    }
}
