package io.odooplc.bridge.plcio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.odooplc.bridge.plc.CodecException;
import io.odooplc.bridge.plc.MemoryMap;
import io.odooplc.bridge.plc.MoNameRule;
import io.odooplc.bridge.plc.Recipe;
import io.odooplc.bridge.plc.RecipeEncodeException;
import io.odooplc.bridge.plc.SlotArea;
import io.odooplc.bridge.plc.SlotCodec;
import io.odooplc.bridge.plc.WordCodec;
import io.odooplc.bridge.plc.WordRange;
import io.odooplc.bridge.plc.Words;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recipe write of plant-contract §4.6 with its failures fixed, step by step for the {@code direct:plc-write-recipes}
 * route: check and encode every recipe before touching the PLC; read the WRITE area and refuse unless the PLC is
 * ready; write each slot with one request, clear stale slots, and only then set D7076 = 0, the signal the PLC
 * takes the recipes on. D7076 is also slot 1's status_read_data: slot 1 is written without that word so the signal
 * comes last and only once every slot is confirmed.
 */
public final class RecipeWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RecipeWriter.class);
    private static final String PREPARED = "bridgeRecipesPrepared";

    private final MemoryMap map;
    private final SlotCodec codec;
    private final PlcWrites writes;
    private final int productChars;

    public RecipeWriter(MemoryMap map, PlcWrites writes) {
        this.map = map;
        this.codec = new SlotCodec(map);
        this.writes = writes;
        this.productChars = map.layout().field("product").words() * 2;
    }

    /** Ranges the handshake check reads: each WRITE slot's NO-MO and status_read_data, and D7076. */
    public static List<WordRange> handshakeRanges(MemoryMap map) {
        SlotArea area = map.writeArea();
        var mo = map.layout().field("mo");
        List<WordRange> ranges = new ArrayList<>();
        for (int slot = 1; slot <= area.count(); slot++) {
            ranges.add(new WordRange(area.base(slot) + mo.offset(), mo.words()));
            ranges.add(new WordRange(map.slotFlagAddress(area, slot), 1));
        }
        ranges.add(new WordRange(map.handshake().writeReadyFlag(), 1));
        return ranges;
    }

    /**
     * Checks and encodes every recipe; nothing is sent yet. Slots must be 1..n, so the PLC, which starts from
     * slot 1, sees every recipe. Product names are cut to the 16 characters the PLC holds (plant-contract #25, logged).
     */
    public List<Recipe> prepare(List<Recipe> recipes, Exchange exchange) {
        if (recipes == null || recipes.isEmpty()) {
            throw new IllegalArgumentException("no recipes to write");
        }
        Set<Integer> slots = new HashSet<>();
        SortedMap<Integer, int[]> encoded = new TreeMap<>();
        for (Recipe recipe : recipes) {
            if (!slots.add(recipe.slot())) {
                throw new IllegalArgumentException("WRITE slot " + recipe.slot() + " given twice");
            }
            encoded.put(recipe.slot(), encode(recipe, true));
        }
        if (encoded.lastKey() != encoded.size() || encoded.firstKey() != 1) {
            throw new IllegalArgumentException("recipes must fill WRITE slots 1.." + encoded.size() + ", got slots "
                    + encoded.keySet());
        }
        exchange.setProperty(PREPARED, encoded);
        return recipes;
    }

    /**
     * The slot words of one recipe, its product name cut to what the PLC holds; {@link RecipeRejectedException} when
     * the recipe cannot be written at all (task 1 checks this before it stages an MO).
     */
    public int[] encode(Recipe recipe) {
        return encode(recipe, false);
    }

    private int[] encode(Recipe recipe, boolean logCut) {
        try {
            return codec.encode(fitted(recipe, logCut));
        } catch (RecipeEncodeException e) {
            throw new RecipeRejectedException(recipe.moName(), e.getMessage());
        }
    }

    /** What the WRITE area holds, from the words of {@link #handshakeRanges}. */
    public WriteAreaState writeArea(Map<WordRange, int[]> words) {
        SlotArea area = map.writeArea();
        var mo = map.layout().field("mo");
        SortedMap<Integer, String> names = new TreeMap<>();
        SortedMap<Integer, Boolean> flags = new TreeMap<>();
        for (int slot = 1; slot <= area.count(); slot++) {
            names.put(slot, text(words.get(new WordRange(area.base(slot) + mo.offset(), mo.words()))));
            flags.put(slot, words.get(new WordRange(map.slotFlagAddress(area, slot), 1))[0] != 0);
        }
        boolean taken = words.get(new WordRange(map.handshake().writeReadyFlag(), 1))[0] == 1;
        return new WriteAreaState(names, flags, taken);
    }

    /**
     * The write of every prepared slot plus the clearing of stale ones, or {@link PlcNotReadyException} when the PLC
     * has not taken the last recipes: then nothing is written.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> slotWrites(Map<WordRange, int[]> handshakeWords, Exchange exchange) {
        SortedMap<Integer, int[]> encoded = exchange.getProperty(PREPARED, SortedMap.class);
        WriteAreaState state = writeArea(handshakeWords);
        if (!state.ready()) {
            throw new PlcNotReadyException("PLC not ready for new recipes: D" + map.handshake().writeReadyFlag()
                    + " = 0 and the WRITE slots still hold " + state.heldMoNames()
                    + " (the PLC has not taken the last recipes); nothing written");
        }
        SlotArea area = map.writeArea();
        List<PlcWrites.Block> blocks = new ArrayList<>();
        for (Map.Entry<Integer, int[]> slot : encoded.entrySet()) {
            blocks.addAll(withoutReadyFlag(area.range(slot.getKey()), slot.getValue()));
        }
        for (int slot = encoded.size() + 1; slot <= area.count(); slot++) {
            if (!state.moNames().get(slot).isEmpty() || state.slotFlags().get(slot)) {
                LOG.info("clearing stale WRITE slot {} (held '{}')", slot, state.moNames().get(slot));
                blocks.addAll(withoutReadyFlag(area.range(slot), new int[area.width()]));
            }
        }
        return writes.body(blocks);
    }

    /** D7076 = 0: tells the PLC new recipes are waiting. Sent only after every slot write was confirmed. */
    public Map<String, Map<String, Object>> readyFlagReset() {
        return writes.body(List.of(new PlcWrites.Block(new WordRange(map.handshake().writeReadyFlag(), 1),
                new int[] {0})));
    }

    /** Number of recipes written, once the whole write went through. */
    @SuppressWarnings("unchecked")
    public int written(Exchange exchange) {
        SortedMap<Integer, int[]> encoded = exchange.getProperty(PREPARED, SortedMap.class);
        LOG.info("wrote {} recipes to WRITE slots 1..{}, D{} = 0", encoded.size(), encoded.size(),
                map.handshake().writeReadyFlag());
        return encoded.size();
    }

    private Recipe fitted(Recipe recipe, boolean logCut) {
        MoNameRule.problem(recipe.moName(), map).ifPresent(problem -> {
            throw new RecipeRejectedException(recipe.moName(), "MO " + recipe.moName() + ": " + problem
                    + "; batch not written");
        });
        String product = recipe.productName();
        for (int i = 0; i < product.length(); i++) {
            char c = product.charAt(i);
            if (c < 32 || c > 126) {
                throw new RecipeRejectedException(recipe.moName(), "MO " + recipe.moName() + ": product name has "
                        + String.format("character U+%04X at index %d", (int) c, i)
                        + ", the PLC takes printable ASCII only; batch not written");
            }
        }
        if (product.length() <= productChars) {
            return recipe;
        }
        String cut = product.substring(0, productChars);
        if (logCut) {
            LOG.info("WRITE slot {}, MO {}: product name '{}' cut to {} characters for the PLC: '{}'",
                    recipe.slot(), recipe.moName(), product, productChars, cut);
        }
        return new Recipe(recipe.slot(), recipe.moName(), cut, recipe.quantityKg(), recipe.plannedKg());
    }

    /** The slot's words as blocks that leave out the global ready flag, which is written last on its own. */
    private List<PlcWrites.Block> withoutReadyFlag(WordRange range, int[] words) {
        int flag = map.handshake().writeReadyFlag();
        if (!range.contains(flag)) {
            return List.of(new PlcWrites.Block(range, words));
        }
        List<PlcWrites.Block> blocks = new ArrayList<>(2);
        int before = flag - range.start();
        if (before > 0) {
            blocks.add(new PlcWrites.Block(new WordRange(range.start(), before), Arrays.copyOf(words, before)));
        }
        int after = range.end() - flag - 1;
        if (after > 0) {
            blocks.add(new PlcWrites.Block(new WordRange(flag + 1, after),
                    Arrays.copyOfRange(words, before + 1, words.length)));
        }
        return blocks;
    }

    private static String text(int[] words) {
        try {
            return WordCodec.decodeAscii(words).trim();
        } catch (CodecException e) {
            return "<unreadable " + Words.describe(words) + ">";
        }
    }
}
