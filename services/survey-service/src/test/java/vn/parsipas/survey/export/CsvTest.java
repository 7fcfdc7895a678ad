package vn.parsipas.survey.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void textThatASpreadsheetWouldRunAsAFormulaStartsWithAQuoteAndNumbersStayNumbers() {
        String line = Csv.line(Arrays.asList("=1+1", "+1", "-1", "@A1", "\tx", "\rx", "\u0001x", "Ê Đê", "", null, -3, new BigDecimal("-1.50")));

        assertThat(line).isEqualTo("'=1+1,'+1,'-1,'@A1,'\tx,\"'\rx\",'\u0001x,Ê Đê,,,-3,-1.50\r\n");
    }

    @Test
    void fieldsWithSeparatorsOrQuotesAreQuotedAsRfc4180Says() {
        assertThat(Csv.line(Arrays.asList("a,b", "say \"hi\"", "two\nlines"))).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }
}
