package io.odooplc.bridge.plc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The PLC's memory layout: READ and WRITE slot areas sharing one field layout, the failure event area,
 * the equipment list, handshake flags and per-protocol frame limits. Instances are validated on load.
 */
public final class MemoryMap {

    /** Classpath location of the map that reproduces the legacy CJ2M layout. */
    public static final String DEFAULT_RESOURCE = "plc/cj2m-feed-mill.yaml";

    private final String name;
    private final String source;
    private final SlotLayout layout;
    private final SlotArea readArea;
    private final SlotArea writeArea;
    private final FailureArea failureArea;
    private final List<Equipment> equipment;
    private final Handshake handshake;
    private final Map<Protocol, FrameLimit> frameLimits;

    MemoryMap(String name, String source, SlotLayout layout, SlotArea readArea, SlotArea writeArea,
              FailureArea failureArea, List<Equipment> equipment, Handshake handshake,
              Map<Protocol, FrameLimit> frameLimits) {
        this.name = name;
        this.source = source;
        this.layout = layout;
        this.readArea = readArea;
        this.writeArea = writeArea;
        this.failureArea = failureArea;
        this.equipment = List.copyOf(equipment);
        this.handshake = handshake;
        this.frameLimits = Map.copyOf(frameLimits);
    }

    public static MemoryMap load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read memory map " + file, e);
        }
    }

    public static MemoryMap loadDefault() {
        try (InputStream in = MemoryMap.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("memory map resource " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read memory map " + DEFAULT_RESOURCE, e);
        }
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public static MemoryMap parse(String yaml, String source) {
        return new MemoryMapParser(source).parse(yaml);
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    public SlotLayout layout() {
        return layout;
    }

    public SlotArea readArea() {
        return readArea;
    }

    public SlotArea writeArea() {
        return writeArea;
    }

    public FailureArea failureArea() {
        return failureArea;
    }

    public List<Equipment> equipment() {
        return equipment;
    }

    public Equipment equipment(int id) {
        return equipment.stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no equipment " + id + " in memory map " + name));
    }

    public Handshake handshake() {
        return handshake;
    }

    public FrameLimit frameLimit(Protocol protocol) {
        FrameLimit limit = frameLimits.get(protocol);
        if (limit == null) {
            throw new IllegalArgumentException("memory map " + name + " has no frame limits for " + protocol);
        }
        return limit;
    }

    /** Frame limits for every protocol the map declares. */
    public Map<Protocol, FrameLimit> frameLimits() {
        return frameLimits;
    }

    /** DM address of a slot's status_read_data flag. */
    public int slotFlagAddress(SlotArea area, int slot) {
        return area.base(slot) + layout.field(handshake.slotFlagKey()).offset();
    }

    /** One range per READ slot, covering the words the layout uses. */
    public List<WordRange> readSlotRanges() {
        return IntStream.rangeClosed(1, readArea.count()).mapToObj(readArea::range).toList();
    }
}
