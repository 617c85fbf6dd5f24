package io.smelt.compiler.analysis;

import io.smelt.compiler.analysis.ColumnOrigin.Kind;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sample;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which input columns feed each output column of a validated query, in one bottom-up pass over its
 * relational plan. Each plan node yields, per output field, the input columns its value is computed
 * from, plus the columns that decide which rows exist at all (WHERE, HAVING, QUALIFY, join conditions,
 * the right side of EXCEPT): those are reported on every output column of the query.
 *
 * <p>Written rather than taken from {@code RelMetadataQuery.getColumnOrigins}: that returns null for
 * every column once the plan holds a {@code Correlate} (UNNEST), nothing for scalar subqueries, and
 * knows no filters or join keys. A plan node this class does not know makes the whole lineage
 * unknown (an empty map), never a partial or wrong one.
 */
final class ColumnLineage {
    private static final SqlToRelConverter.Config CONVERTER = SqlToRelConverter.config()
            .withExpand(false)
            .withTrimUnusedFields(false);

    private static final Logger log = LoggerFactory.getLogger(ColumnLineage.class);

    private final Map<CorrelationId, List<Set<ColumnOrigin>>> correlations = new HashMap<>();

    private ColumnLineage() {
    }

    /** Lineage per output column, in output order; empty when anything in the plan is not understood. */
    static Map<String, List<ColumnOrigin>> of(SqlValidator validator, Prepare.CatalogReader reader, SqlNode validated) {
        try {
            RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()),
                    new RexBuilder(validator.getTypeFactory()));
            SqlToRelConverter converter = new SqlToRelConverter((rowType, query, schema, view) -> {
                throw new Unknown("a view");
            }, validator, reader, cluster, LineageConvertlets.INSTANCE, CONVERTER);
            RelRoot root = converter.convertQuery(validated, false, true);
            Flow flow = new ColumnLineage().flow(root.rel);
            Map<String, List<ColumnOrigin>> lineage = new LinkedHashMap<>();
            for (int i = 0; i < root.fields.size(); i++) {
                Set<ColumnOrigin> origins = new LinkedHashSet<>(flow.fields().get(root.fields.get(i).getKey()));
                origins.addAll(flow.rows());
                lineage.merge(root.fields.get(i).getValue(), List.copyOf(origins), ColumnLineage::union);
            }
            return lineage;
        }
        catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            log.debug("no column lineage: {}", e.toString());
            return Map.of();
        }
    }

    private static List<ColumnOrigin> union(List<ColumnOrigin> a, List<ColumnOrigin> b) {
        Set<ColumnOrigin> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * What one plan node yields: per output field the columns its value comes from, and the columns
     * that decide which of its rows exist.
     */
    record Flow(List<Set<ColumnOrigin>> fields, Set<ColumnOrigin> rows) {
    }

    Flow flow(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return scan(scan.getTable());
        }
        if (rel instanceof Project project) {
            Flow input = flow(project.getInput());
            bind(project.getVariablesSet(), input.fields());
            LineageExpressions expressions = new LineageExpressions(this, input.fields());
            List<Set<ColumnOrigin>> fields = new ArrayList<>();
            project.getProjects().forEach(e -> fields.add(expressions.origins(e)));
            return new Flow(fields, input.rows());
        }
        if (rel instanceof Filter filter) {
            Flow input = flow(filter.getInput());
            bind(filter.getVariablesSet(), input.fields());
            Set<ColumnOrigin> rows = new LinkedHashSet<>(input.rows());
            rows.addAll(as(Kind.FILTER, new LineageExpressions(this, input.fields()).origins(filter.getCondition())));
            return new Flow(input.fields(), rows);
        }
        if (rel instanceof Join join) {
            Flow left = flow(join.getLeft());
            Flow right = flow(join.getRight());
            List<Set<ColumnOrigin>> fields = concat(left.fields(), join.getJoinType().projectsRight() ? right.fields() : List.of());
            List<Set<ColumnOrigin>> both = concat(left.fields(), right.fields());
            bind(join.getVariablesSet(), both);
            Set<ColumnOrigin> rows = new LinkedHashSet<>(left.rows());
            rows.addAll(right.rows());
            rows.addAll(as(Kind.JOIN, new LineageExpressions(this, both).origins(join.getCondition())));
            return new Flow(fields, rows);
        }
        if (rel instanceof Correlate correlate) {
            Flow left = flow(correlate.getLeft());
            correlations.put(correlate.getCorrelationId(), left.fields());
            Flow right = flow(correlate.getRight());
            List<Set<ColumnOrigin>> fields = concat(left.fields(), correlate.getJoinType().projectsRight() ? right.fields() : List.of());
            Set<ColumnOrigin> rows = new LinkedHashSet<>(left.rows());
            rows.addAll(right.rows());
            rows.addAll(as(Kind.JOIN, new LineageExpressions(this, concat(left.fields(), right.fields())).origins(correlate.getCondition())));
            return new Flow(fields, rows);
        }
        if (rel instanceof Aggregate aggregate) {
            return aggregate(aggregate, flow(aggregate.getInput()));
        }
        if (rel instanceof SetOp setOp) {
            return setOperation(setOp);
        }
        if (rel instanceof Sort sort) {
            Flow input = flow(sort.getInput());
            if (sort.fetch == null && sort.offset == null) {
                return input;
            }
            // with LIMIT or OFFSET the sort keys choose which rows remain
            Set<ColumnOrigin> rows = new LinkedHashSet<>(input.rows());
            sort.getCollation().getFieldCollations().forEach(c -> rows.addAll(as(Kind.FILTER, input.fields().get(c.getFieldIndex()))));
            return new Flow(input.fields(), rows);
        }
        if (rel instanceof Uncollect uncollect) {
            return uncollect(uncollect, flow(uncollect.getInput()));
        }
        if (rel instanceof Values values) {
            return new Flow(empty(values.getRowType().getFieldCount()), Set.of());
        }
        if (rel instanceof Sample || rel instanceof Snapshot) {
            return flow(rel.getInput(0));
        }
        throw new Unknown(rel.getRelTypeName());
    }

    List<Set<ColumnOrigin>> correlation(CorrelationId id) {
        List<Set<ColumnOrigin>> fields = correlations.get(id);
        if (fields == null) {
            throw new Unknown("correlation " + id);
        }
        return fields;
    }

    private void bind(Set<CorrelationId> ids, List<Set<ColumnOrigin>> fields) {
        ids.forEach(id -> correlations.put(id, fields));
    }

    private static Flow scan(RelOptTable table) {
        InputSchema.ColumnsTable columns = table.unwrap(InputSchema.ColumnsTable.class);
        if (columns == null) {
            throw new Unknown("table " + table.getQualifiedName());
        }
        InputTable input = columns.input;
        List<Set<ColumnOrigin>> fields = new ArrayList<>();
        input.columns().forEach(c -> fields.add(Set.of(new ColumnOrigin(input.origin(), c.name(), Kind.DIRECT))));
        return new Flow(fields, Set.of());
    }

    private static Flow aggregate(Aggregate aggregate, Flow input) {
        List<Set<ColumnOrigin>> fields = new ArrayList<>();
        aggregate.getGroupSet().forEach(key -> fields.add(input.fields().get(key)));
        for (AggregateCall call : aggregate.getAggCallList()) {
            Set<ColumnOrigin> origins = new LinkedHashSet<>();
            call.getArgList().forEach(arg -> origins.addAll(as(Kind.TRANSFORMED, input.fields().get(arg))));
            if (call.filterArg >= 0) {
                origins.addAll(as(Kind.FILTER, input.fields().get(call.filterArg)));
            }
            fields.add(origins);
        }
        return new Flow(fields, input.rows());
    }

    private Flow setOperation(SetOp setOp) {
        List<Set<ColumnOrigin>> fields = empty(setOp.getRowType().getFieldCount());
        Set<ColumnOrigin> rows = new LinkedHashSet<>();
        for (int i = 0; i < setOp.getInputs().size(); i++) {
            Flow input = flow(setOp.getInput(i));
            rows.addAll(input.rows());
            // the subtracted side of EXCEPT never gives a value, it only removes rows
            boolean subtracted = setOp instanceof Minus && i > 0;
            for (int f = 0; f < fields.size(); f++) {
                if (subtracted) {
                    rows.addAll(as(Kind.FILTER, input.fields().get(f)));
                }
                else {
                    fields.get(f).addAll(input.fields().get(f));
                }
            }
        }
        return new Flow(fields, rows);
    }

    private static Flow uncollect(Uncollect uncollect, Flow input) {
        List<Set<ColumnOrigin>> fields = new ArrayList<>();
        List<Set<ColumnOrigin>> arrays = input.fields();
        for (int i = 0; i < arrays.size(); i++) {
            RelDataType element = uncollect.getInput().getRowType().getFieldList().get(i).getType().getComponentType();
            int width = element != null && element.isStruct() ? element.getFieldCount() : 1;
            for (int w = 0; w < width; w++) {
                fields.add(as(Kind.TRANSFORMED, arrays.get(i)));
            }
        }
        if (uncollect.withOrdinality) {
            fields.add(Set.of());
        }
        if (fields.size() != uncollect.getRowType().getFieldCount()) {
            throw new Unknown("an UNNEST of " + uncollect.getInput().getRowType());
        }
        return new Flow(fields, input.rows());
    }

    /** The same columns as one kind; a value that flows through any computation is transformed, not direct. */
    static Set<ColumnOrigin> as(Kind kind, Collection<ColumnOrigin> origins) {
        Set<ColumnOrigin> out = new LinkedHashSet<>();
        for (ColumnOrigin o : origins) {
            Kind k = kind == Kind.TRANSFORMED && o.kind() != Kind.DIRECT ? o.kind() : kind;
            out.add(new ColumnOrigin(o.origin(), o.column(), k));
        }
        return out;
    }

    private static List<Set<ColumnOrigin>> concat(List<Set<ColumnOrigin>> a, List<Set<ColumnOrigin>> b) {
        List<Set<ColumnOrigin>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Set<ColumnOrigin>> empty(int width) {
        List<Set<ColumnOrigin>> fields = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            fields.add(new LinkedHashSet<>());
        }
        return fields;
    }

    /** A plan node or expression lineage does not follow: the lineage of the query is left unknown. */
    static final class Unknown extends RuntimeException {
        Unknown(String what) {
            super("lineage does not follow " + what, null, false, false);
        }
    }
}
