package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The map is YAML 1.2 read as text and typed by the model: where YAML 1.1 (the reader the format began with) gave a
 * value another meaning, the value keeps its text or is refused, never silently changed.
 */
class MemoryMapYamlTest {

    @Test
    void yamlOneOneBooleanWordsAndNumberLikeCodesStayTheTextWritten() {
        MemoryMap map = DefaultMapText.mapWith(
                "materials: [\"PKE PELLET\"], aliases: [], products: [\"40101\"]",
                "materials: [yes, no, on, off], aliases: [True, 1e3], products: [0040101, 1.10, 0x1F]");
        Equipment silo = map.equipment(101);
        assertThat(silo.materials()).containsExactly("yes", "no", "on", "off");
        assertThat(silo.aliases()).containsExactly("True", "1e3");
        assertThat(silo.products()).containsExactly("0040101", "1.10", "0x1F");
    }

    @Test
    void nullWordsLeaveAnOptionalValueUnset() {
        MemoryMap map = DefaultMapText.mapWith("{key: batch, label: \"BATCH\",", "{key: batch, label: ~,");
        assertThat(map.layout().field("batch").label()).isEqualTo("batch");
        assertThat(DefaultMapText.mapWith("{key: batch, label: \"BATCH\",", "{key: batch, label: Null,")
                .layout().field("batch").label()).isEqualTo("batch");
    }

    @Test
    void decimalNumbersAreReadAsWritten() {
        MemoryMap map = DefaultMapText.mapWith("scale: 100, max: 20000}", "scale: 100, max: 1.5e4}");
        assertThat(map.layout().field("quantity").max()).isEqualByComparingTo(new BigDecimal("15000"));
        assertThat(DefaultMapText.mapWith("read_base: 6000", "read_base: +6000").readArea().base(1)).isEqualTo(6000);
    }

    @Test
    void aLeadingZeroIsRefusedBecauseYamlOneOneReadItAsOctal() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("read_base: 6000", "read_base: 06000"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("variant.yaml: slots.read_base")
                .hasMessageContaining("\"06000\"")
                .hasMessageContaining("a leading zero is octal in YAML 1.1 and decimal in YAML 1.2");
        assertThatThrownBy(() -> DefaultMapText.mapWith("scale: 100, max: 20000}", "scale: 100, max: 020000}"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("slots.fields[4].max")
                .hasMessageContaining("a leading zero is octal");
    }

    @Test
    void yamlOneOneNumberFormsAreRefusedNotGuessed() {
        for (String number : new String[] {"0x64", "1_00", "0b1100100", "0o144"}) {
            assertThatThrownBy(() -> DefaultMapText.mapWith("stride: 100", "stride: " + number))
                    .as(number)
                    .isInstanceOf(MemoryMapException.class)
                    .hasMessageContaining("variant.yaml: slots.stride")
                    .hasMessageContaining("\"" + number + "\": not a valid `java.lang.Integer` value");
        }
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefusedNotTruncated() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("{key: batch, label: \"BATCH\", offset: 0,",
                "{key: batch, label: \"BATCH\", offset: 0.5,"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("slots.fields[0].offset")
                .hasMessageContaining("\"0.5\": not a valid `java.lang.Integer` value");
    }

    @Test
    void aBooleanWhereANumberBelongsIsRefused() {
        assertThatThrownBy(() -> DefaultMapText.mapWith("count: 10", "count: yes"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("slots.count")
                .hasMessageContaining("\"yes\": not a valid `java.lang.Integer` value");
    }

    @Test
    void aKeyWrittenTwiceIsRefusedNotOverwritten() {
        String text = DefaultMapText.text();
        long secondCountLine = text.substring(0, text.indexOf("  count: 10\n")).chars().filter(c -> c == '\n').count() + 2;
        assertThatThrownBy(() -> DefaultMapText.mapWith("  count: 10\n", "  count: 10\n  count: 9\n"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("variant.yaml: document: not valid YAML: ")
                .hasMessageContaining("found duplicate key count at line " + secondCountLine + ", column 3")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aSecondDocumentIsRefusedNotIgnored() {
        assertThatThrownBy(() -> MemoryMap.parse(DefaultMapText.text() + "---\nname: other\n", "two.yaml"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessageContaining("two.yaml: document: not valid YAML")
                .hasMessageContaining("expected a single document");
    }

    @Test
    void anEmptyFileIsAMissingDocument() {
        assertThatThrownBy(() -> MemoryMap.parse("# nothing yet\n", "empty.yaml"))
                .isInstanceOf(MemoryMapException.class)
                .hasMessage("memory map empty.yaml: document: missing");
    }
}
