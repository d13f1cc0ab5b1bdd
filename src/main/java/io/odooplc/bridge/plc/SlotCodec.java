package io.odooplc.bridge.plc;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Decodes slot words into a {@link SlotReading} and encodes a {@link Recipe} into slot words, per the memory map. */
public final class SlotCodec {

    private final MemoryMap map;
    private final SlotLayout layout;

    public SlotCodec(MemoryMap map) {
        this.map = map;
        this.layout = map.layout();
    }

    /** Decodes a READ slot. */
    public SlotReading decode(int slot, int[] words) {
        return decode(map.readArea(), slot, words);
    }

    /**
     * Decodes the words of one slot (offset 0 = slot base). Never throws on bad data: rejected fields are empty
     * and listed in the problems. A short array (torn response) rejects the fields it does not cover.
     */
    public SlotReading decode(SlotArea area, int slot, int[] words) {
        FieldReader reader = new FieldReader(area.name() + " slot " + slot, area.base(slot), words);
        boolean idle = words.length >= layout.width() && reader.allZero();
        Optional<Integer> batch = reader.number(field("batch")).map(BigDecimal::intValue);
        if (!idle) {
            batch = expect(reader, field("batch"), batch, slot, "BATCH holds %d but this is slot %d");
        }
        Map<Integer, EquipmentReading> equipment = new HashMap<>();
        for (Equipment e : map.equipment()) {
            FieldSpec idField = field(e.idFieldKey());
            Optional<Integer> id = reader.number(idField).map(BigDecimal::intValue);
            if (!idle) {
                id = expect(reader, idField, id, e.id(), "ID word holds %d, expected %d");
            }
            equipment.put(e.id(), new EquipmentReading(e.id(), id, reader.number(field(e.consumptionFieldKey()))));
        }
        return new SlotReading(slot, idle, batch, reader.text(field("mo")), reader.text(field("bom")),
                reader.text(field("product")), reader.number(field("quantity")), equipment,
                reader.flag(field("status_manufacturing")), reader.flag(field("status_operation")),
                reader.number(field("weight_finished_good")), reader.flag(field("status_read_data")),
                reader.problems());
    }

    /**
     * Encodes a recipe into the words of one WRITE slot: BATCH = slot, ID words = equipment ids, planned
     * consumptions (0 when not planned), status flags and weight 0. Values that do not fit are rejected, not cut.
     */
    public int[] encode(Recipe recipe) {
        if (recipe.slot() < 1 || recipe.slot() > map.writeArea().count()) {
            throw new RecipeEncodeException("MO " + recipe.moName() + ": WRITE slot " + recipe.slot()
                    + " does not exist (1.." + map.writeArea().count() + ")");
        }
        for (Integer id : recipe.plannedKg().keySet()) {
            if (map.equipment().stream().noneMatch(e -> e.id() == id)) {
                throw new RecipeEncodeException(context(recipe, null) + "plans equipment " + id
                        + ", which memory map " + map.name() + " does not have");
            }
        }
        int[] words = new int[layout.width()];
        for (FieldSpec field : layout.fields()) {
            try {
                System.arraycopy(encodeField(field, recipe), 0, words, field.offset(), field.words());
            } catch (CodecException e) {
                throw new RecipeEncodeException(context(recipe, field) + e.getMessage());
            }
        }
        return words;
    }

    private int[] encodeField(FieldSpec field, Recipe recipe) {
        return switch (field.key()) {
            case "batch" -> FieldCodec.encodeNumber(field, BigDecimal.valueOf(recipe.slot()));
            case "mo" -> FieldCodec.encodeText(field, recipe.moName());
            case "bom", "product" -> FieldCodec.encodeText(field, recipe.productName());
            case "quantity" -> FieldCodec.encodeNumber(field, recipe.quantityKg());
            default -> encodeEquipmentOrZero(field, recipe);
        };
    }

    /** Status flags, weight and any field the recipe does not own are written as zero words. */
    private int[] encodeEquipmentOrZero(FieldSpec field, Recipe recipe) {
        for (Equipment e : map.equipment()) {
            if (field.key().equals(e.idFieldKey())) {
                return FieldCodec.encodeNumber(field, BigDecimal.valueOf(e.id()));
            }
            if (field.key().equals(e.consumptionFieldKey())) {
                return FieldCodec.encodeNumber(field, recipe.plannedKg().getOrDefault(e.id(), BigDecimal.ZERO));
            }
        }
        return new int[field.words()];
    }

    private String context(Recipe recipe, FieldSpec field) {
        String where = "WRITE slot " + recipe.slot() + ", MO " + recipe.moName() + ": ";
        if (field == null) {
            return where;
        }
        int address = map.writeArea().base(recipe.slot()) + field.offset();
        return where + field.label() + " (" + field.key() + ") @" + new WordRange(address, field.words()) + ": ";
    }

    private static Optional<Integer> expect(FieldReader reader, FieldSpec field, Optional<Integer> value,
                                            int expected, String message) {
        if (value.isPresent() && value.get() != expected) {
            reader.reject(field, String.format(message, value.get(), expected));
            return Optional.empty();
        }
        return value;
    }

    private FieldSpec field(String key) {
        return layout.field(key);
    }
}
