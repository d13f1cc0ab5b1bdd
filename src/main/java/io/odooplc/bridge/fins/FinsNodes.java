package io.odooplc.bridge.fins;

/**
 * Who talks to whom: the FINS network (DNA = SNA, 0 = local network), the PLC's node (DA1) and unit (DA2, 0 = CPU
 * unit), and the client's own node (SA1). Over FINS/TCP the client node is the one the PLC assigned in the handshake.
 */
public record FinsNodes(int network, int plcNode, int unit, int clientNode) {

    public FinsNodes withClientNode(int assigned) {
        return new FinsNodes(network, plcNode, unit, assigned);
    }

    public FinsNodes withPlcNode(int node) {
        return new FinsNodes(network, node, unit, clientNode);
    }
}
