package vn.parsipas.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a statement and its parameters come out of the builder (a plain JVM test, no Quarkus start). */
class SqlBuilderTest {

    @Test
    void numbersParametersInOrderAndLeavesOutFiltersThatAreNullOrBlank() {
        SqlBuilder sql = new SqlBuilder("select id from target where active")
                .appendIfPresent(" and status = ?", "at-risk")
                .appendIfPresent(" and plan_id = ?", null)
                .appendIfPresent(" and scope = ?", " ")
                .append(" and (raised_at, id) < (?, ?)", "2026-12-07", "t-9")
                .append(" order by id limit ?", 21);

        assertThat(sql.sql()).isEqualTo("select id from target where active and status = $1"
                + " and (raised_at, id) < ($2, $3) order by id limit $4");
        assertThat(sql.tuple().size()).isEqualTo(4);
        assertThat(sql.tuple().getValue(0)).isEqualTo("at-risk");
        assertThat(sql.tuple().getValue(3)).isEqualTo(21);
    }
}
