package com.loanflow.risk.tables;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Camunda's Scala FEEL engine without its two per-cell set-up costs, which were most of a decision's time:
 * <ul>
 * <li>The stock {@link ScalaFeelEngine} calls {@code FeelEngine.evalUnaryTests(text, context)}, i.e.
 * {@code parseUnaryTests(text)} then {@code eval(parsed, context)}, re-parsing every cell of every row on every
 * evaluation. Here the parsed (and validated) expression is cached by its text, a pure function of it.</li>
 * <li>{@code FeelEngine.evaluate} then builds a fresh root context whose {@code BuiltinFunctions} constructor
 * assembles maps of ~150 built-in functions, for every cell. Those functions are stateless (the clock is read when
 * {@code now()} is called, not when the map is built), so the function provider is built once; the root context
 * itself (which carries the per-evaluation failure collector) is still created per evaluation, exactly as
 * {@code FeelEngine.rootContext()} does, and evaluated with the engine's own private {@code eval}.</li>
 * </ul>
 * Variable contexts are built exactly as in the stock engine, so results are unchanged. Anything unexpected (a text
 * that does not parse or validate, an exception, reflection unavailable) takes the stock path and its errors.
 */
final class CachingFeelEngine extends ScalaFeelEngine {

    private static final int MAX_CACHED = 10_000; // tables are static; this only bounds pathological callers

    private final ConcurrentMap<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
    private final FunctionProvider functions;
    private final MethodHandle validate; // FeelEngine.validate(ParsedExpression): Either
    private final MethodHandle eval;     // FeelEngine.eval(ParsedExpression, EvalContext): EvaluationResult

    CachingFeelEngine() {
        super(new ArrayList<>());
        // as FeelEngine.rootContext(): built-ins first, then the engine's own (custom) function provider
        functions = new FunctionProvider.CompositeFunctionProvider(toScalaList(
                new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
        MethodHandle validateHandle = null;
        MethodHandle evalHandle = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(FeelEngine.class, MethodHandles.lookup());
            validateHandle = lookup.findVirtual(FeelEngine.class, "validate",
                    MethodType.methodType(Either.class, ParsedExpression.class));
            evalHandle = lookup.findVirtual(FeelEngine.class, "eval",
                    MethodType.methodType(EvaluationResult.class, ParsedExpression.class, EvalContext.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            validateHandle = null; // another feel-scala version: keep only the parse cache
            evalHandle = null;
        }
        validate = validateHandle;
        eval = evalHandle;
    }

    /** Whether evaluation skips rebuilding the built-in functions (false on an unexpected feel-scala version). */
    boolean fastPath() {
        return eval != null && validate != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, false);
        if (parsed == null) {
            return super.evaluateSimpleExpression(expression, variableContext);
        }
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
        return (T) valueOrThrow(evaluate(parsed, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, true);
        if (parsed == null) {
            return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
        }
        VariableProvider.StaticVariableProvider input = new VariableProvider.StaticVariableProvider(
                new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new VariableProvider.CompositeVariableProvider(toScalaList(input, variables));
            }
        };
        return BoxesRunTime.unboxToBoolean(valueOrThrow(evaluate(parsed, context)));
    }

    private ParsedExpression parsed(ConcurrentMap<String, ParsedExpression> cache, String text, boolean unary) {
        ParsedExpression parsed = cache.get(text);
        if (parsed != null) {
            return parsed;
        }
        Either<FeelEngine.Failure, ParsedExpression> result = unary ? feelEngine.parseUnaryTests(text)
                : feelEngine.parseExpression(text);
        if (!(result instanceof Right<FeelEngine.Failure, ParsedExpression> right) || !valid(right.value())) {
            return null;
        }
        if (cache.size() < MAX_CACHED) {
            cache.putIfAbsent(text, right.value());
        }
        return right.value();
    }

    private boolean valid(ParsedExpression parsed) {
        if (validate == null) {
            return true; // stock evaluation validates on every call
        }
        try {
            return validate.invoke(feelEngine, parsed) instanceof Right;
        } catch (Throwable e) {
            return false;
        }
    }

    /** FeelEngine.eval(parsed, context) without rebuilding the built-in functions; stock path when not possible. */
    private Either<FeelEngine.Failure, Object> evaluate(ParsedExpression parsed, Context context) {
        if (eval == null) {
            return feelEngine.eval(parsed, context);
        }
        try {
            EvalContext root = EvalContext.create(feelEngine.valueMapper(), functions).merge(context);
            return ((EvaluationResult) eval.invoke(feelEngine, parsed, root)).toEither();
        } catch (Throwable e) {
            return feelEngine.eval(parsed, context); // the stock path turns the same exception into a failure
        }
    }

    private static Object valueOrThrow(Either<FeelEngine.Failure, Object> result) {
        if (result instanceof Right<FeelEngine.Failure, Object> right) {
            return right.value();
        }
        throw LOGGER.evaluationException(result.left().get().message());
    }
}
