package com.loanflow.risk.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * An XGBoost {@code gbtree} / {@code binary:logistic} model read from the JSON file XGBoost saved, scored in Java:
 * the PD and the exact path-dependent TreeSHAP contributions (Lundberg, Erion &amp; Lee 2018, "Consistent
 * individualized feature attribution for tree ensembles", algorithm 2), which is what xgboost4j's
 * {@code predictContrib} computes. Why not call xgboost4j per decision: for one row, building the native
 * {@code DMatrix} alone costs about 100 us and native TreeSHAP over gmsc-xgb-v2's 667 trees about 900 us (ADR 0016);
 * this class does both in a fraction of that with no JNI, no native memory and no per-thread booster.
 *
 * <p>Arithmetic is single precision in XGBoost's order (trees summed one by one onto the base margin; each tree's
 * contributions computed into a fresh buffer and then added), so the results agree with xgboost4j's to float
 * rounding; {@link DefaultProbabilityModel} checks that agreement on probe rows every time it loads a model and
 * refuses a model where it does not hold. Immutable and thread-safe: each call uses its own scratch arrays.
 */
final class TreeEnsemble {

    private final float baseMargin;
    private final int featureCount;
    private final Tree[] trees;
    /** Scratch size of the TreeSHAP path: (d + 2)(d + 3) / 2 elements for the deepest tree's depth d. */
    private final int pathCapacity;
    private final int maxNodes;

    private TreeEnsemble(float baseMargin, int featureCount, Tree[] trees) {
        this.baseMargin = baseMargin;
        this.featureCount = featureCount;
        this.trees = trees;
        int deepest = 0;
        int nodes = 0;
        for (Tree tree : trees) {
            deepest = Math.max(deepest, tree.maxDepth);
            nodes = Math.max(nodes, tree.left.length);
        }
        this.maxNodes = nodes;
        int slots = deepest + 2;
        this.pathCapacity = slots * (slots + 1) / 2;
    }

    /**
     * Reads a model saved by {@code Booster.saveModel(..., "json")}. Refuses what this class cannot score exactly:
     * another objective or booster, categorical splits, vector leaves, several trees per round.
     */
    static TreeEnsemble read(byte[] json) {
        JsonNode learner;
        try {
            // numbers as written (BigDecimal), so each float is parsed once from its text, not via a double
            learner = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json)
                    .path("learner");
        } catch (IOException e) {
            throw new UncheckedIOException("not an XGBoost JSON model", e);
        }
        String objective = learner.path("objective").path("name").asText();
        String booster = learner.path("gradient_booster").path("name").asText();
        if (!"binary:logistic".equals(objective) || !"gbtree".equals(booster)) {
            throw new IllegalStateException("only gbtree binary:logistic models are supported, not "
                    + booster + " " + objective);
        }
        JsonNode parameters = learner.path("learner_model_param");
        int featureCount = Integer.parseInt(parameters.path("num_feature").asText());
        JsonNode model = learner.path("gradient_booster").path("model");
        if (!"1".equals(model.path("gbtree_model_param").path("num_parallel_tree").asText("1"))
                || !"1".equals(parameters.path("num_target").asText("1"))) {
            throw new IllegalStateException("forests and multi-target models are not supported");
        }
        JsonNode treeNodes = model.path("trees");
        Tree[] trees = new Tree[treeNodes.size()];
        for (int i = 0; i < trees.length; i++) {
            trees[i] = Tree.read(treeNodes.get(i), featureCount);
        }
        return new TreeEnsemble(logit(baseScore(parameters.path("base_score").asText())), featureCount, trees);
    }

    /** XGBoost 3.0 writes a scalar ("6.684375E-2"); later versions may write a one-element list ("[6.684375E-2]"). */
    private static float baseScore(String text) {
        String value = text.startsWith("[") ? text.substring(1, text.length() - 1) : text;
        return Float.parseFloat(value.trim());
    }

    /** The base score is stored as a probability; trees add to its log-odds. */
    private static float logit(float probability) {
        return (float) -Math.log(1.0f / probability - 1.0f);
    }

    int featureCount() {
        return featureCount;
    }

    int treeCount() {
        return trees.length;
    }

    /** Every split threshold of each feature (sorted, distinct): values where a row's path changes. */
    float[][] thresholdsByFeature() {
        List<TreeSet<Float>> sets = new ArrayList<>();
        for (int f = 0; f < featureCount; f++) {
            sets.add(new TreeSet<>());
        }
        for (Tree tree : trees) {
            for (int node = 0; node < tree.left.length; node++) {
                if (!tree.isLeaf(node)) {
                    sets.get(tree.splitFeature[node]).add(tree.value[node]);
                }
            }
        }
        float[][] thresholds = new float[featureCount][];
        for (int f = 0; f < featureCount; f++) {
            thresholds[f] = new float[sets.get(f).size()];
            int i = 0;
            for (float t : sets.get(f)) {
                thresholds[f][i++] = t;
            }
        }
        return thresholds;
    }

    /** Log-odds of default for one row ({@code NaN} = missing, which follows each split's default branch). */
    float margin(float[] row) {
        requireWidth(row);
        float sum = baseMargin;
        for (Tree tree : trees) {
            sum += tree.value[tree.leafOf(row)];
        }
        return sum;
    }

    /** PD in [0, 1]: the logistic of the margin. */
    float probability(float[] row) {
        return sigmoid(margin(row));
    }

    static float sigmoid(float margin) {
        return (float) (1.0 / (1.0 + Math.exp(-margin)));
    }

    /** A row's PD and its SHAP contributions, from one pass over the trees. */
    record Explained(float probability, float[] contributions) {
    }

    /**
     * PD and SHAP contributions in log-odds: one per feature, then the bias (the base margin plus each tree's
     * cover-weighted mean). The contributions sum to {@link #margin}.
     */
    Explained explain(float[] row) {
        requireWidth(row);
        double[] phi = new double[featureCount + 1];
        int[] goesLeft = new int[maxNodes];
        float margin = baseMargin;
        float[] perTree = null;
        Path path = null;
        for (Tree tree : trees) {
            phi[featureCount] += tree.mean[0];
            if (tree.isLeaf(0)) {
                margin += tree.value[0];
            } else if (tree.tables != null) {
                margin += tree.tables.add(tree, row, goesLeft, phi);
            } else {
                margin += tree.value[tree.leafOf(row)];
                if (perTree == null) {
                    perTree = new float[featureCount + 1];
                    path = new Path(pathCapacity);
                }
                Arrays.fill(perTree, 0f);
                tree.shap(row, perTree, path, 0, 0, 0, 1f, 1f, -1);
                for (int i = 0; i < featureCount; i++) {
                    phi[i] += perTree[i];
                }
            }
        }
        phi[featureCount] += baseMargin;
        float[] contributions = new float[featureCount + 1];
        for (int i = 0; i <= featureCount; i++) {
            contributions[i] = (float) phi[i];
        }
        return new Explained(sigmoid(margin), contributions);
    }

    float[] contributions(float[] row) {
        return explain(row).contributions();
    }

    /** The same values by the recursive algorithm alone, tree by tree as XGBoost sums them: for tests. */
    float[] contributionsByRecursion(float[] row) {
        requireWidth(row);
        float[] total = new float[featureCount + 1];
        float[] perTree = new float[featureCount + 1];
        Path path = new Path(pathCapacity);
        for (Tree tree : trees) {
            Arrays.fill(perTree, 0f);
            perTree[featureCount] += tree.mean[0];
            if (!tree.isLeaf(0)) {
                tree.shap(row, perTree, path, 0, 0, 0, 1f, 1f, -1);
            }
            for (int i = 0; i <= featureCount; i++) {
                total[i] += perTree[i];
            }
        }
        total[featureCount] += baseMargin;
        return total;
    }

    /** How many trees are explained from precomputed leaf tables (the rest by recursion). */
    int tabledTreeCount() {
        int count = 0;
        for (Tree tree : trees) {
            if (tree.tables != null) {
                count++;
            }
        }
        return count;
    }

    /** Same width as the model; NaN means missing; an infinite value is refused, as xgboost4j refuses it. */
    private void requireWidth(float[] row) {
        if (row.length != featureCount) {
            throw new IllegalArgumentException("model reads " + featureCount + " features, row has " + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            if (Float.isInfinite(row[i])) {
                throw new IllegalArgumentException("feature " + i + " is infinite");
            }
        }
    }

    /**
     * The "unique path" of TreeSHAP: for each feature split on between the root and the current node, the fraction of
     * training cover that flows down the path when the feature is unknown (zero) and whether the row itself follows
     * it (one), plus the permutation weights. Each recursion level works on its own copy, stacked in one array.
     */
    private static final class Path {
        final int[] feature;
        final float[] zero;
        final float[] one;
        final float[] weight;

        Path(int capacity) {
            feature = new int[capacity];
            zero = new float[capacity];
            one = new float[capacity];
            weight = new float[capacity];
        }

        void copy(int from, int to, int length) {
            System.arraycopy(feature, from, feature, to, length);
            System.arraycopy(zero, from, zero, to, length);
            System.arraycopy(one, from, one, to, length);
            System.arraycopy(weight, from, weight, to, length);
        }

        /** Appends a feature at {@code depth} of the path starting at {@code at} and updates the weights. */
        void extend(int at, int depth, float zeroFraction, float oneFraction, int featureIndex) {
            feature[at + depth] = featureIndex;
            zero[at + depth] = zeroFraction;
            one[at + depth] = oneFraction;
            weight[at + depth] = depth == 0 ? 1f : 0f;
            for (int i = depth - 1; i >= 0; i--) {
                weight[at + i + 1] += oneFraction * weight[at + i] * (i + 1) / (float) (depth + 1);
                weight[at + i] = zeroFraction * weight[at + i] * (depth - i) / (float) (depth + 1);
            }
        }

        /** Removes element {@code index} again (the feature is split on a second time further down). */
        void unwind(int at, int depth, int index) {
            float oneFraction = one[at + index];
            float zeroFraction = zero[at + index];
            float nextOne = weight[at + depth];
            for (int i = depth - 1; i >= 0; i--) {
                if (oneFraction != 0) {
                    float previous = weight[at + i];
                    weight[at + i] = nextOne * (depth + 1) / ((i + 1) * oneFraction);
                    nextOne = previous - weight[at + i] * zeroFraction * (depth - i) / (float) (depth + 1);
                } else {
                    weight[at + i] = (weight[at + i] * (depth + 1)) / (zeroFraction * (depth - i));
                }
            }
            for (int i = index; i < depth; i++) {
                feature[at + i] = feature[at + i + 1];
                zero[at + i] = zero[at + i + 1];
                one[at + i] = one[at + i + 1];
            }
        }

        /** The total permutation weight the path would have without element {@code index}. */
        float unwoundSum(int at, int depth, int index) {
            float oneFraction = one[at + index];
            float zeroFraction = zero[at + index];
            float nextOne = weight[at + depth];
            float total = 0;
            for (int i = depth - 1; i >= 0; i--) {
                if (oneFraction != 0) {
                    float part = nextOne * (depth + 1) / ((i + 1) * oneFraction);
                    total += part;
                    nextOne = weight[at + i] - part * zeroFraction * ((depth - i) / (float) (depth + 1));
                } else if (zeroFraction != 0) {
                    total += (weight[at + i] / zeroFraction) / ((depth - i) / (float) (depth + 1));
                }
            }
            return total;
        }
    }

    /** One regression tree in XGBoost's array layout (node 0 is the root; a leaf has left child -1). */
    private static final class Tree {
        final int[] left;
        final int[] right;
        final int[] splitFeature;
        /** Split threshold of an inner node (go left when value &lt; threshold), the leaf value of a leaf. */
        final float[] value;
        final boolean[] defaultLeft;
        /** Sum of training hessians through the node: the "cover" TreeSHAP weights unknown features by. */
        final float[] cover;
        /** Cover-weighted mean leaf value below each node: the tree's expected value at the root. */
        final float[] mean;
        final int maxDepth;
        /** Precomputed SHAP shares per leaf, or null when a path is too long for them (then: recursion). */
        final LeafTables tables;

        private Tree(int[] left, int[] right, int[] splitFeature, float[] value, boolean[] defaultLeft,
                     float[] cover) {
            this.left = left;
            this.right = right;
            this.splitFeature = splitFeature;
            this.value = value;
            this.defaultLeft = defaultLeft;
            this.cover = cover;
            this.mean = new float[left.length];
            fillMean(0);
            this.maxDepth = depth(0);
            this.tables = LeafTables.build(this);
        }

        static Tree read(JsonNode node, int featureCount) {
            for (JsonNode type : node.path("split_type")) {
                if (type.asInt() != 0) {
                    throw new IllegalStateException("categorical splits are not supported");
                }
            }
            if (!"1".equals(node.path("tree_param").path("size_leaf_vector").asText("1"))) {
                throw new IllegalStateException("vector leaves are not supported");
            }
            int[] left = ints(node.path("left_children"));
            int[] right = ints(node.path("right_children"));
            int[] splitFeature = ints(node.path("split_indices"));
            float[] value = floats(node.path("split_conditions"));
            int[] defaults = ints(node.path("default_left"));
            float[] cover = floats(node.path("sum_hessian"));
            int nodes = left.length;
            if (right.length != nodes || splitFeature.length != nodes || value.length != nodes
                    || defaults.length != nodes || cover.length != nodes || nodes == 0) {
                throw new IllegalStateException("tree " + node.path("id").asInt() + " has ragged node arrays");
            }
            boolean[] defaultLeft = new boolean[nodes];
            for (int i = 0; i < nodes; i++) {
                defaultLeft[i] = defaults[i] != 0;
                boolean leaf = left[i] == -1;
                if (leaf ? right[i] != -1 : splitFeature[i] < 0 || splitFeature[i] >= featureCount
                        || left[i] >= nodes || right[i] >= nodes || left[i] <= i || right[i] <= i
                        || !(cover[i] > 0)) {
                    throw new IllegalStateException("tree " + node.path("id").asInt() + " node " + i
                            + " is malformed");
                }
            }
            return new Tree(left, right, splitFeature, value, defaultLeft, cover);
        }

        boolean isLeaf(int node) {
            return left[node] == -1;
        }

        /** The child a row goes to: missing follows the default branch, otherwise left when below the threshold. */
        int next(int node, float[] row) {
            float x = row[splitFeature[node]];
            if (Float.isNaN(x)) {
                return defaultLeft[node] ? left[node] : right[node];
            }
            return x < value[node] ? left[node] : right[node];
        }

        int leafOf(float[] row) {
            int node = 0;
            while (!isLeaf(node)) {
                node = next(node, row);
            }
            return node;
        }

        private float fillMean(int node) {
            float result;
            if (isLeaf(node)) {
                result = value[node];
            } else {
                result = fillMean(left[node]) * cover[left[node]];
                result += fillMean(right[node]) * cover[right[node]];
                result /= cover[node];
            }
            mean[node] = result;
            return result;
        }

        private int depth(int node) {
            return isLeaf(node) ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
        }

        /**
         * Recursive TreeSHAP (no conditioning). {@code parentAt} is where the parent's copy of the path starts in the
         * scratch arrays; this level copies it to just after it and extends it with the parent's split.
         */
        void shap(float[] row, float[] phi, Path path, int node, int parentAt, int depth, float parentZero,
                  float parentOne, int parentFeature) {
            int at = parentAt + depth + 1;
            path.copy(parentAt, at, depth + 1);
            path.extend(at, depth, parentZero, parentOne, parentFeature);
            if (isLeaf(node)) {
                float leafValue = value[node];
                for (int i = 1; i <= depth; i++) {
                    float w = path.unwoundSum(at, depth, i);
                    phi[path.feature[at + i]] += w * (path.one[at + i] - path.zero[at + i]) * leafValue;
                }
                return;
            }
            int hot = next(node, row);
            int cold = hot == left[node] ? right[node] : left[node];
            float w = cover[node];
            float hotZero = cover[hot] / w;
            float coldZero = cover[cold] / w;
            float incomingZero = 1;
            float incomingOne = 1;
            int feature = splitFeature[node];
            int index = 0;
            while (index <= depth && path.feature[at + index] != feature) {
                index++;
            }
            if (index != depth + 1) {
                // split on this feature before: undo that extension and redo it with both splits' fractions
                incomingZero = path.zero[at + index];
                incomingOne = path.one[at + index];
                path.unwind(at, depth, index);
                depth -= 1;
            }
            shap(row, phi, path, hot, at, depth + 1, hotZero * incomingZero, incomingOne, feature);
            shap(row, phi, path, cold, at, depth + 1, coldZero * incomingZero, 0, feature);
        }
    }

    /**
     * TreeSHAP with the work moved to load time (as in Yang's "Fast TreeSHAP" v2). With path-dependent TreeSHAP a
     * leaf adds to feature i's value {@code v * (o_i - z_i) * sum over S of w(|S|, u) * prod(o_j, j in S) *
     * prod(z_j, j not in S, j != i)}, where the u distinct features on the leaf's path each have a cover fraction
     * z (fixed by training) and o = 1 when the row takes the path's side of every split on that feature, else 0.
     * So a row enters only through the bit mask of its o's: for every leaf and every mask the u shares are computed
     * once, here, and scoring a row is one mask and u additions per leaf instead of a recursion with path copies.
     * Only for paths of at most {@value #MAX_FEATURES} distinct features (a table of 2^u x u floats per leaf).
     */
    private static final class LeafTables {
        static final int MAX_FEATURES = 6;

        /** Per leaf: its path's splits as [stepStart[l], stepStart[l + 1]) into stepNode/stepLeft/stepSlot. */
        final int[] stepStart;
        final int[] stepNode;
        /** 1 when the path goes left at that split, else 0. */
        final int[] stepLeft;
        final int[] stepSlot;
        /** Per leaf: its distinct path features as [slotStart[l], slotStart[l + 1]) into slotFeature. */
        final int[] slotStart;
        final int[] slotFeature;
        /** Per leaf: 2^u rows of u shares (leaf value included), row = mask of the features the row agrees with. */
        final int[] tableStart;
        final float[] table;
        /** Inner nodes, to evaluate each split once per row. */
        final int[] innerNodes;
        final int[] leafNode;

        private LeafTables(int[] stepStart, int[] stepNode, int[] stepLeft, int[] stepSlot, int[] slotStart,
                           int[] slotFeature, int[] tableStart, float[] table, int[] innerNodes, int[] leafNode) {
            this.stepStart = stepStart;
            this.stepNode = stepNode;
            this.stepLeft = stepLeft;
            this.stepSlot = stepSlot;
            this.slotStart = slotStart;
            this.slotFeature = slotFeature;
            this.tableStart = tableStart;
            this.table = table;
            this.innerNodes = innerNodes;
            this.leafNode = leafNode;
        }

        static LeafTables build(Tree tree) {
            List<int[]> paths = new ArrayList<>(); // per leaf: node, side (1 = left), node, side, ..., leaf
            collect(tree, 0, new ArrayList<>(), paths);
            int leaves = paths.size();
            int[] stepStart = new int[leaves + 1];
            int[] slotStart = new int[leaves + 1];
            int[] tableStart = new int[leaves + 1];
            List<Integer> stepNode = new ArrayList<>();
            List<Integer> stepLeft = new ArrayList<>();
            int[] leafNode = new int[leaves];
            List<Integer> stepSlot = new ArrayList<>();
            List<Integer> slotFeature = new ArrayList<>();
            List<float[]> tables = new ArrayList<>();
            for (int l = 0; l < leaves; l++) {
                int[] path = paths.get(l);
                int leaf = path[path.length - 1];
                leafNode[l] = leaf;
                List<Integer> features = new ArrayList<>();
                List<Double> zero = new ArrayList<>();
                for (int k = 0; k + 1 < path.length; k += 2) {
                    int node = path[k];
                    int child = path[k + 1] == 1 ? tree.left[node] : tree.right[node];
                    int slot = features.indexOf(tree.splitFeature[node]);
                    double fraction = (double) tree.cover[child] / tree.cover[node];
                    if (slot < 0) {
                        slot = features.size();
                        features.add(tree.splitFeature[node]);
                        zero.add(fraction);
                    } else {
                        zero.set(slot, zero.get(slot) * fraction);
                    }
                    stepNode.add(node);
                    stepLeft.add(path[k + 1]);
                    stepSlot.add(slot);
                }
                if (features.size() > MAX_FEATURES) {
                    return null;
                }
                stepStart[l + 1] = stepNode.size();
                slotFeature.addAll(features);
                slotStart[l + 1] = slotFeature.size();
                float[] leafTable = shares(zero, tree.value[leaf]);
                tables.add(leafTable);
                tableStart[l + 1] = tableStart[l] + leafTable.length;
            }
            float[] table = new float[tableStart[leaves]];
            for (int l = 0; l < leaves; l++) {
                System.arraycopy(tables.get(l), 0, table, tableStart[l], tables.get(l).length);
            }
            int[] inner = IntStream.range(0, tree.left.length).filter(n -> !tree.isLeaf(n))
                    .toArray();
            return new LeafTables(stepStart, toInts(stepNode), toInts(stepLeft), toInts(stepSlot), slotStart,
                    toInts(slotFeature), tableStart, table, inner, leafNode);
        }

        private static void collect(Tree tree, int node, List<Integer> prefix, List<int[]> paths) {
            if (tree.isLeaf(node)) {
                int[] path = new int[prefix.size() + 1];
                for (int i = 0; i < prefix.size(); i++) {
                    path[i] = prefix.get(i);
                }
                path[prefix.size()] = node;
                paths.add(path);
                return;
            }
            prefix.add(node);
            prefix.add(1);
            collect(tree, tree.left[node], prefix, paths);
            prefix.set(prefix.size() - 1, 0);
            collect(tree, tree.right[node], prefix, paths);
            prefix.remove(prefix.size() - 1);
            prefix.remove(prefix.size() - 1);
        }

        /** The 2^u x u shares of one leaf, for zero fractions z and leaf value v. */
        static float[] shares(List<Double> zero, float leafValue) {
            int u = zero.size();
            int full = (1 << u) - 1;
            float[] shares = new float[(1 << u) * u];
            for (int mask = 0; mask <= full; mask++) {
                for (int i = 0; i < u; i++) {
                    int others = full & ~(1 << i);
                    int allowed = mask & others; // coalitions S without i whose features the row agrees with
                    double sum = 0;
                    for (int subset = allowed; ; subset = (subset - 1) & allowed) {
                        double term = shapleyWeight(Integer.bitCount(subset), u);
                        for (int j = 0; j < u; j++) {
                            if ((others & ~subset & (1 << j)) != 0) {
                                term *= zero.get(j);
                            }
                        }
                        sum += term;
                        if (subset == 0) {
                            break;
                        }
                    }
                    boolean agrees = (mask & (1 << i)) != 0;
                    shares[mask * u + i] = (float) ((agrees ? 1 - zero.get(i) : -zero.get(i)) * sum * leafValue);
                }
            }
            return shares;
        }

        /** |S|! (u - |S| - 1)! / u!: the Shapley weight of a coalition of size s among u players, without i. */
        static double shapleyWeight(int s, int u) {
            return factorial(s) * factorial(u - s - 1) / factorial(u);
        }

        private static double factorial(int n) {
            double f = 1;
            for (int k = 2; k <= n; k++) {
                f *= k;
            }
            return f;
        }

        /**
         * Adds this tree's shares for one row to {@code phi} and returns the value of the leaf the row reaches. Both
         * loops are branch-free in the row's values: split outcomes and agreement are 0/1 arithmetic, because a
         * mispredicted branch per split (half of them, for a typical row) cost more than the arithmetic itself.
         */
        float add(Tree tree, float[] row, int[] goesLeft, double[] phi) {
            for (int node : innerNodes) {
                float x = row[tree.splitFeature[node]];
                boolean left = x < tree.value[node] | (x != x & tree.defaultLeft[node]); // NaN: default side
                goesLeft[node] = left ? 1 : 0;
            }
            int leaves = stepStart.length - 1;
            float reached = 0;
            for (int l = 0; l < leaves; l++) {
                int firstSlot = slotStart[l];
                int u = slotStart[l + 1] - firstSlot;
                int full = (1 << u) - 1;
                int mask = full;
                for (int s = stepStart[l]; s < stepStart[l + 1]; s++) {
                    mask &= ~((goesLeft[stepNode[s]] ^ stepLeft[s]) << stepSlot[s]);
                }
                int at = tableStart[l] + mask * u;
                for (int i = 0; i < u; i++) {
                    phi[slotFeature[firstSlot + i]] += table[at + i];
                }
                if (mask == full) { // agrees with every split of its path: the leaf the row reaches
                    reached = tree.value[leafNode[l]];
                }
            }
            return reached;
        }

        private static int[] toInts(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.parseFloat(array.get(i).asText());
        }
        return values;
    }
}
