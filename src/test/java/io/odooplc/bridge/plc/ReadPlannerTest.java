package io.odooplc.bridge.plc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadPlannerTest {

    private final MemoryMap map = MemoryMap.loadDefault();

    @Test
    void modbusReadCycleIsOneRequestPerSlot() {
        ReadPlan plan = ReadPlanner.planReadCycle(map, Protocol.MODBUS);
        assertThat(plan.requests()).hasSize(10);
        assertThat(plan.requests()).extracting(ReadRequest::start)
                .containsExactly(6000, 6100, 6200, 6300, 6400, 6500, 6600, 6700, 6800, 6900);
        assertThat(plan.requests()).allSatisfy(r -> assertThat(r.count()).isEqualTo(77));
    }

    @Test
    void finsReadCycleIsOneRequestOverAllSlots() {
        ReadPlan plan = ReadPlanner.planReadCycle(map, Protocol.FINS);
        assertThat(plan.requests()).containsExactly(new ReadRequest(new WordRange(6000, 977)));
    }

    @Test
    void rangesMergeWhileTheSpanFitsAFrame() {
        ReadPlan plan = ReadPlanner.plan(List.of(new WordRange(0, 10), new WordRange(100, 25), new WordRange(130, 10)), 125);
        assertThat(plan.requests()).extracting(ReadRequest::range)
                .containsExactly(new WordRange(0, 125), new WordRange(130, 10));
    }

    @Test
    void unsortedAndOverlappingRangesAreCoveredOnce() {
        ReadPlan plan = ReadPlanner.plan(List.of(new WordRange(50, 10), new WordRange(0, 55)), 999);
        assertThat(plan.requests()).extracting(ReadRequest::range).containsExactly(new WordRange(0, 60));
    }

    @Test
    void rangeLargerThanAFrameIsSplit() {
        ReadPlan plan = ReadPlanner.plan(List.of(new WordRange(6000, 300)), 125);
        assertThat(plan.requests()).extracting(ReadRequest::range)
                .containsExactly(new WordRange(6000, 125), new WordRange(6125, 125), new WordRange(6250, 50));
    }

    @Test
    void responsesAreCutBackIntoSlots() {
        ReadPlan plan = ReadPlanner.planReadCycle(map, Protocol.FINS);
        int[] response = IntStream.range(6000, 6977).toArray();

        Map<WordRange, int[]> slots = plan.assemble(List.of(response));

        assertThat(slots).hasSize(10);
        assertThat(slots.get(new WordRange(6300, 77))).hasSize(77).startsWith(6300, 6301).endsWith(6376);
        assertThat(slots.get(new WordRange(6900, 77))).startsWith(6900).endsWith(6976);
    }

    @Test
    void aRangeSplitOverSeveralRequestsIsReassembled() {
        WordRange big = new WordRange(6000, 300);
        ReadPlan plan = ReadPlanner.plan(List.of(big), 125);
        List<int[]> responses = new ArrayList<>();
        plan.requests().forEach(r -> responses.add(IntStream.range(r.start(), r.start() + r.count()).toArray()));

        assertThat(plan.assemble(responses).get(big)).containsExactly(IntStream.range(6000, 6300).toArray());
    }

    @Test
    void shortResponseIsRefused() {
        ReadPlan plan = ReadPlanner.planReadCycle(map, Protocol.MODBUS);
        List<int[]> responses = new ArrayList<>();
        plan.requests().forEach(r -> responses.add(new int[77]));
        responses.set(4, new int[76]);
        assertThatThrownBy(() -> plan.assemble(responses)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("response for D6400-D6476 has 76 words, expected 77");
    }

    @Test
    void missingResponseIsRefused() {
        ReadPlan plan = ReadPlanner.planReadCycle(map, Protocol.MODBUS);
        assertThatThrownBy(() -> plan.assemble(List.of(new int[77])))
                .hasMessage("expected 10 responses, got 1");
    }

    @Test
    void failureAreaFarFromTheSlotsIsItsOwnRequest() {
        List<WordRange> ranges = new ArrayList<>(map.readSlotRanges());
        ranges.add(map.failureArea().range());
        ReadPlan plan = ReadPlanner.plan(ranges, map.frameLimit(Protocol.FINS).read());
        assertThat(plan.requests()).extracting(ReadRequest::range)
                .containsExactly(new WordRange(6000, 977), new WordRange(8000, 23));
    }
}
