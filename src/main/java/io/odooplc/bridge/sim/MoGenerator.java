package io.odooplc.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes demo MOs that look like the field's: each copies the recipe of a sample MO (product, BoM, which material
 * sits on which silo, the PLC01/null lines) and varies the silo and liquid quantities by up to 10 %, then rescales
 * them so the MO keeps its sample total of about 1000 kg. The same seed gives the same MOs.
 */
final class MoGenerator {

    private static final Pattern WH_MO = Pattern.compile("WH/MO/(\\d+)");
    private static final LocalDateTime FIRST_SCHEDULE = LocalDateTime.of(2026, 2, 24, 13, 0);
    private static final double JITTER = 0.10;
    private static final double MIN_DOSED_KG = 10.0;
    private static final double MAX_SILO_KG = 352.0;
    private static final double MAX_LIQUID_KG = 50.0;
    /** One MO in five is already in work, roughly the field's two progress MOs in ten. */
    private static final int PROGRESS_ONE_IN = 5;

    private final JsonNode templates;
    private final Random random;

    MoGenerator(JsonNode templates, long seed) {
        this.templates = templates;
        this.random = new Random(seed);
    }

    void generate(FakeOdooStock stock, int count) {
        int number = nextNumber(stock);
        for (int i = 0; i < count; i++) {
            JsonNode template = templates.get(random.nextInt(templates.size()));
            JsonNode equipment = template.path("equipment");
            MoBuilder mo = stock.newMo(String.format("WH/MO/%05d", number + i))
                    .state(random.nextInt(PROGRESS_ONE_IN) == 0 ? MoState.PROGRESS : MoState.CONFIRMED)
                    .scheduledAt(FIRST_SCHEDULE.plusMinutes(10L * i).plusNanos(random.nextInt(1_000_000) * 1000L))
                    .equipment(equipment.isObject() ? equipment.path("code").asText() : null)
                    .product(template.path("product_id").asInt(), template.path("product_name").asText())
                    .quantity(template.path("quantity").asDouble())
                    .bom(template.path("bom_id").asInt());
            varied(template).forEach(mo::component);
            mo.add();
        }
    }

    private List<MoLine> varied(JsonNode template) {
        List<MoLine> lines = new ArrayList<>();
        double dosedTotal = 0;
        double variedTotal = 0;
        for (JsonNode component : template.path("components_consumption")) {
            MoLine line = lineOf(component);
            if (isDosed(line)) {
                dosedTotal += line.quantity();
                line = withQuantity(line, line.quantity() * (1 - JITTER + 2 * JITTER * random.nextDouble()));
                variedTotal += line.quantity();
            }
            lines.add(line);
        }
        double scale = dosedTotal / variedTotal;
        List<MoLine> scaled = new ArrayList<>(
                lines.stream().map(l -> isDosed(l) ? withQuantity(l, clamp(l, round1(l.quantity() * scale))) : l).toList());
        settleOnLargest(scaled, dosedTotal);
        return scaled;
    }

    /** Clamping and rounding leave a few kg over or under; the largest silo line takes them if it stays in range. */
    private static void settleOnLargest(List<MoLine> lines, double dosedTotal) {
        int largest = -1;
        double dosedNow = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (isDosed(lines.get(i))) {
                dosedNow += lines.get(i).quantity();
                if (largest < 0 || lines.get(i).quantity() > lines.get(largest).quantity()) {
                    largest = i;
                }
            }
        }
        if (largest >= 0) {
            MoLine line = lines.get(largest);
            lines.set(largest, withQuantity(line, clamp(line, round1(line.quantity() + dosedTotal - dosedNow))));
        }
    }

    private static MoLine lineOf(JsonNode component) {
        JsonNode equipment = component.path("equipment");
        return new MoLine(component.path("product_tmpl_id").asInt(), component.path("product_id").asInt(),
                component.path("product_name").asText(), component.path("to_consume").asDouble(),
                component.path("uom").asText(), equipment.isObject() ? equipment.path("code").asText() : null);
    }

    /** Silo and liquid lines are the ones the PLC doses; PLC01 and unlinked lines are hand-added and kept as is. */
    private static boolean isDosed(MoLine line) {
        String code = line.equipmentCode();
        return code != null && (code.startsWith("silo") || code.startsWith("lq"));
    }

    private static double clamp(MoLine line, double kg) {
        double max = line.equipmentCode().startsWith("lq") ? MAX_LIQUID_KG : MAX_SILO_KG;
        return Math.min(max, Math.max(MIN_DOSED_KG, kg));
    }

    private static MoLine withQuantity(MoLine line, double kg) {
        return new MoLine(line.productTmplId(), line.productId(), line.productName(), kg, line.uom(),
                line.equipmentCode());
    }

    private static double round1(double kg) {
        return Math.round(kg * 10) / 10.0;
    }

    private static int nextNumber(FakeOdooStock stock) {
        int highest = 0;
        for (MoSnapshot mo : stock.mos()) {
            Matcher m = WH_MO.matcher(mo.moId());
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return highest + 1;
    }
}
