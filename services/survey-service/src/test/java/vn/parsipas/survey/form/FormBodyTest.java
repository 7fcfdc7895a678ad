package vn.parsipas.survey.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FormBodyTest {
    @Test
    void aBrowsersBodyReadsAsItsFieldsAndValues() {
        var form = FormBody.parse("receiptCode=000.00.15.H17-250612-0042&pin=482913&expectations=a&expectations=b&ethnicGroup=%C3%8A+%C4%90%C3%AA&empty=");

        assertThat(form.getFirst("receiptCode")).isEqualTo("000.00.15.H17-250612-0042");
        assertThat(form.get("expectations")).containsExactly("a", "b");
        assertThat(form.getFirst("ethnicGroup")).isEqualTo("Ê Đê");
        assertThat(form.getFirst("empty")).isEmpty();
    }

    @Test
    void aBodyThatIsNotAFormReadsAsAnEmptyForm() {
        for (String body : List.of("%%%&&==&", "==", "pin=%E", "&&&", "")) {
            assertThat(FormBody.parse(body)).as(body).isEmpty();
        }
    }
}
