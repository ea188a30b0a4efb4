package gluelab.lab.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of a directed graph for a picture drawn along one axis: each node sits one layer past the farthest
 * of its predecessors, and the nodes of a layer are ordered by where their predecessors sit, to keep arrows from
 * crossing. Links that close a cycle (a retry loop, a polling loop) are left out of the layering and reported,
 * so the picture can draw them as loops back.
 *
 * @param <N> a node; its {@code equals} tells nodes apart
 */
public final class LayeredGraph<N> {

    /** An arrow from one node to another. */
    public record Link<N>(N from, N to) {
    }

    private final List<N> nodes;
    private final List<Link<N>> links;
    private final List<Link<N>> backLinks;
    private final Map<N, Integer> layer;

    /** The layering of {@code nodes} (in the order ties are broken) joined by {@code links}. */
    public LayeredGraph(List<N> nodes, List<Link<N>> links) {
        this.nodes = List.copyOf(nodes);
        this.links = List.copyOf(links);
        this.backLinks = findBackLinks();
        this.layer = assignLayers();
    }

    public int layerOf(N node) {
        return layer.get(node);
    }

    public int layerCount() {
        return layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /** True for a link that goes back to a node drawn before its source: the picture draws it as a loop. */
    public boolean isBackLink(Link<N> link) {
        return backLinks.contains(link) || link.from().equals(link.to());
    }

    /** Nodes per layer, each layer ordered by where its nodes' predecessors sit. */
    public List<List<N>> byLayer() {
        int layerCount = layerCount();
        List<List<N>> byLayer = new ArrayList<>();
        for (int l = 0; l < layerCount; l++) {
            byLayer.add(new ArrayList<>());
        }
        nodes.forEach(n -> byLayer.get(layer.get(n)).add(n));
        Map<N, Double> rank = new HashMap<>();
        for (List<N> column : byLayer) {
            for (N node : column) {
                double sum = 0;
                int count = 0;
                for (Link<N> link : links) {
                    if (link.to().equals(node) && rank.containsKey(link.from())) {
                        sum += rank.get(link.from());
                        count++;
                    }
                }
                rank.put(node, count == 0 ? column.indexOf(node) : sum / count + column.indexOf(node) * 1e-3);
            }
            column.sort(Comparator.comparingDouble(rank::get));
            for (int i = 0; i < column.size(); i++) {
                rank.put(column.get(i), (double) i);
            }
        }
        return byLayer;
    }

    /** Longest path from a node without incoming links, over the links that do not close a cycle. */
    private Map<N, Integer> assignLayers() {
        List<Link<N>> forward = links.stream().filter(l -> !isBackLink(l)).toList();
        Map<N, Integer> layers = new LinkedHashMap<>();
        nodes.forEach(n -> layers.put(n, 0));
        for (int round = 0; round < nodes.size(); round++) {
            boolean changed = false;
            for (Link<N> link : forward) {
                int candidate = layers.get(link.from()) + 1;
                if (candidate > layers.get(link.to())) {
                    layers.put(link.to(), candidate);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return layers;
    }

    private List<Link<N>> findBackLinks() {
        Map<N, Integer> state = new HashMap<>();
        List<Link<N>> back = new ArrayList<>();
        for (N node : nodes) {
            visit(node, state, back);
        }
        return back;
    }

    private void visit(N node, Map<N, Integer> state, List<Link<N>> back) {
        if (state.containsKey(node)) {
            return;
        }
        state.put(node, 1);
        for (Link<N> link : links) {
            if (link.from().equals(node)) {
                Integer targetState = state.get(link.to());
                if (targetState != null && targetState == 1) {
                    back.add(link);
                } else {
                    visit(link.to(), state, back);
                }
            }
        }
        state.put(node, 2);
    }
}
