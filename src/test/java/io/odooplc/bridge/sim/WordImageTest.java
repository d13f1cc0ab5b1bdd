package io.odooplc.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordImageTest {

    private final WordImage image = new WordImage();

    @Test
    void startsAllZero() {
        assertThat(image.read(0, 125)).containsOnly(0);
        assertThat(image.read(32767 - 124, 125)).containsOnly(0);
    }

    @Test
    void writesAndReadsRangesOfUnsignedWords() {
        image.write(7001, 22344, 12109, 65535);
        image.set(7076, 1);

        assertThat(image.read(7000, 4)).containsExactly(0, 22344, 12109, 65535);
        assertThat(image.get(7076)).isEqualTo(1);
        assertThat(image.get(32767)).isZero();
    }

    @Test
    void clearsARange() {
        image.write(6000, 1, 2, 3, 4);
        image.clear(6001, 2);

        assertThat(image.read(6000, 4)).containsExactly(1, 0, 0, 4);
    }

    @Test
    void rejectsAddressesOutsideTheDmArea() {
        assertThatThrownBy(() -> image.get(32768)).hasMessageContaining("D32768");
        assertThatThrownBy(() -> image.set(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> image.read(32767, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsValuesThatAreNotSixteenBitUnsignedAndWritesNothingThen() {
        assertThatThrownBy(() -> image.set(10, 65536)).hasMessageContaining("D10");
        assertThatThrownBy(() -> image.write(10, 5, -1)).hasMessageContaining("D11");

        assertThat(image.read(10, 2)).containsExactly(0, 0);
    }
}
