package io.odooplc.bridge.plcio;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.odooplc.bridge.plc.Recipe;
import io.odooplc.bridge.support.LogCapture;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recipe write handshake against the simulated PLC over Modbus TCP (direct:plc-write-recipes). */
class RecipeWriteTest {

    private static final Map<Integer, Integer> PLAN = Map.of(101, 300, 114, 20);
    private static PlcBench bench;

    @BeforeAll
    static void start() throws Exception {
        bench = PlcBench.start(Duration.ofSeconds(30));
        // The plant must not take recipes while a test looks at them: here the test plays the PLC's part.
        bench.sim.plant().stop();
    }

    @BeforeEach
    void freshPlc() throws Exception {
        if (!bench.sim.server().isRunning()) {
            bench.sim.server().start();
        }
        bench.sim.image().clear(7000, 1000);
    }

    @AfterAll
    static void stop() throws Exception {
        bench.close();
    }

    @Test
    void aCleanPlcTakesRecipesInTheLegacyLayoutWithD7076ResetLast() {
        Recipe sample = new Recipe(1, "WH/MO/00011", "[10092] JF SAPOT 1B", new BigDecimal("1000.0"),
                Map.of(101, new BigDecimal("300"), 114, new BigDecimal("20")));
        long before = bench.sim.server().requestsServed();
        try (LogCapture log = LogCapture.of(RecipeWriter.class)) {
            assertThat(bench.writeRecipes(List.of(sample, PlcBench.recipe(2, "WH/MO/00012", PLAN)))).isEqualTo(2);
            // The route id from Camel's MDC says where the lines come from; the message adds no tag of its own.
            String cut = ": product name '[10092] JF SAPOT 1B' cut to 16 characters for the PLC: '[10092] JF SAPOT'";
            assertThat(log.lines()).containsExactly("INFO [plc-write-recipes] WRITE slot 1, MO WH/MO/00011" + cut,
                    "INFO [plc-write-recipes] WRITE slot 2, MO WH/MO/00012" + cut,
                    "INFO [plc-write-recipes] wrote 2 recipes to WRITE slots 1..2, D7076 = 0");
        }
        // The planned handshake read, one request per slot, then D7076 = 0.
        TagRead handshake = bench.bridge.context().getRegistry().lookupByNameAndType("writeHandshake", TagRead.class);
        assertThat(bench.sim.server().requestsServed() - before).isEqualTo(handshake.requestCount() + 2 + 1);

        assertThat(bench.sim.image().read(7001, 8)).containsExactly(22344, 12109, 20271, 12336, 12337, 12544, 0, 0);
        assertThat(bench.sim.image().read(7025, 2)).containsExactly(1, 34464);
        assertThat(bench.sim.image().get(7000)).isEqualTo(1);
        assertThat(bench.sim.image().read(7028, 2)).containsExactly(0, 30000);
        assertThat(bench.sim.image().get(7100)).isEqualTo(2);
        assertThat(bench.sim.image().get(7076)).isZero();
        assertThat(bench.sim.image().get(7176)).isZero();
    }

    @Test
    void noWriteWhileThePlcHasNotTakenTheLastRecipes() {
        bench.writeRecipes(List.of(PlcBench.recipe(1, "WH/MO/00011", PLAN)));
        int[] before = bench.sim.image().read(7000, 1000);
        assertThatThrownBy(() -> bench.writeRecipes(List.of(PlcBench.recipe(1, "WH/MO/00031", PLAN))))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(PlcNotReadyException.class)
                .hasMessageContaining("PLC not ready").hasMessageContaining("[WH/MO/00011]");
        assertThat(bench.sim.image().read(7000, 1000)).isEqualTo(before);
    }

    @Test
    void onceThePlcTookTheRecipesStaleSlotsAreClearedAndD7076IsResetLast() throws Exception {
        bench.writeRecipes(List.of(PlcBench.recipe(1, "WH/MO/00011", PLAN), PlcBench.recipe(2, "WH/MO/00012", PLAN),
                PlcBench.recipe(3, "WH/MO/00013", PLAN)));
        // The PLC takes them: D7076 (and each taken slot's flag) = 1.
        bench.sim.image().write(7076, 1);
        bench.sim.image().write(7176, 1);
        bench.sim.image().write(7276, 1);

        assertThat(bench.writeRecipes(List.of(PlcBench.recipe(1, "WH/MO/00014", PLAN)))).isEqualTo(1);
        assertThat(bench.sim.image().get(7076)).isZero();
        assertThat(bench.sim.image().read(7100, 77)).containsOnly(0);
        assertThat(bench.sim.image().read(7200, 77)).containsOnly(0);
        assertThat(bench.sim.image().get(7000)).isEqualTo(1);

        var state = bench.bridge.context().createProducerTemplate().requestBody("direct:plc-read-write-area", null,
                WriteAreaState.class);
        assertThat(state.heldMoNames()).containsExactly("WH/MO/00014");
        assertThat(state.recipesTaken()).isFalse();
        assertThat(state.holdsExactly(List.of("WH/MO/00014"))).isTrue();
    }

    @Test
    void aNonAsciiProductRejectsItsBatchAndWritesNothing() {
        Recipe bad = new Recipe(1, "WH/MO/00011", "JF SAPOT \u00e9", BigDecimal.TEN, Map.of());
        int[] before = bench.sim.image().read(7000, 1000);
        assertThatThrownBy(() -> bench.writeRecipes(List.of(bad))).cause()
                .isInstanceOf(RecipeRejectedException.class).hasMessageContaining("U+00E9");
        assertThat(Arrays.equals(bench.sim.image().read(7000, 1000), before)).isTrue();
    }

    @Test
    void aPlcThatIsDownFailsTheWrite() {
        bench.sim.server().stop();
        assertThatThrownBy(() -> bench.writeRecipes(List.of(PlcBench.recipe(1, "WH/MO/00011", PLAN)))).cause()
                .isInstanceOf(PlcException.class).hasMessageContaining("WRITE handshake read");
    }
}
