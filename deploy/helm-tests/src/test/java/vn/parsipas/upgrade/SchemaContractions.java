package vn.parsipas.upgrade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the migrations that contract a schema, in one database's history (its migrations in the order
 * Flyway applies them). A rolling upgrade runs the previous version on the newer schema: expanding
 * (new tables, nullable columns or columns with a default, indexes) keeps it working; dropping,
 * renaming, retyping, narrowing (NOT NULL, a constraint or a unique index on existing rows, a new NOT
 * NULL column without a default) or replacing a function it relies on can break it. Something created
 * in the same migration may change freely there: no earlier version has seen it. Data statements
 * (insert, update, delete) are not judged here: what a rewrite means to the previous version is a review.
 */
final class SchemaContractions {
    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^create (?:(?:global |local )?(?:temporary |temp )|unlogged )?table (?:if not exists )?" + NAME + " ?\\((.*)\\)[^)]*$");
    private static final Pattern CREATE_ROUTINE = Pattern.compile(
            "^create (or replace )?(function|procedure|view|materialized view|(?:constraint )?trigger|type|sequence) (?:if not exists )?" + NAME + "\\b.*");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^create (unique )?index (?:concurrently )?(?:if not exists )?(?:" + NAME + " )?on (?:only )?" + NAME + ".*");
    private static final Pattern DROP = Pattern.compile(
            "^drop (table|view|materialized view|sequence|function|procedure|trigger|type|schema|domain) (?:if exists )?" + NAME + ".*");
    private static final Pattern ALTER_TABLE = Pattern.compile("^alter table (?:if exists )?(?:only )?" + NAME + " (.*)");
    private static final Pattern ALTER_OTHER_RENAME = Pattern.compile(
            "^alter (view|materialized view|sequence|function|procedure|type|index|schema|trigger|domain) .* rename .*");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "^add (?:constraint " + NAME + " )?(check|unique|primary key|foreign key|exclude)\\b.*");
    private static final Pattern ADD_COLUMN = Pattern.compile("^add (?:column )?(?:if not exists )?" + NAME + " (.*)");
    private static final Pattern DROP_CONSTRAINT = Pattern.compile("^drop constraint (?:if exists )?" + NAME + ".*");
    private static final Pattern DROP_COLUMN = Pattern.compile("^drop (?:column )?(?:if exists )?" + NAME + ".*");
    private static final Pattern ALTER_COLUMN = Pattern.compile("^alter (?:column )?" + NAME + " (.*)");
    private static final Pattern COLUMN_DEFINITION = Pattern.compile("^" + NAME + " (.*)");
    private static final Pattern TABLE_CONSTRAINT = Pattern.compile("^(?:constraint " + NAME + " .*|(?:primary key|unique|check|foreign key|exclude|like)\\b.*)");

    /** One migration: where it is (repository path) and its SQL. */
    record Migration(String path, String sql) {
    }

    /** A statement that contracts the schema, and why the previous version may break on it. */
    record Contraction(String path, String statement, String why) {
        String message() {
            String shown = statement.length() <= 200 ? statement : statement.substring(0, 200) + "…";
            return path + ": " + why + ": `" + shown + "`";
        }
    }

    /** What exists and where it was created: "table:outbox" → the migration that created it. */
    private final Map<String, String> createdIn = new HashMap<>();
    /** Columns that have a default ("outbox.attempts"). */
    private final Set<String> defaults = new HashSet<>();
    private final List<Contraction> found = new ArrayList<>();

    private SchemaContractions() {
    }

    /** The contractions of a database's migrations, applied in the given order. */
    static List<Contraction> find(List<Migration> history) {
        SchemaContractions schema = new SchemaContractions();
        for (Migration migration : history) {
            for (String statement : SqlStatements.split(migration.sql())) {
                schema.apply(migration.path(), statement);
            }
        }
        return List.copyOf(schema.found);
    }

    private void apply(String path, String statement) {
        String s = statement.toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = CREATE_TABLE.matcher(s)).matches()) {
            createTable(path, name(m.group(1)), m.group(2));
        } else if ((m = CREATE_ROUTINE.matcher(s)).matches()) {
            String kind = m.group(2).replace("constraint ", "");
            String key = kind + ":" + name(m.group(3));
            if (m.group(1) != null && createdIn.containsKey(key) && existedBefore(key, path)) {
                contraction(path, statement, "replaces " + kind + " " + name(m.group(3))
                        + ", which an earlier version created: the previous version runs on its new behaviour");
            }
            createdIn.putIfAbsent(key, path);
        } else if ((m = CREATE_INDEX.matcher(s)).matches()) {
            String table = name(m.group(3));
            if (m.group(1) != null && existedBefore("table:" + table, path)) {
                contraction(path, statement, "adds a unique index to existing table " + table
                        + ": the previous version may write rows it refuses");
            }
        } else if ((m = DROP.matcher(s)).matches()) {
            String key = m.group(1) + ":" + name(m.group(2));
            if (existedBefore(key, path)) {
                contraction(path, statement, "drops " + m.group(1) + " " + name(m.group(2)) + ", which the previous version uses");
            }
        } else if ((m = ALTER_TABLE.matcher(s)).matches()) {
            String table = name(m.group(1));
            for (String action : splitTopLevel(m.group(2))) {
                alterTable(path, statement, table, action);
            }
        } else if (ALTER_OTHER_RENAME.matcher(s).matches()) {
            contraction(path, statement, "renames what the previous version uses by its name");
        } else if (s.startsWith("truncate ")) {
            contraction(path, statement, "empties a table the previous version reads");
        }
    }

    private void createTable(String path, String table, String body) {
        createdIn.putIfAbsent("table:" + table, path);
        for (String item : splitTopLevel(body)) {
            Matcher constraint = TABLE_CONSTRAINT.matcher(item);
            if (constraint.matches()) {
                if (constraint.group(1) != null) {
                    createdIn.putIfAbsent("constraint:" + name(constraint.group(1)), path);
                }
                continue;
            }
            Matcher column = COLUMN_DEFINITION.matcher(item);
            if (column.matches()) {
                addColumn(path, table, name(column.group(1)), column.group(2));
            }
        }
    }

    private void addColumn(String path, String table, String column, String definition) {
        createdIn.putIfAbsent("column:" + table + "." + column, path);
        if (definition.contains(" default ") || definition.startsWith("default ") || definition.contains("generated ")
                || definition.matches("^(small|big)?serial\\b.*")) {
            defaults.add(table + "." + column);
        }
        Matcher constraint = Pattern.compile("\\bconstraint " + NAME).matcher(definition);
        while (constraint.find()) {
            createdIn.putIfAbsent("constraint:" + name(constraint.group(1)), path);
        }
    }

    private void alterTable(String path, String statement, String table, String action) {
        boolean newTable = !existedBefore("table:" + table, path);
        Matcher m;
        if (action.startsWith("rename ")) {
            if (!newTable) {
                contraction(path, statement, "renames (in) table " + table + ", which the previous version uses by its names");
            }
        } else if ((m = ADD_CONSTRAINT.matcher(action)).matches()) {
            if (m.group(1) != null) {
                createdIn.putIfAbsent("constraint:" + name(m.group(1)), path);
            }
            if (!newTable) {
                contraction(path, statement, "adds a " + m.group(2) + " constraint to existing table " + table
                        + ": the previous version may write rows it refuses");
            }
        } else if ((m = ADD_COLUMN.matcher(action)).matches()) {
            String column = name(m.group(1));
            String definition = m.group(2);
            addColumn(path, table, column, definition);
            if (!newTable && definition.contains("not null") && !defaults.contains(table + "." + column)) {
                contraction(path, statement, "adds NOT NULL column " + table + "." + column
                        + " without a default: the previous version's inserts, which do not name it, fail");
            }
        } else if ((m = DROP_CONSTRAINT.matcher(action)).matches()) {
            if (existedBefore("constraint:" + name(m.group(1)), path) && !newTable) {
                contraction(path, statement, "drops constraint " + name(m.group(1)) + " of table " + table
                        + ", which the previous version relies on");
            }
        } else if (action.startsWith("drop ") && (m = DROP_COLUMN.matcher(action)).matches()) {
            String column = name(m.group(1));
            if (existedBefore("column:" + table + "." + column, path) && !newTable) {
                contraction(path, statement, "drops column " + table + "." + column + ", which the previous version reads and writes");
            }
        } else if ((m = ALTER_COLUMN.matcher(action)).matches()) {
            alterColumn(path, statement, table, name(m.group(1)), m.group(2));
        } else if (action.startsWith("disable trigger") && !newTable) {
            contraction(path, statement, "disables a trigger of table " + table + " that the previous version relies on");
        }
    }

    private void alterColumn(String path, String statement, String table, String column, String change) {
        String qualified = table + "." + column;
        boolean existing = existedBefore("column:" + qualified, path);
        if (change.startsWith("set default ")) {
            defaults.add(qualified);
        } else if (change.startsWith("drop default")) {
            defaults.remove(qualified);
            if (existing) {
                contraction(path, statement, "drops the default of " + qualified + ": the previous version's inserts rely on it");
            }
        } else if (change.startsWith("type ") || change.startsWith("set data type ")) {
            if (existing) {
                contraction(path, statement, "changes the type of " + qualified + ", which the previous version reads and writes as before");
            }
        } else if (change.startsWith("set not null")) {
            if (existing && !defaults.contains(qualified)) {
                contraction(path, statement, "sets NOT NULL on existing column " + qualified
                        + " without a default: the previous version may write it empty");
            }
        }
    }

    /** Whether a migration before this one created it; anything no migration created counts as existing. */
    private boolean existedBefore(String key, String path) {
        return !path.equals(createdIn.get(key));
    }

    private void contraction(String path, String statement, String why) {
        found.add(new Contraction(path, statement, why));
    }

    /** "public"."Outbox" → outbox; schema prefixes and quotes dropped. */
    private static String name(String qualified) {
        String last = qualified.substring(qualified.lastIndexOf('.') + 1);
        return last.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    /** The parts of a list at commas outside parentheses and quotes. */
    static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder part = new StringBuilder();
        for (char c : list.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(part.toString().trim());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString().trim());
        }
        return parts;
    }
}
