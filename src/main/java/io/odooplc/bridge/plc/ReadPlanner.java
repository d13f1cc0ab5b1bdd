package io.odooplc.bridge.plc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plans the fewest contiguous reads covering a set of word ranges under a frame limit. Ranges are merged, gap
 * included, whenever the merged span still fits one frame: reading unused words is cheaper than another round
 * trip. A range larger than the frame is split into frame-sized chunks.
 * <p>
 * This plans on the bridge's side, for any protocol: which PLC4X tags the READ cycle asks for, so that each tag fits
 * the protocol's frame (125 registers on Modbus, where PLC4X itself neither splits nor merges). The FINS driver's
 * {@code fins.ReadPlan} works one level down, inside the driver, on whatever tags a PLC4X request carries (ours or a
 * user's route's), and may merge them further; it knows nothing of slots or the memory map.
 */
public final class ReadPlanner {

    private ReadPlanner() {
    }

    public static ReadPlan plan(List<WordRange> ranges, int frameLimit) {
        if (frameLimit < 1) {
            throw new IllegalArgumentException("frame limit must be positive, was " + frameLimit);
        }
        List<WordRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(WordRange::start));
        List<ReadRequest> requests = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (WordRange range : sorted) {
            if (start >= 0 && Math.max(end, range.end()) - start <= frameLimit) {
                end = Math.max(end, range.end());
                continue;
            }
            if (start >= 0) {
                split(start, end, frameLimit, requests);
            }
            start = range.start();
            end = range.end();
        }
        if (start >= 0) {
            split(start, end, frameLimit, requests);
        }
        return new ReadPlan(requests, ranges);
    }

    /** Plans one READ cycle over every READ slot of the map with the protocol's read limit. */
    public static ReadPlan planReadCycle(MemoryMap map, Protocol protocol) {
        return plan(map.readSlotRanges(), map.frameLimit(protocol).read());
    }

    private static void split(int start, int end, int frameLimit, List<ReadRequest> requests) {
        for (int at = start; at < end; at += frameLimit) {
            requests.add(new ReadRequest(new WordRange(at, Math.min(frameLimit, end - at))));
        }
    }
}
