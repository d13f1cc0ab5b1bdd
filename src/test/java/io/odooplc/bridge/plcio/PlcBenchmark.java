package io.odooplc.bridge.plcio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.odooplc.bridge.plc.FieldSpec;
import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.Recipe;
import io.odooplc.bridge.plc.SlotCodec;
import io.odooplc.bridge.plc.TagAddressing;
import io.odooplc.bridge.plc.Protocol;
import io.odooplc.bridge.plc.WordRange;
import io.odooplc.bridge.sim.RawModbusClient;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Figures, not assertions: requests and latency (p50, p99) of a full 10-slot READ cycle and a 10-slot recipe write
 * through camel-plc4x on loopback, against the same work done the legacy way (one request per field: 39 x 10).
 * Not part of the default test run (the name does not match surefire's patterns). Run:
 * {@code mvn -B -o test -Dtest=PlcBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; figures in
 * target/surefire-reports/io.odooplc.bridge.plcio.PlcBenchmark-output.txt.
 */
class PlcBenchmark {

    private static final int ROUNDS = 200;
    private static final int PER_FIELD_ROUNDS = 30;

    @Test
    void readCycleAndRecipeWrite() throws Exception {
        try (PlcBench bench = PlcBench.start(Duration.ofHours(1))) {
            bench.sim.plant().stop();
            MemoryMap map = MemoryMap.loadDefault();
            TagAddressing modbus = TagAddressing.of(Protocol.MODBUS);
            var registry = bench.bridge.context().getRegistry();
            registry.bind("legacyReadTags", perField(map, modbus, 6000));
            String endpoint = bench.bridge.context().resolvePropertyPlaceholders("{{PLC_ENDPOINT}}");
            ConsumerTemplate consumer = bench.bridge.context().createConsumerTemplate();
            ProducerTemplate producer = bench.bridge.context().createProducerTemplate();

            measure(bench, "READ cycle, planned (camel-plc4x)", ROUNDS,
                    () -> consumer.receiveBody(endpoint + "&tags=#readCycleTags", 5000));
            // PLC4X's own Modbus optimizer merges adjacent tags, so 390 tags in one read are not 390 requests.
            measure(bench, "READ cycle, 390 per-field tags in one camel-plc4x read", PER_FIELD_ROUNDS,
                    () -> consumer.receiveBody(endpoint + "&tags=#legacyReadTags", 20000));
            RawModbusClient legacy = new RawModbusClient(bench.sim.port());
            measure(bench, "READ cycle, legacy: one round trip per field (raw Modbus TCP)", PER_FIELD_ROUNDS,
                    () -> eachField(map, 6000, (address, words) -> legacy.readHoldingRegisters(address, words)));

            List<Recipe> recipes = new ArrayList<>();
            for (int slot = 1; slot <= 10; slot++) {
                recipes.add(PlcBench.recipe(slot, "WH/MO/000" + (10 + slot), Map.of(101, 300, 102, 200, 114, 20)));
            }
            measure(bench, "recipe write 10 slots, planned (handshake read + 10 + D7076)", ROUNDS, () -> {
                bench.sim.image().write(7076, 1);
                bench.writeRecipes(recipes);
            });
            Map<String, Map<String, Object>> legacyWrite = legacyWrite(map, modbus, recipes);
            measure(bench, "recipe write 10 slots, 390 per-field tags in one camel-plc4x write (+ D7076)",
                    PER_FIELD_ROUNDS, () -> {
                        producer.requestBody(endpoint, legacyWrite);
                        producer.requestBody(endpoint, Map.of("flag", Map.of(modbus.tag(new WordRange(7076, 1)), 0)));
                    });
            measure(bench, "recipe write 10 slots, legacy: one round trip per field (+ D7076)", PER_FIELD_ROUNDS, () -> {
                eachField(map, 7000, (address, words) -> legacy.writeMultipleRegisters(address, new int[words]));
                legacy.writeSingleRegister(7076, 0);
            });
            legacy.close();
        }
    }

    private interface FieldAccess {
        void apply(int address, int words) throws Exception;
    }

    /** The legacy access pattern: every field of every slot on its own, one after another. */
    private static void eachField(MemoryMap map, int areaBase, FieldAccess access) {
        try {
            for (int slot = 1; slot <= 10; slot++) {
                for (FieldSpec field : map.layout().fields()) {
                    access.apply(areaBase + 100 * (slot - 1) + field.offset(), field.words());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void measure(PlcBench bench, String what, int rounds, Work work) throws Exception {
        work.run();
        long[] micros = new long[rounds];
        long requests = bench.sim.server().requestsServed();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        requests = bench.sim.server().requestsServed() - requests;
        Arrays.sort(micros);
        System.out.printf("BENCH %-66s requests/op=%5.1f p50=%7.2f ms p99=%7.2f ms (n=%d)%n", what,
                (double) requests / rounds, micros[rounds / 2] / 1000.0, micros[(int) (rounds * 0.99)] / 1000.0,
                rounds);
    }

    /** One tag per field per READ slot, as the legacy middleware read them. */
    private static Map<String, String> perField(MemoryMap map, TagAddressing addressing, int areaBase) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int slot = 1; slot <= 10; slot++) {
            for (FieldSpec field : map.layout().fields()) {
                WordRange range = new WordRange(areaBase + 100 * (slot - 1) + field.offset(), field.words());
                tags.put(slot + "/" + field.key(), addressing.tag(range));
            }
        }
        return tags;
    }

    private static Map<String, Map<String, Object>> legacyWrite(MemoryMap map, TagAddressing addressing,
                                                              List<Recipe> recipes) {
        SlotCodec codec = new SlotCodec(map);
        Map<String, Map<String, Object>> body = new LinkedHashMap<>();
        for (Recipe recipe : recipes) {
            Recipe cut = new Recipe(recipe.slot(), recipe.moName(), recipe.productName().substring(0, 16),
                    recipe.quantityKg(), recipe.plannedKg());
            int[] words = codec.encode(cut);
            for (FieldSpec field : map.layout().fields()) {
                WordRange range = new WordRange(map.writeArea().base(recipe.slot()) + field.offset(), field.words());
                List<Integer> values = new ArrayList<>();
                for (int i = field.offset(); i < field.end(); i++) {
                    values.add(words[i]);
                }
                body.put(recipe.slot() + "/" + field.key(),
                        Map.of(addressing.tag(range), values.size() == 1 ? values.get(0) : values));
            }
        }
        return body;
    }
}
