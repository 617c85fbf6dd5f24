package io.smelt.compiler.jinja;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code strftime} and {@code strptime} as CPython on Linux does them: CPython hands
 * {@code strftime} to the C library, so glibc's directives ({@code %e}, {@code %G}, {@code %V}, ...) and its
 * unpadded {@code %Y} before year 1000 are what dbt users see.
 */
final class PyTimeFormat {
    private PyTimeFormat() {
    }

    static String strftime(String f, LocalDateTime t, ZoneOffset tz) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%' || i + 1 >= f.length()) {
                b.append(c);
                continue;
            }
            char d = f.charAt(++i);
            switch (d) {
                case 'Y' -> b.append(t.getYear());
                case 'y' -> b.append(two(t.getYear() % 100));
                case 'C' -> b.append(two(t.getYear() / 100));
                case 'G' -> b.append(t.get(IsoFields.WEEK_BASED_YEAR));
                case 'm' -> b.append(two(t.getMonthValue()));
                case 'd' -> b.append(two(t.getDayOfMonth()));
                case 'e' -> b.append(String.format("%2d", t.getDayOfMonth()));
                case 'H' -> b.append(two(t.getHour()));
                case 'I' -> b.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'M' -> b.append(two(t.getMinute()));
                case 'S' -> b.append(two(t.getSecond()));
                case 'f' -> b.append(String.format("%06d", t.getNano() / 1000));
                case 'p' -> b.append(t.getHour() < 12 ? "AM" : "PM");
                case 'j' -> b.append(String.format("%03d", t.getDayOfYear()));
                case 'U' -> b.append(two((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7));
                case 'W' -> b.append(two((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() - 1)) / 7));
                case 'V' -> b.append(two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
                case 'a' -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b', 'h' -> b.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> b.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'w' -> b.append(t.getDayOfWeek().getValue() % 7);
                case 'u' -> b.append(t.getDayOfWeek().getValue());
                case 'z' -> b.append(tz == null ? "" : tz.getTotalSeconds() == 0 ? "+0000" : tz.getId().replace(":", ""));
                case 'Z' -> b.append(tz == null ? "" : tz.getTotalSeconds() == 0 ? "UTC" : "UTC" + tz.getId());
                case 'F' -> b.append(t.toLocalDate());
                case 'T', 'X' -> b.append(strftime("%H:%M:%S", t, tz));
                case 'R' -> b.append(strftime("%H:%M", t, tz));
                case 'D', 'x' -> b.append(strftime("%m/%d/%y", t, tz));
                case 'c' -> b.append(strftime("%a %b %e %H:%M:%S %Y", t, tz));
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case '%' -> b.append('%');
                default -> b.append('%').append(d);
            }
        }
        return b.toString();
    }

    private static String two(int value) {
        return String.format("%02d", value);
    }

    static PyDateTime.DateTime strptime(String s, String f) {
        StringBuilder re = new StringBuilder();
        List<Character> fields = new ArrayList<>();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '%' && i + 1 < f.length()) {
                char d = f.charAt(++i);
                String g = switch (d) {
                    case 'Y' -> "(\\d{4})";
                    case 'f' -> "(\\d{1,6})";
                    case 'j' -> "(\\d{1,3})";
                    case 'b', 'B', 'a', 'A' -> "([A-Za-z]+)";
                    case 'p' -> "([AaPp][Mm])";
                    case 'z' -> "(Z|[+-]\\d{2}:?\\d{2})";
                    case '%' -> "%";
                    default -> "(\\d{1,2})";
                };
                re.append(g);
                if (d != '%') {
                    fields.add(d);
                }
            } else if (Character.isWhitespace(c)) {
                re.append("\\s+");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Matcher m = Pattern.compile(re.toString()).matcher(s);
        if (!m.matches()) {
            throw new PyException("ValueError: time data " + PyStr.repr(s) + " does not match format " + PyStr.repr(f));
        }
        int year = 1900;
        int month = 1;
        int day = 1;
        int dayOfYear = 0;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micro = 0;
        boolean pm = false;
        ZoneOffset tz = null;
        for (int i = 0; i < fields.size(); i++) {
            String v = m.group(i + 1);
            switch (fields.get(i)) {
                case 'Y' -> year = Integer.parseInt(v);
                case 'y' -> year = 2000 + Integer.parseInt(v) - (Integer.parseInt(v) >= 69 ? 100 : 0);
                case 'm' -> month = Integer.parseInt(v);
                case 'd' -> day = Integer.parseInt(v);
                case 'j' -> dayOfYear = Integer.parseInt(v);
                case 'H', 'I' -> hour = Integer.parseInt(v);
                case 'M' -> minute = Integer.parseInt(v);
                case 'S' -> second = Integer.parseInt(v);
                case 'f' -> micro = Integer.parseInt((v + "00000").substring(0, 6));
                case 'p' -> pm = v.equalsIgnoreCase("pm");
                case 'b', 'B' -> month = month(v).getValue();
                case 'z' -> tz = v.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(v.length() == 5
                        ? v.substring(0, 3) + ":" + v.substring(3) : v);
                default -> { }
            }
        }
        if (fields.contains('p') && pm && hour < 12) {
            hour += 12;
        } else if (fields.contains('p') && !pm && hour == 12) {
            hour = 0;
        }
        // as in CPython, the day of the year decides the date unless a month or day is given too
        LocalDate date = dayOfYear > 0 && !fields.contains('m') && !fields.contains('d')
                ? LocalDate.ofYearDay(year, dayOfYear) : LocalDate.of(year, month, day);
        return new PyDateTime.DateTime(LocalDateTime.of(date, LocalTime.of(hour, minute, second, micro * 1000)), tz);
    }

    private static Month month(String v) {
        for (Month mo : Month.values()) {
            if (mo.name().toLowerCase(Locale.ROOT).startsWith(v.toLowerCase(Locale.ROOT).substring(0, 3))) {
                return mo;
            }
        }
        throw new PyException("ValueError: unknown month " + v);
    }
}
