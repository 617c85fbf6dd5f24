package io.smelt.compiler.lineage;

import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.analysis.ColumnOrigin;
import io.smelt.compiler.analysis.ColumnOrigin.Kind;
import io.smelt.compiler.analysis.ColumnType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestProjectLineage {
    // raw (seed) -> stg (filters on raw.status) -> mart (joins stg to src, the source); broken is not analysed
    private final ProjectLineage lineage = ProjectLineage.of(Map.of(
            "model.p.stg", Analysis.analysed(columns("id", "amount"), Map.of(
                    "id", List.of(origin("seed.p.raw", "ID", Kind.DIRECT), origin("seed.p.raw", "status", Kind.FILTER)),
                    "amount", List.of(origin("seed.p.raw", "amount", Kind.DIRECT), origin("seed.p.raw", "status", Kind.FILTER)))),
            "model.p.mart", Analysis.analysed(columns("total"), Map.of(
                    "total", List.of(origin("model.p.stg", "amount", Kind.TRANSFORMED), origin("model.p.stg", "id", Kind.JOIN),
                            origin("source.p.s.src", "id", Kind.JOIN)))),
            "model.p.broken", Analysis.notAnalysed("does not parse")));

    @Test
    void originsComposeKindsDownToSeedsAndSources() {
        assertThat(lineage.origins(new ColumnRef("model.p.mart", "total"))).extracting(e -> e.column() + " " + ProjectLineage.name(e.kind()))
                .containsExactlyInAnyOrder("seed.p.raw.amount transformed", "seed.p.raw.status filter", "seed.p.raw.ID join",
                        "source.p.s.src.id join");
    }

    @Test
    void composingKeepsFiltersAndJoinsAndAnyComputation() {
        assertThat(ProjectLineage.compose(Kind.DIRECT, Kind.DIRECT)).isEqualTo(Kind.DIRECT);
        assertThat(ProjectLineage.compose(Kind.DIRECT, Kind.TRANSFORMED)).isEqualTo(Kind.TRANSFORMED);
        assertThat(ProjectLineage.compose(Kind.TRANSFORMED, Kind.DIRECT)).isEqualTo(Kind.TRANSFORMED);
        assertThat(ProjectLineage.compose(Kind.JOIN, Kind.DIRECT)).isEqualTo(Kind.JOIN);
        assertThat(ProjectLineage.compose(Kind.JOIN, Kind.FILTER)).isEqualTo(Kind.FILTER);
        assertThat(ProjectLineage.compose(Kind.TRANSFORMED, Kind.JOIN)).isEqualTo(Kind.JOIN);
    }

    @Test
    void downstreamFindsASeedColumnWhateverItsCase() {
        assertThat(lineage.downstream(new ColumnRef("seed.p.raw", "id"))).extracting(e -> e.column().toString())
                .containsExactly("model.p.stg.id");
        assertThat(lineage.readColumns("seed.p.raw")).containsExactly("ID", "amount", "status");
    }

    @Test
    void aTreeStopsAtTheDepthAndAtModelsWithoutLineage() {
        LineageTree full = LineageTree.of(lineage, new ColumnRef("model.p.mart", "total"), true, 0);
        assertThat(full.children()).extracting(t -> t.column().toString())
                .containsExactly("model.p.stg.amount", "model.p.stg.id", "source.p.s.src.id");
        assertThat(full.children().get(0).children()).hasSize(2);
        LineageTree cut = LineageTree.of(lineage, new ColumnRef("model.p.mart", "total"), true, 1);
        assertThat(cut.children().get(0).cut()).isTrue();
        assertThat(cut.children().get(0).children()).isEmpty();
        assertThat(lineage.known("model.p.broken")).isFalse();
        assertThat(lineage.byNode()).containsOnlyKeys("model.p.stg", "model.p.mart");
    }

    private static List<ColumnType> columns(String... names) {
        return java.util.Arrays.stream(names).map(n -> new ColumnType(n, null)).toList();
    }

    private static ColumnOrigin origin(String node, String column, Kind kind) {
        return new ColumnOrigin(node, column, kind);
    }
}
