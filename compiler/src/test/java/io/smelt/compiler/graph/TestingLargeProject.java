package io.smelt.compiler.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A synthetic 10,000-node project for checks that must stay linear. */
public final class TestingLargeProject {
    private TestingLargeProject() {
    }

    public static final int SOURCES = 200;
    public static final int SEEDS = 300;
    public static final int MODELS = 9_000;
    public static final int TESTS = 500;

    /** Sources, seeds, models that ref 1-3 earlier models or seeds, and generic tests on every 18th model. */
    public static List<Node> nodes() {
        Random random = new Random(42);
        List<Node> nodes = new ArrayList<>(SOURCES + SEEDS + MODELS + TESTS);
        for (int i = 0; i < SOURCES; i++) {
            nodes.add(TestingNodes.source("src_" + (i % 20), "t_" + i).build());
        }
        for (int i = 0; i < SEEDS; i++) {
            nodes.add(TestingNodes.seed("seed_" + i).build());
        }
        for (int i = 0; i < MODELS; i++) {
            TestingNodes model = TestingNodes.model("m_" + i).file("models/layer_" + (i / 1000) + "/m_" + i + ".sql")
                    .tags("t" + (i % 10)).description("Model number " + i + " of the synthetic project")
                    .rawCode("select id, amount, created_at from {{ ref('m_" + i + "') }} where amount > 0 -- " + "x".repeat(200));
            if (i < SOURCES * 5) {
                int s = i % SOURCES;
                model.source("src_" + (s % 20), "t_" + s, 1);
            }
            int refs = 1 + random.nextInt(3);
            for (int r = 0; r < refs; r++) {
                if (i == 0 || random.nextInt(10) == 0) {
                    model.ref("seed_" + random.nextInt(SEEDS), r + 2);
                } else {
                    model.ref("m_" + random.nextInt(i), r + 2);
                }
            }
            nodes.add(model.build());
        }
        for (int i = 0; i < TESTS; i++) {
            String target = "m_" + (i * 18);
            nodes.add(TestingNodes.genericTest("not_null_" + target + "_id", "not_null", "id", "model.shop." + target)
                    .ref(target).build());
        }
        return nodes;
    }
}
