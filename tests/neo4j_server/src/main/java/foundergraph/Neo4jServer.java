package foundergraph;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j Community DBMS with the Bolt connector on 127.0.0.1, for tests and for people without Docker.
 *
 * <pre>
 *   Neo4jServer [--port N] [--data DIR] [--password PW] [--page-cache-mb N]
 *   Neo4jServer import --data DIR [--database NAME] [--cypher STATEMENT]... -- IMPORTER_OPTIONS...
 * </pre>
 * The second form is the offline bulk import of {@link Neo4jImport} into a stopped database folder.
 * --port 0 (the default) picks a free port. Without --data the data lives in a temporary folder
 * deleted at shutdown; with --data the folder is kept, so a restart finds the same graph.
 * Without --password auth is disabled; with it, user neo4j has that password (8 characters or more).
 * Prints "NEO4J READY bolt://127.0.0.1:PORT" once Bolt answers; SIGTERM/SIGINT stop it cleanly.
 * With --watch-stdin it also stops when its standard input closes: a test run that dies leaves no server.
 */
public final class Neo4jServer {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            int code = Neo4jImport.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);  // no lingering importer threads
        }
        int port = 0;
        long pageCacheMiB = 256;
        Path data = null;
        String password = null;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--password" -> password = args[++i];
                case "--watch-stdin" -> watchStdin = true;
                case "--page-cache-mb" -> pageCacheMiB = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: Neo4jServer [--port N] [--data DIR] [--password PW] [--page-cache-mb N] "
                            + "[--watch-stdin]\n       Neo4jServer import --data DIR [--database NAME] "
                            + "[--cypher STATEMENT]... -- IMPORTER_OPTIONS...");
                    System.exit(2);
                }
            }
        }
        if (password != null && password.length() < 8) {
            System.err.println("--password must have at least 8 characters (Neo4j's minimum)");
            System.exit(2);
        }
        boolean throwaway = data == null;
        Path home = throwaway ? Files.createTempDirectory("foundergraph-neo4j-") : data;
        if (port == 0) {
            port = freePort();
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                // LOAD CSV may not read the server's files (dbms.security.allow_csv_import_from_file_urls=false)
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                // Bolt waits 2 x 5 s for idle threads and connections at shutdown; a local server needs less.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                if (throwaway) {
                    deleteTree(home);
                }
                stopped.countDown();
                System.err.println("NEO4J STOPPED");
                Runtime.getRuntime().halt(0);  // a clean stop exits 0, not 143
            }
        }, "neo4j-shutdown"));

        if (password != null) {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    java.util.Map.of("password", password));
        }
        // Wait until the default database answers, then say so on stdout.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("NEO4J READY bolt://127.0.0.1:" + port + " data=" + home);
        System.out.flush();
        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() != -1) {
                        // the parent writes nothing; EOF means it is gone
                    }
                } catch (IOException ignored) {
                    // same as EOF
                }
                System.exit(0);
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temporary folder
        }
    }
}
