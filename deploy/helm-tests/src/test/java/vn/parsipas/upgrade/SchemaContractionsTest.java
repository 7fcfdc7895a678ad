package vn.parsipas.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The checker on small migrations: what expands passes, each kind of contraction fails naming file and statement. */
class SchemaContractionsTest {
    private static final String V1 = """
            -- the first version
            create table alert (
                id      text primary key,
                title   text not null,
                status  text not null default 'open',
                note    text,
                constraint alert_title_unique unique (title)
            );
            create function alert_notify() returns trigger language plpgsql as $$
            begin
                perform pg_notify('alerts', new.id); -- a ; inside the body splits nothing
                return null;
            end;
            $$;
            create trigger alert_inserted after insert on alert for each row execute function alert_notify();
            """;

    @Test
    void expandingMigrationsPass() {
        String v2 = """
                /* new things only */
                create table alert_comment (id bigint generated always as identity primary key, alert_id text not null references alert (id));
                alter table alert add column criterion_code text, add column seen boolean not null default false;
                alter table alert add column if not exists "traceparent" text;
                create index alert_criterion on alert (criterion_code);
                create unique index alert_comment_once on alert_comment (alert_id);
                alter table alert_comment add constraint alert_comment_alert check (alert_id <> '');
                alter table alert alter column status set default 'new';
                alter table alert alter column seen set not null;
                update alert set criterion_code = split_part(title, ';', 1);
                create or replace function comment_notify() returns trigger language plpgsql as $$ begin return null; end; $$;
                create table scratch (x int); alter table scratch rename column x to y; drop table scratch;
                """;

        assertThat(SchemaContractions.find(history(v2))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            drop table alert                                              | drops table alert
            DROP TABLE IF EXISTS public.alert CASCADE                     | drops table alert
            alter table alert drop column note                            | drops column alert.note
            alter table alert drop note                                   | drops column alert.note
            alter table alert drop constraint alert_title_unique          | drops constraint alert_title_unique of table alert
            alter table alert rename column note to remark                | renames (in) table alert
            alter table alert rename to alarm                             | renames (in) table alert
            alter table alert alter column note type varchar(200)         | changes the type of alert.note
            alter table alert alter column note set data type varchar(200) | changes the type of alert.note
            alter table alert alter column note set not null              | sets NOT NULL on existing column alert.note without a default
            alter table alert alter column status drop default            | drops the default of alert.status
            alter table alert add column owner text not null              | adds NOT NULL column alert.owner without a default
            alter table alert add constraint alert_status check (status in ('open', 'closed')) | adds a check constraint to existing table alert
            alter table alert add unique (note)                           | adds a unique constraint to existing table alert
            create unique index alert_note on alert (note)                | adds a unique index to existing table alert
            create or replace function alert_notify() returns trigger language plpgsql as $$ begin return new; end; $$ | replaces function alert_notify
            drop trigger alert_inserted on alert                          | drops trigger alert_inserted
            drop function alert_notify()                                  | drops function alert_notify
            alter table alert disable trigger alert_inserted              | disables a trigger of table alert
            alter function alert_notify() rename to alert_announce        | renames what the previous version uses
            truncate alert                                                | empties a table
            """)
    void eachContractionFailsNamingTheFileAndTheStatement(String statement, String why) {
        List<SchemaContractions.Contraction> found = SchemaContractions.find(history(statement.strip() + ";"));

        assertThat(found).singleElement().satisfies(contraction -> {
            assertThat(contraction.path()).isEqualTo("db/migration/V2__change.sql");
            assertThat(contraction.message()).startsWith("db/migration/V2__change.sql: ").contains(why)
                    .contains("`" + statement.strip() + "`");
        });
    }

    @Test
    void aColumnWithADefaultMayBecomeNotNullAndOneAddedEarlierInTheSameMigrationMayChange() {
        String v2 = """
                alter table alert alter column status set not null;
                alter table alert add column kind text;
                alter table alert alter column kind type varchar(40), alter column kind set not null;
                alter table alert drop column kind;
                """;

        assertThat(SchemaContractions.find(history(v2))).isEmpty();
    }

    @Test
    void aSecondContractingStatementIsReportedToo() {
        String v2 = "alter table alert drop column note, alter column title type varchar(80);";

        assertThat(SchemaContractions.find(history(v2))).extracting(SchemaContractions.Contraction::why)
                .satisfiesExactly(why -> assertThat(why).startsWith("drops column alert.note"),
                        why -> assertThat(why).startsWith("changes the type of alert.title"));
    }

    @Test
    void statementsSplitOutsideQuotesDollarBodiesAndComments() {
        assertThat(SqlStatements.split("""
                insert into t values ('a;b', 'it''s');  -- one; comment
                /* two; */ create function f() returns int language sql as $body$ select 1; $body$;
                select $1
                """)).containsExactly("insert into t values ('a;b', 'it''s')",
                "create function f() returns int language sql as $body$ select 1; $body$", "select $1");
    }

    private static List<SchemaContractions.Migration> history(String v2) {
        return List.of(new SchemaContractions.Migration("db/migration/V1__alert.sql", V1),
                new SchemaContractions.Migration("db/migration/V2__change.sql", v2));
    }
}
