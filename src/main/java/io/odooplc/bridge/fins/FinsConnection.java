package io.odooplc.bridge.fins;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.apache.plc4x.java.api.exceptions.PlcUnsupportedOperationException;
import org.apache.plc4x.java.api.messages.PlcBrowseRequest;
import org.apache.plc4x.java.api.messages.PlcPingResponse;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.messages.PlcSubscriptionRequest;
import org.apache.plc4x.java.api.messages.PlcUnsubscriptionRequest;
import org.apache.plc4x.java.api.messages.PlcWriteRequest;
import org.apache.plc4x.java.api.messages.PlcWriteResponse;
import org.apache.plc4x.java.api.metadata.PlcConnectionMetadata;
import org.apache.plc4x.java.api.model.PlcTag;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.apache.plc4x.java.api.value.PlcValue;
import org.apache.plc4x.java.spi.messages.DefaultPlcPingRequest;
import org.apache.plc4x.java.spi.messages.DefaultPlcPingResponse;
import org.apache.plc4x.java.spi.messages.DefaultPlcReadResponse;
import org.apache.plc4x.java.spi.messages.DefaultPlcWriteResponse;
import org.apache.plc4x.java.spi.messages.utils.DefaultPlcResponseItem;
import org.apache.plc4x.java.spi.messages.utils.PlcResponseItem;

/**
 * A PLC4X connection speaking FINS to one PLC. Requests run one at a time on the connection's own thread, so the
 * futures PLC4X callers expect are real and no two commands share the socket.
 *
 * <p>A request that fails completes its future exceptionally with a message naming the FINS end code or the timeout;
 * camel-plc4x then logs that message and yields an empty body, which the bridge treats as a failed read.
 */
public final class FinsConnection implements PlcConnection {

    private static final FinsTag PING_TAG = FinsTag.parse("D0:UINT");

    private final FinsConfiguration config;
    private final FinsClient client;
    private ExecutorService worker;

    FinsConnection(FinsConfiguration config) {
        this.config = config;
        this.client = new FinsClient(config, c -> c.transport() == FinsConfiguration.Transport.UDP
                ? new UdpTransport(c.host(), c.port())
                : new TcpTransport(c.host(), c.port()));
    }

    @Override
    public void connect() throws PlcConnectionException {
        try {
            client.open();
        } catch (IOException e) {
            throw new PlcConnectionException("Cannot open FINS connection to " + config.endpoint() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean isConnected() {
        return client.isOpen();
    }

    @Override
    public synchronized void close() {
        client.close();
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }

    @Override
    public Optional<PlcTag> parseTagAddress(String address) {
        try {
            return Optional.of(FinsTag.parse(address));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<PlcValue> parseTagValue(PlcTag tag, Object... values) {
        return tag instanceof FinsTag finsTag ? Optional.of(FinsValues.toPlcValue(finsTag, values)) : Optional.empty();
    }

    @Override
    public PlcConnectionMetadata getMetadata() {
        return new PlcConnectionMetadata() {
            @Override
            public boolean isReadSupported() {
                return true;
            }

            @Override
            public boolean isWriteSupported() {
                return true;
            }

            @Override
            public boolean isSubscribeSupported() {
                return false;
            }

            @Override
            public boolean isBrowseSupported() {
                return false;
            }
        };
    }

    /** A one-word read of D0: proves the PLC answers FINS, not merely that a socket exists. */
    @Override
    public CompletableFuture<PlcPingResponse> ping() {
        DefaultPlcPingRequest request = new DefaultPlcPingRequest(pingRequest -> ping());
        return submit(() -> {
            readWords(new WordSpan(PING_TAG.area(), PING_TAG.address(), 1));
            return (PlcPingResponse) new DefaultPlcPingResponse(request, PlcResponseCode.OK);
        });
    }

    @Override
    public PlcReadRequest.Builder readRequestBuilder() {
        return new FinsReadRequestBuilder(this::read);
    }

    @Override
    public PlcWriteRequest.Builder writeRequestBuilder() {
        return new FinsWriteRequestBuilder(this::write);
    }

    @Override
    public PlcSubscriptionRequest.Builder subscriptionRequestBuilder() {
        throw new PlcUnsupportedOperationException("FINS has no subscriptions; poll with reads");
    }

    @Override
    public PlcUnsubscriptionRequest.Builder unsubscriptionRequestBuilder() {
        throw new PlcUnsupportedOperationException("FINS has no subscriptions; poll with reads");
    }

    @Override
    public PlcBrowseRequest.Builder browseRequestBuilder() {
        throw new PlcUnsupportedOperationException("FINS cannot browse a PLC's tags");
    }

    private CompletableFuture<PlcReadResponse> read(PlcReadRequest request) {
        return submit(() -> {
            Map<String, FinsTag> tags = new LinkedHashMap<>();
            for (String name : request.getTagNames()) {
                tags.put(name, (FinsTag) request.getTag(name));
            }
            ReadPlan plan = ReadPlan.of(tags.values());
            Map<WordSpan, int[]> spanWords = new HashMap<>();
            for (WordSpan span : plan.spans()) {
                spanWords.put(span, readWords(span));
            }
            Map<String, PlcResponseItem<PlcValue>> values = new LinkedHashMap<>();
            tags.forEach((name, tag) -> {
                WordSpan span = plan.spanOf(tag);
                int from = tag.address() - span.start();
                int[] words = Arrays.copyOfRange(spanWords.get(span), from, from + tag.wordCount());
                values.put(name, new DefaultPlcResponseItem<>(PlcResponseCode.OK, FinsValues.decode(tag, words)));
            });
            return new DefaultPlcReadResponse(request, values);
        });
    }

    private int[] readWords(WordSpan span) {
        int[] words = new int[span.count()];
        int offset = 0;
        for (MemoryAreaRead frame : span.frames()) {
            String what = "read of " + span.area().prefix() + frame.address() + " (" + frame.count() + " words)";
            int[] chunk = client.execute(frame, what).words();
            System.arraycopy(chunk, 0, words, offset, chunk.length);
            offset += chunk.length;
        }
        return words;
    }

    private CompletableFuture<PlcWriteResponse> write(PlcWriteRequest request) {
        return submit(() -> {
            WritePlan plan = new WritePlan();
            Map<String, PlcResponseCode> codes = new LinkedHashMap<>();
            for (String name : request.getTagNames()) {
                FinsTag tag = (FinsTag) request.getTag(name);
                PlcValue value = request.getPlcValue(name);
                if (tag.isBit()) {
                    plan.addBits(tag, FinsValues.bits(value));
                } else {
                    plan.addWords(tag, FinsValues.words(tag, value));
                }
                codes.put(name, PlcResponseCode.OK);
            }
            for (MemoryAreaWrite frame : plan.frames()) {
                client.execute(frame, "write of " + frame.count() + (frame.bitArea() ? " bits" : " words")
                        + " at area 0x" + Integer.toHexString(frame.areaCode()) + " address " + frame.address());
            }
            return new DefaultPlcWriteResponse(request, codes);
        });
    }

    private synchronized <T> CompletableFuture<T> submit(Supplier<T> work) {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "fins-" + config.host() + "-" + config.port());
                thread.setDaemon(true);
                return thread;
            });
        }
        return CompletableFuture.supplyAsync(work, worker);
    }
}
