package io.smelt.cli.report;

import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code --junit-xml}: the run as a JUnit XML report, the format CI systems read. One {@code
 * testsuite} for the command, one {@code testcase} per node (tests, models, seeds, snapshots): a
 * failed test is a {@code failure} with its failing row count and compiled SQL, a node that errored an
 * {@code error}, a skipped node {@code skipped}. {@code classname} is the node's resource type and
 * package ({@code test.jaffle_shop}), {@code file} and {@code line} where it is defined.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static void write(Path file, RunSummary summary, String suiteName) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                writeSuites(xml, summary, suiteName);
                xml.writeEndDocument();
                xml.writeCharacters("\n");
                xml.close();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the JUnit report " + file + ": " + e.getMessage(), e);
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeSuites(XMLStreamWriter xml, RunSummary summary, String suiteName) throws XMLStreamException {
        List<NodeResult> results = summary.results();
        long failures = summary.count(NodeStatus.FAIL);
        long errors = summary.count(NodeStatus.ERROR);
        long skipped = summary.count(NodeStatus.SKIPPED);
        String time = seconds(summary.elapsed().toNanos());
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "smelt");
        counts(xml, results.size(), failures, errors, skipped, time);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suiteName);
        counts(xml, results.size(), failures, errors, skipped, time);
        if (!results.isEmpty()) {
            xml.writeAttribute("timestamp", DateTimeFormatter.ISO_INSTANT.format(results.get(0).startedAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        for (NodeResult result : results) {
            xml.writeCharacters("\n    ");
            testcase(xml, result);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
    }

    private static void counts(XMLStreamWriter xml, long tests, long failures, long errors, long skipped, String time)
            throws XMLStreamException {
        xml.writeAttribute("tests", Long.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeAttribute("time", time);
    }

    private static void testcase(XMLStreamWriter xml, NodeResult result) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", result.node().name());
        xml.writeAttribute("classname", result.node().resourceType().dbtName() + "." + result.node().packageName());
        xml.writeAttribute("time", seconds(result.elapsed().toNanos()));
        SourcePosition at = Annotations.place(result);
        if (at != null && at.file() != null) {
            xml.writeAttribute("file", Annotations.slashes(at.file()));
            if (at.line() > 0) {
                xml.writeAttribute("line", Integer.toString(at.line()));
            }
        }
        String compiled = result.compiledPath() == null ? null : Annotations.slashes(result.compiledPath());
        switch (result.status()) {
            case FAIL -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", result.failures() + (result.failures() == 1 ? " failing row" : " failing rows"));
                xml.writeAttribute("type", "test");
                xml.writeCharacters(result.message() + (compiled == null ? "" : "\ncompiled SQL: " + compiled));
                xml.writeEndElement();
            }
            case ERROR -> {
                xml.writeStartElement("error");
                xml.writeAttribute("message", headline(result.message()));
                xml.writeAttribute("type", result.node().resourceType().dbtName());
                xml.writeCharacters(result.message() + (compiled == null ? "" : "\ncompiled SQL: " + compiled));
                xml.writeEndElement();
            }
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", result.message().isEmpty() ? "skipped" : firstLine(result.message()));
            }
            case WARN -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters("WARN " + result.failures() + (compiled == null ? "" : "\ncompiled SQL: " + compiled));
                xml.writeEndElement();
            }
            default -> {
            }
        }
        xml.writeEndElement();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** The error itself: the first line after a "Runtime Error in model x (file)" heading. */
    static String headline(String message) {
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() > 1 && lines.get(0).matches("^(Runtime|Compilation|Database) Error in .*")) {
            return lines.get(1);
        }
        return lines.isEmpty() ? "" : lines.get(0);
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
