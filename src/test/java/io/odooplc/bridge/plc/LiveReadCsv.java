package io.odooplc.bridge.plc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The live slot-1 read of 2026-03-04 (copied from the legacy reference data), one row per field. */
final class LiveReadCsv {

    record Row(String label, int start, String type, int[] rawWords, String decoded) {
    }

    private LiveReadCsv() {
    }

    static List<Row> rows() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LiveReadCsv.class.getResourceAsStream("/reference/PLC_BATCH_READ_01_LIVE.csv"), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).map(LiveReadCsv::row).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 77 words of the slot, rebuilt from the per-field raw words at their DM addresses. */
    static int[] slotWords(int base) {
        int[] words = new int[77];
        for (Row row : rows()) {
            System.arraycopy(row.rawWords(), 0, words, row.start() - base, row.rawWords().length);
        }
        return words;
    }

    private static Row row(String line) {
        String[] c = line.split(",", -1);
        int start = Integer.parseInt(c[4].substring(1).split("-")[0]);
        int[] raw = Arrays.stream(c[7].split("\\|")).mapToInt(Integer::parseInt).toArray();
        return new Row(c[3], start, c[5], raw, c[8]);
    }
}
