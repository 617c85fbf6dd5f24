package io.smelt.cli;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.docs.DocsServer;
import io.smelt.compiler.workspace.Workspace;
import picocli.CommandLine.Option;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code smelt docs serve}: serves the target folder (the site {@code docs generate} wrote) over HTTP
 * until interrupted. Loopback only by default; no browser is opened unless {@code --browser} asks.
 */
@picocli.CommandLine.Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves the docs site in target/ over HTTP (http://127.0.0.1:8080/ by default) until Ctrl-C.")
final class DocsServeCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The port (default 8080, as dbt; 0 for any free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 shares the site with the network).")
    String host;

    @Option(names = "--browser", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Open the site in the desktop's browser (off by default: servers and CI have none).")
    boolean browser;

    @Override
    protected int execute() {
        if (port < 0 || port > 65535) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "--port takes 0 to 65535, not " + port, null);
        }
        Path target = Workspace.targetDir(projectOptions());
        if (!Files.isRegularFile(target.resolve("index.html"))) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "no docs site in " + target, "run smelt docs generate first");
        }
        try (DocsServer server = DocsServer.start(target, host, port)) {
            out().println("Serving docs at " + server.uri() + " (press Ctrl-C to stop)");
            out().flush();
            if (browser) {
                openBrowser(server.uri());
            }
            // until Ctrl-C ends the JVM, or a test interrupts the thread that runs the command
            new CountDownLatch(1).await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private void openBrowser(URI uri) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(uri);
                return;
            }
        }
        catch (IOException | UnsupportedOperationException e) {
            // falls through to the hint
        }
        err().println("Cannot open a browser here; open " + uri + " yourself.");
    }
}
