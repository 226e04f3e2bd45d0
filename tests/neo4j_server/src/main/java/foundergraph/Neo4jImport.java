package foundergraph;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Offline bulk import into a stopped, empty database folder with Neo4j's own importer
 * ({@code neo4j-admin database import full}, from the neo4j-import-tool jar), then the schema.
 *
 * <pre>
 *   Neo4jServer import --data DIR [--database NAME] [--cypher STATEMENT]... -- IMPORTER_OPTIONS...
 * </pre>
 * DIR is the folder a server started with {@code --data DIR} uses. A database that already holds a node
 * is refused (exit 3, one line on stderr starting with "REFUSED:") and left as it is; an empty one (a
 * server created it) is replaced. After the import, each {@code --cypher} statement (the uniqueness
 * constraints) runs on the imported database and the indexes are awaited. Importer output goes to
 * stderr; stdout gets "IMPORT DONE import_ms=N schema_ms=N" at the end. Exit codes: 0 done, 1 importer or
 * schema failure, 2 usage, 3 refused.
 */
final class Neo4jImport {

    private Neo4jImport() {
    }

    static int run(String[] args) throws Exception {
        Path data = null;
        String database = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
        List<String> statements = new ArrayList<>();
        List<String> options = new ArrayList<>();
        int i = 0;
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (i + 1 >= args.length) {
                return usage();
            }
            switch (arg) {
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--database" -> database = args[++i];
                case "--cypher" -> statements.add(args[++i]);
                default -> {
                    return usage();
                }
            }
        }
        for (; i < args.length; i++) {
            options.add(args[i]);
        }
        if (data == null || options.isEmpty()) {
            return usage();
        }
        Files.createDirectories(data.resolve("conf"));
        PrintStream err = System.err;

        Path store = data.resolve("data").resolve("databases").resolve(database);
        boolean exists = Files.isDirectory(store) && Files.list(store).findAny().isPresent();
        if (exists) {
            long nodes;
            try {
                nodes = countNodes(data, database);
            } catch (RuntimeException e) {
                err.println("REFUSED: cannot open the database " + database + " in " + data
                        + " (is a server running on it? stop it first): " + oneLine(e));
                return 3;
            }
            if (nodes > 0) {
                err.println("REFUSED: the database " + database + " in " + data + " is not empty (" + nodes
                        + " nodes); bulk import only fills an empty database: use push, or another --data folder");
                return 3;
            }
        }

        List<String> command = new ArrayList<>(List.of("database", "import", "full", database));
        if (exists) {
            command.add("--overwrite-destination=true");
        }
        command.addAll(options);
        long start = System.nanoTime();
        ExecutionContext context = new ExecutionContext(data, data.resolve("conf"), err, err,
                new DefaultFileSystemAbstraction());
        int code = AdminTool.execute(context, command.toArray(String[]::new));
        long imported = System.nanoTime();
        if (code != 0) {
            err.println("FAILED: the importer exited with code " + code);
            return 1;
        }
        try {
            runSchema(data, database, statements);
        } catch (RuntimeException e) {
            err.println("FAILED: the schema statements failed: " + oneLine(e));
            return 1;
        }
        long done = System.nanoTime();
        System.out.println("IMPORT DONE import_ms=" + (imported - start) / 1_000_000 + " schema_ms="
                + (done - imported) / 1_000_000);
        System.out.flush();
        return 0;
    }

    private static int usage() {
        System.err.println("usage: Neo4jServer import --data DIR [--database NAME] [--cypher STATEMENT]... "
                + "-- IMPORTER_OPTIONS...");
        return 2;
    }

    private static DatabaseManagementService open(Path data) {
        return new DatabaseManagementServiceBuilder(data)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .build();
    }

    private static long countNodes(Path data, String database) {
        DatabaseManagementService dbms = open(data);
        try {
            GraphDatabaseService db = dbms.database(database);
            return db.executeTransactionally("MATCH (n) RETURN count(n) AS n", java.util.Map.of(),
                    result -> (Long) result.next().get("n"));
        } finally {
            dbms.shutdown();
        }
    }

    private static void runSchema(Path data, String database, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        DatabaseManagementService dbms = open(data);
        try {
            GraphDatabaseService db = dbms.database(database);
            for (String statement : statements) {
                db.executeTransactionally(statement);
            }
            db.executeTransactionally("CALL db.awaitIndexes(600)");
        } finally {
            dbms.shutdown();
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String text = (e.getMessage() == null ? e.toString() : e.getMessage());
        if (root != e && root.getMessage() != null) {
            text += " (" + root.getMessage() + ")";
        }
        return text.replaceAll("\\s+", " ");
    }
}
